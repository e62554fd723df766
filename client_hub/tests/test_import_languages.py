# Copyright 2026 client_hub contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Client files in the user's language: Spanish headers, a template per language."""

from odoo.tests import tagged
from odoo.tools import file_open

from .common import CSV, TEMPLATE_FIELDS, XLS, XLSX, ClientHubCase, make_file

OPTIONS = {"has_headers": True, "quoting": '"', "separator": ","}


@tagged("post_install", "-at_install")
class TestClientImportLanguages(ClientHubCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        for lang in ("pt_PT", "pt_BR", "es_ES"):
            cls.env["res.lang"]._activate_lang(lang)

    def preview(self, content, file_type=CSV, lang="en_US"):
        wizard = (
            self.clients_env["base_import.import"]
            .with_context(lang=lang)
            .create(
                {"res_model": "res.partner", "file": content, "file_type": file_type}
            )
        )
        result = wizard.parse_preview(dict(OPTIONS))
        self.assertFalse(result.get("error"), result.get("error"))
        return wizard, result

    def test_spanish_headers_map_to_the_client_fields(self):
        headers = [
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
        ]
        _wizard, preview = self.preview(make_file(CSV, [headers, ["x"] * 11]))
        self.assertEqual(
            preview["matches"],
            {index: [name] for index, name in enumerate(TEMPLATE_FIELDS)},
        )
        _wizard, preview = self.preview(
            make_file(
                CSV, [["Nombre legal", "CIF", "Domicilio", "Municipio"], ["x"] * 4]
            )
        )
        self.assertEqual(
            preview["matches"],
            {0: ["name"], 1: ["vat"], 2: ["street"], 3: ["city"]},
        )

    def test_spanish_file_imports_a_client(self):
        headers = ["Razón social", "NIF", "Ciudad", "País"]
        rows = [headers, ["Ibérica Ingeniería, S.L.", "ESA58818501", "Madrid", "Spain"]]
        wizard, preview = self.preview(make_file(CSV, rows))
        fields = ["/".join(preview["matches"][i]) for i in range(len(headers))]
        result = wizard.execute_import(fields, headers, dict(OPTIONS))
        self.assertEqual(result["messages"], [])
        client = self.Partner.browse(result["ids"])
        self.assertEqual(client.vat, "ESA58818501")
        self.assertEqual(client.country_id, self.env.ref("base.es"))

    def test_template_is_offered_in_the_users_language_with_the_same_columns(self):
        expected = {
            "en_US": "clients_import_template",
            "pt_PT": "clients_import_template_pt",
            "pt_BR": "clients_import_template_pt_BR",
            "es_ES": "clients_import_template_es",
        }
        for lang, name in expected.items():
            templates = (
                self.clients_env["res.partner"]
                .with_context(lang=lang)
                .get_import_templates()
            )
            self.assertEqual(
                sorted(template["template"] for template in templates),
                [
                    f"/client_hub/static/xls/{name}.xls",
                    f"/client_hub/static/xls/{name}.xlsx",
                ],
            )
            for extension, file_type in (("xlsx", XLSX), ("xls", XLS)):
                path = f"client_hub/static/xls/{name}.{extension}"
                with (
                    self.subTest(lang=lang, file=extension),
                    file_open(path, "rb") as template,
                ):
                    wizard, preview = self.preview(template.read(), file_type, lang)
                    self.assertEqual(
                        preview["matches"],
                        {index: [fname] for index, fname in enumerate(TEMPLATE_FIELDS)},
                        "every column maps to its field by itself",
                    )
                    fields = ["/".join(preview["matches"][i]) for i in range(11)]
                    result = wizard.execute_import(
                        fields, preview["headers"], dict(OPTIONS), dryrun=True
                    )
                    self.assertEqual(
                        result["messages"], [], "the example row imports as it is"
                    )
