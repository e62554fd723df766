# Copyright 2026 client_hub contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The Clients list as a portfolio: the receivables aging and its bucket boundaries,
the last dates, sorting, filtering and group sums by any figure, with the reading
user's rights; Clients under Invoicing."""

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged

from .common import (
    AGING,
    INVOICING_USER,
    SALES_MANAGER,
    SALESMAN,
    ClientOverviewCase,
)

READONLY_ACCOUNTANT = "base.group_user,account.group_account_readonly"
INVOICING_ONLY = INVOICING_USER


class PortfolioCase(ClientOverviewCase):
    """Helpers to read the Clients list as the web client does."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.cash = cls.env["account.journal"].search(
            [("type", "in", ("bank", "cash")), ("company_id", "=", cls.env.company.id)],
            limit=1,
        )

    @classmethod
    def unallocated_payment(cls, partner, amount, days_ago):
        """A customer payment posted on the client and reconciled with nothing."""
        payment = cls.env["account.payment"].create(
            {
                "payment_type": "inbound",
                "partner_type": "customer",
                "partner_id": partner.id,
                "amount": amount,
                "date": cls.day(-days_ago),
                "journal_id": cls.cash.id,
            }
        )
        payment.action_post()
        return payment

    def aging(self, partner):
        partner.invalidate_recordset(AGING)
        return [partner[fname] for fname in AGING]

    def page(self, order, domain=(), user=None, **spec):
        """Names of the first clients of the list sorted by ``order``."""
        partners = self.Partner.with_user(user) if user else self.Partner
        records = partners.web_search_read(
            [("id", "in", self.clients.ids), *domain],
            {"display_name": {}, **spec},
            order=order,
        )["records"]
        return [record["display_name"] for record in records]


@tagged("post_install", "-at_install")
class TestReceivablesAging(PortfolioCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.client = cls.create_client("Alfa Engenharia")
        cls.contact = cls.Partner.create({"name": "Ana", "parent_id": cls.client.id})
        # One invoice per boundary, each amount a power of two to tell them apart.
        cls.boundaries = {}
        for power, days_past_due in enumerate((-5, 0, 1, 30, 31, 60, 61, 90, 91)):
            invoice = cls.create_invoice(cls.client, -days_past_due, 2.0**power)
            cls.boundaries[days_past_due] = invoice
        invoices = cls.env["account.move"].union(*cls.boundaries.values())
        invoices.action_post()
        cls.clients = cls.client

    def test_each_bucket_boundary(self):
        """Due today is not yet due; 1 and 30 days past due are 1-30; 31 and 60
        are 31-60; 61 and 90 are 61-90; 91 is 90+."""
        self.assertEqual(
            self.aging(self.client),
            [1.0 + 2.0, 4.0 + 8.0, 16.0 + 32.0, 64.0 + 128.0, 256.0],
        )

    def test_buckets_follow_partial_payments_credit_notes_and_payments(self):
        """Residual amounts: a partial payment lowers its invoice's bucket, a credit
        note and an unallocated payment count (negative) by their own date, and a
        contact's invoice counts on its company (Odoo's journal items name the
        commercial partner)."""
        self.pay(self.boundaries[30], 3.0)  # 8 -> 5 in 1-30
        self.create_invoice(
            self.client, -45, 10.0, move_type="out_refund"
        ).action_post()
        self.unallocated_payment(self.client, 100.0, days_ago=95)
        self.create_invoice(self.contact, -2, 1000.0).action_post()
        self.create_invoice(self.client, -200, 5000.0)  # draft: not counted
        self.assertEqual(
            self.aging(self.client),
            [3.0, 4.0 + 5.0 + 1000.0, 48.0 - 10.0, 192.0, 256.0 - 100.0],
        )

    def test_buckets_add_up_to_total_receivable(self):
        """The five buckets always sum to Odoo's Total Receivable (``credit``)."""
        self.pay(self.boundaries[61], 50.0)
        self.create_invoice(self.client, 0, 7.0, move_type="out_refund").action_post()
        self.unallocated_payment(self.client, 30.0, days_ago=3)
        self.client.invalidate_recordset(["credit"])
        self.assertAlmostEqual(sum(self.aging(self.client)), self.client.credit)

    def test_fully_paid_invoice_leaves_the_aging(self):
        self.pay(self.boundaries[91])
        self.assertEqual(self.aging(self.client)[4], 0.0)

    def test_last_dates(self):
        order = self.create_order(self.contact)
        order.action_confirm()
        self.create_order(self.client)  # a quotation: not an order
        self.client.invalidate_recordset()
        self.assertEqual(self.client.client_last_order_date, order.date_order)
        self.assertEqual(
            self.client.client_last_invoice_date,
            max(invoice.invoice_date for invoice in self.boundaries.values()),
        )
        other = self.create_client("Beta")
        self.assertFalse(other.client_last_order_date)
        self.assertFalse(other.client_last_invoice_date)


@tagged("post_install", "-at_install")
class TestPortfolioList(PortfolioCase):
    """Sort, filter and group the Clients list by figures."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.salesman = cls.new_user("ch_pf_salesman", "base.group_user," + SALESMAN)
        cls.manager = cls.new_user("ch_pf_manager", "base.group_user," + SALES_MANAGER)
        cls.accountant = cls.new_user("ch_pf_invoicing", INVOICING_ONLY)
        cls.team = cls.env["res.partner.category"].create({"name": "Key account"})
        # Overdue: Alfa 300 (61-90 days), Beta 500 (5 days), Gama 100 (120 days).
        cls.alfa = cls.create_client("Alfa", user_id=cls.salesman.id)
        cls.beta = cls.create_client("Beta", category_id=[Command.link(cls.team.id)])
        cls.gama = cls.create_client("Gama", user_id=cls.salesman.id)
        cls.delta = cls.create_client("Delta")  # nothing at all
        cls.clients = cls.alfa | cls.beta | cls.gama | cls.delta
        invoices = (
            cls.create_invoice(cls.alfa, -70, 300.0)
            | cls.create_invoice(cls.beta, -5, 500.0)
            | cls.create_invoice(cls.gama, -120, 100.0)
        )
        invoices.action_post()
        # Orders: Alfa 2 of the salesman's, Beta 3 of someone else's, Gama 1.
        for client, count, user in (
            (cls.alfa, 2, cls.salesman),
            (cls.beta, 3, cls.manager),
            (cls.gama, 1, cls.salesman),
        ):
            for __ in range(count):
                order = cls.create_order(client)
                order.user_id = user
                order.action_confirm()
        # Last orders: Beta 5 days ago, Alfa 10, Gama 400, Delta never.
        for client, days in ((cls.beta, 5), (cls.alfa, 10), (cls.gama, 400)):
            orders = cls.env["sale.order"].search([("partner_id", "=", client.id)])
            orders.date_order = cls.local(cls.day(-days), 12)

    def test_fields_get_offers_the_sort_and_the_sums(self):
        described = self.Partner.fields_get(
            ["client_invoice_overdue_amount", "client_last_order_date", *AGING],
            ["sortable", "aggregator"],
        )
        for fname, description in described.items():
            self.assertTrue(description["sortable"], fname)
        self.assertEqual(
            described["client_receivable_90_plus_amount"]["aggregator"], "sum"
        )

    def test_sort_by_amounts_and_dates(self):
        self.assertEqual(
            self.page("client_invoice_overdue_amount desc"),
            ["Beta", "Alfa", "Gama", "Delta"],
        )
        self.assertEqual(
            self.page("client_invoice_overdue_amount asc"),
            ["Delta", "Gama", "Alfa", "Beta"],
        )
        self.assertEqual(
            self.page("client_receivable_90_plus_amount desc, name"),
            ["Gama", "Alfa", "Beta", "Delta"],
        )
        # No order at all is older than any order.
        self.assertEqual(
            self.page("client_last_order_date desc"), ["Beta", "Alfa", "Gama", "Delta"]
        )
        self.assertEqual(
            self.page("client_last_order_date asc"), ["Delta", "Gama", "Alfa", "Beta"]
        )

    def test_sorted_page_reads_its_figures(self):
        records = self.Partner.web_search_read(
            [("id", "in", self.clients.ids)],
            {"display_name": {}, "client_invoice_overdue_amount": {}},
            limit=2,
            order="client_invoice_overdue_amount desc",
        )
        self.assertEqual(records["length"], 4)
        self.assertEqual(
            [r["client_invoice_overdue_amount"] for r in records["records"]],
            [500.0, 300.0],
        )

    def test_sort_by_orders_counts_only_the_salesmans_own(self):
        order = "client_order_count desc, name"
        self.assertEqual(
            self.page(order, user=self.salesman), ["Alfa", "Gama", "Beta", "Delta"]
        )
        self.assertEqual(
            self.page(order, user=self.manager), ["Beta", "Alfa", "Gama", "Delta"]
        )

    def test_filter_by_orders_counts_only_the_salesmans_own(self):
        domain = [("client_order_count", ">=", 2)]
        self.assertEqual(self.page("name", domain, user=self.salesman), ["Alfa"])
        self.assertEqual(self.page("name", domain, user=self.manager), ["Alfa", "Beta"])

    def test_invoicing_user_sorts_by_overdue_amount(self):
        self.assertEqual(
            self.page("client_invoice_overdue_amount desc", user=self.accountant),
            ["Beta", "Alfa", "Gama", "Delta"],
        )

    def test_sorting_by_a_figure_the_user_may_not_read_is_refused(self):
        with self.assertRaises(AccessError):
            self.page("client_invoice_overdue_amount desc", user=self.salesman)

    def test_filter_with_every_operator_on_amounts(self):
        """Overdue: Alfa 300, Beta 500, Gama 100, Delta nothing (0)."""
        expected = {
            ">": ["Beta"],
            ">=": ["Alfa", "Beta"],
            "<": ["Delta", "Gama"],
            "<=": ["Alfa", "Delta", "Gama"],
            "=": ["Alfa"],
            "!=": ["Beta", "Delta", "Gama"],
        }
        for operator, names in expected.items():
            domain = [("client_invoice_overdue_amount", operator, 300)]
            self.assertEqual(self.page("name", domain), names, operator)

    def test_filter_with_every_operator_on_dates(self):
        """Last invoice: Alfa 100 days ago, Beta 35, Gama 150, Delta never; as for
        any date in Odoo, "never" matches only != (and = False)."""
        for day in (self.day(-100), self.day(-100).isoformat()):
            expected = {
                ">": ["Beta"],
                ">=": ["Alfa", "Beta"],
                "<": ["Gama"],
                "<=": ["Alfa", "Gama"],
                "=": ["Alfa"],
                "!=": ["Beta", "Delta", "Gama"],
            }
            for operator, names in expected.items():
                domain = [("client_last_invoice_date", operator, day)]
                self.assertEqual(self.page("name", domain), names, operator)
        never = [("client_last_invoice_date", "=", False)]
        self.assertEqual(self.page("name", never), ["Delta"])
        ever = [("client_last_invoice_date", "!=", False)]
        self.assertEqual(self.page("name", ever), ["Alfa", "Beta", "Gama"])
        recent_order = [("client_last_order_date", ">=", self.local(self.day(-30), 0))]
        self.assertEqual(self.page("name", recent_order), ["Alfa", "Beta"])

    def test_ready_filters(self):
        search_view = self.env.ref("client_hub.res_partner_view_search_client_hub")
        arch = self.Partner.get_view(search_view.id, "search")["arch"]
        for name in (
            "filter_overdue_invoices",
            "filter_overdue_tasks",
            "filter_open_quotations",
            "filter_no_recent_order",
            "group_category",
        ):
            self.assertIn(f'name="{name}"', arch)
        cutoff = self.day(-365).isoformat()
        no_recent = [
            "|",
            ("client_last_order_date", "=", False),
            ("client_last_order_date", "<", cutoff),
        ]
        self.assertEqual(self.page("name", no_recent), ["Delta", "Gama"])

    def test_wrong_value_type_names_the_figure(self):
        cases = [
            ("client_invoice_overdue_amount", ">", "1000", "Overdue Amount"),
            ("client_receivable_90_plus_amount", ">", True, "Receivable 90+ Days"),
            ("client_last_order_date", ">", 5, "Last Order"),
            ("client_last_invoice_date", "<", "not a date", "Last Invoice"),
            ("client_last_invoice_date", "ilike", "2024", "Last Invoice"),
        ]
        for fname, operator, value, label in cases:
            with self.assertRaises(UserError) as caught:
                self.Partner.search([(fname, operator, value)])
            self.assertIn(label, str(caught.exception))

    def test_group_sums_by_salesperson_country_and_tag(self):
        for groupby in ("user_id", "country_id", "category_id"):
            groups = self.Partner.read_group(
                [("id", "in", self.clients.ids)],
                [
                    "client_invoice_overdue_amount:sum",
                    "client_receivable_90_plus_amount:sum",
                ],
                [groupby],
            )
            self.assertEqual(
                sum(g["client_invoice_overdue_amount"] for g in groups), 900.0, groupby
            )
            self.assertEqual(
                sum(g["client_receivable_90_plus_amount"] for g in groups), 100.0
            )
        groups = self.Partner.read_group(
            [("id", "in", self.clients.ids)],
            ["client_invoice_overdue_amount:sum"],
            ["user_id"],
        )
        by_user = {g["user_id"] and g["user_id"][0]: g for g in groups}
        self.assertEqual(
            by_user[self.salesman.id]["client_invoice_overdue_amount"], 400.0
        )

    def test_group_sums_as_the_web_client_asks(self):
        """The grouped list asks web_read_group for the figures' sums."""
        result = self.Partner.with_user(self.accountant).web_read_group(
            [("id", "in", self.clients.ids)],
            ["client_invoice_overdue_amount:sum", "client_receivable_61_90_amount:sum"],
            ["country_id"],
        )
        (group,) = result["groups"]
        self.assertEqual(group["client_invoice_overdue_amount"], 900.0)
        self.assertEqual(group["client_receivable_61_90_amount"], 300.0)

    def test_sorted_page_query_count_does_not_grow_with_clients(self):
        """The first page sorted by a figure costs the same queries for 1 client as
        for 50: one query per figure joined, whatever the number of clients."""
        many = self.Partner.create(
            [
                {"name": f"Many {i:02}", "is_company": True, "customer_rank": 1}
                for i in range(50)
            ]
        )
        self.env["account.move"].create(
            [
                {
                    "move_type": "out_invoice",
                    "partner_id": client.id,
                    "invoice_date": self.day(-40),
                    "invoice_date_due": self.day(-10),
                    "invoice_line_ids": [
                        Command.create({"name": "S", "price_unit": 9})
                    ],
                }
                for client in many
            ]
        ).action_post()
        spec = {
            "display_name": {},
            "client_invoice_overdue_amount": {},
            **{fname: {} for fname in AGING},
        }
        Partners = self.Partner.with_user(self.accountant)

        def count(clients):
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            Partners.web_search_read(
                [("id", "in", clients.ids)],
                spec,
                limit=80,
                order="client_receivable_1_30_amount desc",
            )
            return self.env.cr.sql_log_count - before

        count(many)  # warm the caches of rights and rules
        self.assertEqual(count(many[:1]), count(many))


@tagged("post_install", "-at_install")
class TestInvoicingClients(PortfolioCase):
    """Invoicing > Customers > Clients, for accountants without any sales right."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.client = cls.create_client("Alfa Engenharia")
        cls.create_invoice(cls.client, -40, 250.0).action_post()
        cls.clients = cls.client
        cls.menu = cls.env.ref("client_hub.menu_client_hub_invoicing_clients")

    def test_menu_for_invoicing_and_readonly_accounting_only(self):
        self.assertEqual(
            self.menu.parent_id, self.env.ref("account.menu_finance_receivables")
        )
        for login, groups, visible in (
            ("ch_inv_only", INVOICING_ONLY, True),
            ("ch_readonly", READONLY_ACCOUNTANT, True),
            ("ch_seller", "base.group_user," + SALESMAN, False),
        ):
            user = self.new_user(login, groups)
            menus = self.env["ir.ui.menu"].with_user(user)._visible_menu_ids()
            self.assertEqual(self.menu.id in menus, visible, login)

    def test_invoicing_only_user_opens_the_list_and_the_profile(self):
        user = self.new_user("ch_inv_profile", INVOICING_ONLY)
        self.assertFalse(user.has_group("sales_team.group_sale_salesman"))
        action = self.menu.action
        Partners = self.Partner.with_user(user)
        list_view = action.view_ids.filtered(lambda v: v.view_mode == "list").view_id
        arch = Partners.get_view(list_view.id, "list")["arch"]
        self.assertIn("client_receivable_90_plus_amount", arch)
        self.assertNotIn("client_order_count", arch)
        records = Partners.web_search_read(
            [("is_client", "=", True), ("id", "=", self.client.id)],
            {fname: {} for fname in ("display_name", *AGING)},
            order="client_invoice_overdue_amount desc",
        )["records"]
        self.assertEqual(records[0]["client_receivable_31_60_amount"], 250.0)
        form_view = action.view_ids.filtered(lambda v: v.view_mode == "form").view_id
        with Form(self.client.with_user(user), view=form_view) as form:
            self.assertEqual(form.client_invoice_overdue_amount, 250.0)
