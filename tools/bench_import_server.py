# Copyright 2026 client_hub contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Part 2 of `make bench-import`: a large client file through a running Odoo server.

Each run copies BENCH_DB (client_hub and client_hub_import_async installed, no
client), serves the copy with queue_job's runner (``--load=base,web,queue_job``,
``ODOO_QUEUE_JOB_CHANNELS``), logs in as admin over JSON-RPC and imports as the
import screen does; the server's RSS is sampled every second. See bench_import.py.
"""

import contextlib
import itertools
import os
import socket
import subprocess
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import psutil
import requests

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
OPTIONS = {"has_headers": True, "quoting": '"', "separator": ","}
CLIENTS_CONTEXT = {
    "default_is_company": True,
    "res_partner_search_mode": "customer",
    "client_hub_import": True,
    "tracking_disable": True,
}


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class RoundRobin:
    """A load balancer in front of the servers, as in production: queue_job's runner
    (one per database: the runners of the other servers stand by) sends each job's
    /queue_job/runjob request to it, and it hands them to the servers in turn."""

    def __init__(self):
        self.port = free_port()
        self.backends = []
        balancer = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802
                backend = next(balancer.turn)
                try:
                    response = requests.get(backend + self.path, timeout=3600)
                    status, body = response.status_code, response.content
                except requests.RequestException as error:
                    status, body = 502, str(error).encode()
                # queue_job's runner does not wait for the job's answer: it hangs
                # up after its request is received.
                with contextlib.suppress(OSError):
                    self.send_response(status)
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.http = ThreadingHTTPServer(("127.0.0.1", self.port), Handler)
        threading.Thread(target=self.http.serve_forever, daemon=True).start()

    def set_backends(self, urls):
        self.turn = itertools.cycle(urls)

    def stop(self):
        self.http.shutdown()


class Server:
    """An Odoo server with queue_job's runner on ``database``; the runner calls
    ``runner_port`` (the server itself, or the load balancer)."""

    def __init__(self, database, channels, log, runner_port=None):
        self.port = free_port()
        env = dict(
            os.environ,
            ODOO_QUEUE_JOB_CHANNELS=f"root:{channels}",
            ODOO_QUEUE_JOB_PORT=str(runner_port or self.port),
        )
        self.process = subprocess.Popen(
            [
                os.environ["PY"],
                os.path.join(os.environ["ODOO_SRC"], "odoo-bin"),
                "-c",
                os.environ["ODOO_CONF"],
                "-d",
                database,
                f"--db-filter=^{database}$",
                f"--http-port={self.port}",
                "--load=base,web,queue_job",
                "--max-cron-threads=0",
                "--log-level=warn",
                "--log-handler=odoo.addons.queue_job.jobrunner:INFO",
            ],
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        self.peak_rss = 0
        self._stop = threading.Event()
        self._sampler = threading.Thread(target=self._sample, daemon=True)
        self._sampler.start()
        self.url = f"http://127.0.0.1:{self.port}"
        for _second in range(180):
            try:
                requests.get(f"{self.url}/web/login", timeout=5)
                return
            except requests.RequestException:
                time.sleep(1)
        raise RuntimeError(f"the server on port {self.port} did not start")

    def _sample(self):
        process = psutil.Process(self.process.pid)
        while not self._stop.is_set():
            try:
                rss = process.memory_info().rss + sum(
                    child.memory_info().rss
                    for child in process.children(recursive=True)
                )
            except psutil.Error:
                return
            self.peak_rss = max(self.peak_rss, rss)
            time.sleep(1)

    def stop(self):
        self._stop.set()
        self.process.terminate()
        try:
            self.process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            self.process.kill()


class Client:
    """admin's session on a server, calling models as the web client does."""

    def __init__(self, server, database):
        self.url = server.url
        self.session = requests.Session()
        response = self.session.post(
            f"{self.url}/web/session/authenticate",
            json={"params": {"db": database, "login": "admin", "password": "admin"}},
            timeout=60,
        )
        assert response.json().get("result"), response.text[:300]

    def call(self, model, method, args, **kwargs):
        response = self.session.post(
            f"{self.url}/web/dataset/call_kw",
            json={
                "params": {
                    "model": model,
                    "method": method,
                    "args": args,
                    "kwargs": {"context": CLIENTS_CONTEXT, **kwargs},
                }
            },
            timeout=3600,
        )
        body = response.json()
        assert "error" not in body, body["error"]["data"].get("message")
        return body["result"]


def release(database):
    """Close this process's connections to ``database`` (createdb -T and dropdb
    need none)."""
    import odoo

    odoo.modules.registry.Registry.delete(database)
    odoo.sql_db.close_db(database)


def copy_database(template, name):
    release(template)
    subprocess.run(["dropdb", "--if-exists", name], check=True)
    subprocess.run(["createdb", "-T", template, name], check=True)


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
    copy_database(os.environ["BENCH_DB"], database)
    slug = "".join(char if char.isalnum() else "_" for char in label.lower())
    log = open(f"{os.environ['VAR']}/bench_import_{slug}.log", "w")  # noqa: SIM115
    balancer = RoundRobin() if servers > 1 else None
    started = [
        Server(database, channels_per_server, log, balancer and balancer.port)
        for _i in range(servers)
    ]
    if balancer:
        balancer.set_backends([server.url for server in started])
    try:
        client = Client(started[0], database)
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
    subprocess.run(["dropdb", "--if-exists", database], check=True)


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
