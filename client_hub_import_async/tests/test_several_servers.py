# Copyright 2026 client_hub contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Two Odoo servers on one database, each with queue_job's runner, as far as one
machine allows: two ``odoo-bin`` processes on a copy of the test database, behind a
load balancer. A background client import spreads over both servers, a chunk is
imported once even when its request reaches both, and when the server whose runner
dispatches stops, the other's runner takes over.
"""

import contextlib
import tempfile
import time

import odoo
from odoo.modules.registry import Registry
from odoo.tests import BaseCase, get_db_name, tagged
from odoo.tools.safe_eval import safe_eval

from odoo.addons.client_hub.tests.common import (
    CSV,
    TEMPLATE_FIELDS,
    TEMPLATE_HEADERS,
    client_row,
    make_file,
)
from odoo.addons.client_hub.tests.spellings import nif_check_digit

from ..models.queue_job import CHUNK_METHOD
from .servers import Balancer, Client, Server, copy_database, drop_database

# queue_job's runner holds this session lock while it dispatches a database's jobs
# (jobrunner/runner.py, PG_ADVISORY_LOCK_ID); PostgreSQL shows a bigint key as two
# 32-bit halves.
RUNNER_LOCK = 2293787760715711918
ENDED = ("done", "failed", "cancelled")


@tagged("post_install", "-at_install")
class TestSeveralServers(BaseCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        source = get_db_name()
        with Registry(source).cursor() as cr:
            env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
            action = env.ref("client_hub.action_client_hub_clients")
            # What the Clients list imports with: its action's context.
            cls.clients_context = safe_eval(action.context)
        # The committed test database: client_hub and this module, demo data.
        cls.database = f"{source}_servers"
        copy_database(source, cls.database)
        cls.addClassCleanup(drop_database, cls.database)
        cls.log = tempfile.NamedTemporaryFile("w+", suffix=".log")  # noqa: SIM115
        cls.addClassCleanup(cls.log.close)
        cls.balancer = Balancer()
        cls.addClassCleanup(cls.balancer.stop)
        cls.servers = []
        for _index in range(2):
            server = Server(cls.database, 1, cls.log, cls.balancer.port)
            cls.addClassCleanup(server.stop)
            cls.servers.append(server)
        cls.balancer.set_backends(server.url for server in cls.servers)
        cls.wait(cls.runner_holder, "a runner to take the database")

    @classmethod
    def sql(cls, query, *params):
        db = odoo.sql_db.db_connect(cls.database)
        with contextlib.closing(db.cursor()) as cr:
            cr.execute(query, params)
            return cr.fetchall()

    @classmethod
    def wait(cls, condition, what, timeout=240):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            result = condition()
            if result:
                return result
            time.sleep(0.5)
        raise AssertionError(f"Waited {timeout} s for {what}")

    @classmethod
    def runner_holder(cls):
        """The server whose runner holds the database's dispatching lock, or None."""
        rows = cls.sql(
            "SELECT a.application_name FROM pg_locks l "
            "JOIN pg_stat_activity a ON a.pid = l.pid "
            "WHERE l.locktype = 'advisory' AND l.granted AND a.datname = %s "
            "AND l.classid::bigint = %s AND l.objid::bigint = %s",
            cls.database,
            RUNNER_LOCK >> 32,
            RUNNER_LOCK & 0xFFFFFFFF,
        )
        names = {name for (name,) in rows}
        holders = [s for s in cls.servers if s.application_name in names]
        assert len(holders) <= 1, "two runners dispatch the same database"
        return holders[0] if holders else None

    def import_in_background(self, prefix, count, first_nif):
        """Queue a file of ``count`` new clients in chunks of one row, as admin from
        the Clients list; wait until every job it made has ended; return the chunk
        jobs as (uuid, state, retry, worker pid) and the tax IDs of the rows."""
        bases = [str(first_nif + index) for index in range(count)]
        nifs = [f"PT{base}{nif_check_digit(base)}" for base in bases]
        rows = [TEMPLATE_HEADERS]
        rows += [client_row(f"{prefix} {i}, Lda.", nif) for i, nif in enumerate(nifs)]
        (last_job,) = self.sql("SELECT coalesce(max(id), 0) FROM queue_job")[0]
        # As admin from the Clients list, on a server still in the balancer (a
        # CSV file is sent as its text: base_import stores the upload as it is).
        server = next(s for s in self.servers if s.url in self.balancer.backends)
        client = Client(server, self.database, "admin", "admin", self.clients_context)
        wizard = client.call(
            "base_import.import",
            "create",
            [
                {
                    "res_model": "res.partner",
                    "file": make_file(CSV, rows).decode(),
                    "file_type": CSV,
                    "file_name": f"{prefix}.csv",
                }
            ],
        )
        result = client.call(
            "base_import.import",
            "execute_import",
            [
                wizard,
                TEMPLATE_FIELDS,
                [header.lower() for header in TEMPLATE_HEADERS],
                {
                    "has_headers": True,
                    "quoting": '"',
                    "separator": ",",
                    "use_queue": True,
                    "chunk_size": 1,
                },
            ],
        )
        self.assertEqual(result, [])
        self.wait(
            lambda: (
                not self.sql(
                    "SELECT 1 FROM queue_job WHERE id > %s AND state NOT IN %s",
                    last_job,
                    ENDED,
                )
            ),
            f"the jobs of {prefix}.csv to end",
        )
        jobs = self.sql(
            "SELECT uuid, state, retry, worker_pid FROM queue_job "
            "WHERE id > %s AND method_name = %s",
            last_job,
            CHUNK_METHOD,
        )
        self.assertEqual(len(jobs), count, "one chunk job per row")
        return jobs, nifs

    def assertEachClientOnce(self, nifs):
        found = self.sql(
            "SELECT vat, count(*) FROM res_partner WHERE vat IN %s GROUP BY vat",
            tuple(nifs),
        )
        self.assertEqual(dict(found), dict.fromkeys(nifs, 1))

    def test_1_chunks_spread_over_both_servers_each_run_once(self):
        jobs, nifs = self.import_in_background("Servidores", 6, 53_100_000)
        self.assertEqual({state for _uuid, state, _retry, _pid in jobs}, {"done"})
        self.assertEqual({retry for _uuid, _state, retry, _pid in jobs}, {1})
        self.assertEqual(
            {pid for *_job, pid in jobs},
            {server.process.pid for server in self.servers},
            "each server ran chunks",
        )
        self.assertEachClientOnce(nifs)

    def test_2_request_delivered_to_both_servers_imports_the_chunk_once(self):
        self.balancer.fan_out = True
        self.addCleanup(setattr, self.balancer, "fan_out", False)
        jobs, nifs = self.import_in_background("Em dobro", 4, 53_200_000)
        self.assertEqual({state for _uuid, state, _retry, _pid in jobs}, {"done"})
        self.assertEqual({retry for _uuid, _state, retry, _pid in jobs}, {1})
        self.assertEachClientOnce(nifs)

        # Each chunk's second request was refused by the server it reached (after
        # retrying the request on a serialization failure, as Odoo does).
        def refused():
            self.log.flush()
            with open(self.log.name) as log:
                text = log.read()
            return all(f"requested to run job {uuid}, but" in text for uuid, *_ in jobs)

        self.wait(refused, "each chunk's second request to be refused", timeout=60)

    def test_3_other_runner_takes_over_when_the_dispatching_server_stops(self):
        holder = self.runner_holder()
        other = next(server for server in self.servers if server is not holder)
        holder.stop()
        # The balancer's health check takes the stopped server out.
        self.balancer.set_backends([other.url])
        self.wait(
            lambda: self.runner_holder() is other, "the other runner to take over"
        )
        jobs, nifs = self.import_in_background("Sucessor", 3, 53_300_000)
        self.assertEqual(
            set(jobs), {(uuid, "done", 1, other.process.pid) for uuid, *_j in jobs}
        )
        self.assertEachClientOnce(nifs)
