#!/usr/bin/env python3
# Copyright 2026 client_hub contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""`make bench-import`: import clients from an xlsx file through base_import, with
client_hub and with Odoo alone, in the foreground and in the background.

Usage: .venv/bin/python tools/bench_import.py [--rows N] [--big-rows N] [--profile DIR]
(ODOO_CONF, BENCH_DB, PLAIN_DB, ODOO_SRC from the environment; tools/bench_import.sh
sets them and creates the databases).

Part 1, N rows (10,000), each import in a transaction of its own, rolled back:
- odoo: the file imported into PLAIN_DB, a database with client_hub's dependencies
  (sale, account, base_vat, timesheets...) and NOT client_hub: Odoo itself, the
  baseline. Its headers are mapped by hand (Odoo does not know "Legal name").
- ours: BENCH_DB (client_hub installed), as the Clients list imports it.
- unmatched: BENCH_DB with ``client_hub_vat_match=False``: client_hub installed,
  its matching off.
- second import: the same file again once its clients exist: ours matches every row
  (and writes nothing, nothing changed); Odoo updates through a .id column.
- preview: client_hub's preview of the new-client file against its import.
Every figure comes with its query count; --profile writes a cProfile file per path.

Part 2, --big-rows rows (100,000; 0 skips it): an Odoo server (with queue_job's
runner) on a copy of BENCH_DB, driven over JSON-RPC as the browser drives it:
- foreground: the import screen's batches of 2,000 rows, one request each;
- background: one request queues the import (chunks of 1,000 rows), the runner runs
  the chunks with 1, then 2 channels;
- two servers, one channel each, on one database: every chunk done once.
Rows per second, and the peak RSS of the Odoo server process, sampled every second.
"""

import argparse
import cProfile
import io
import os
import random
import sys
import time

import openpyxl
from stdnum.br import cnpj
from stdnum.pt import nif

import odoo
from odoo.tools.safe_eval import safe_eval

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PT_CITIES = [("Lisboa", "Lisboa", "1100-053"), ("Porto", "Porto", "4000-322")]
PT_CITIES += [("Braga", "Braga", "4700-321"), ("Coimbra", "Coimbra", "3000-150")]
BR_CITIES = [
    ("São Paulo", "São Paulo", "01310-100"),
    ("Curitiba", "Paraná", "80010-000"),
]
BR_CITIES += [("Rio de Janeiro", "Rio de Janeiro", "20040-002")]


def client_rows(count, seed=4):
    """``count`` clients, half Portuguese and half Brazilian, with valid tax IDs."""
    rng = random.Random(seed)
    pt_bases = rng.sample(range(50_000_000, 59_999_999), count // 2 + 1)
    br_bases = rng.sample(range(10_000_000, 99_999_999), count // 2 + 1)
    rows = []
    for index in range(count):
        if index % 2 == 0:
            base = str(pt_bases[index // 2])
            vat = "PT" + base + nif.calc_check_digit(base)
            city, state, zip_code = PT_CITIES[index % len(PT_CITIES)]
            country, phone = "Portugal", f"+351 21{index:07d}"
        else:
            base = f"{br_bases[index // 2]:08d}0001"
            vat = cnpj.format(base + cnpj.calc_check_digits(base))
            city, state, zip_code = BR_CITIES[index % len(BR_CITIES)]
            country, phone = "Brazil", f"+55 11 9{index:08d}"
        rows.append(
            [
                f"Cliente {index:05d}, Lda.",
                vat,
                f"Rua {index} n.º {index % 200 + 1}",
                "",
                zip_code,
                city,
                state,
                country,
                f"geral{index}@cliente.example",
                phone,
                f"https://cliente{index}.example",
            ]
        )
    return rows


def xlsx(headers, rows):
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("Clients")
    sheet.append(headers)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def execute_import(env, content, extra_context=None, fields=None, preview=False):
    """Import ``content`` as the Clients list does (or preview it); return
    (seconds, result). ``fields``: the mapping, when the headers do not map."""
    env = env(context=dict(env.context, **(extra_context or {})))
    wizard = env["base_import.import"].create(
        {"res_model": "res.partner", "file": content, "file_type": XLSX}
    )
    options = {"has_headers": True, "quoting": '"', "separator": ","}
    start = time.perf_counter()
    parsed = wizard.parse_preview(options)
    if fields is None:
        # ".id" is not offered by the mapping (only in the advanced mode): map it.
        fields = [
            "/".join(parsed["matches"].get(index, [""]))
            or (header if header == ".id" else "")
            for index, header in enumerate(parsed["headers"])
        ]
    assert all(fields), f"unmapped headers: {parsed['headers']} -> {fields}"
    columns = [header.lower() for header in parsed["headers"]]
    if preview:
        result = wizard.client_hub_preview(fields, columns, options)
        result["messages"] = [
            {"type": "error", "message": row["errors"]}
            for row in result["rows"]
            if row["errors"]
        ]
    else:
        result = wizard.execute_import(fields, columns, options)
    env.flush_all()
    seconds = time.perf_counter() - start
    errors = [m for m in result["messages"] if m["type"] == "error"]
    assert not errors, errors[:3]
    return seconds, result


def clients_env(cr, with_client_hub=True):
    """The admin's environment with the Clients list's context (or, without
    client_hub, the Customers list's)."""
    env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
    admin = env.ref("base.user_admin")
    context = dict(admin.context_get(), tracking_disable=True)
    if with_client_hub:
        action = env.ref("client_hub.action_client_hub_clients")
        context.update(safe_eval(action.context))
    else:
        context.update(default_is_company=True, res_partner_search_mode="customer")
    return env(user=admin.id, context=context)


def measure(
    database,
    label,
    content,
    extra=None,
    fields=None,
    preview=False,
    profile=None,
    before=None,
):
    """One import in a transaction of its own, rolled back: (seconds, queries,
    result). ``before(env)`` runs first, unmeasured (e.g. a first import)."""
    registry = odoo.modules.registry.Registry(database)
    with registry.cursor() as cr:
        env = clients_env(
            cr,
            "client_hub"
            in odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})[
                "ir.module.module"
            ]._installed(),
        )
        prepared = before(env) if before else None
        if callable(prepared):
            content = prepared
        queries = cr.sql_log_count
        profiler = cProfile.Profile() if profile else None
        if profiler:
            profiler.enable()
        seconds, result = execute_import(
            env, content() if callable(content) else content, extra, fields, preview
        )
        if profiler:
            profiler.disable()
            profiler.dump_stats(os.path.join(profile, f"{label}.prof"))
        queries = cr.sql_log_count - queries
        cr.rollback()
    return seconds, queries, result


def line(label, rows, seconds, queries):
    return (
        f"{label:<34} {rows / seconds:7.1f} rows/s ({seconds:6.1f} s, "
        f"{queries:,} queries)"
    )


def part_one(args, headers, fields):
    rows = client_rows(args.rows)
    content = xlsx(headers, rows)
    print(f"{len(rows):,} clients (half PT NIF, half BR CNPJ), {len(content):,} bytes")
    database, plain_db = os.environ["BENCH_DB"], os.environ["PLAIN_DB"]
    profile = args.profile
    if profile:
        os.makedirs(profile, exist_ok=True)
    # Warm both databases' caches on a few rows.
    warm = xlsx(headers, client_rows(50, seed=1))
    measure(database, "warm", warm)
    measure(plain_db, "warm", warm, fields=fields)

    results = {}
    # Alternate the order, so that neither side profits from running second.
    for label, db, extra, mapping in (
        ("odoo", plain_db, None, fields),
        ("ours", database, None, None),
        ("unmatched", database, {"client_hub_vat_match": False}, None),
    ):
        seconds, queries, _result = measure(
            db, label, content, extra, mapping, profile=profile
        )
        results[label] = (seconds, queries)
        print(line(f"New clients, {label}", len(rows), seconds, queries), flush=True)

    def first_import(env):
        execute_import(env, content)

    def first_import_plain(env):
        _seconds, result = execute_import(env, content, fields=fields)
        ids = result["ids"]
        return lambda: xlsx(
            [*headers, ".id"],
            [[*row, str(id_)] for row, id_ in zip(rows, ids, strict=True)],
        )

    seconds, queries, _result = measure(
        database, "ours_again", content, profile=profile, before=first_import
    )
    print(line("Second import, ours", len(rows), seconds, queries), flush=True)
    seconds, queries, _result = measure(
        plain_db,
        "odoo_again",
        content,
        fields=[*fields, ".id"],
        profile=profile,
        before=first_import_plain,
    )
    print(line("Second import, odoo (by .id)", len(rows), seconds, queries), flush=True)
    seconds, queries, preview = measure(
        database, "preview", content, preview=True, profile=profile
    )
    assert preview["counts"]["new"] == len(rows), preview["counts"]
    print(line("Preview of the new clients", len(rows), seconds, queries))
    print(
        f"preview / import time: {seconds / results['ours'][0]:.2f}; "
        f"ours / odoo time: {results['ours'][0] / results['odoo'][0]:.2f}; "
        f"unmatched / odoo time: {results['unmatched'][0] / results['odoo'][0]:.2f}",
        flush=True,
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--big-rows", type=int, default=100_000)
    parser.add_argument("--profile", help="write a cProfile file per path here")
    parser.add_argument(
        "--servers-only", action="store_true", help="part 2: only the two-server run"
    )
    args = parser.parse_args()
    odoo.tools.config.parse_config(["-c", os.environ["ODOO_CONF"]])
    from odoo.addons.client_hub.models.base_import_import import (
        CLIENT_TEMPLATE_COLUMNS,
    )

    headers = [header for _fname, header in CLIENT_TEMPLATE_COLUMNS]
    fields = [fname for fname, _header in CLIENT_TEMPLATE_COLUMNS]
    if args.rows:
        part_one(args, headers, fields)
    if args.big_rows:
        from bench_import_server import part_two

        part_two(args.big_rows, headers, client_rows, xlsx, args.servers_only)
    return 0


if __name__ == "__main__":
    sys.exit(main())
