# Copyright 2026 client_hub contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Map the column headers of client spreadsheets, in English, Portuguese and
Spanish, and refuse a client file without rows with a message that says so."""

from odoo import _, models

from odoo.addons.base_import.models.base_import import ImportValidationError

# The client template's columns, in order: (field, header). The template files
# (tools/make_import_templates.py), the saved export list's test and the import
# benchmark read them; each header maps to its field by itself.
CLIENT_TEMPLATE_COLUMNS = [
    ("name", "Legal name"),
    ("vat", "Tax ID"),
    ("street", "Street"),
    ("street2", "Street 2"),
    ("zip", "Zip"),
    ("city", "City"),
    ("state_id", "State"),
    ("country_id", "Country"),
    ("email", "Email"),
    ("phone", "Phone"),
    ("website", "Website"),
]
# The template's headers in the other languages it is offered in (the template of
# a user's language: ``res.partner.get_import_templates``), column for column.
CLIENT_TEMPLATE_HEADERS = {
    "en": [header for _fname, header in CLIENT_TEMPLATE_COLUMNS],
    "pt": [
        "Nome legal",
        "NIF",
        "Morada",
        "Morada 2",
        "Código postal",
        "Localidade",
        "Distrito",
        "País",
        "E-mail",
        "Telefone",
        "Sítio web",
    ],
    "pt_BR": [
        "Nome legal",
        "CNPJ/CPF",
        "Endereço",
        "Complemento",
        "CEP",
        "Cidade",
        "Estado",
        "País",
        "E-mail",
        "Telefone",
        "Site",
    ],
    "es": [
        "Razón social",
        "NIF",
        "Dirección",
        "Dirección 2",
        "Código postal",
        "Ciudad",
        "Provincia",
        "País",
        "Correo electrónico",
        "Teléfono",
        "Sitio web",
    ],
}
# Other headers of client spreadsheets (casefolded): Portuguese, Spanish, and usual
# variants.
CLIENT_HEADER_ALIASES = {
    "nome legal": "name",
    "denominação social": "name",
    "razão social": "name",
    "tax identification number": "vat",
    "vat": "vat",
    "número de identificação fiscal": "vat",
    "nif": "vat",
    "nipc": "vat",
    "cnpj": "vat",
    "cpf": "vat",
    "morada": "street",
    "endereço": "street",
    "morada 2": "street2",
    "endereço 2": "street2",
    "complemento": "street2",
    "código postal": "zip",
    "cep": "zip",
    "cidade": "city",
    "localidade": "city",
    "distrito/estado": "state_id",
    "distrito": "state_id",
    "estado": "state_id",
    "país": "country_id",
    "e-mail": "email",
    "telefone": "phone",
    "sítio web": "website",
    "site": "website",
    # Spanish
    "nombre legal": "name",
    "razón social": "name",
    "denominación social": "name",
    "número de identificación fiscal": "vat",
    "cif": "vat",
    "nif/cif": "vat",
    "dirección": "street",
    "domicilio": "street",
    "calle": "street",
    "dirección 2": "street2",
    "cp": "zip",
    "ciudad": "city",
    "localidad": "city",
    "municipio": "city",
    "población": "city",
    "provincia": "state_id",
    "correo electrónico": "email",
    "correo": "email",
    "teléfono": "phone",
    "sitio web": "website",
    "página web": "website",
}
CLIENT_IMPORT_HEADERS = {
    **{
        header.casefold(): fname
        for headers in CLIENT_TEMPLATE_HEADERS.values()
        for (fname, _header), header in zip(
            CLIENT_TEMPLATE_COLUMNS, headers, strict=True
        )
    },
    **CLIENT_HEADER_ALIASES,
}


class BaseImportImport(models.TransientModel):
    _inherit = "base_import.import"

    def _get_mapping_suggestion(
        self, header, fields_tree, header_types, mapping_fields
    ):
        """Map the client template's headers ("Legal name", "Nome legal", "Razón
        social", "País"...).

        base_import only knows a field's technical name and label; client spreadsheets
        use their own words, listed in ``CLIENT_IMPORT_HEADERS``.
        A mapping the user saved for a header still comes first.
        """
        if self.res_model == "res.partner" and header.lower() not in mapping_fields:
            field_name = CLIENT_IMPORT_HEADERS.get(" ".join(header.split()).casefold())
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
