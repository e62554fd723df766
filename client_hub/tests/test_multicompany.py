# Copyright 2026 client_hub contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Who sees Clients, and how the tax ID is unique per company, user by user."""

from contextlib import contextmanager

from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import (
    INTERNAL_USER,
    INVOICING_USER,
    PROJECT_USER,
    PT_NIF,
    SALES_MANAGER,
    SALESMAN,
    ClientHubCase,
)


class ClientHubMultiCompanyCase(ClientHubCase):
    @contextmanager
    def assertDuplicateOf(self, name):
        """The block fails with the message naming ``name``; assertRaises rolls the
        failed write back (assertRaisesRegex would not)."""
        with self.assertRaises(ValidationError) as caught:
            yield
        self.assertIn(name, str(caught.exception))

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company_a = cls.env.company
        cls.company_b = cls.new_company("Client Hub B, Lda.")
        cls.salesman = cls.new_user("ch_salesman", SALESMAN)
        cls.sales_manager = cls.new_user("ch_sales_manager", SALES_MANAGER)
        cls.invoicing_user = cls.new_user("ch_invoicing", INVOICING_USER)
        cls.project_user = cls.new_user("ch_project", PROJECT_USER)
        cls.internal_user = cls.new_user("ch_internal", INTERNAL_USER)
        cls.salesman_b = cls.new_user("ch_salesman_b", SALESMAN, cls.company_b)
        cls.salesman_ab = cls.new_user(
            "ch_salesman_ab", SALESMAN, cls.company_a, cls.company_b
        )


@tagged("post_install", "-at_install")
class TestClientsMenu(ClientHubMultiCompanyCase):
    def assertSeesClients(self, user, sees=True):
        menu = self.env.ref("client_hub.menu_client_hub_clients")
        visible = self.env["ir.ui.menu"].with_user(user)._visible_menu_ids()
        self.assertEqual(menu.id in visible, sees, f"{user.login} sees Clients")

    def test_sales_users_see_clients(self):
        for user in (self.salesman, self.sales_manager, self.salesman_b):
            self.assertSeesClients(user)

    def test_users_without_a_sales_group_do_not(self):
        for user in (self.invoicing_user, self.project_user, self.internal_user):
            self.assertSeesClients(user, sees=False)


@tagged("post_install", "-at_install")
class TestTaxIdPerCompany(ClientHubMultiCompanyCase):
    def test_same_tax_id_in_two_companies_is_allowed(self):
        first = self.create_client("Tejo A, Lda.", PT_NIF, company_id=self.company_a.id)
        second = self.create_client(
            "Tejo B, Lda.", PT_NIF, company_id=self.company_b.id
        )
        self.assertEqual(first.client_vat_key, second.client_vat_key)

    def test_same_tax_id_in_the_same_company_is_refused(self):
        self.create_client("Tejo A, Lda.", PT_NIF, company_id=self.company_a.id)
        with self.assertDuplicateOf('client "Tejo A, Lda."'):
            self.create_client("Outra, Lda.", PT_NIF, company_id=self.company_a.id)

    def test_a_shared_client_conflicts_with_every_company(self):
        self.create_client("Tejo Partilhada, Lda.", PT_NIF, company_id=False)
        for company in (self.company_a, self.company_b):
            with (
                self.subTest(company=company.name),
                self.assertDuplicateOf("Tejo Partilhada"),
            ):
                self.create_client("Outra, Lda.", PT_NIF, company_id=company.id)

    def test_a_new_shared_client_conflicts_with_a_company_client(self):
        self.create_client("Tejo B, Lda.", PT_NIF, company_id=self.company_b.id)
        with self.assertDuplicateOf("Tejo B, Lda."):
            self.create_client("Tejo Partilhada, Lda.", PT_NIF, company_id=False)

    def test_moving_a_client_to_a_company_that_has_its_tax_id_is_refused(self):
        self.create_client("Tejo A, Lda.", PT_NIF, company_id=self.company_a.id)
        other = self.create_client("Tejo B, Lda.", PT_NIF, company_id=self.company_b.id)
        with self.assertDuplicateOf("Tejo A, Lda."):
            other.company_id = self.company_a


@tagged("post_install", "-at_install")
class TestTaxIdPerCompanyByUser(ClientHubMultiCompanyCase):
    """The same rules, applied to what each user may do and see."""

    def as_user(self, user, name, vat, company):
        partner = self.env["res.partner"].with_user(user)
        return partner.create(
            {
                "name": name,
                "vat": vat,
                "country_id": self.portugal.id,
                "is_company": True,
                "customer_rank": 1,
                "company_id": company.id if company else False,
            }
        )

    def test_salesman_gets_the_duplicate_named(self):
        self.as_user(self.salesman, "Tejo A, Lda.", PT_NIF, self.company_a)
        for user in (self.salesman, self.sales_manager):
            with (
                self.subTest(user=user.login),
                self.assertDuplicateOf('client "Tejo A, Lda."'),
            ):
                self.as_user(user, "Outra, Lda.", PT_NIF, self.company_a)

    def test_user_of_another_company_may_add_the_same_tax_id_in_theirs(self):
        self.as_user(self.salesman, "Tejo A, Lda.", PT_NIF, self.company_a)
        client_b = self.as_user(self.salesman_b, "Tejo B, Lda.", PT_NIF, self.company_b)
        self.assertEqual(client_b.company_id, self.company_b)

    def test_a_client_the_user_cannot_access_is_not_named(self):
        """A shared client conflicts with company A's, which the user of company B
        may not read: the message says so without naming it."""
        self.as_user(self.salesman, "Tejo Secreta A, Lda.", PT_NIF, self.company_a)
        with self.assertRaises(ValidationError) as caught:
            self.as_user(self.salesman_b, "Tejo Partilhada, Lda.", PT_NIF, False)
        message = str(caught.exception)
        self.assertIn("a company you cannot access", message)
        self.assertNotIn("Secreta", message)

    def test_a_user_of_both_companies_gets_it_named(self):
        self.as_user(self.salesman, "Tejo A, Lda.", PT_NIF, self.company_a)
        with self.assertDuplicateOf('client "Tejo A, Lda."'):
            self.as_user(self.salesman_ab, "Tejo Partilhada, Lda.", PT_NIF, False)

    def test_a_user_of_another_company_cannot_read_that_client(self):
        client_a = self.as_user(self.salesman, "Tejo A, Lda.", PT_NIF, self.company_a)
        found = (
            self.env["res.partner"]
            .with_user(self.salesman_b)
            .search([("id", "=", client_a.id)])
        )
        self.assertFalse(found)
