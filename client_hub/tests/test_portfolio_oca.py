# Copyright 2026 client_hub contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The receivables aging cross-checked with OCA's Aged Partner Balance.

OCA's ``account_financial_report`` is installed in the test database only (it stays
out of the manifest); without it these tests are skipped with a message.
"""

from datetime import timedelta

from odoo import Command
from odoo.tests import tagged

from .common import AGING, INVOICING_USER, ClientOverviewCase

OCA_REPORT = "report.account_financial_report.aged_partner_balance"
# OCA's columns for each of our buckets: its 91-120 and older make our 90+.
OCA_BUCKETS = [
    ("current",),
    ("30_days",),
    ("60_days",),
    ("90_days",),
    ("120_days", "older"),
]


@tagged("post_install", "-at_install")
class TestAgingAgainstOCA(ClientOverviewCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        if OCA_REPORT not in cls.env:
            cls.skipTest(
                cls,
                "OCA's account_financial_report is not installed in this database "
                "(tools/test.sh installs it): no cross-check of the aging.",
            )
        cls.main = cls.env.company
        cls.branch = cls.env["res.company"].create(
            {"name": "Filial Porto", "currency_id": cls.main.currency_id.id}
        )
        cls.env["account.chart.template"].try_loading(
            "generic_coa", company=cls.branch, install_demo=False
        )
        cls.env.user.company_ids |= cls.branch
        # Ours is read by an accountant of both companies (the superuser of the
        # test environment ignores the record rules that select the companies).
        cls.accountant = cls.new_user(
            "ch_oca_accountant", INVOICING_USER, companies=cls.branch
        )
        cls.alfa = cls.create_client("Alfa Engenharia")
        cls.beta = cls.create_client("Beta Comércio")
        for company in (cls.main, cls.branch):
            env = cls.env(
                context=dict(cls.env.context, allowed_company_ids=[company.id])
            )
            scale = 1.0 if company == cls.main else 10.0
            for client in (cls.alfa, cls.beta):
                # An invoice in every bucket, on both sides of each boundary.
                invoices = env["account.move"].browse()
                for n, days in enumerate((-3, 0, 1, 30, 31, 60, 61, 90, 91, 200)):
                    invoices |= cls.invoice(env, client, days, scale * (n + 1) * 10)
                invoices.action_post()
                # A partial payment, a fully paid invoice, a credit note.
                cls.register_payment(env, invoices[3], scale * 15)
                cls.register_payment(env, invoices[5])
                refund = cls.invoice(env, client, 40, scale * 25, "out_refund")
                refund.action_post()
            # An unallocated payment, 70 days old.
            payment = env["account.payment"].create(
                {
                    "payment_type": "inbound",
                    "partner_type": "customer",
                    "partner_id": cls.alfa.id,
                    "amount": scale * 33,
                    "date": cls.day(-70),
                }
            )
            payment.action_post()

    @classmethod
    def invoice(cls, env, client, days_past_due, amount, move_type="out_invoice"):
        return env["account.move"].create(
            {
                "move_type": move_type,
                "partner_id": client.id,
                "invoice_date": cls.day(-days_past_due - 10),
                "invoice_date_due": cls.day(-days_past_due),
                "invoice_line_ids": [
                    Command.create(
                        {"name": "Service", "price_unit": amount, "tax_ids": []}
                    )
                ],
            }
        )

    @classmethod
    def register_payment(cls, env, invoice, amount=None):
        vals = {"amount": amount} if amount else {}
        env["account.payment.register"].with_context(
            active_model="account.move", active_ids=invoice.ids
        ).create(vals)._create_payments()

    def oca_aging(self, company, date_at):
        """OCA's Aged Partner Balance of ``company`` on ``date_at``: the five
        buckets of each partner, posted entries, every receivable account."""
        env = self.env(context=dict(self.env.context, allowed_company_ids=company.ids))
        accounts = env["account.account"].search(
            [
                ("account_type", "=", "asset_receivable"),
                ("company_ids", "in", company.ids),
            ]
        )
        wizard = env["aged.partner.balance.report.wizard"].create(
            {
                "company_id": company.id,
                "date_at": date_at,
                "target_move": "posted",
                "account_ids": [Command.set(accounts.ids)],
            }
        )
        data = wizard._prepare_report_aged_partner_balance()
        report = env[OCA_REPORT].with_context(
            age_partner_config=wizard.age_partner_config_id
        )
        by_account = report._get_move_lines_data(
            company.id,
            data["account_ids"],
            data["partner_ids"],
            data["date_at"],
            data["date_from"],
            data["only_posted_moves"],
            data["show_move_line_details"],
        )[0]
        aging = {}
        for partners in by_account.values():
            for partner_id, values in partners.items():
                if not isinstance(partner_id, int):
                    continue
                buckets = aging.setdefault(partner_id, [0.0] * 5)
                for index, keys in enumerate(OCA_BUCKETS):
                    buckets[index] += sum(values[key] for key in keys)
        return aging

    def ours(self, *companies):
        """Our five buckets of each client, as the accountant with ``companies``
        selected."""
        env = self.env(
            user=self.accountant,
            context=dict(
                self.env.context, allowed_company_ids=[c.id for c in companies]
            ),
        )
        return {client: self.ours_of(env, client) for client in (self.alfa, self.beta)}

    def ours_of(self, env, client):
        partner = client.with_env(env)
        partner.invalidate_recordset(AGING)
        return [partner[fname] for fname in AGING]

    def assertAgingEqual(self, ours, theirs, message):
        self.assertEqual(len(ours), len(theirs))
        for index, (a, b) in enumerate(zip(ours, theirs, strict=True)):
            self.assertAlmostEqual(a, b, places=2, msg=f"{message}: {AGING[index]}")

    def test_each_company_equals_oca_per_partner(self):
        for company in (self.main, self.branch):
            ours = self.ours(company)
            theirs = self.oca_aging(company, self.today)
            for client in (self.alfa, self.beta):
                self.assertTrue(any(theirs[client.id]), "the scenario has open items")
                self.assertAgingEqual(
                    ours[client],
                    theirs[client.id],
                    f"{client.name} in {company.name}",
                )

    def test_both_companies_equal_the_sum_of_oca_per_company(self):
        """With both companies selected, our aging is the sum of OCA's reports of
        each company (OCA's report is for one company at a time)."""
        per_company = [self.oca_aging(c, self.today) for c in (self.main, self.branch)]
        ours = self.ours(self.main, self.branch)
        for client in (self.alfa, self.beta):
            theirs = [
                sum(report[client.id][index] for report in per_company)
                for index in range(5)
            ]
            self.assertAgingEqual(ours[client], theirs, client.name)

    def test_every_bucket_is_used_and_adds_up_to_total_receivable(self):
        for company in (self.main, self.branch):
            aging = self.ours(company)[self.alfa]
            self.assertTrue(all(aging), f"every bucket has an amount: {aging}")
            credit = self.alfa.with_user(self.accountant).with_company(company).credit
            self.assertAlmostEqual(sum(aging), credit)

    def test_entries_dated_after_today_differ(self):
        """Where the definitions differ: OCA ages at a date and leaves out the
        entries dated after it; ours, like Odoo's Total Receivable, counts every
        open item, so an invoice dated tomorrow is in our current bucket only."""
        before = self.ours(self.main)[self.beta]
        future = self.invoice(self.env, self.beta, -30, 77.0)
        future.invoice_date = self.today + timedelta(days=1)
        future.action_post()
        after = self.ours(self.main)[self.beta]
        self.assertAlmostEqual(after[0] - before[0], 77.0)
        theirs = self.oca_aging(self.main, self.today)[self.beta.id]
        self.assertAlmostEqual(after[0] - theirs[0], 77.0)
        self.assertAgingEqual(after[1:], theirs[1:], "other buckets")
