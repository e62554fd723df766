# Copyright 2026 client_hub contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Two transactions adding the same client at once, as two users or two imports would.

These tests commit through cursors of their own, then delete what they committed: the
test's cursor holds no row they touch, so nothing here waits for it.
"""
# Committing is what these tests are about: a race shows only between commits.
# pylint: disable=invalid-commit

import threading
import time
from contextlib import closing

from psycopg2 import errors as pgerrors

from odoo import api
from odoo.exceptions import ValidationError

from .common import BR_CNPJ, PT_NIF, PT_NIF_2, ClientHubCase


class Cancelled(Exception):
    """The user cancels what they were doing."""


WAIT = 10  # seconds: a bound on every wait, so a bug fails the test instead of hanging


class RaceCase(ClientHubCase):
    """Helpers for transactions on cursors of their own."""

    def new_env(self):
        """An environment on a cursor of its own, closed (rolled back) by cleanup."""
        cr = self.registry.cursor()
        self.addCleanup(cr.close)
        # LOCAL: the pooled connection must not keep it.
        cr.execute("SET LOCAL lock_timeout = %s", [f"{WAIT}s"])
        return api.Environment(cr, self.env.uid, self.env.context)

    def create_client_in(self, env, name, vat):
        return env["res.partner"].create(
            {
                "name": name,
                "vat": vat,
                "country_id": self.portugal.id,
                "is_company": True,
                "customer_rank": 1,
            }
        )

    def delete_committed(self, name):
        """Delete the clients a test committed, so the database is left as it was."""
        with closing(self.registry.cursor()) as cr:
            env = api.Environment(cr, self.env.uid, {"active_test": False})
            env["res.partner"].search([("name", "=", name)]).unlink()
            cr.commit()

    def backend_pid(self, env):
        env.cr.execute("SELECT pg_backend_pid()")
        return env.cr.fetchone()[0]

    def wait_until_blocked(self, pid):
        """Wait until the backend ``pid`` waits for a lock that another one holds."""
        deadline = time.monotonic() + WAIT
        while time.monotonic() < deadline:
            self.cr.execute("SELECT cardinality(pg_blocking_pids(%s))", [pid])
            if self.cr.fetchone()[0]:
                return
            time.sleep(0.05)
        self.fail("the second transaction never waited for the first")

    def start_in_thread(self, func):
        """Run ``func`` in a thread; return the thread and where its outcome goes."""
        outcome = {}

        def run():
            try:
                outcome["result"] = func()
            except Exception as exc:  # noqa: BLE001 (the test asserts on it)
                outcome["error"] = exc

        thread = threading.Thread(target=run, daemon=True)
        thread.start()
        return thread, outcome


class TestTaxIdRace(RaceCase):
    def test_second_of_two_concurrent_duplicates_gets_the_named_message(self):
        """The first transaction commits its client; the second, which could not see
        it, is refused with the message that names it, and the first's is kept."""
        self.addCleanup(self.delete_committed, "Race Tejo, Lda.")
        env_1, env_2 = self.new_env(), self.new_env()
        # Both snapshots are taken before either client exists.
        self.backend_pid(env_1)
        pid_2 = self.backend_pid(env_2)
        first = self.create_client_in(env_1, "Race Tejo, Lda.", f"PT{PT_NIF}")

        thread, outcome = self.start_in_thread(
            lambda: self.create_client_in(env_2, "Race Tejo (cópia)", "pt 511.111.118")
        )
        self.wait_until_blocked(pid_2)
        env_1.cr.commit()
        thread.join(WAIT)
        self.assertFalse(thread.is_alive())

        error = outcome.get("error")
        self.assertIsInstance(error, ValidationError, outcome)
        self.assertIn('already used by the client "Race Tejo, Lda."', str(error))
        # As a request would on that error, the second rolls back; the first's client
        # is what remains.
        env_2.cr.rollback()
        kept = env_2["res.partner"].search([("name", "like", "Race Tejo")])
        self.assertEqual(kept.ids, first.ids)

    def test_second_transaction_goes_on_when_the_first_rolls_back(self):
        self.addCleanup(self.delete_committed, "Race Tejo (segunda)")
        env_1, env_2 = self.new_env(), self.new_env()
        pid_2 = self.backend_pid(env_2)
        self.create_client_in(env_1, "Race Tejo (primeira)", PT_NIF)

        thread, outcome = self.start_in_thread(
            lambda: self.create_client_in(env_2, "Race Tejo (segunda)", PT_NIF)
        )
        self.wait_until_blocked(pid_2)
        env_1.cr.rollback()
        thread.join(WAIT)
        self.assertNotIn("error", outcome)
        env_2.cr.commit()
        self.assertEqual(outcome["result"].client_vat_key, PT_NIF)

    def test_database_refuses_a_duplicate_the_python_check_never_saw(self):
        """The exclusion constraint, not only the Python check, holds the tax ID:
        a row written behind the ORM's back still fails at the commit."""
        self.addCleanup(self.delete_committed, "Race Tejo, Lda.")
        env_1, env_2 = self.new_env(), self.new_env()
        self.create_client_in(env_1, "Race Tejo, Lda.", PT_NIF)
        env_1.cr.commit()
        other = self.create_client_in(env_2, "Race Outra, Lda.", "512222223")
        env_2.cr.execute(
            "UPDATE res_partner SET client_vat_key = %s WHERE id = %s",
            [PT_NIF, other.id],
        )
        with self.assertRaises(pgerrors.ExclusionViolation):
            env_2.cr.commit()


class TestTaxIdConstraintMode(ClientHubCase):
    """The check makes the constraint immediate for a moment, inside a savepoint of
    its own: it must leave it deferred, whatever savepoint around it rolls back."""

    def assertDeferred(self, partner, key):
        """Giving ``partner`` a duplicate key behind the ORM's back does not fail at
        once, as it would if the constraint were immediate."""
        self.env.cr.execute("SAVEPOINT client_hub_probe")
        self.env.cr.execute(
            "UPDATE res_partner SET client_vat_key = %s WHERE id = %s",
            [key, partner.id],
        )
        self.env.cr.execute("ROLLBACK TO SAVEPOINT client_hub_probe")

    def test_constraint_stays_deferred_after_a_rolled_back_savepoint(self):
        existing = self.create_client("Tejo Consultores, Lda.", PT_NIF)
        other = self.create_client("Outra, Lda.", PT_NIF_2)
        with self.assertRaises(Cancelled), self.env.cr.savepoint():
            self.create_client("Paraná Têxtil Ltda.", BR_CNPJ, self.brazil)
            raise Cancelled()  # roll back after a check that passed
        self.assertDeferred(other, existing.client_vat_key)
        with self.assertRaises(ValidationError) as caught:
            self.create_client("Tejo (cópia)", f"PT {PT_NIF}")
        self.assertIn(
            'already used by the client "Tejo Consultores', str(caught.exception)
        )


def pt_nif(seed):
    """A valid Portuguese NIF (check digit computed) made from ``seed``."""
    digits = f"5{seed:07d}"
    total = sum(int(d) * (9 - i) for i, d in enumerate(digits))
    check = 11 - total % 11
    return digits + str(check if check < 10 else 0)


class TestTaxIdRaceManyUsers(RaceCase):
    """Many transactions at once, each on its own cursor and thread, as concurrent
    RPC sessions or imports are."""

    def run_together(self, jobs):
        """Run each ``job(env)`` in a thread of its own, on its own cursor, all
        released at once; commit those that succeed. Return the outcomes."""
        barrier = threading.Barrier(len(jobs))
        outcomes = [{} for _job in jobs]

        def run(job, outcome):
            with closing(self.registry.cursor()) as cr:
                cr.execute("SET LOCAL lock_timeout = %s", [f"{WAIT * 3}s"])
                env = api.Environment(cr, self.env.uid, self.clients_env.context)
                barrier.wait(WAIT)
                try:
                    outcome["result"] = job(env)
                    cr.commit()
                except Exception as exc:  # noqa: BLE001 (the test asserts on it)
                    outcome["error"] = exc
                    cr.rollback()

        threads = [
            threading.Thread(target=run, args=(job, outcome), daemon=True)
            for job, outcome in zip(jobs, outcomes, strict=True)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(WAIT * 6)
            self.assertFalse(thread.is_alive(), "a transaction never finished")
        return outcomes

    def committed(self, domain):
        with closing(self.registry.cursor()) as cr:
            env = api.Environment(cr, self.env.uid, {"active_test": False})
            return env["res.partner"].search(domain).mapped("name")

    def test_shared_and_company_clients_created_at_once_are_one(self):
        """Half create the tax ID in the current company, half as a shared client:
        exactly one is kept; the others get the message naming it."""
        company = self.env.company.id
        self.addCleanup(self.delete_committed_like, "Race Partilha")

        def create(index):
            def job(env):
                return self.create_client_in(
                    env(
                        context=dict(
                            env.context,
                            default_company_id=company if index % 2 else False,
                        )
                    ),
                    f"Race Partilha {index}",
                    PT_NIF,
                ).id

            return job

        outcomes = self.run_together([create(index) for index in range(6)])
        kept = self.committed([("name", "like", "Race Partilha")])
        self.assertEqual(len(kept), 1, outcomes)
        for outcome in outcomes:
            if "error" in outcome:
                self.assertIsInstance(outcome["error"], ValidationError, outcome)
                self.assertIn(kept[0], str(outcome["error"]))

    def test_overlapping_imports_report_only_their_conflicting_rows(self):
        """8 imports at once, each with one tax ID in common and unique ones: no
        deadlock, no database text; one client holds the common tax ID, and an
        import fails only on that row."""
        self.addCleanup(self.delete_committed_like, "Race Import")
        common = PT_NIF
        rows_per_file = 50

        def load(index):
            def job(env):
                rows = [[f"Race Import {index} comum", common, "Portugal"]] + [
                    [
                        f"Race Import {index}-{n}",
                        pt_nif(index * 1000 + n),
                        "Portugal",
                    ]
                    for n in range(rows_per_file)
                ]
                result = env["res.partner"].load(["name", "vat", "country_id"], rows)
                errors = [m for m in result["messages"] if m["type"] == "error"]
                if errors:
                    raise ImportFailed(errors)
                return result["ids"]

            return job

        outcomes = self.run_together([load(index) for index in range(8)])
        holders = self.committed([("client_vat_key", "=", common)])
        self.assertEqual(len(holders), 1, outcomes)
        succeeded = [outcome for outcome in outcomes if "result" in outcome]
        self.assertTrue(succeeded, outcomes)
        for outcome in outcomes:
            error = outcome.get("error")
            if error is None:
                self.assertEqual(len(outcome["result"]), rows_per_file + 1)
                continue
            self.assertIsInstance(error, ImportFailed, outcome)
            for message in error.messages:
                self.assertEqual(message["record"], 0, message)
                self.assertIn("already used", message["message"])
                for raw in ("deadlock", "advisory", "ERROR", "DETAIL", "CONTEXT"):
                    self.assertNotIn(raw, message["message"])

    def delete_committed_like(self, name):
        with closing(self.registry.cursor()) as cr:
            env = api.Environment(cr, self.env.uid, {"active_test": False})
            env["res.partner"].search([("name", "like", name)]).unlink()
            cr.commit()


class ImportFailed(Exception):
    """An import that reported errors (and so wrote nothing)."""

    def __init__(self, messages):
        super().__init__(messages)
        self.messages = messages
