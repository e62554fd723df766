# Copyright 2026 client_hub contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Map the column headers of client spreadsheets, in English and Portuguese."""

from odoo import models


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
