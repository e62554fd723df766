# Copyright 2026 client_hub contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The chunks of a background client import, as queue jobs: which file and rows
each one imports, how far the import is, and who hears when it ends."""

from odoo import _, api, fields, models

CHUNK_METHOD = "_import_one_chunk"
FINISHED_STATES = ("done", "failed", "cancelled")


class QueueJob(models.Model):
    _inherit = "queue.job"

    client_hub_import_file_id = fields.Many2one(
        "ir.attachment",
        string="Imported File",
        index="btree_not_null",
        readonly=True,
        help="The whole file of the background import this job belongs to.",
    )
    client_hub_import_row_from = fields.Integer(string="First Row", readonly=True)
    client_hub_import_row_to = fields.Integer(string="Last Row", readonly=True)
    client_hub_import_progress = fields.Char(
        string="Import Progress", compute="_compute_client_hub_import_progress"
    )

    @api.depends("client_hub_import_file_id")
    def _compute_client_hub_import_progress(self):
        for job in self:
            if not job.client_hub_import_file_id:
                job.client_hub_import_progress = False
                continue
            done, failed, total = job._client_hub_import_counts()
            job.client_hub_import_progress = _(
                "%(done)s of %(total)s chunks done, %(failed)s failed",
                done=done,
                total=total,
                failed=failed,
            )

    def write(self, vals):
        """When a chunk of a client import fails, the import may have ended: tell
        its user (queue_job posts the failure itself, with our report by row)."""
        ended = self.browse()
        if vals.get("state") == "failed":
            ended = self.filtered(
                lambda job: (
                    job.client_hub_import_file_id
                    and job.method_name == CHUNK_METHOD
                    and job.state != "failed"
                )
            )
        # queue_job posts the failure before writing it: pass the report along.
        result = super(
            QueueJob, self.with_context(client_hub_exc_message=vals.get("exc_message"))
        ).write(vals)
        for job in ended:
            job._client_hub_import_check_end("failed")
        return result

    def _message_failed_job(self):
        """A failed chunk says which rows failed and why (its exception's message),
        not only "something bad happened"."""
        self.ensure_one()
        if self.client_hub_import_file_id and self.method_name == CHUNK_METHOD:
            return _(
                "Rows %(first)s to %(last)s of %(file)s were not imported (nothing "
                "of them was written): %(report)s Fix these rows and import the "
                "file again: the clients already imported are updated, not "
                "duplicated.",
                first=self.client_hub_import_row_from,
                last=self.client_hub_import_row_to,
                file=self.client_hub_import_file_id.name,
                report=self.env.context.get("client_hub_exc_message")
                or self.exc_message,
            )
        return super()._message_failed_job()

    def _client_hub_import_domain(self):
        """The jobs of the import of ``self``: those of its file."""
        return [("client_hub_import_file_id", "=", self.client_hub_import_file_id.id)]

    def _client_hub_import_chunks(self):
        """The chunk jobs of the import of ``self``, whatever the user may read."""
        self.ensure_one()
        return (
            self.sudo()
            .with_context(active_test=False)
            .search(
                self._client_hub_import_domain() + [("method_name", "=", CHUNK_METHOD)]
            )
        )

    def _client_hub_import_states(self, ending_state=None):
        """The states of the chunks of the import of ``self``; ``ending_state`` is
        the state ``self`` is ending in, in this transaction."""
        return [
            ending_state if chunk == self and ending_state else chunk.state
            for chunk in self._client_hub_import_chunks()
        ]

    def _client_hub_import_counts(self, ending_state=None):
        """``(done, failed, total)`` chunks of the import of ``self``."""
        states = self._client_hub_import_states(ending_state)
        return (
            states.count("done"),
            states.count("failed") + states.count("cancelled"),
            len(states),
        )

    def _client_hub_import_check_end(self, ending_state):
        """Notify the user of the import of ``self`` when its last chunk ends
        (``self``, ending in ``ending_state``).

        The import's first job (the one that split the file) is locked first, so
        that of two chunks ending at once on two servers, the second waits for the
        first's commit and then sees it finished: the user hears once.
        """
        self.ensure_one()
        split = (
            self.sudo()
            .with_context(active_test=False)
            .search(
                self._client_hub_import_domain()
                + [("method_name", "!=", CHUNK_METHOD)],
                limit=1,
            )
        )
        if split:
            self.env.cr.execute(
                "SELECT id FROM queue_job WHERE id = %s FOR NO KEY UPDATE", [split.id]
            )
        self.invalidate_model(["state"])
        states = self._client_hub_import_states(ending_state)
        if any(state not in FINISHED_STATES for state in states):
            return False
        done, failed, total = self._client_hub_import_counts(ending_state)
        file_name = self.client_hub_import_file_id.name
        if failed:
            body = _(
                "The import of %(file)s has ended: %(done)s of %(total)s chunks "
                "imported, %(failed)s failed. The failed chunks' messages name "
                "their rows; fix them and import the file again.",
                file=file_name,
                done=done,
                total=total,
                failed=failed,
            )
        else:
            body = _(
                "The import of %(file)s has ended: all %(total)s chunks imported.",
                file=file_name,
                total=total,
            )
        user = self.user_id
        (split or self).sudo().message_post(
            body=body,
            partner_ids=user.partner_id.ids,
            subtype_xmlid="mail.mt_comment",
        )
        user._bus_send(
            "simple_notification",
            {
                "type": "warning" if failed else "success",
                "title": _("Client import"),
                "message": body,
                "sticky": True,
            },
        )
        return True
