# Copyright 2026 client_hub contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""A client named like a formula is exported as text, in CSV and in XLSX."""

import csv
import io
import json
from types import SimpleNamespace

import openpyxl

from odoo import http
from odoo.tests import HttpCase, tagged

from odoo.addons.client_hub.controllers.export import CSVExport, ExcelExport

from .common import ClientHubCase

FORMULA = "=cmd|' /C calc'!A0"
NAMES = [FORMULA, "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A2)", "{=1+1}"]
LINK = "external:c:\\windows\\system32\\calc.exe"
FIELDS = [{"name": "name", "label": "Name"}, {"name": "website", "label": "Website"}]


def read_xlsx(content):
    """The cells of the first sheet: (value, data type) by row, header excluded."""
    sheet = openpyxl.load_workbook(io.BytesIO(content)).active
    return [
        [(cell.value, cell.data_type) for cell in row] for row in sheet.iter_rows()
    ][1:]


class ExportCase(ClientHubCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.clients = cls.Partner.browse()
        for name in NAMES:
            cls.clients |= cls.create_client(name, website=LINK)

    def export_rows(self):
        return self.clients.export_data([f["name"] for f in FIELDS])["datas"]


@tagged("post_install", "-at_install")
class TestFormulaCellsExport(ExportCase):
    def setUp(self):
        super().setUp()
        # The XLSX writer reads the currencies through the request's environment.
        http._request_stack.push(SimpleNamespace(env=self.env))
        self.addCleanup(http._request_stack.pop)

    def test_csv_quotes_every_cell_that_starts_like_a_formula(self):
        content = CSVExport().from_data(FIELDS, ["Name", "Website"], self.export_rows())
        names = [row[0] for row in csv.reader(io.StringIO(content))][1:]
        self.assertEqual(
            names, ["'" + name if name[0] in "=+-@" else name for name in NAMES]
        )

    def test_xlsx_writes_formulas_and_links_as_text(self):
        content = ExcelExport().from_data(
            FIELDS, ["Name", "Website"], self.export_rows()
        )
        rows = read_xlsx(content)
        self.assertEqual([row[0] for row in rows], [(name, "s") for name in NAMES])
        self.assertEqual({row[1] for row in rows}, {(LINK, "s")})


@tagged("post_install", "-at_install")
class TestFormulaCellsExportOverHttp(HttpCase, ExportCase):
    """The same through /web/export/xlsx: the route uses client_hub's exporter."""

    def test_exported_xlsx_has_no_formula(self):
        self.authenticate("admin", "admin")
        params = {
            "model": "res.partner",
            "fields": FIELDS,
            "ids": self.clients.ids,
            "domain": [],
            "import_compat": False,
        }
        response = self.url_open(
            "/web/export/xlsx",
            data={
                "data": json.dumps(params),
                "csrf_token": http.Request.csrf_token(self),
            },
        )
        self.assertEqual(response.status_code, 200, response.text[:500])
        self.assertEqual(
            sorted(row[0] for row in read_xlsx(response.content)),
            sorted((name, "s") for name in NAMES),
        )
