# Copyright 2026 client_hub contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""`make bench`: the query count and wall time of the client overview figures.

Builds (once) 1,000 clients with a contact and about 20 documents each in its own
database, then for 1, 100 and 1,000 clients prints the queries and seconds of
computing every client_hub figure beside Odoo's own partner buttons
(sale_order_count, total_invoiced, task_count, opportunity_count), cold cache,
as the admin user (record rules apply).

Usage: python tools/bench.py -c var/odoo.conf -d client_hub_bench
"""

import argparse
import time
from datetime import timedelta

import odoo
from odoo import fields

CLIENTS = 1000
ODOO = ["sale_order_count", "total_invoiced", "task_count", "opportunity_count"]


def build(env):
    """Create the clients and their documents in batches; SQL-light where safe."""
    Partner = env["res.partner"].with_context(tracking_disable=True)
    clients = Partner.search([("name", "=like", "Bench client %")], order="id")
    if len(clients) >= CLIENTS:
        return clients[:CLIENTS]
    print(f"building {CLIENTS} clients with about 20 documents each...")
    clients = Partner.create(
        [
            {"name": f"Bench client {i:04}", "is_company": True, "customer_rank": 1}
            for i in range(CLIENTS)
        ]
    )
    contacts = Partner.create(
        [{"name": f"Contact of {c.name}", "parent_id": c.id} for c in clients]
    )
    owners = [(c, k) for c, k in zip(clients, contacts, strict=True)]
    today = fields.Date.context_today(Partner)
    ctx = {"tracking_disable": True, "mail_create_nolog": True}
    projects = (
        env["project.project"]
        .with_context(**ctx)
        .create(
            [
                {"name": f"P {c.id}-{n}", "partner_id": p.id}
                for c, k in owners
                for n, p in enumerate((c, k))
            ]
        )
    )
    env["project.task"].with_context(**ctx).create(
        [
            {
                "name": "T",
                "project_id": pr.id,
                "partner_id": pr.partner_id.id,
                "date_deadline": fields.Datetime.now() + timedelta(days=d),
            }
            for pr in projects
            for d in (-3, 2, 30)
        ]
    )
    employee = env["hr.employee"].create({"name": "Bench timesheeter"})
    env["account.analytic.line"].create(
        [
            {
                "name": "W",
                "project_id": pr.id,
                "unit_amount": 2.0,
                "employee_id": employee.id,
            }
            for pr in projects
            if pr.account_id
        ]
    )
    env["sale.order"].with_context(**ctx).create(
        [{"partner_id": p.id} for c, k in owners for p in (c, c, k, k)]
    )
    env["crm.lead"].with_context(**ctx).create(
        [
            {"name": "O", "type": "opportunity", "partner_id": p.id}
            for c, k in owners
            for p in (c, c, k)
        ]
    )
    moves = (
        env["account.move"]
        .with_context(**ctx)
        .create(
            [
                {
                    "move_type": "out_invoice",
                    "partner_id": p.id,
                    "invoice_date": today,
                    "invoice_date_due": today,
                }
                for c, k in owners
                for p in (c, k, k)
            ]
        )
    )
    # Posting 3,000 invoices through the ORM takes long; the figures only read these.
    env.cr.execute(
        "UPDATE account_move SET state='posted', payment_state='not_paid',"
        " amount_residual_signed=100 WHERE id = ANY(%s)",
        [moves.ids],
    )
    env["ir.attachment"].create(
        [
            {"name": "f.txt", "raw": b"x", "res_model": "res.partner", "res_id": p.id}
            for c, k in owners
            for p in (c, k)
        ]
    )
    # Half the orders confirmed, cheaply.
    env.cr.execute(
        "UPDATE sale_order SET state='sale' WHERE id %% 2 = 0 AND partner_id = ANY(%s)",
        [(clients | contacts).ids],
    )
    env.invalidate_all()
    env.cr.commit()
    # As autovacuum would on a live database: the planner needs the new rows' stats.
    env.cr.execute("ANALYZE")
    return clients


def measure(env, clients, names):
    clients.env.invalidate_all()
    start_q, start = env.cr.sql_log_count, time.perf_counter()
    for client in clients:
        for name in names:
            client[name]  # noqa: B018
    return env.cr.sql_log_count - start_q, time.perf_counter() - start


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("-c", "--config", required=True)
    parser.add_argument("-d", "--database", required=True)
    args = parser.parse_args()
    odoo.tools.config.parse_config(["-c", args.config, "-d", args.database])
    registry = odoo.modules.registry.Registry(args.database)
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
        clients = build(env)
        admin = env.ref("base.user_admin")
        clients = clients.with_user(admin).with_context(tz="UTC")
        ours = list(clients._client_hub_figures())
        measure(env, clients[:10], ours + ODOO)  # warm rights and groups caches
        ours_label = f"client_hub ({len(ours)} figures)"
        print(
            f"{'clients':>8} | {ours_label:>24} | "
            f"{'Odoo buttons (4)':>20} | Odoo time / ours"
        )
        for size in (1, 100, CLIENTS):
            q1, t1 = measure(env, clients[:size], ours)
            q2, t2 = measure(env, clients[:size], ODOO)
            print(
                f"{size:>8} | {q1:>6} queries {t1:>7.3f} s | "
                f"{q2:>5} queries {t2:>6.3f} s | {t2 / t1:5.1f}x"
            )
        cr.rollback()


if __name__ == "__main__":
    main()
