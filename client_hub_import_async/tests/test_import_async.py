# Copyright 2026 client_hub contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Client files imported in the background, chunk by chunk, as queue jobs.

The jobs run here synchronously, one at a time, as queue_job's runner runs them:
each chunk in a transaction of its own (a savepoint here), marked done when it
returns and failed, with its exception's message, when it raises.
"""

from odoo.exceptions import UserError
from odoo.tests import tagged

from odoo.addons.client_hub.tests.common import (
    CSV,
    TEMPLATE_FIELDS,
    TEMPLATE_HEADERS,
    XLSX,
    ClientHubCase,
    make_file,
)
from odoo.addons.queue_job.exception import FailedJobError
from odoo.addons.queue_job.job import Job

from ..models.queue_job import CHUNK_METHOD

OPTIONS = {"has_headers": True, "quoting": '"', "separator": ",", "use_queue": True}
# Valid Portuguese tax IDs (NIF) for the file's seven rows.
NIFS = ["511111118", "512222223", "513333339", "514444444"]
NIFS += ["507777778", "506666662", "505555557"]
BAD_NIF = "PT999999999"


@tagged("post_install", "-at_install")
class TestClientImportAsync(ClientHubCase):
    def rows(self, bad_row=None):
        rows = [TEMPLATE_HEADERS]
        for index, nif in enumerate(NIFS):
            row = dict.fromkeys(TEMPLATE_FIELDS, "")
            row.update(
                name=f"Cliente Fundo {index}, Lda.",
                vat=BAD_NIF if index == bad_row else f"PT{nif}",
                city="Porto",
                country_id="Portugal",
            )
            rows.append([row[fname] for fname in TEMPLATE_FIELDS])
        return rows

    def queue_import(
        self, content, chunk_size=2, file_name="clients.csv", file_type=CSV
    ):
        """Import ``content`` in the background as the Clients list does: the
        split job is queued, not run; returns (execute_import's result, jobs)."""
        wizard = self.clients_env["base_import.import"].create(
            {
                "res_model": "res.partner",
                "file": content,
                "file_type": file_type,
                "file_name": file_name,
            }
        )
        jobs_before = self.env["queue.job"].search([])
        fields = TEMPLATE_FIELDS
        result = wizard.execute_import(
            fields,
            [header.lower() for header in TEMPLATE_HEADERS],
            dict(OPTIONS, chunk_size=chunk_size),
        )
        return result, self.env["queue.job"].search([]) - jobs_before

    def run_job(self, record):
        """Run one job as the runner does: done if it returns, failed if it raises,
        its writes rolled back then."""
        job = Job.load(self.env, record.uuid)
        job.set_started()
        job.store()
        try:
            with self.env.cr.savepoint():
                job.perform()
                self.env.flush_all()
        except FailedJobError as error:
            self.env.invalidate_all()
            job.set_failed(
                exc_info=str(error), exc_name="FailedJobError", exc_message=str(error)
            )
        else:
            job.set_done()
        job.store()
        self.env.flush_all()

    def run_import(self, content):
        """Queue the import of ``content``, run the split job, then every chunk in
        order; return the chunk jobs."""
        result, jobs = self.queue_import(content)
        self.assertEqual(result, [])
        self.assertEqual(len(jobs), 1, "one job: the split")
        self.run_job(jobs)
        chunks = self.env["queue.job"].search(
            [
                ("client_hub_import_file_id", "=", jobs.client_hub_import_file_id.id),
                ("method_name", "=", CHUNK_METHOD),
            ],
            order="priority, id",
        )
        for chunk in chunks:
            self.run_job(chunk)
        self.env.invalidate_all()
        return jobs, chunks

    def clients(self):
        return self.Partner.search([("name", "=like", "Cliente Fundo %")], order="name")

    def test_bad_row_in_third_chunk_fails_that_chunk_only_and_rerun_updates(self):
        split, chunks = self.run_import(make_file(CSV, self.rows(bad_row=4)))

        self.assertEqual(
            [
                (c.client_hub_import_row_from, c.client_hub_import_row_to)
                for c in chunks
            ],
            [(0, 1), (2, 3), (4, 5), (6, 6)],
        )
        self.assertEqual(chunks.mapped("state"), ["done", "done", "failed", "done"])
        clients = self.clients()
        self.assertEqual(
            clients.mapped("name"),
            [f"Cliente Fundo {i}, Lda." for i in (0, 1, 2, 3, 6)],
            "the finished chunks are committed; the failed chunk wrote nothing, "
            "not even its good row 5",
        )
        self.assertTrue(all(client.customer_rank >= 1 for client in clients))
        self.assertTrue(all(client.is_company for client in clients))
        failed = chunks[2]
        self.assertIn("Row 4 (line 6 of the file)", failed.exc_message)
        self.assertIn(BAD_NIF, failed.exc_message)
        report = failed.message_ids.filtered(lambda m: "were not imported" in m.body)
        self.assertTrue(report, "the failure is posted to the job's followers")
        self.assertIn("Row 4 (line 6 of the file)", report.body)
        self.assertEqual(
            failed.client_hub_import_progress, "3 of 4 chunks done, 1 failed"
        )
        ended = split.message_ids.filtered(lambda m: "has ended" in m.body)
        self.assertEqual(len(ended), 1, "the user hears once, when the last chunk ends")
        self.assertIn("3 of 4 chunks imported, 1 failed", ended.body)
        self.assertIn(self.env.user.partner_id, ended.partner_ids)

        # The file fixed and imported again: updates, no duplicate.
        _split, chunks = self.run_import(make_file(CSV, self.rows()))

        self.assertEqual(set(chunks.mapped("state")), {"done"})
        again = self.clients()
        self.assertEqual(len(again), 7)
        self.assertEqual(
            again & clients, clients, "the clients imported first are kept"
        )
        self.assertEqual(
            sorted(again.mapped("client_vat_key")), sorted(NIFS), "one client per NIF"
        )

    def test_empty_or_unreadable_file_is_refused_before_any_job(self):
        result, jobs = self.queue_import(b"")
        self.assertIn("The file is empty", result["messages"][0]["message"])
        self.assertFalse(jobs)
        result, jobs = self.queue_import(b"Legal name,Tax ID\n")
        self.assertIn("no client to import", result["messages"][0]["message"])
        self.assertFalse(jobs)
        jobs_before = self.env["queue.job"].search([])
        with self.assertRaises(UserError), self.env.cr.savepoint():
            self.queue_import(b"\x00garbage", file_name="clients.xlsx", file_type=XLSX)
        self.assertEqual(self.env["queue.job"].search([]), jobs_before)
