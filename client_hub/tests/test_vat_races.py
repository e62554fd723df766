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


class TestTaxIdRace(ClientHubCase):
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
