# Copyright 2026 client_hub contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Part 2 of `make bench-import`: a large client file through a running Odoo server.

Each run copies BENCH_DB (client_hub and client_hub_import_async installed, no
client), serves the copy with queue_job's runner (``--load=base,web,queue_job``,
``ODOO_QUEUE_JOB_CHANNELS``), logs in as admin over JSON-RPC and imports as the
import screen does; the server's RSS is sampled every second. See bench_import.py.
"""

import importlib.util
import os
import subprocess
import time

# The servers and the balancer of client_hub_import_async's several-servers test,
# loaded from their file: importing the tests package would load Odoo's test
# framework, which is not for a running benchmark.
_spec = importlib.util.spec_from_file_location(
    "client_hub_servers",
    os.path.join(
        os.path.dirname(os.path.dirname(os.path.abspath(__file__))),
        "client_hub_import_async",
        "tests",
        "servers.py",
    ),
)
servers = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(servers)
Balancer, Client, Server = servers.Balancer, servers.Client, servers.Server
copy_database, drop_database = servers.copy_database, servers.drop_database

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
OPTIONS = {"has_headers": True, "quoting": '"', "separator": ","}
CLIENTS_CONTEXT = {
    "default_is_company": True,
    "res_partner_search_mode": "customer",
    "client_hub_import": True,
    "tracking_disable": True,
}


def release(database):
    """Close this process's registry and connections of ``database``."""
    import odoo

    odoo.modules.registry.Registry.delete(database)
    odoo.sql_db.close_db(database)


def psql(database, query):
    return subprocess.run(
        ["psql", "-d", database, "-tAc", query],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()


def new_wizard(database, content):
    """The import wizard with the file, as the import screen's upload leaves it
    (its binary field cannot travel over JSON-RPC): created as admin, committed."""
    import odoo

    registry = odoo.modules.registry.Registry(database)
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
        admin = env.ref("base.user_admin")
        wizard = (
            env["base_import.import"]
            .with_user(admin)
            .create(
                {
                    "res_model": "res.partner",
                    "file": content,
                    "file_type": XLSX,
                    "file_name": "clients.xlsx",
                }
            )
        )
        return wizard.id


def foreground(client, wizard, fields, columns):
    """The import screen's way: batches of 2,000 rows, a request each."""
    skip = 0
    while True:
        result = client.call(
            "base_import.import",
            "execute_import",
            [wizard, fields, columns, dict(OPTIONS, limit=2000, skip=skip)],
        )
        errors = [m for m in result["messages"] if m["type"] == "error"]
        assert not errors, errors[:3]
        skip = result.get("nextrow") or 0
        if not skip:
            return


def background(client, wizard, fields, columns, database, timeout=7200):
    """One request queues the import; wait until every chunk job has ended."""
    result = client.call(
        "base_import.import",
        "execute_import",
        [wizard, fields, columns, dict(OPTIONS, use_queue=True, chunk_size=1000)],
    )
    assert result == [], result
    deadline = time.time() + timeout
    while time.time() < deadline:
        pending = psql(
            database,
            "SELECT count(*) FROM queue_job WHERE state NOT IN "
            "('done', 'failed', 'cancelled')",
        )
        if pending == "0":
            return
        time.sleep(1)
    raise RuntimeError("the background import did not end in time")


def run(label, rows, channels_per_server, servers, mode, content, fields, columns):
    database = os.environ["BENCH_DB"] + "_async"
    release(os.environ["BENCH_DB"])
    copy_database(os.environ["BENCH_DB"], database)
    slug = "".join(char if char.isalnum() else "_" for char in label.lower())
    log = open(f"{os.environ['VAR']}/bench_import_{slug}.log", "w")  # noqa: SIM115
    balancer = Balancer() if servers > 1 else None
    started = [
        Server(database, channels_per_server, log, balancer and balancer.port)
        for _i in range(servers)
    ]
    if balancer:
        balancer.set_backends([server.url for server in started])
    try:
        client = Client(started[0], database, "admin", "admin", CLIENTS_CONTEXT)
        wizard = new_wizard(database, content)
        start = time.perf_counter()
        if mode == "foreground":
            foreground(client, wizard, fields, columns)
        else:
            background(client, wizard, fields, columns, database)
        seconds = time.perf_counter() - start
    finally:
        for server in started:
            server.stop()
        if balancer:
            balancer.stop()
        log.close()
    clients = int(
        psql(database, "SELECT count(*) FROM res_partner WHERE name LIKE 'Cliente %'")
    )
    jobs = psql(
        database,
        "SELECT state, count(*), max(retry), count(DISTINCT worker_pid) FROM queue_job "
        "WHERE method_name = '_import_one_chunk' GROUP BY state",
    )
    per_server = psql(
        database,
        "SELECT string_agg(n::text, '+') FROM (SELECT count(*) n FROM queue_job "
        "WHERE method_name = '_import_one_chunk' GROUP BY worker_pid) t",
    )
    peak = max(server.peak_rss for server in started) / 2**20
    print(
        f"{label:<34} {rows / seconds:7.1f} rows/s ({seconds:6.0f} s), peak RSS "
        f"{peak:,.0f} MiB, {clients:,} clients"
        + (
            f"; chunk jobs (state|count|max retry|servers): {jobs}; per server: "
            f"{per_server}"
            if mode != "foreground"
            else ""
        ),
        flush=True,
    )
    assert clients == rows, f"{clients} clients for {rows} rows"
    release(database)
    drop_database(database)


def part_two(rows, headers, client_rows, xlsx, only_servers=False):
    content = xlsx(headers, client_rows(rows))
    from odoo.addons.client_hub.models.base_import_import import (
        CLIENT_TEMPLATE_COLUMNS,
    )

    fields = [fname for fname, _header in CLIENT_TEMPLATE_COLUMNS]
    columns = [header.lower() for header in headers]
    print(f"{rows:,} clients through a running server ({len(content):,} bytes xlsx)")
    modes = [
        ("Foreground, batches of 2,000", 1, 1, "foreground"),
        ("Background, 1 channel", 1, 1, "background"),
        ("Background, 2 channels", 2, 1, "background"),
        ("Background, 2 servers x 1 channel", 1, 2, "background"),
    ]
    for label, channels, servers, mode in modes[-1:] if only_servers else modes:
        run(label, rows, channels, servers, mode, content, fields, columns)
