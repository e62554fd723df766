# Copyright 2026 client_hub contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Map the column headers of client spreadsheets, in English and Portuguese, and
refuse a client file without rows with a message that says so."""

from odoo import _, models

from odoo.addons.base_import.models.base_import import ImportValidationError


class BaseImportImport(models.TransientModel):
    _inherit = "base_import.import"

    def _get_mapping_suggestion(
        self, header, fields_tree, header_types, mapping_fields
    ):
        """Map the client template's headers ("Legal name", "Nome legal", "País"...).

        base_import only knows a field's technical name and label; client spreadsheets
        use their own words, listed in ``res.partner._client_hub_import_header_fields``.
        A mapping the user saved for a header still comes first.
        """
        if self.res_model == "res.partner" and header.lower() not in mapping_fields:
            aliases = self.env["res.partner"]._client_hub_import_header_fields()
            field_name = aliases.get(" ".join(header.split()).casefold())
            if any(
                field["name"] == field_name and field.get("model_name") == "res.partner"
                for field in fields_tree
            ):
                return {"field_path": [field_name], "distance": 0}
        return super()._get_mapping_suggestion(
            header, fields_tree, header_types, mapping_fields
        )

    def _read_file(self, options):
        """Refuse a client file without any row to import, saying so.

        base_import fails on an empty CSV with "not enough values to unpack", and on
        a sheet with headers only with "list index out of range": Python's words,
        not the user's. Raised as ImportValidationError, the message reaches the
        preview and execute_import's messages like base_import's own.
        """
        if self.res_model != "res.partner":
            return super()._read_file(options)
        if not self.file:
            raise ImportValidationError(_("The file is empty."))
        file_length, rows = super()._read_file(options)
        if len(rows) <= (1 if options.get("has_headers") else 0):
            raise ImportValidationError(
                _(
                    "The file has no client to import: add one row per client "
                    "below the column headers."
                )
            )
        return file_length, rows
