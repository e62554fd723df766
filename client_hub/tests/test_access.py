# Copyright 2026 client_hub contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""What each role sees of a client: figures, cards, tabs and documents, per company."""

from lxml import etree

from odoo.exceptions import AccessError
from odoo.tests import Form, tagged

from .common import (
    INVOICING_USER,
    PROJECT_USER,
    SALES_MANAGER,
    SALESMAN,
    ClientOverviewCase,
)

INVOICING = "account.group_account_invoice"
TIMESHEET = "hr_timesheet.group_hr_timesheet_user"

# The hours are a timesheet user's: see test_figure_rights.
PROJECT_FIELDS = {
    "client_project_count",
    "client_task_overdue_count",
    "client_task_due_count",
    "client_task_upcoming_count",
    "client_project_ids",
}
# The hours are timesheets: shown to the users of hr_timesheet's group.
TIMESHEET_FIELDS = {"client_project_hours"}
SALE_FIELDS = {
    "client_order_count",
    "client_order_done_count",
    "client_quote_count",
    "client_opportunity_count",
    "client_order_ids",
    "client_quote_ids",
    "client_opportunity_ids",
}
INVOICE_FIELDS = {
    "client_invoice_authorized_count",
    "client_invoice_pending_count",
    "client_invoice_overdue_count",
    "client_invoice_pending_amount",
    "client_invoice_overdue_amount",
    "client_invoice_ids",
    "client_bill_ids",
}
# The named cards and tabs of the profile, and the buttons, that each set of rights
# shows.
PROJECT_PARTS = {
    "card_projects",
    "card_tasks",
    "projects",
    "action_client_hub_new_project",
}
SALE_PARTS = {
    "card_orders",
    "offers_quotes",
    "action_client_hub_new_quotation",
}
INVOICE_PARTS = {
    "card_invoices",
    "action_client_hub_new_invoice",
}
PROFILE = "client_hub.res_partner_view_form_client_hub"


class ClientAccessCase(ClientOverviewCase):
    """A client shared by two companies with documents of every kind in each, a
    client of each company, and a user for each role."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company_a = cls.env.company
        cls.company_b = cls.new_company("Client Hub Filial Porto, Lda.")
        cls.env["account.chart.template"].try_loading(
            "generic_coa", company=cls.company_b, install_demo=False
        )
        both = cls.company_a | cls.company_b
        cls.salesman = cls.new_user("cha_salesman", SALESMAN)
        cls.sales_manager = cls.new_user("cha_sales_manager", SALES_MANAGER)
        cls.invoicing_user = cls.new_user("cha_invoicing", INVOICING_USER)
        cls.invoicing_salesman = cls.new_user(
            "cha_invoicing_salesman", f"{SALESMAN},{INVOICING}"
        )
        cls.project_user = cls.new_user("cha_project", PROJECT_USER)
        cls.project_timesheet_user = cls.new_user(
            "cha_project_timesheet", f"{PROJECT_USER},{TIMESHEET}"
        )
        # Every right, in company B only; and in both companies.
        all_rights = f"{SALES_MANAGER},{PROJECT_USER},{TIMESHEET},{INVOICING}"
        cls.user_b = cls.new_user("cha_user_b", all_rights, cls.company_b)
        cls.user_ab = cls.new_user("cha_user_ab", all_rights, cls.company_a, both)

        cls.shared = cls.create_client("Partilhada Engenharia, Lda.", company_id=False)
        cls.client_a = cls.create_client("Só A, Lda.", company_id=cls.company_a.id)
        cls.client_b = cls.create_client("Só B, Lda.", company_id=cls.company_b.id)
        cls.documents = {
            company: cls.create_documents(cls.shared, company) for company in both
        }

    @classmethod
    def create_documents(cls, client, company):
        """One document of each kind of ``client`` in ``company``: project, overdue
        task, confirmed order, quotation, opportunity, overdue invoice, vendor bill."""
        env = cls.env
        cls.env = env(context=dict(env.context, allowed_company_ids=[company.id]))
        try:
            project = cls.create_project(client, company_id=company.id)
            task = cls.create_task(
                client, cls.local(cls.day(-2), 9), project_id=project.id
            )
            order = cls.create_order(client)
            order.action_confirm()
            quote = cls.create_order(client)
            lead = cls.create_opportunity(client, company_id=company.id)
            invoice = cls.create_invoice(client, -2, 10.0)
            invoice.action_post()
            bill = cls.create_invoice(client, 5, 7.0, move_type="in_invoice")
        finally:
            cls.env = env
        for record in (project, task, order, quote, lead, invoice, bill):
            assert record.company_id == company, record
        return {
            "project.project": project,
            "project.task": task,
            "sale.order": order | quote,
            "crm.lead": lead,
            "account.move": invoice | bill,
        }

    def arch(self, user, view, view_type):
        # get_view's "models" lists every group's fields; the arch is the user's.
        view = self.Partner.with_user(user).get_view(view.id, view_type)
        return etree.fromstring(view["arch"])

    def profile_arch(self, user):
        """The profile as ``user`` gets it: the fields and the named parts left in
        its arch once the parts of other groups are stripped."""
        view = self.env.ref(PROFILE)
        arch = self.arch(user, view, "form")
        fields = set(arch.xpath("//field/@name"))
        names = set(arch.xpath("//*[self::div or self::page or self::button]/@name"))
        return fields, names

    def open_profile(self, user, client=None, companies=None):
        """Open the client's profile as ``user``, reading every field it shows."""
        partner = (client or self.shared).with_user(user)
        if companies:
            partner = partner.with_context(allowed_company_ids=companies.ids)
        with Form(partner, view=PROFILE) as form:
            return form

    def assertSees(
        self, user, project=False, sale=False, invoice=False, timesheet=False
    ):
        """``user`` opens the profile, and it shows exactly the figures, cards and
        tabs of the rights given."""
        self.open_profile(user)
        fields, names = self.profile_arch(user)
        for shown, gated_fields, parts in (
            (project, PROJECT_FIELDS, PROJECT_PARTS),
            (timesheet, TIMESHEET_FIELDS, set()),
            (sale, SALE_FIELDS, SALE_PARTS),
            (invoice, INVOICE_FIELDS, INVOICE_PARTS),
        ):
            with self.subTest(user=user.login, fields=sorted(gated_fields)[0]):
                if shown:
                    self.assertLessEqual(gated_fields, fields)
                    self.assertLessEqual(parts, names)
                else:
                    self.assertFalse(gated_fields & fields)
                    self.assertFalse(parts & names)
        # Every role keeps the files and the contact data.
        self.assertIn("client_attachment_count", fields)
        self.assertLessEqual({"overview", "contact_data", "files"}, names)
        self.assertEqual(
            "orders_invoices" in names, sale or invoice, "Orders & Invoices tab"
        )


@tagged("post_install", "-at_install")
class TestProfilePerRole(ClientAccessCase):
    def test_salesman_sees_sales_only(self):
        self.assertFalse(self.salesman.has_group(INVOICING))
        self.assertFalse(self.salesman.has_group("account.group_account_readonly"))
        self.assertSees(self.salesman, sale=True)

    def test_sales_manager_sees_sales_only(self):
        self.assertSees(self.sales_manager, sale=True)

    def test_invoicing_user_sees_invoices_only(self):
        self.assertSees(self.invoicing_user, invoice=True)

    def test_invoicing_salesman_sees_sales_and_invoices(self):
        self.assertSees(self.invoicing_salesman, sale=True, invoice=True)

    def test_project_user_sees_projects_only(self):
        self.assertFalse(self.project_user.has_group(TIMESHEET))
        self.assertSees(self.project_user, project=True)

    def test_project_user_with_timesheets_sees_projects_and_hours(self):
        self.assertSees(self.project_timesheet_user, project=True, timesheet=True)

    def test_user_with_every_right_sees_everything(self):
        self.assertSees(
            self.user_ab, project=True, sale=True, invoice=True, timesheet=True
        )

    def test_figures_are_the_documents_of_the_user(self):
        """Each role's figures: a salesman counts only their own orders and leads,
        a sales manager every one, both in company A only."""
        self.documents[self.company_a]["sale.order"].user_id = self.salesman
        expected = {
            self.salesman: {"client_order_count": 1, "client_quote_count": 1},
            self.sales_manager: {
                "client_order_count": 1,
                "client_opportunity_count": 1,
            },
            self.invoicing_user: {
                "client_invoice_authorized_count": 1,
                "client_invoice_overdue_count": 1,
            },
            self.project_user: {
                "client_project_count": 1,
                "client_task_overdue_count": 1,
            },
        }
        for user, figures in expected.items():
            form = self.open_profile(user)
            for fname, value in figures.items():
                with self.subTest(user=user.login, figure=fname):
                    self.assertEqual(form[fname], value)

    def test_tabs_list_the_documents_the_user_may_read(self):
        form = self.open_profile(self.invoicing_salesman)
        self.assertEqual(len(form.client_invoice_ids), 1)
        self.assertEqual(len(form.client_bill_ids), 1)
        # A salesman sees only the orders they sell.
        self.assertEqual(len(form.client_order_ids), 0)
        form = self.open_profile(self.project_user)
        self.assertEqual(len(form.client_project_ids), 1)

    def test_figure_fields_are_refused_to_users_without_the_rights(self):
        """Read through the API, a gated figure raises rather than answering 0."""
        for user, fname in (
            (self.salesman, "client_invoice_overdue_amount"),
            (self.salesman, "client_project_count"),
            (self.project_user, "client_order_ids"),
            (self.invoicing_user, "client_task_overdue_count"),
        ):
            with self.subTest(user=user.login, figure=fname):
                with self.assertRaises(AccessError):
                    self.shared.with_user(user).read([fname])


@tagged("post_install", "-at_install")
class TestListAndKanbanAsSalesman(ClientAccessCase):
    def read_view(self, user, xmlid, view_type):
        arch = self.arch(user, self.env.ref(xmlid), view_type)
        fields = list(set(arch.xpath("//field/@name")))
        rows = self.Partner.with_user(user).search_read(self.clients_domain(), fields)
        return fields, rows

    def test_list_reads_without_access_error(self):
        fields, rows = self.read_view(
            self.salesman, "client_hub.res_partner_view_list_client_hub", "list"
        )
        self.assertIn(self.shared.id, [row["id"] for row in rows])
        self.assertIn("vat", fields)

    def test_kanban_card_shows_no_invoice_or_task_figure(self):
        for user, hidden in (
            (self.salesman, INVOICE_FIELDS | PROJECT_FIELDS | TIMESHEET_FIELDS),
            (self.invoicing_salesman, PROJECT_FIELDS | TIMESHEET_FIELDS),
            (self.user_ab, set()),
        ):
            with self.subTest(user=user.login):
                fields, rows = self.read_view(
                    user, "client_hub.res_partner_view_kanban_client_hub", "kanban"
                )
                self.assertTrue(rows)
                self.assertFalse(hidden & set(fields))
        self.assertIn("client_invoice_overdue_amount", fields)
        self.assertIn("client_task_overdue_count", fields)


@tagged("post_install", "-at_install")
class TestProfilePerCompany(ClientAccessCase):
    def test_user_of_another_company_sees_only_its_clients(self):
        found = self.Partner.with_user(self.user_b).search(
            self.clients_domain()
            + [("id", "in", (self.shared | self.client_a | self.client_b).ids)]
        )
        self.assertEqual(found, self.shared | self.client_b)
        with self.assertRaises(AccessError):
            self.open_profile(self.user_b, self.client_a)

    def test_figures_count_only_the_allowed_companies(self):
        one = {
            "client_project_count": 1,
            "client_task_overdue_count": 1,
            "client_order_count": 1,
            "client_quote_count": 1,
            "client_opportunity_count": 1,
            "client_invoice_authorized_count": 1,
            "client_invoice_overdue_count": 1,
            "client_invoice_overdue_amount": 10.0,
        }
        two = {fname: value * 2 for fname, value in one.items()}
        # As the web client does, the companies selected are in the context.
        for user, companies, expected in (
            (self.user_b, None, one),
            (self.user_ab, self.company_a, one),
            (self.user_ab, self.company_a | self.company_b, two),
        ):
            form = self.open_profile(user, companies=companies)
            for fname, value in expected.items():
                with self.subTest(user=user.login, figure=fname, companies=companies):
                    self.assertEqual(form[fname], value)

    def test_figures_follow_the_company_selection_within_one_transaction(self):
        """No cache clearing between the reads: the figures and tabs depend on the
        user's selected companies, so a new selection is counted anew."""
        partner = self.shared.with_user(self.user_ab)
        both = partner.with_context(
            allowed_company_ids=(self.company_a | self.company_b).ids
        )
        only_a = partner.with_context(allowed_company_ids=self.company_a.ids)
        self.assertEqual(both.client_order_count, 2)
        self.assertEqual(only_a.client_order_count, 1)
        self.assertEqual(len(both.client_order_ids), 2)
        self.assertEqual(len(only_a.client_order_ids), 1)

    def test_tabs_list_only_the_documents_of_the_allowed_companies(self):
        documents_b = self.documents[self.company_b]
        form = self.open_profile(self.user_b)
        for fname, model in (
            ("client_project_ids", "project.project"),
            ("client_order_ids", "sale.order"),
            ("client_quote_ids", "sale.order"),
            ("client_opportunity_ids", "crm.lead"),
            ("client_invoice_ids", "account.move"),
            ("client_bill_ids", "account.move"),
        ):
            with self.subTest(tab=fname):
                ids = {record.id for record in form[fname]}
                self.assertTrue(ids)
                self.assertLessEqual(ids, set(documents_b[model].ids))

    def test_actions_of_the_figures_open_only_the_allowed_documents(self):
        shared = self.shared.with_user(self.user_b)
        for fname, model in (
            ("client_project_count", "project.project"),
            ("client_order_count", "sale.order"),
            ("client_invoice_overdue_count", "account.move"),
        ):
            action = shared.with_context(
                client_hub_figure=fname
            ).action_client_hub_open_figure()
            found = self.env[model].with_user(self.user_b).search(action["domain"])
            with self.subTest(figure=fname):
                self.assertEqual(found, self.documents[self.company_b][model] & found)
                self.assertTrue(found)
