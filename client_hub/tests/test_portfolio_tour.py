# Copyright 2026 client_hub contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Invoicing → Customers → Clients in a real browser, as an accountant."""

from datetime import timedelta

from odoo import Command, fields
from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestInvoicingClientsTour(HttpCase):
    def test_invoicing_clients_tour(self):
        """An invoicing-only user sorts the clients by overdue amount and opens the
        profile of the one that owes the most, with no access error."""
        accountant = new_test_user(
            self.env,
            login="ch_tour_accountant",
            groups="base.group_user,account.group_account_invoice",
        )
        self.assertFalse(accountant.has_group("sales_team.group_sale_salesman"))
        client = self.env["res.partner"].create(
            {"name": "Tour Top Debtor", "is_company": True, "customer_rank": 1}
        )
        today = fields.Date.today()
        invoice = self.env["account.move"].create(
            {
                "move_type": "out_invoice",
                "partner_id": client.id,
                "invoice_date": today - timedelta(days=60),
                "invoice_date_due": today - timedelta(days=30),
                "invoice_line_ids": [
                    Command.create(
                        {"name": "Service", "price_unit": 9_999_999.0, "tax_ids": []}
                    )
                ],
            }
        )
        invoice.action_post()
        self.start_tour("/odoo", "client_hub_invoicing_clients", login=accountant.login)
        top = (
            self.env["res.partner"]
            .with_user(accountant)
            .search(
                [("is_client", "=", True)],
                order="client_invoice_overdue_amount desc",
                limit=1,
            )
        )
        self.assertEqual(top, client)
