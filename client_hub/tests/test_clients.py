# Copyright 2026 client_hub contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.tests import Form, tagged
from odoo.tools.safe_eval import safe_eval

from .common import PT_NIF, ClientHubCase


@tagged("post_install", "-at_install")
class TestClientsMenu(ClientHubCase):
    def test_sales_menu_opens_the_clients_action_for_salesmen(self):
        menu = self.env.ref("client_hub.menu_client_hub_clients")
        self.assertEqual(menu.parent_id, self.env.ref("sale.sale_menu_root"))
        self.assertEqual(menu.action, self.clients_action)
        self.assertIn(self.env.ref("sales_team.group_sale_salesman"), menu.groups_id)
        self.assertEqual(self.clients_action.res_model, "res.partner")
        self.assertEqual(
            self.clients_action.view_mode.split(","), ["list", "kanban", "form"]
        )
        views = {mode: view_id for view_id, mode in self.clients_action.views}
        self.assertEqual(
            views["form"],
            self.env.ref("client_hub.res_partner_view_form_client_hub").id,
        )
        self.assertEqual(
            views["list"],
            self.env.ref("client_hub.res_partner_view_list_client_hub").id,
        )

    def test_clients_action_lists_customers_not_their_contacts_nor_vendors(self):
        client = self.create_client("Tejo Consultores, Lda.")
        contact = self.Partner.create({"name": "Rita Gomes", "parent_id": client.id})
        vendor = self.Partner.create(
            {"name": "Fornecedor, Lda.", "is_company": True, "supplier_rank": 1}
        )
        self.assertIsListedAsClient(client)
        self.assertIsListedAsClient(contact, listed=False)
        self.assertIsListedAsClient(vendor, listed=False)

    def test_search_filters_companies_individuals_and_archived(self):
        company = self.create_client("Tejo Consultores, Lda.")
        person = self.create_client("Joana Duarte", is_company=False)
        archived = self.create_client("Antiga, Lda.", active=False)
        search_view = self.Partner.get_view(
            self.clients_action.search_view_id.id, "search"
        )["arch"]
        for name in ("type_company", "type_person", "inactive"):
            self.assertIn(f'name="{name}"', search_view)
        base = self.clients_domain() + [("id", "in", (company | person | archived).ids)]
        Partner = self.Partner
        self.assertEqual(Partner.search(base + [("is_company", "=", True)]), company)
        self.assertEqual(Partner.search(base + [("is_company", "=", False)]), person)
        self.assertEqual(
            Partner.with_context(active_test=False).search(
                base + [("active", "=", False)]
            ),
            archived,
        )


@tagged("post_install", "-at_install")
class TestAddClient(ClientHubCase):
    def _add_client_form(self):
        action = self.env.ref("client_hub.res_partner_action_add_client")
        self.assertEqual(action.target, "new")
        partners = self.Partner.with_context(**safe_eval(action.context))
        return Form(partners, view=action.view_id)

    def test_add_client_creates_a_company_client_and_opens_its_profile(self):
        with self._add_client_form() as form:
            form.name = "Tejo Consultores, Lda."
            form.vat = f"PT{PT_NIF}"
            form.street = "Rua Augusta, 100"
            form.zip = "1100-053"
            form.city = "Lisboa"
            form.country_id = self.portugal
            form.state_id = self.env.ref("base.state_pt_pt-11")
        client = form.record
        self.assertTrue(client.is_company)
        self.assertGreaterEqual(client.customer_rank, 1)
        self.assertEqual(client.client_vat_key, PT_NIF)
        self.assertIsListedAsClient(client)

        action = client.action_client_hub_open_profile()
        self.assertEqual(action["res_model"], "res.partner")
        self.assertEqual(action["res_id"], client.id)
        self.assertEqual(
            action["views"],
            [(self.env.ref("client_hub.res_partner_view_form_client_hub").id, "form")],
        )

    def test_add_client_needs_a_legal_name(self):
        form = self._add_client_form()
        form.city = "Lisboa"
        with self.assertRaises(AssertionError):
            form.save()

    def test_tax_id_is_optional(self):
        with self._add_client_form() as form:
            form.name = "Sem NIF, Lda."
        self.assertFalse(form.record.vat)
        self.assertFalse(form.record.client_vat_key)
        self.assertIsListedAsClient(form.record)


@tagged("post_install", "-at_install")
class TestBecomingAClient(ClientHubCase):
    def test_contact_with_a_quotation_appears_under_clients(self):
        company = self.Partner.create(
            {"name": "Nova Empresa, S.A.", "is_company": True}
        )
        contact = self.Partner.create({"name": "Paulo Reis", "parent_id": company.id})
        self.assertIsListedAsClient(company, listed=False)
        self.env["sale.order"].create({"partner_id": contact.id})
        self.assertIsListedAsClient(company)
        self.assertIsListedAsClient(contact, listed=False)

    def test_individual_with_a_posted_invoice_appears_under_clients(self):
        person = self.Partner.create({"name": "Helena Marques"})
        self.assertIsListedAsClient(person, listed=False)
        invoice = self.env["account.move"].create(
            {
                "move_type": "out_invoice",
                "partner_id": person.id,
                "invoice_line_ids": [
                    Command.create({"name": "Consultoria", "price_unit": 100})
                ],
            }
        )
        invoice.action_post()
        self.assertIsListedAsClient(person)
