# Copyright 2026 client_hub contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Client files imported in the background by base_import_async, the client way.

base_import_async splits the file into chunks, one queue job each; a chunk is
``res.partner.load``, so client_hub's matching by tax ID, its errors by row and its
"write only what changes" hold in every chunk, and a chunk job is one transaction:
all or nothing. This module adds what a client import needs on top: the Clients
list's context in the jobs, chunks of CLIENT_CHUNK_SIZE rows, each chunk's rows
recorded on its job (progress, report by row) and a notification at the end.
"""

from odoo import _, models

from odoo.addons.queue_job.exception import FailedJobError

# Rows per chunk when the import does not say: a chunk of clients takes a few
# seconds, far below any time limit, and 100,000 rows make 100 jobs.
CLIENT_CHUNK_SIZE = 1000
# What the Clients list puts in the context and a chunk's load needs.
CLIENT_CONTEXT_KEYS = (
    "client_hub_import",
    "client_hub_vat_match",
    "res_partner_search_mode",
    "default_is_company",
    "default_country_id",
)


class BaseImportImport(models.TransientModel):
    _inherit = "base_import.import"

    def _job_prepare_context_before_enqueue_keys(self):
        """Keep the Clients list's context in the jobs: without it, a new client of
        a background import would not be ranked as a customer."""
        return (
            *super()._job_prepare_context_before_enqueue_keys(),
            *CLIENT_CONTEXT_KEYS,
        )

    def execute_import(self, fields, columns, options, dryrun=False):
        """Chunks of CLIENT_CHUNK_SIZE rows for a client file queued without a size.

        The file is read (and an empty or unreadable one refused) by
        base_import_async before any job is queued.
        """
        if (
            self.res_model == "res.partner"
            and options.get("use_queue")
            and not options.get("chunk_size")
        ):
            options = dict(options, chunk_size=CLIENT_CHUNK_SIZE)
        return super().execute_import(fields, columns, options, dryrun=dryrun)

    def _split_file(
        self,
        model_name,
        translated_model_name,
        attachment,
        options,
        file_name="file.csv",
    ):
        """Record on each chunk's job the file and the rows it imports.

        base_import_async yields the chunks' rows (``_extract_chunks``) and links
        each chunk's job (``_link_attachment_to_job``) in turn; the list in the
        context carries the rows from one to the other.
        """
        if model_name != "res.partner":
            return super()._split_file(
                model_name, translated_model_name, attachment, options, file_name
            )
        chunks = {"file": attachment, "rows": []}
        result = super(
            BaseImportImport, self.with_context(client_hub_import_chunks=chunks)
        )._split_file(model_name, translated_model_name, attachment, options, file_name)
        job_uuid = self.env.context.get("job_uuid")
        if job_uuid:
            self.env["queue.job"].sudo().search([("uuid", "=", job_uuid)]).write(
                {"client_hub_import_file_id": attachment.id}
            )
        return result

    def _extract_chunks(self, model_obj, fields, data, chunk_size):
        """Note the rows of each chunk for ``_link_attachment_to_job``."""
        chunks = self.env.context.get("client_hub_import_chunks")
        for row_from, row_to in super()._extract_chunks(
            model_obj, fields, data, chunk_size
        ):
            if chunks is not None:
                chunks["rows"].append((row_from, row_to))
            yield row_from, row_to

    def _link_attachment_to_job(self, delayed_job, attachment):
        """Record the file and rows of a client import's chunk on its job."""
        result = super()._link_attachment_to_job(delayed_job, attachment)
        chunks = self.env.context.get("client_hub_import_chunks")
        if chunks is not None and chunks["rows"]:
            row_from, row_to = chunks["rows"][-1]
            self.env["queue.job"].sudo().search(
                [("uuid", "=", delayed_job.uuid)]
            ).write(
                {
                    "client_hub_import_file_id": chunks["file"].id,
                    "client_hub_import_row_from": row_from,
                    "client_hub_import_row_to": row_to,
                }
            )
        return result

    def _import_one_chunk(self, model_name, attachment, options):
        """Import one chunk of a client file; on an error, fail with every failed
        row named by its row in the whole file.

        load rolls the chunk back on any error, and the failed job's transaction is
        rolled back too: a chunk never half-writes. The last chunk to end tells
        the user the import has ended.
        """
        if model_name != "res.partner":
            return super()._import_one_chunk(model_name, attachment, options)
        job = self.env["queue.job"].sudo()
        if self.env.context.get("job_uuid"):
            job = job.search([("uuid", "=", self.env.context["job_uuid"])], limit=1)
        offset = job.client_hub_import_row_from
        fields, data = self._read_csv_attachment(attachment, options)
        result = self.env[model_name].load(fields, data)
        errors = [m for m in result["messages"] if m["type"] == "error"]
        if errors:
            raise FailedJobError(self._client_hub_chunk_report(errors, offset, options))
        if job.client_hub_import_file_id:
            job._client_hub_import_check_end("done")
        return _(
            "%(count)s clients imported or updated (rows %(first)s to %(last)s).",
            count=len(result["ids"] or []),
            first=offset,
            last=offset + len(data) - 1,
        )

    def _client_hub_chunk_report(self, errors, offset, options):
        """One line per error: its row as the import screen numbers it (the first
        row under the headers is 0) and its line in the file."""
        header = 1 if options.get("has_headers") else 0
        lines = []
        for error in errors:
            record = error.get("record")
            if isinstance(record, int):
                row = offset + record
                lines.append(
                    _(
                        "Row %(row)s (line %(line)s of the file): %(message)s",
                        row=row,
                        line=row + 1 + header,
                        message=error["message"].strip(),
                    )
                )
            else:
                lines.append(error["message"].strip())
        return "\n".join(lines)
