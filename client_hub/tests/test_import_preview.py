# Copyright 2026 client_hub contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The import preview: what a client file will do, before it does it."""

import base64
import io

import openpyxl

from odoo.tests import tagged

from .common import (
    CSV,
    PT_NIF,
    PT_NIF_2,
    TEMPLATE_FIELDS,
    TEMPLATE_HEADERS,
    ClientHubCase,
    client_row,
    make_file,
)

OPTIONS = {"has_headers": True, "quoting": '"', "separator": ","}
PT_NIF_3 = "513333339"


@tagged("post_install", "-at_install")
class TestClientImportPreview(ClientHubCase):
    def wizard(self, rows):
        wizard = self.clients_env["base_import.import"].create(
            {
                "res_model": "res.partner",
                "file": make_file(CSV, rows),
                "file_type": CSV,
                "file_name": "clients.csv",
            }
        )
        preview = wizard.parse_preview(dict(OPTIONS))
        fields = ["/".join(preview["matches"][i]) for i in range(len(TEMPLATE_FIELDS))]
        return wizard, fields, [h.lower() for h in preview["headers"]]

    def import_file(self, rows):
        wizard, fields, columns = self.wizard(rows)
        result = wizard.execute_import(fields, columns, dict(OPTIONS))
        self.assertEqual(result["messages"], [])
        return result

    def exported(self, clients):
        """{client id: {field: value as exported}}, the values the preview shows."""
        self.env.invalidate_all()
        return {
            client.id: dict(
                zip(
                    TEMPLATE_FIELDS,
                    client.export_data(TEMPLATE_FIELDS)["datas"][0],
                    strict=True,
                )
            )
            for client in clients
        }

    def test_preview_counts_and_changes_equal_what_the_import_then_does(self):
        self.import_file(
            [
                TEMPLATE_HEADERS,
                client_row("Alfa, Lda.", f"PT{PT_NIF}"),
                client_row("Beta, Lda.", f"PT{PT_NIF_2}"),
            ]
        )
        alfa = self.Partner.search([("name", "=", "Alfa, Lda.")])
        beta = self.Partner.search([("name", "=", "Beta, Lda.")])
        rows = [
            TEMPLATE_HEADERS,
            # the tax ID written differently still matches; a blank email clears it
            client_row("Alfa, Lda.", f"PT {PT_NIF}", city="Porto", email=""),
            client_row("Beta, Lda.", f"PT{PT_NIF_2}"),
            client_row("Gama, Lda.", f"PT{PT_NIF_3}"),
        ]
        wizard, fields, columns = self.wizard(rows)
        count = self.partner_count()
        before = self.exported(alfa | beta)

        preview = wizard.client_hub_preview(fields, columns, dict(OPTIONS))

        self.assertEqual(self.partner_count(), count, "the preview creates nothing")
        self.assertEqual(self.exported(alfa | beta), before, "and changes nothing")
        self.assertEqual(
            preview["counts"], {"new": 1, "updated": 1, "unchanged": 1, "failed": 0}
        )
        by_row = {row["row"]: row for row in preview["rows"]}
        self.assertEqual(
            [by_row[i]["status"] for i in range(3)], ["updated", "unchanged", "new"]
        )
        self.assertEqual(by_row[2]["name"], "Gama, Lda.")
        changes = {c["field"]: (c["old"], c["new"]) for c in by_row[0]["changes"]}
        self.assertEqual(
            changes,
            {
                "City": ("Lisboa", "Porto"),
                "Email": ("geral@example.pt", ""),
            },
        )
        self.assertIn("blank cell clears", preview["blank_cells"])

        result = wizard.execute_import(fields, columns, dict(OPTIONS))
        self.assertEqual(result["messages"], [])
        after = self.exported(alfa | beta)
        created = self.Partner.browse(result["ids"]) - alfa - beta
        self.assertEqual(len(created), preview["counts"]["new"])
        self.assertEqual(created.name, "Gama, Lda.")
        self.assertEqual(after[beta.id], before[beta.id], "unchanged, as previewed")
        labels = {
            fname: self.Partner._fields[fname]._description_string(self.env)
            for fname in TEMPLATE_FIELDS
        }
        changed = {
            labels[fname]: (before[alfa.id][fname] or "", after[alfa.id][fname] or "")
            for fname in TEMPLATE_FIELDS
            if before[alfa.id][fname] != after[alfa.id][fname]
        }
        self.assertEqual(changed, changes, "the import changed what the preview said")

    def test_preview_names_failed_rows_and_still_classifies_the_others(self):
        self.import_file([TEMPLATE_HEADERS, client_row("Alfa, Lda.", f"PT{PT_NIF}")])
        rows = [
            TEMPLATE_HEADERS,
            client_row("Alfa, Lda.", f"PT{PT_NIF}", phone="+351 220 000 000"),
            client_row("Mar Azul, Lda.", "PT999999999"),
            client_row("Gama, Lda.", f"PT{PT_NIF_3}"),
            client_row("", f"PT{PT_NIF_2}"),
        ]
        wizard, fields, columns = self.wizard(rows)
        count = self.partner_count()

        preview = wizard.client_hub_preview(fields, columns, dict(OPTIONS))

        self.assertEqual(self.partner_count(), count)
        self.assertEqual(
            preview["counts"], {"new": 1, "updated": 1, "unchanged": 0, "failed": 2}
        )
        failed = {
            row["row"]: row for row in preview["rows"] if row["status"] == "failed"
        }
        self.assertEqual(sorted(failed), [1, 3])
        self.assertIn("PT999999999", " ".join(failed[1]["errors"]))
        self.assertIn("no legal name", " ".join(failed[3]["errors"]))
        self.assertIn("the import writes nothing", preview["failed_note"])

    def test_preview_downloads_as_a_spreadsheet(self):
        self.import_file([TEMPLATE_HEADERS, client_row("Alfa, Lda.", f"PT{PT_NIF}")])
        rows = [
            TEMPLATE_HEADERS,
            client_row("Alfa, Lda.", f"PT{PT_NIF}", city="Porto"),
            client_row("=1+1", f"PT{PT_NIF_3}"),
        ]
        wizard, fields, columns = self.wizard(rows)

        download = wizard.client_hub_preview_xlsx(fields, columns, dict(OPTIONS))

        self.assertEqual(download["name"], "clients - preview.xlsx")
        book = openpyxl.load_workbook(io.BytesIO(base64.b64decode(download["content"])))
        lines = [list(line) for line in book.active.iter_rows(values_only=True)]
        self.assertIn(
            [0, "Updated", "Alfa, Lda.", f"PT{PT_NIF}", "City"],
            [line[:5] for line in lines],
        )
        self.assertIn(["Lisboa", "Porto"], [line[5:7] for line in lines])
        self.assertIn([1, "New client", "=1+1"], [line[:3] for line in lines])
