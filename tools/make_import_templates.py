#!/usr/bin/env python3
# Copyright 2026 client_hub contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Write the client import templates, client_hub/static/xls/clients_import_template.*

Run it again after changing the columns (CLIENT_TEMPLATE_COLUMNS in
client_hub/models/base_import_import.py), and commit the files it writes:
    .venv/bin/python tools/make_import_templates.py [-c var/odoo.conf]
"""

import sys
from pathlib import Path

import openpyxl
import xlwt
from openpyxl.styles import Font

import odoo

EXAMPLE = [
    "Lusitânia Engenharia, Lda.",
    "PT509999999",
    "Rua Augusta 100",
    "2.º andar",
    "1100-053",
    "Lisboa",
    "Lisboa",
    "Portugal",
    "geral@lusitania.example",
    "+351 210 000 000",
    "https://lusitania.example",
]
WIDTHS = [30, 16, 24, 14, 10, 14, 14, 12, 26, 18, 26]
OUT = Path(__file__).resolve().parent.parent / "client_hub/static/xls"


def write_xlsx(path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Clients"
    sheet.append(HEADERS)
    sheet.append(EXAMPLE)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for index, width in enumerate(WIDTHS):
        sheet.column_dimensions[
            openpyxl.utils.get_column_letter(index + 1)
        ].width = width
    # Text format, so that spreadsheets keep leading zeros of tax IDs and zip codes.
    for column in ("B", "E", "J"):
        for cell in sheet[column]:
            cell.number_format = "@"
    book.properties.creator = "client_hub"
    book.save(path)


def write_xls(path):
    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("Clients")
    bold = xlwt.easyxf("font: bold on")
    text = xlwt.easyxf(num_format_str="@")
    for column, (header, value) in enumerate(zip(HEADERS, EXAMPLE, strict=True)):
        sheet.write(0, column, header, bold)
        sheet.write(1, column, value, text)
        sheet.col(column).width = 256 * WIDTHS[column]
    book.save(str(path))


if __name__ == "__main__":
    ROOT = Path(__file__).resolve().parent.parent
    odoo.tools.config.parse_config(["-c", str(ROOT / "var/odoo.conf"), *sys.argv[1:]])
    from odoo.addons.client_hub.models.base_import_import import (
        CLIENT_TEMPLATE_COLUMNS,
    )

    HEADERS = [header for _fname, header in CLIENT_TEMPLATE_COLUMNS]
    OUT.mkdir(parents=True, exist_ok=True)
    write_xlsx(OUT / "clients_import_template.xlsx")
    write_xls(OUT / "clients_import_template.xls")
    print(f"Wrote the templates in {OUT}")
