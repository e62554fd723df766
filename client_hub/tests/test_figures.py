# Copyright 2026 client_hub contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The client's overview figures, their query budget, and who may open the profile."""

from lxml import etree

from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import Form, new_test_user, tagged

from .common import FIGURES, ClientOverviewCase


@tagged("post_install", "-at_install")
class TestClientOverview(ClientOverviewCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.client = cls.create_client("Alfa Engenharia")
        cls.contact = cls.Partner.create({"name": "Ana", "parent_id": cls.client.id})
        cls.other = cls.create_client("Beta Comércio")

        # Projects: the client's, its contact's, an archived one, another client's.
        cls.create_project(cls.client, hours=3.0)
        cls.create_project(cls.contact, hours=2.0)
        cls.create_project(cls.client, hours=10.0, active=False)
        cls.create_project(cls.other, hours=7.0)

        # Tasks around the boundaries of today and today + 7, in the user's timezone.
        cls.create_task(cls.client, cls.local(cls.day(-1), 23, 30))  # overdue
        cls.create_task(cls.contact, cls.local(cls.day(-10), 9))  # overdue
        cls.create_task(cls.client, cls.local(cls.day(0), 0, 30))  # due: today
        cls.create_task(cls.client, cls.local(cls.day(7), 23, 0))  # due: in 7 days
        cls.create_task(cls.client, cls.local(cls.day(8), 0, 30))  # upcoming
        cls.create_task(cls.client)  # upcoming: no deadline
        cls.create_task(cls.client, cls.local(cls.day(-3), 9), state="1_done")
        cls.create_task(cls.client, cls.local(cls.day(-3), 9), state="1_canceled")
        cls.create_task(cls.other, cls.local(cls.day(-3), 9))

        # Orders: a quotation, a sent one (contact), confirmed, invoiced, cancelled.
        cls.create_order(cls.client)
        cls.create_order(cls.contact).state = "sent"
        cls.create_order(cls.client).action_confirm()
        invoiced = cls.create_order(cls.client, qty=4)
        invoiced.action_confirm()
        cls.order_invoice = invoiced._create_invoices()
        cls.order_invoice.invoice_date_due = cls.today
        cancelled = cls.create_order(cls.client)
        cancelled.action_confirm()
        cancelled._action_cancel()
        cls.create_order(cls.other).action_confirm()

        # Invoices: draft, pending due today, overdue since yesterday, partly paid
        # overdue, paid, credit note, the contact's, another client's.
        cls.create_invoice(cls.client, -5, 999.0)  # draft
        posted = (
            cls.order_invoice
            | cls.create_invoice(cls.client, 0, 100.0)
            | cls.create_invoice(cls.client, -1, 200.0)
        )
        partial = cls.create_invoice(cls.client, -20, 300.0)
        paid = cls.create_invoice(cls.client, -20, 50.0)
        refund = cls.create_invoice(cls.client, 0, 70.0, move_type="out_refund")
        contact_invoice = cls.create_invoice(cls.contact, -2, 40.0)
        other_invoice = cls.create_invoice(cls.other, -2, 500.0)
        (
            posted | partial | paid | refund | contact_invoice | other_invoice
        ).action_post()
        cls.pay(partial, 120.0)
        cls.pay(paid)

        # Opportunities: open (client and contact), won, lost, a lead, another's.
        cls.create_opportunity(cls.client)
        cls.create_opportunity(cls.contact)
        cls.create_opportunity(cls.client).action_set_won()
        cls.create_opportunity(cls.client).action_set_lost()
        cls.create_opportunity(cls.client, type="lead")
        cls.create_opportunity(cls.other)

        cls.attach(cls.client)
        cls.attach(cls.client, "second.pdf")
        cls.attach(cls.contact)
        cls.attach(cls.other)

    def test_figures_count_every_bucket_and_boundary(self):
        """The client's figures include its contact's documents and nothing else:
        not another client's, closed or cancelled tasks, cancelled orders, draft or
        paid invoices, credit notes, won or lost opportunities, archived projects."""
        self.assertEqual(
            self.figures(self.client),
            {
                "client_project_count": 2,
                "client_project_hours": 5.0,
                "client_task_overdue_count": 2,
                "client_task_due_count": 2,
                "client_task_upcoming_count": 2,
                "client_order_count": 2,
                "client_order_done_count": 1,
                "client_quote_count": 2,
                "client_opportunity_count": 2,
                "client_invoice_authorized_count": 6,
                "client_invoice_pending_count": 2,
                "client_invoice_overdue_count": 3,
                "client_invoice_pending_amount": 400.0 + 100.0,
                "client_invoice_overdue_amount": 200.0 + 180.0 + 40.0,
                # Open receivable items: invoices, the credit note (due today).
                "client_receivable_current_amount": 400.0 + 100.0 - 70.0,
                "client_receivable_1_30_amount": 200.0 + 180.0 + 40.0,
                "client_receivable_31_60_amount": 0.0,
                "client_receivable_61_90_amount": 0.0,
                "client_receivable_90_plus_amount": 0.0,
                "client_last_order_date": max(
                    self.env["sale.order"]
                    .search(
                        [("partner_id", "=", self.client.id), ("state", "=", "sale")]
                    )
                    .mapped("date_order")
                ),
                "client_last_invoice_date": self.order_invoice.invoice_date,
                "client_attachment_count": 3,
            },
        )

    def test_contact_figures_are_its_own(self):
        """A contact's figures count its own documents, not its company's."""
        figures = self.figures(self.contact)
        self.assertEqual(figures["client_task_overdue_count"], 1)
        self.assertEqual(figures["client_invoice_overdue_amount"], 40.0)
        self.assertEqual(figures["client_order_count"], 0)

    def test_figures_in_a_batch_equal_figures_one_by_one(self):
        clients = self.client | self.other | self.contact
        clients.invalidate_recordset(FIGURES)
        batch = {p.id: {f: p[f] for f in FIGURES} for p in clients}
        for partner in clients:
            self.assertEqual(batch[partner.id], self.figures(partner))

    def test_today_follows_the_user_timezone(self):
        """At 01:00 UTC it is still yesterday in São Paulo: a task due at 23:30
        local yesterday is overdue for the user, whatever its UTC date."""
        task = self.create_task(self.other, self.local(self.day(0), 0, 30))
        self.assertEqual(self.figures(self.other)["client_task_due_count"], 1)
        task.date_deadline = self.local(self.day(-1), 23, 30)
        self.assertEqual(self.figures(self.other)["client_task_overdue_count"], 2)

    def test_overdue_filters_find_clients_through_their_contacts(self):
        third = self.create_client("Gama Lda")
        third_contact = self.Partner.create({"name": "Rui", "parent_id": third.id})
        fourth = self.create_client("Delta SA")
        self.create_invoice(third_contact, -3, 10.0).action_post()
        found = self.Partner.search([("client_invoice_overdue_count", ">", 0)])
        self.assertIn(self.client, found)
        self.assertIn(self.other, found)
        self.assertIn(third, found)
        self.assertIn(third_contact, found)
        none = self.Partner.search([("client_invoice_overdue_count", "=", 0)])
        self.assertNotIn(third, none)
        self.assertIn(fourth, none)
        found = self.Partner.search([("client_task_overdue_count", ">", 1)])
        self.assertIn(self.client, found)
        self.assertNotIn(self.other, found)

    def test_search_view_offers_the_overdue_filters(self):
        arch = self.Partner.get_view(
            self.env.ref("client_hub.res_partner_view_search_client_hub").id, "search"
        )["arch"]
        self.assertIn('name="filter_overdue_invoices"', arch)
        self.assertIn('name="filter_overdue_tasks"', arch)

    def test_each_figure_opens_the_list_it_counts(self):
        """Every figure's button opens its app's own list, narrowed to the records
        it counts (or sums), without the app's default filters."""
        figures = self.figures(self.client)
        client = self.client
        for fname, figure in client._client_hub_figures().items():
            action = client.with_context(
                client_hub_figure=fname
            ).action_client_hub_open_figure()
            self.assertEqual(action["res_model"], figure.model, fname)
            self.assertFalse(
                [key for key in action["context"] if key.startswith("search_default_")]
            )
            found = self.env[action["res_model"]].search(action["domain"])
            column, __, function = figure.aggregate.partition(":")
            if figure.aggregate == "__count":
                self.assertEqual(len(found), figures[fname], fname)
            elif function == "max":
                self.assertEqual(max(found.mapped(column)), figures[fname], fname)
            else:
                self.assertAlmostEqual(sum(found.mapped(column)), figures[fname])

    def test_a_button_without_a_figure_is_refused(self):
        with self.assertRaises(UserError):
            self.client.with_context(
                client_hub_figure="name"
            ).action_client_hub_open_figure()

    def test_every_figure_field_is_described(self):
        """Each field computed as a figure has a description, and back."""
        computed = {
            name
            for name, field in self.Partner._fields.items()
            if field.compute == "_compute_client_figures"
        }
        self.assertEqual(computed, set(self.Partner._client_hub_figures()))
        self.assertEqual(computed, set(FIGURES))

    def test_new_document_buttons_prefill_the_client(self):
        for method, model in [
            ("action_client_hub_new_quotation", "sale.order"),
            ("action_client_hub_new_project", "project.project"),
            ("action_client_hub_new_invoice", "account.move"),
        ]:
            action = getattr(self.client, method)()
            self.assertEqual(action["res_model"], model)
            self.assertEqual(action["context"]["default_partner_id"], self.client.id)

    def test_profile_tabs_list_the_documents(self):
        client = self.client
        self.assertEqual(len(client.client_project_ids), 2)
        self.assertEqual(len(client.client_order_ids), 2)
        self.assertEqual(len(client.client_quote_ids), 2)
        self.assertEqual(len(client.client_opportunity_ids), 2)
        self.assertIn("out_refund", client.client_invoice_ids.mapped("move_type"))
        self.assertFalse(client.client_bill_ids)

    def test_file_added_in_the_files_tab_belongs_to_the_client(self):
        """The Files tab saves a new file as a line of ``client_attachment_ids``."""
        self.client.write(
            {"client_attachment_ids": [Command.create({"name": "a.txt", "raw": b"a"})]}
        )
        added = self.client.client_attachment_ids.filtered(lambda a: a.name == "a.txt")
        self.assertEqual(added.res_model, "res.partner")
        self.assertEqual(added.res_id, self.client.id)


@tagged("post_install", "-at_install")
class TestClientOverviewAccess(ClientOverviewCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.salesman = new_test_user(
            cls.env,
            login="ch_salesman",
            groups="base.group_user,sales_team.group_sale_salesman",
        )
        cls.seller_no_projects = new_test_user(
            cls.env,
            login="ch_seller_billing",
            groups="base.group_user,sales_team.group_sale_salesman,"
            "account.group_account_invoice",
        )
        cls.client = cls.create_client("Alfa Engenharia")
        cls.project = cls.create_project(cls.client, hours=1.0)
        cls.create_task(
            cls.client, cls.local(cls.day(-2), 9), project_id=cls.project.id
        )
        # Salesmen see their own orders and opportunities only.
        cls.create_order(cls.client).write({"user_id": cls.salesman.id})
        cls.create_opportunity(cls.client, user_id=cls.salesman.id)
        cls.create_invoice(cls.client, -2, 10.0).action_post()
        cls.attach(cls.client)

    def open_profile(self, user):
        """Open the client's profile as ``user``: every field the form shows."""
        view = "client_hub.res_partner_view_form_client_hub"
        with Form(self.client.with_user(user), view=view) as form:
            return form

    def test_salesman_without_invoicing_opens_the_profile(self):
        self.assertFalse(self.salesman.has_group("account.group_account_invoice"))
        self.assertFalse(self.salesman.has_group("account.group_account_readonly"))
        form = self.open_profile(self.salesman)
        self.assertEqual(form.client_quote_count, 1)
        self.assertEqual(form.client_opportunity_count, 1)
        self.assertNotIn("client_invoice_overdue_count", form._view["fields"])

    def test_user_without_project_rights_opens_the_profile(self):
        user = self.seller_no_projects
        self.assertFalse(user.has_group("project.group_project_user"))
        form = self.open_profile(user)
        self.assertEqual(form.client_invoice_overdue_count, 1)
        self.assertNotIn("client_task_overdue_count", form._view["fields"])

    def test_kanban_card_reads_without_access_error(self):
        view = self.env.ref("client_hub.res_partner_view_kanban_client_hub")
        for user in (self.salesman, self.seller_no_projects):
            partners = self.Partner.with_user(user)
            arch = etree.fromstring(partners.get_view(view.id, "kanban")["arch"])
            partners.browse(self.client.id).read(list(set(arch.xpath("//field/@name"))))

    def test_documents_of_an_inaccessible_company_are_not_counted(self):
        other_company = self.env["res.company"].create({"name": "Filial Porto"})
        project = self.create_project(self.client, company_id=other_company.id)
        self.create_task(
            self.client, self.local(self.day(-2), 9), project_id=project.id
        )
        self.create_opportunity(self.client, company_id=other_company.id)
        self.attach(self.client)
        user = new_test_user(
            self.env,
            login="ch_one_company",
            groups="base.group_user,sales_team.group_sale_salesman_all_leads,"
            "project.group_project_user",
        )
        figures = self.figures(self.client.with_user(user))
        self.assertEqual(figures["client_project_count"], 1)
        self.assertEqual(figures["client_task_overdue_count"], 1)
        self.assertEqual(figures["client_opportunity_count"], 1)
        user.company_ids |= other_company
        both = self.client.with_user(user).with_context(
            allowed_company_ids=(self.env.company | other_company).ids
        )
        figures = self.figures(both)
        self.assertEqual(figures["client_project_count"], 2)
        self.assertEqual(figures["client_task_overdue_count"], 2)
        self.assertEqual(figures["client_opportunity_count"], 2)

    def figures(self, partner):
        partner.invalidate_recordset(FIGURES)
        return {
            f: partner[f]
            for f in FIGURES
            if partner._fields[f].is_accessible(partner.env)
        }


@tagged("post_install", "-at_install")
class TestClientOverviewQueries(ClientOverviewCase):
    """The figures cost the same number of queries for 1 client as for 50."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Partner = cls.Partner
        cls.clients = Partner.create(
            [
                {"name": f"Client {i}", "is_company": True, "customer_rank": 1}
                for i in range(50)
            ]
        )
        contacts = Partner.create(
            [{"name": f"Contact {c.id}", "parent_id": c.id} for c in cls.clients]
        )
        for partner in cls.clients | contacts:
            cls.create_project(partner, hours=1.0)
            cls.create_task(partner, cls.local(cls.day(-1), 9))
            cls.create_opportunity(partner)
            cls.attach(partner)
        orders = cls.env["sale.order"].create(
            [
                {
                    "partner_id": p.id,
                    "order_line": [Command.create({"product_id": cls.product.id})],
                }
                for p in cls.clients | contacts
            ]
        )
        orders[::2].action_confirm()
        invoices = cls.env["account.move"].create(
            [
                {
                    "move_type": "out_invoice",
                    "partner_id": p.id,
                    "invoice_date": cls.day(-40),
                    "invoice_date_due": cls.day(-10 if p.id % 2 else 10),
                    "invoice_line_ids": [
                        Command.create({"name": "S", "price_unit": 10.0})
                    ],
                }
                for p in cls.clients | contacts
            ]
        )
        invoices.action_post()
        cls.user = new_test_user(
            cls.env,
            login="ch_everything",
            groups="base.group_user,sales_team.group_sale_salesman,"
            "project.group_project_user,account.group_account_invoice,"
            "hr_timesheet.group_hr_timesheet_approver",
        )

    def count_queries(self, partners):
        """Count the queries of reading every figure of ``partners``, cold cache.

        The partners' currency (Odoo's own field, which the amounts display in) is
        read first: its cost depends on the user's companies, not on our figures.
        """
        partners.env.invalidate_all()
        partners.mapped("currency_id")
        before = self.env.cr.sql_log_count
        for partner in partners:
            for fname in FIGURES:
                partner.mapped(fname)
        return self.env.cr.sql_log_count - before

    def test_query_count_does_not_grow_with_clients(self):
        clients = self.clients.with_user(self.user)
        # Warm the caches of rights, rules and groups, filled once per process.
        self.count_queries(clients)
        self.count_queries(clients[:1])
        one = self.count_queries(clients[:1])
        fifty = self.count_queries(clients)
        self.assertEqual(self.figures(clients[0])["client_project_count"], 2)
        self.assertLessEqual(one, 20)
        self.assertEqual(one, fifty)
