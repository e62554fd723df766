# Copyright 2026 client_hub contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Clients in and out of spreadsheets, through Odoo's own import and export."""

from odoo.tests import tagged
from odoo.tools import file_open

from .common import (
    BR_CNPJ,
    CSV,
    ODS,
    PT_NIF,
    PT_NIF_2,
    TEMPLATE_FIELDS,
    TEMPLATE_HEADERS,
    XLS,
    XLSX,
    ClientHubCase,
    client_row,
    make_file,
)


@tagged("post_install", "-at_install")
class TestClientImport(ClientHubCase):
    def preview(self, content, file_type=CSV):
        wizard = self.clients_env["base_import.import"].create(
            {"res_model": "res.partner", "file": content, "file_type": file_type}
        )
        result = wizard.parse_preview(
            {"has_headers": True, "quoting": '"', "separator": ","}
        )
        self.assertFalse(result.get("error"), result.get("error"))
        return wizard, result

    def import_rows(self, rows, file_type=CSV, dryrun=False):
        """Import the rows (header first) as base_import does from the Clients list.

        Every header must map to a field by itself; returns execute_import's result.
        """
        wizard, preview = self.preview(make_file(file_type, rows), file_type)
        fields = [
            "/".join(preview["matches"][index]) if index in preview["matches"] else ""
            for index in range(len(preview["headers"]))
        ]
        self.assertNotIn("", fields, f"unmapped headers in {preview['headers']}")
        return wizard.execute_import(
            fields,
            [header.lower() for header in preview["headers"]],
            {"has_headers": True, "quoting": '"', "separator": ","},
            dryrun=dryrun,
        )

    def assertImported(self, result):
        self.assertEqual(result["messages"], [])
        self.assertTrue(result["ids"])
        return self.Partner.browse(result["ids"])

    def errors(self, result):
        return [m for m in result["messages"] if m["type"] == "error"]

    # Templates and headers

    def test_clients_list_offers_the_client_template_as_xlsx_and_xls(self):
        templates = self.clients_env["res.partner"].get_import_templates()
        paths = sorted(template["template"] for template in templates)
        self.assertEqual(
            paths,
            [
                "/client_hub/static/xls/clients_import_template.xls",
                "/client_hub/static/xls/clients_import_template.xlsx",
            ],
        )
        for path in paths:
            with file_open(path.lstrip("/"), "rb") as template:
                self.assertTrue(template.read())
        self.assertNotIn(
            paths[0], str(self.Partner.get_import_templates()), "other partner imports"
        )

    def test_template_files_headers_map_to_the_client_fields(self):
        for extension, file_type in (("xlsx", XLSX), ("xls", XLS)):
            path = f"client_hub/static/xls/clients_import_template.{extension}"
            with self.subTest(extension), file_open(path, "rb") as template:
                _wizard, preview = self.preview(template.read(), file_type)
                self.assertEqual(preview["headers"], TEMPLATE_HEADERS)
                self.assertEqual(
                    preview["matches"],
                    {index: [name] for index, name in enumerate(TEMPLATE_FIELDS)},
                )

    def test_portuguese_headers_map_to_the_client_fields(self):
        headers = [
            "Nome legal",
            "Número de identificação fiscal",
            "Morada",
            "Morada 2",
            "Código postal",
            "Cidade",
            "Distrito/Estado",
            "País",
            "Email",
            "Telefone",
            "Website",
        ]
        _wizard, preview = self.preview(make_file(CSV, [headers, ["x"] * 11]))
        self.assertEqual(
            preview["matches"],
            {index: [name] for index, name in enumerate(TEMPLATE_FIELDS)},
        )
        _wizard, preview = self.preview(
            make_file(CSV, [["Endereço", "NIF", "País"], ["x", "x", "x"]])
        )
        self.assertEqual(
            preview["matches"], {0: ["street"], 1: ["vat"], 2: ["country_id"]}
        )

    # Each file type, and the result

    def test_each_file_type_imports_new_clients_listed_under_clients(self):
        for number, file_type in enumerate((CSV, XLS, XLSX, ODS)):
            with self.subTest(file_type):
                name = f"Cliente {number}, Lda."
                rows = [TEMPLATE_HEADERS, client_row(name, f"PT{PT_NIF}")]
                client = self.assertImported(self.import_rows(rows, file_type))
                self.assertEqual(len(client), 1)
                self.assertRecordValues(
                    client,
                    [
                        {
                            "name": name,
                            "vat": f"PT{PT_NIF}",
                            "is_company": True,
                            "street": "Rua Augusta 100",
                            "zip": "1100-053",
                            "city": "Lisboa",
                            "state_id": self.env.ref("base.state_pt_pt-11").id,
                            "country_id": self.portugal.id,
                            "email": "geral@example.pt",
                            "phone": "+351 210 000 000",
                        }
                    ],
                )
                self.assertGreaterEqual(client.customer_rank, 1)
                self.assertIsListedAsClient(client)
                client.unlink()

    # Update by tax ID

    def test_tax_id_written_differently_updates_the_existing_client(self):
        existing = self.create_client("Tejo Consultores, Lda.", PT_NIF)
        brazilian = self.create_client("Paraná Têxtil Ltda.", BR_CNPJ, self.brazil)
        partners_before = self.Partner.search_count([])
        rows = [
            TEMPLATE_HEADERS,
            client_row("Tejo Consultores, Lda.", "PT 511 111 118", City="Porto"),
            client_row(
                "Paraná Têxtil Ltda.",
                "45997418000153",
                State="",
                Country="Brazil",
                City="Curitiba",
            ),
        ]
        clients = self.assertImported(self.import_rows(rows))
        self.assertEqual(clients, existing | brazilian)
        self.assertEqual(self.Partner.search_count([]), partners_before)
        self.assertEqual((existing.city, brazilian.city), ("Porto", "Curitiba"))

    def test_tax_id_without_the_country_column_matches_by_its_prefix(self):
        existing = self.create_client("Tejo Consultores, Lda.", PT_NIF)
        result = self.import_rows(
            [["Legal name", "Tax ID", "Phone"], ["Tejo", "pt511.111.118", "+351 1"]]
        )
        self.assertEqual(self.assertImported(result), existing)
        self.assertEqual((existing.name, existing.phone), ("Tejo", "+351 1"))

    def test_update_makes_an_existing_partner_a_client(self):
        supplier = self.create_client("Fornecedor, Lda.", PT_NIF, customer_rank=0)
        self.assertIsListedAsClient(supplier, listed=False)
        result = self.import_rows(
            [TEMPLATE_HEADERS, client_row("Fornecedor, Lda.", PT_NIF)]
        )
        self.assertEqual(self.assertImported(result), supplier)
        self.assertIsListedAsClient(supplier)

    def test_client_of_another_company_is_not_updated(self):
        other_company = self.env["res.company"].create({"name": "Outra Empresa"})
        theirs = self.create_client(
            "Tejo Consultores, Lda.", PT_NIF, company_id=other_company.id
        )
        result = self.import_rows([TEMPLATE_HEADERS, client_row("Tejo", PT_NIF)])
        # Not an update of theirs, and not a new client without company either: that
        # one would be shared with their company, where the tax ID is taken.
        self.assertFalse(result["ids"])
        self.assertIn("already used", self.errors(result)[0]["message"])
        self.assertEqual(theirs.name, "Tejo Consultores, Lda.")

    # Errors: all or nothing

    def test_same_tax_id_twice_in_the_file_names_both_rows(self):
        partners_before = self.Partner.search_count([])
        rows = [
            TEMPLATE_HEADERS,
            client_row("Tejo Consultores, Lda.", f"PT{PT_NIF}"),
            client_row("Outra, Lda.", PT_NIF_2),
            client_row("Tejo (cópia)", "511 111 118"),
        ]
        result = self.import_rows(rows)
        self.assertFalse(result["ids"])
        duplicate = [m for m in self.errors(result) if "same tax ID" in m["message"]]
        self.assertEqual(len(duplicate), 1, result["messages"])
        self.assertIn("Rows 0 and 2", duplicate[0]["message"])
        self.assertEqual(duplicate[0]["record"], 2)
        self.assertEqual(self.Partner.search_count([]), partners_before)

    def test_in_file_duplicate_is_reported_once_on_its_row_only(self):
        """No copy of the error on row 0, nor a message naming the client of the
        first row, which the import never creates."""
        rows = [
            TEMPLATE_HEADERS,
            client_row("Tejo Consultores, Lda.", PT_NIF),
            client_row("Tejo (cópia)", f"pt {PT_NIF}"),
        ]
        result = self.import_rows(rows)
        self.assertFalse(result["ids"])
        self.assertEqual(len(result["messages"]), 1, result["messages"])
        self.assertEqual(result["messages"][0]["record"], 1)
        self.assertIn("Rows 0 and 1", result["messages"][0]["message"])

    def test_unicode_digits_and_country_prefix_are_one_tax_id_in_a_file(self):
        full_width = "".join(chr(0xFF10 + int(digit)) for digit in PT_NIF)
        for second in (
            client_row("Tejo (cópia)", full_width),
            client_row("Tejo (cópia)", f"PT{PT_NIF}", Country=""),
            client_row("Tejo (cópia)", f"PT {full_width}", Country="Spain"),
        ):
            with self.subTest(second=second[:2]):
                rows = [TEMPLATE_HEADERS, client_row("Tejo, Lda.", PT_NIF), second]
                result = self.import_rows(rows)
                self.assertFalse(result["ids"])
                self.assertEqual(len(result["messages"]), 1, result["messages"])
                self.assertIn("same tax ID", result["messages"][0]["message"])

    def test_prefixed_tax_id_without_country_updates_the_client(self):
        existing = self.create_client("Tejo Consultores, Lda.", PT_NIF)
        full_width = "".join(chr(0xFF10 + int(digit)) for digit in PT_NIF)
        for vat in (f"PT{PT_NIF}", full_width):
            with self.subTest(vat=vat):
                row = client_row("Tejo", vat, Country="", City="Porto")
                result = self.import_rows([TEMPLATE_HEADERS, row])
                self.assertEqual(result["ids"], existing.ids, result["messages"])

    def test_two_countries_numbers_with_one_prefix_are_two_clients(self):
        """Spanish clients with two Portuguese numbers are two clients."""
        full_width = "".join(chr(0xFF10 + int(digit)) for digit in PT_NIF_2)
        rows = [
            TEMPLATE_HEADERS,
            client_row("Ibérica Uno, S.L.", f"PT{PT_NIF}", Country="Spain"),
            client_row("Ibérica Dos, S.L.", f"PT{full_width}", Country="Spain"),
        ]
        clients = self.assertImported(self.import_rows(rows))
        self.assertEqual(len(clients), 2)
        self.assertEqual(set(clients.mapped("client_vat_key")), {PT_NIF, PT_NIF_2})
        self.assertEqual(clients.client_vat_country_id, self.portugal)

    def test_same_existing_client_twice_in_the_file_names_both_rows(self):
        self.create_client("Tejo Consultores, Lda.", PT_NIF)
        rows = [
            TEMPLATE_HEADERS,
            client_row("Tejo", PT_NIF, City="Porto"),
            client_row("Tejo", f"PT{PT_NIF}", City="Braga"),
        ]
        result = self.import_rows(rows)
        self.assertFalse(result["ids"])
        self.assertIn("Rows 0 and 1", self.errors(result)[0]["message"])

    def test_invalid_row_leaves_the_database_unchanged_and_names_the_row(self):
        existing = self.create_client("Tejo Consultores, Lda.", PT_NIF)
        partners_before = self.Partner.search_count([])
        rows = [
            TEMPLATE_HEADERS,
            client_row("Nova, Lda.", PT_NIF_2),
            client_row("Tejo", PT_NIF, City="Porto"),
            client_row("Errada, Lda.", "PT511111119"),
        ]
        result = self.import_rows(rows)
        self.assertFalse(result["ids"])
        [error] = self.errors(result)
        self.assertEqual(error["record"], 2)
        self.assertIn("PT511111119", error["message"])
        self.assertIn("PT123456789", error["message"], "the expected format")
        self.assertEqual(self.Partner.search_count([]), partners_before)
        existing.invalidate_recordset()
        self.assertEqual(existing.city, False)

    def test_unknown_country_and_missing_legal_name_are_reported_by_row(self):
        rows = [
            TEMPLATE_HEADERS,
            client_row("Boa, Lda.", PT_NIF_2),
            client_row("Sem país, Lda.", "", Country="Portgual", State=""),
            client_row("", PT_NIF),
        ]
        result = self.import_rows(rows)
        self.assertFalse(result["ids"])
        errors = self.errors(result)
        self.assertIn(1, [m["record"] for m in errors if "Portgual" in m["message"]])
        self.assertIn(
            2,
            [m["record"] for m in errors if "Row 2 has no legal name" in m["message"]],
        )
        self.assertFalse(self.Partner.search([("name", "=", "Boa, Lda.")]))

    def test_dry_run_reports_every_error_and_writes_nothing(self):
        existing = self.create_client("Tejo Consultores, Lda.", PT_NIF)
        partners_before = self.Partner.search_count([])
        valid = [
            TEMPLATE_HEADERS,
            client_row("Nova, Lda.", PT_NIF_2),
            client_row("Tejo", PT_NIF, City="Porto"),
        ]
        result = self.import_rows(valid, dryrun=True)
        self.assertEqual(result["messages"], [])
        self.assertEqual(self.Partner.search_count([]), partners_before)
        existing.invalidate_recordset()
        self.assertEqual(
            (existing.name, existing.city), ("Tejo Consultores, Lda.", False)
        )

        invalid = [
            *valid,
            client_row("Errada, Lda.", "PT511111119"),
            client_row("Tejo outra vez", f"PT {PT_NIF}"),
        ]
        result = self.import_rows(invalid, dryrun=True)
        self.assertEqual(sorted(m["record"] for m in self.errors(result)), [2, 3])
        self.assertEqual(self.Partner.search_count([]), partners_before)

    # Export, and the round trip

    def test_export_list_has_the_template_columns(self):
        export = self.env.ref("client_hub.ir_exports_clients_import_compatible")
        self.assertEqual(export.name, "Clients (import-compatible)")
        self.assertEqual(export.resource, "res.partner")
        self.assertEqual(export.export_fields.mapped("name"), TEMPLATE_FIELDS)

    def test_exported_clients_import_back_without_any_change(self):
        self.create_client("Tejo Consultores, Lda.", PT_NIF, city="Lisboa")
        self.create_client("Paraná Têxtil Ltda.", BR_CNPJ, self.brazil)
        self.create_client("Maria Sem NIF", is_company=False, street="Rua 1")
        export = self.env.ref("client_hub.ir_exports_clients_import_compatible")
        field_names = export.export_fields.mapped("name")
        clients = self.Partner.search(self.clients_domain())
        self.assertGreater(len(clients), 3)
        rows = clients.with_context(import_compat=True).export_data(field_names)[
            "datas"
        ]
        # An old write date, so that any write would show.
        self.env.flush_all()
        self.env.cr.execute(
            "UPDATE res_partner SET write_date = '2020-01-01' WHERE id IN %s",
            [tuple(clients.ids)],
        )
        self.env.invalidate_all()
        before = clients.read(field_names + ["write_date", "customer_rank"])
        partners_before = self.Partner.search_count([])

        result = self.import_rows([field_names, *rows])

        self.assertEqual(sorted(self.assertImported(result).ids), sorted(clients.ids))
        self.assertEqual(self.Partner.search_count([]), partners_before)
        self.env.invalidate_all()
        self.assertEqual(
            clients.read(field_names + ["write_date", "customer_rank"]), before
        )
