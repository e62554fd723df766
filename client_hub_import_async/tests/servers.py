# Copyright 2026 client_hub contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Real Odoo servers with queue_job's runner, on one database, behind a balancer.

Used by ``test_several_servers`` and by ``make bench-import``
(``tools/bench_import_server.py``): each ``Server`` is an ``odoo-bin`` process of its
own, started with this process's Python, Odoo and configuration file; its runner sends
each job's ``/queue_job/runjob`` request to the ``Balancer``, which hands it to the
servers in turn, as a load balancer does in production.
"""

import contextlib
import itertools
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import psutil
import requests

import odoo
from odoo.tools import SQL


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Balancer:
    """A load balancer in front of the servers: each request goes to the next
    server in turn; with ``fan_out`` set, to every server at once (a request
    delivered twice, which must not run a job twice)."""

    def __init__(self):
        self.port = free_port()
        self.fan_out = False
        self.set_backends([])
        balancer = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802
                backends = (
                    balancer.backends if balancer.fan_out else [next(balancer.turn)]
                )
                with ThreadPoolExecutor(len(backends) or 1) as pool:
                    answers = list(pool.map(balancer.forward(self.path), backends))
                status, body = answers[0] if answers else (503, b"no server")
                # queue_job's runner does not wait for the answer: it hangs up
                # once its request is received.
                with contextlib.suppress(OSError):
                    self.send_response(status)
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.http = ThreadingHTTPServer(("127.0.0.1", self.port), Handler)
        threading.Thread(target=self.http.serve_forever, daemon=True).start()

    @staticmethod
    def forward(path):
        def get(backend):
            try:
                response = requests.get(backend + path, timeout=3600)
                return response.status_code, response.content
            except requests.RequestException as error:
                return 502, str(error).encode()

        return get

    def set_backends(self, urls):
        self.backends = list(urls)
        self.turn = itertools.cycle(self.backends)

    def stop(self):
        self.http.shutdown()
        self.http.server_close()


class Server:
    """``odoo-bin`` serving ``database`` with queue_job's runner (``channels``
    at once); the runner calls ``runner_port`` (the server itself, or the
    balancer). Its peak RSS is sampled every second."""

    def __init__(self, database, channels, log, runner_port=None):
        self.port = free_port()
        env = dict(
            os.environ,
            ODOO_QUEUE_JOB_CHANNELS=f"root:{channels}",
            ODOO_QUEUE_JOB_HOST="127.0.0.1",
            ODOO_QUEUE_JOB_PORT=str(runner_port or self.port),
        )
        odoo_bin = os.path.join(os.path.dirname(odoo.__path__[0]), "odoo-bin")
        self.process = subprocess.Popen(
            [
                sys.executable,
                odoo_bin,
                "-c",
                odoo.tools.config.rcfile,
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
        # Odoo's connections to PostgreSQL are named after its process.
        self.application_name = f"odoo-{self.process.pid}"
        self.peak_rss = 0
        self._stop = threading.Event()
        threading.Thread(target=self._sample, daemon=True).start()
        self.url = f"http://127.0.0.1:{self.port}"
        for _second in range(180):
            if self.process.poll() is not None:
                break
            try:
                requests.get(f"{self.url}/web/login", timeout=5)
                return
            except requests.RequestException:
                time.sleep(1)
        self.stop()
        raise RuntimeError(f"the Odoo server on port {self.port} did not start")

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
            self.process.wait()


class Client:
    """A user's session on a server, calling models as the web client does, with
    ``context`` (e.g. the Clients list's)."""

    def __init__(self, server, database, login, password, context=None):
        self.url = server.url
        self.context = context or {}
        self.session = requests.Session()
        response = self.session.post(
            f"{self.url}/web/session/authenticate",
            json={"params": {"db": database, "login": login, "password": password}},
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
                    "kwargs": {"context": self.context, **kwargs},
                }
            },
            timeout=3600,
        )
        body = response.json()
        assert "error" not in body, body["error"]["data"].get("message")
        return body["result"]


def copy_database(source, copy):
    """``copy``, a new copy of ``source`` and of its filestore, as Odoo's database
    manager duplicates one (``source`` must have no connection but this
    process's, which are closed)."""
    odoo.sql_db.close_db(source)
    with _postgres() as cr:
        cr.execute(SQL("DROP DATABASE IF EXISTS %s", SQL.identifier(copy)))
        cr.execute(
            SQL(
                "CREATE DATABASE %s TEMPLATE %s",
                SQL.identifier(copy),
                SQL.identifier(source),
            )
        )
    filestore = odoo.tools.config.filestore
    shutil.rmtree(filestore(copy), ignore_errors=True)
    if os.path.exists(filestore(source)):
        shutil.copytree(filestore(source), filestore(copy))


def drop_database(name):
    odoo.sql_db.close_db(name)
    with _postgres() as cr:
        cr.execute(SQL("DROP DATABASE IF EXISTS %s", SQL.identifier(name)))
    shutil.rmtree(odoo.tools.config.filestore(name), ignore_errors=True)


@contextlib.contextmanager
def _postgres():
    with contextlib.closing(odoo.sql_db.db_connect("postgres").cursor()) as cr:
        cr._cnx.autocommit = True
        yield cr
