# Copyright 2026 client_hub contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""What Odoo's exports miss against formula (CSV) injection, added for every model.

Clients are named by whoever adds or imports them, and a name such as
``=cmd|' /C calc'!A0`` must not run in the spreadsheet of whoever exports them.
Odoo's CSV export already quotes cells starting with ``=``, ``+`` or ``-``; its XLSX
export hands strings to xlsxwriter's ``write()``, which turns ``=…`` and ``{=…}`` into
formulas and ``http://``, ``mailto:`` or ``external:`` into links.
"""

from odoo.addons.web.controllers import export

# Besides "=", "+" and "-", which Odoo's CSV export quotes already.
CSV_FORMULA_STARTS = ("@", "\t", "\r")


def write_as_string(worksheet, row, column, token, *args):
    """xlsxwriter write handler: a str is written as text, never as a formula or a
    link (an empty one, returning None, is left to xlsxwriter: a blank cell)."""
    if token:
        return worksheet.write_string(row, column, token, *args)
    return None


class TextXlsxWriter(export.ExportXlsxWriter):
    """Odoo's XLSX writer, with every string written as text."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.worksheet.add_write_handler(str, write_as_string)


class TextGroupXlsxWriter(TextXlsxWriter, export.GroupExportXlsxWriter):
    """Odoo's XLSX writer of grouped rows, with every string written as text."""


class ExcelExport(export.ExcelExport):
    """Odoo's own ``from_data`` and ``from_group_data``, with the writers above:
    Odoo names its writer classes inside them, so they are written again here."""

    def from_data(self, fields, columns_headers, rows):
        with TextXlsxWriter(fields, columns_headers, len(rows)) as writer:
            for row_index, row in enumerate(rows, start=1):
                for column, value in enumerate(row):
                    writer.write_cell(row_index, column, value)
        return writer.value

    def from_group_data(self, fields, columns_headers, groups):
        with TextGroupXlsxWriter(fields, columns_headers, groups.count) as writer:
            row, column = 1, 0
            for group_name, group in groups.children.items():
                row, column = writer.write_group(row, column, group_name, group)
        return writer.value


class CSVExport(export.CSVExport):
    def from_data(self, fields, columns_headers, rows):
        """Also quote the cells starting with "@", a tab or a carriage return, which
        spreadsheets read as formulas too (OWASP, CSV injection)."""
        rows = [
            [
                "'" + cell
                if isinstance(cell, str) and cell.startswith(CSV_FORMULA_STARTS)
                else cell
                for cell in row
            ]
            for row in rows
        ]
        return super().from_data(fields, columns_headers, rows)
