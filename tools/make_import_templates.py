#!/usr/bin/env python3
# Copyright 2026 client_hub contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Write the client import templates, client_hub/static/xls/clients_import_template*.

One template per language (English, Portuguese, Brazilian Portuguese, Spanish), with
the same columns. Run it again after changing the columns (CLIENT_TEMPLATE_COLUMNS
and CLIENT_TEMPLATE_HEADERS in client_hub/models/base_import_import.py), and commit
the files it writes:
    .venv/bin/python tools/make_import_templates.py [-c var/odoo.conf]
"""

import sys
from pathlib import Path

import openpyxl
import xlwt
from openpyxl.styles import Font

import odoo

PT_EXAMPLE = [
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
# The example row of each language's template.
EXAMPLES = {
    "en": PT_EXAMPLE,
    "pt": PT_EXAMPLE,
    "pt_BR": [
        "Paulista Engenharia Ltda.",
        "45.997.418/0001-53",
        "Avenida Paulista 1000",
        "Conjunto 101",
        "01310-100",
        "São Paulo",
        "São Paulo",
        "BR",
        "contato@paulista.example",
        "+55 11 3000 0000",
        "https://paulista.example",
    ],
    "es": [
        "Ibérica Ingeniería, S.L.",
        "ESA58818501",
        "Calle de Alcalá 100",
        "2.º izquierda",
        "28009",
        "Madrid",
        "Madrid",
        "ES",
        "info@iberica.example",
        "+34 910 000 000",
        "https://iberica.example",
    ],
}
WIDTHS = [30, 16, 24, 14, 10, 14, 14, 12, 26, 18, 26]
OUT = Path(__file__).resolve().parent.parent / "client_hub/static/xls"


def write_xlsx(path, headers, example):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Clients"
    sheet.append(headers)
    sheet.append(example)
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


def write_xls(path, headers, example):
    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("Clients")
    bold = xlwt.easyxf("font: bold on")
    text = xlwt.easyxf(num_format_str="@")
    for column, (header, value) in enumerate(zip(headers, example, strict=True)):
        sheet.write(0, column, header, bold)
        sheet.write(1, column, value, text)
        sheet.col(column).width = 256 * WIDTHS[column]
    book.save(str(path))


if __name__ == "__main__":
    ROOT = Path(__file__).resolve().parent.parent
    odoo.tools.config.parse_config(["-c", str(ROOT / "var/odoo.conf"), *sys.argv[1:]])
    from odoo.addons.client_hub.models.base_import_import import (
        CLIENT_TEMPLATE_HEADERS,
    )

    OUT.mkdir(parents=True, exist_ok=True)
    for lang, headers in CLIENT_TEMPLATE_HEADERS.items():
        name = "clients_import_template" + ("" if lang == "en" else f"_{lang}")
        write_xlsx(OUT / f"{name}.xlsx", headers, EXAMPLES[lang])
        write_xls(OUT / f"{name}.xls", headers, EXAMPLES[lang])
    print(f"Wrote the templates in {OUT}")
