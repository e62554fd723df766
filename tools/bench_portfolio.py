# Copyright 2026 client_hub contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""`make bench-portfolio`: the Clients list sorted and filtered by figures.

Builds (once per database) N clients, each with one posted invoice of 5 instalments
(5 open receivable items, due from 0 to 120 days apart, the invoice dates spread
so that the items fall in every aging bucket) and confirmed sale orders, then
prints, as the admin user (record rules on), cold cache:

- the first page (80 rows) of the Invoicing > Clients list (its aging columns)
  sorted by name, then by overdue amount, by the 90+ bucket and by last order
  date: queries, seconds and the ratio to the page sorted by name;
- the same list filtered by "overdue amount > 1,000";
- the aging of every client by our five figures against OCA's Aged Partner
  Balance (account_financial_report) for the same date and company.

Usage: python tools/bench_portfolio.py -c var/odoo.conf -d DB --clients 10000
"""

import argparse
import time
from datetime import timedelta

import odoo
from odoo import Command, fields

PAGE = 80
BATCH = 500
BUCKETS = [
    "client_receivable_current_amount",
    "client_receivable_1_30_amount",
    "client_receivable_31_60_amount",
    "client_receivable_61_90_amount",
    "client_receivable_90_plus_amount",
]
# What the Invoicing > Clients list reads for each row.
LIST_SPEC = {
    name: {}
    for name in [
        "complete_name",
        "vat",
        "country_id",
        "currency_id",
        "client_invoice_overdue_amount",
        "client_invoice_overdue_count",
        "client_last_invoice_date",
        *BUCKETS,
    ]
}
ORDERS = {
    "name": "complete_name",
    "overdue amount": "client_invoice_overdue_amount desc",
    "90+ bucket": "client_receivable_90_plus_amount desc",
    "last order date": "client_last_order_date desc",
}


def build(env, size):
    """Create ``size`` clients with their invoices and orders, in batches."""
    ctx = {"tracking_disable": True, "mail_create_nolog": True, "mail_notrack": True}
    env = env(context=dict(env.context, **ctx))
    Partner = env["res.partner"]
    clients = Partner.search([("name", "=like", "Portfolio client %")], order="id")
    if len(clients) >= size:
        return clients[:size]
    print(f"building {size} clients with 5 open receivable items each...", flush=True)
    started = time.perf_counter()
    term = env["account.payment.term"].create(
        {
            "name": "5 instalments, 30 days apart",
            "line_ids": [
                Command.create(
                    {"value": "percent", "value_amount": 20.0, "nb_days": 30 * n}
                )
                for n in range(5)
            ],
        }
    )
    product = env["product.product"].create(
        {"name": "Portfolio service", "type": "service", "list_price": 100.0}
    )
    today = fields.Date.context_today(Partner)
    clients = Partner.create(
        [
            {"name": f"Portfolio client {i:05}", "is_company": True, "customer_rank": 1}
            for i in range(size)
        ]
    )
    for start in range(0, size, BATCH):
        batch = clients[start : start + BATCH]
        moves = env["account.move"].create(
            [
                {
                    "move_type": "out_invoice",
                    "partner_id": client.id,
                    # Instalments due from 200 days ago to 120 days ahead.
                    "invoice_date": today - timedelta(days=(n * 7) % 200),
                    "invoice_payment_term_id": term.id,
                    "invoice_line_ids": [
                        Command.create(
                            {
                                "product_id": product.id,
                                "quantity": 1 + n % 9,
                                "price_unit": 100.0 + n % 13 * 50,
                                "tax_ids": [Command.clear()],
                            }
                        )
                    ],
                }
                for n, client in enumerate(batch, start)
            ]
        )
        moves.action_post()
        orders = env["sale.order"].create(
            [
                {
                    "partner_id": client.id,
                    "date_order": fields.Datetime.now() - timedelta(days=n % 500),
                }
                for n, client in enumerate(batch, start)
                for __ in range(2)
            ]
        )
        # Confirmed without action_confirm (no lines to deliver or invoice): the
        # figures only read the state and the order date.
        orders.write({"state": "sale"})
        env.cr.commit()
        print(f"  {start + len(batch)} clients", flush=True)
    print(f"built in {time.perf_counter() - started:.0f} s", flush=True)
    return clients


def measure(env, function):
    """Queries and seconds of ``function()``, cold cache."""
    env.invalidate_all()
    env.registry.clear_cache()
    start_q, start = env.cr.sql_log_count, time.perf_counter()
    result = function()
    return env.cr.sql_log_count - start_q, time.perf_counter() - start, result


def oca_aging(env, date_at):
    """OCA's Aged Partner Balance of every partner, for the company of ``env``."""
    report = env["report.account_financial_report.aged_partner_balance"]
    company = env.company
    accounts = env["account.account"].search(
        [("account_type", "=", "asset_receivable"), ("company_ids", "in", company.ids)]
    )
    data = report.with_context(
        age_partner_config=env["account.age.report.configuration"]
    )._get_move_lines_data(company.id, accounts.ids, [], date_at, False, True, False)
    return data[0]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("-c", "--config", required=True)
    parser.add_argument("-d", "--database", required=True)
    parser.add_argument("--clients", type=int, default=10000)
    args = parser.parse_args()
    odoo.tools.config.parse_config(["-c", args.config, "-d", args.database])
    registry = odoo.modules.registry.Registry(args.database)
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
        clients = build(env, args.clients)
        admin = env.ref("base.user_admin")
        env = env(user=admin, context={"tz": "UTC", "lang": "en_US"})
        Partner = env["res.partner"]
        action = env.ref("client_hub.action_client_hub_invoicing_clients")
        domain = odoo.tools.safe_eval.safe_eval(action.domain)

        def page(order, extra=()):
            return lambda: Partner.web_search_read(
                domain + list(extra), LIST_SPEC, limit=PAGE, order=order
            )

        for order in ORDERS.values():  # warm the rights and groups caches
            page(order)()
        print(f"\n{len(clients)} clients, first page of {PAGE} rows, cold cache")
        print(f"{'list':<34} | {'queries':>7} | {'seconds':>7} | vs name")
        base = None
        for label, order in ORDERS.items():
            queries, seconds, __ = measure(env, page(order))
            base = base or seconds
            print(
                f"{'sorted by ' + label:<34} | {queries:>7} | {seconds:>7.3f} | "
                f"{seconds / base:5.2f}x"
            )
        queries, seconds, result = measure(
            env,
            page(ORDERS["name"], [("client_invoice_overdue_amount", ">", 1000)]),
        )
        print(
            f"{'filtered by overdue > 1,000':<34} | {queries:>7} | {seconds:>7.3f} | "
            f"{seconds / base:5.2f}x  ({result['length']} clients)"
        )

        today = fields.Date.context_today(Partner)
        q1, t1, ours = measure(
            env,
            lambda: Partner.search(domain).read(BUCKETS),
        )
        if "report.account_financial_report.aged_partner_balance" in env:
            q2, t2, theirs = measure(env, lambda: oca_aging(env, today))
            accounts = list(theirs.values())
            total_theirs = sum(
                values[key]
                for account in accounts
                for pid, values in account.items()
                if isinstance(pid, int)
                for key in ("current", "30_days", "60_days", "90_days")
                + ("120_days", "older")
            )
            total_ours = sum(row[b] for row in ours for b in BUCKETS)
            print(
                f"\naging of all {len(ours)} clients: ours {q1} queries {t1:.3f} s; "
                f"OCA Aged Partner Balance {q2} queries {t2:.3f} s; "
                f"OCA time / ours {t2 / t1:.1f}x; "
                f"totals {total_ours:,.2f} / {total_theirs:,.2f}"
            )
        else:
            print(
                f"\naging of all {len(ours)} clients: ours {q1} queries {t1:.3f} s; "
                "OCA's account_financial_report is not installed in this database"
            )
        cr.rollback()


if __name__ == "__main__":
    main()
