# Copyright 2026 client_hub contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""What a client file will do, before it does it: new, updated, unchanged, failed.

The preview is the import itself, run as base_import's Test runs it (``dryrun``: in
a savepoint rolled back at the end), with ``client_hub_preview`` in the context. The
client import (``res.partner.load``) notes there which rows are records and which
client each row matches, and ``_load_records_write`` what each update changes, old
and new value. So the preview runs the same matching and validation as the import,
writes nothing, and says what the import will do.
"""

import base64
import io

import xlsxwriter

from odoo import _, models

PREVIEW_STATUSES = ("new", "updated", "unchanged", "failed")


class BaseImportImport(models.TransientModel):
    _inherit = "base_import.import"

    def client_hub_preview(self, fields, columns, options):
        """Return what importing the file with ``fields`` would do, row by row.

        ``{"counts": {status: rows}, "rows": [{"row", "status", "name", "vat",
        "changes": [{"field", "old", "new"}], "errors": [...]}], "messages": [...],
        "blank_cells": <what a blank cell does>, "failed_note": <what a failed row
        does to the others>}``, rows numbered as the import
        screen numbers them (the first row under the headers is 0). The whole file
        is previewed, whatever the import's batch limit.
        """
        self.ensure_one()
        options = {
            key: value for key, value in options.items() if key not in ("limit", "skip")
        }
        collector = {"rows": {}, "matches": {}, "changes": {}}
        result = self.with_context(client_hub_preview=collector).execute_import(
            fields, columns, options, dryrun=True
        )
        errors_by_row, general = {}, []
        for message in result.get("messages", []):
            record = message.get("record")
            if message.get("type") == "error" and isinstance(record, int):
                errors_by_row.setdefault(record, []).append(message["message"])
            else:
                general.append(message)
        rows = []
        record_rows = dict(collector["rows"])
        for index in errors_by_row:
            record_rows.setdefault(index, {"name": "", "vat": ""})
        for index in sorted(record_rows):
            client_id = collector["matches"].get(index)
            changes = list(collector["changes"].get(client_id, {}).values())
            if index in errors_by_row:
                status, changes = "failed", []
            elif client_id:
                status = "updated" if changes else "unchanged"
            else:
                status = "new"
            rows.append(
                {
                    "row": index,
                    "status": status,
                    **record_rows[index],
                    "changes": changes,
                    "errors": errors_by_row.get(index, []),
                }
            )
        counts = {
            status: sum(row["status"] == status for row in rows)
            for status in PREVIEW_STATUSES
        }
        return {
            "counts": counts,
            "failed_note": counts["failed"]
            and _(
                "While a row fails, the import writes nothing: fix the failed rows "
                "first; the other rows then do what this preview says."
            )
            or "",
            "rows": rows,
            "messages": general,
            "blank_cells": _(
                "A blank cell clears the client's value of that column (the change "
                "is listed); a column that is not in the file leaves the value as "
                "it is."
            ),
        }

    def client_hub_preview_xlsx(self, fields, columns, options):
        """The preview as a spreadsheet: one line per changed field or error.

        Returns ``{"name": file name, "content": base64 xlsx}`` for the import screen
        to download: a large file's preview is read there, not on the screen.
        """
        preview = self.client_hub_preview(fields, columns, options)
        labels = self._client_hub_preview_labels()
        buffer = io.BytesIO()
        book = xlsxwriter.Workbook(buffer, {"in_memory": True})
        sheet = book.add_worksheet(_("Preview"))
        bold = book.add_format({"bold": True})
        headers = [
            _("Row"),
            _("Result"),
            _("Legal name"),
            _("Tax ID"),
            _("Field"),
            _("Old value"),
            _("New value"),
            _("Error"),
        ]
        sheet.write_row(0, 0, headers, bold)
        line = 1
        for status in PREVIEW_STATUSES:
            sheet.write_row(line, 0, [labels[status], preview["counts"][status]])
            line += 1
        sheet.write(line, 0, preview["blank_cells"])
        line += 2
        for row in preview["rows"]:
            start = [row["row"], labels[row["status"]], row["name"], row["vat"]]
            details = [
                [change["field"], change["old"], change["new"], ""]
                for change in row["changes"]
            ] + [["", "", "", error] for error in row["errors"]]
            for detail in details or [["", "", "", ""]]:
                # Strings as text: a legal name like "=1+1" stays a name.
                for col, value in enumerate(start + detail):
                    if isinstance(value, str):
                        sheet.write_string(line, col, value)
                    else:
                        sheet.write_number(line, col, value)
                line += 1
        sheet.set_column(2, 2, 30)
        sheet.set_column(4, 7, 24)
        book.close()
        name = (self.file_name or _("clients")).rsplit(".", 1)[0]
        return {
            "name": _("%(file)s - preview.xlsx", file=name),
            "content": base64.b64encode(buffer.getvalue()).decode(),
        }

    def _client_hub_preview_labels(self):
        return {
            "new": _("New client"),
            "updated": _("Updated"),
            "unchanged": _("Unchanged"),
            "failed": _("Failed"),
        }
