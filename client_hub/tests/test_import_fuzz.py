# Copyright 2026 client_hub contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Bad files and bad cells thrown at the import of clients, through base_import.

Whatever the file, the import screen gets either a clean success or a list of clear
messages (no exception, no traceback), and a failed import leaves the database as it
was.
"""

import io
import string

import openpyxl
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import CSV, PT_NIF, TEMPLATE_HEADERS, XLSX, ClientHubCase, make_file

FORMULA = "=cmd|' /C calc'!A0"
OPTIONS = {"has_headers": True, "quoting": '"', "separator": ",", "sheet": ""}
# Few examples, no example database: the suite stays fast and leaves no files.
FEW = settings(
    max_examples=20,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

cells = st.one_of(
    st.text(max_size=40),
    st.text(alphabet=string.printable, max_size=40),
    st.sampled_from(
        [FORMULA, "+1+1", "-2+3", "@SUM(A1)", "2024-01-31", "31/01/2024", "1e308"]
    ),
    st.just(PT_NIF),
)


def xlsx_file(rows, dates=()):
    """The rows (header first) as an .xlsx; the ``(row, column)`` of ``dates`` get a
    real date cell. openpyxl refuses control characters: they are dropped."""
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append([ILLEGAL_CHARACTERS_RE.sub("", value) for value in row])
    for row, column in dates:
        cell = book.active.cell(row + 1, column + 1)
        cell.value = openpyxl.utils.datetime.from_excel(45322)
        cell.number_format = "yyyy-mm-dd"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


@tagged("post_install", "-at_install")
class TestClientImportBadInput(ClientHubCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.existing = cls.create_client("Tejo Consultores, Lda.", PT_NIF)

    def assertClear(self, message):
        self.assertIsInstance(message, str)
        self.assertTrue(message.strip())
        self.assertNotIn("Traceback", message)
        self.assertNotIn('File "', message)

    def import_file(self, content, file_type=CSV, file_name=None):
        """Run the import as the Clients list does and return ``(error, result)``.

        ``error`` is the preview's error, or the import's error messages; ``result``
        is execute_import's. The database is rolled back afterwards; a failed import
        must already have left it unchanged.
        """
        before = self.partner_count()
        with self.env.cr.savepoint() as savepoint:
            wizard = self.clients_env["base_import.import"].create(
                {
                    "res_model": "res.partner",
                    "file": content,
                    "file_type": file_type,
                    "file_name": file_name
                    or ("clients.csv" if file_type == CSV else "clients.xlsx"),
                }
            )
            preview = wizard.parse_preview(dict(OPTIONS))
            if preview.get("error"):
                self.assertClear(preview["error"])
                return preview["error"], None
            matches = preview["matches"] or {}
            fields = [
                "/".join(matches[index]) if index in matches else False
                for index in range(len(preview["headers"]))
            ]
            result = wizard.execute_import(
                fields, preview["headers"], dict(preview["options"])
            )
            errors = [m for m in result["messages"] if m["type"] == "error"]
            for message in result["messages"]:
                self.assertClear(message["message"])
            if errors:
                self.assertFalse(result.get("ids"))
                self.assertEqual(self.partner_count(), before)
            else:
                self.assertTrue(result["ids"])
            savepoint.rollback()
        return [m["message"] for m in errors] or None, result

    def assertRefused(self, content, file_type=CSV, file_name=None, expected=""):
        error, _result = self.import_file(content, file_type, file_name)
        self.assertTrue(error, "the import should have been refused")
        self.assertIn(expected, str(error))
        return error

    def assertImports(self, content, file_type=CSV, file_name=None):
        error, result = self.import_file(content, file_type, file_name)
        self.assertFalse(error)
        return result

    # Files that are not what they say

    def test_text_file_renamed_xlsx_is_refused(self):
        self.assertRefused(
            b"Legal name,Tax ID\nTejo,511111118\n", XLSX, "clients.xlsx", "xlsx"
        )

    def test_truncated_xlsx_is_refused(self):
        content = make_file(XLSX, [TEMPLATE_HEADERS[:2], ["Tejo", PT_NIF]])
        self.assertRefused(content[: len(content) // 2], XLSX, expected="xlsx")

    def test_unreadable_file_is_refused_by_execute_import_too(self):
        """The import screen stops at the preview's error; called anyway,
        execute_import refuses the file with base_import's own UserError."""
        wizard = self.clients_env["base_import.import"].create(
            {"res_model": "res.partner", "file": b"\x00garbage", "file_type": XLSX}
        )
        before = self.partner_count()
        with self.assertRaises(UserError) as caught:
            wizard.execute_import(["name"], ["Legal name"], dict(OPTIONS))
        self.assertClear(str(caught.exception))
        self.assertEqual(self.partner_count(), before)

    # Empty sheets

    def test_empty_csv_is_refused(self):
        self.assertRefused(b"", CSV, expected="The file is empty")

    def test_csv_with_only_headers_is_refused(self):
        self.assertRefused(b"Legal name,Tax ID\n", CSV, expected="no client to import")

    def test_empty_xlsx_is_refused(self):
        self.assertRefused(xlsx_file([]), XLSX, expected="no client to import")

    def test_xlsx_with_only_headers_is_refused(self):
        self.assertRefused(
            xlsx_file([TEMPLATE_HEADERS]), XLSX, expected="no client to import"
        )

    # Odd cells

    def test_formulas_are_imported_as_text_from_csv(self):
        result = self.assertImports(
            make_file(CSV, [["Legal name", "Street"], [FORMULA, "@SUM(A1)"]])
        )
        self.assertEqual(result["name"][0], FORMULA)

    def test_formulas_of_an_xlsx_are_not_run(self):
        """openpyxl stores "=..." as a formula; base_import reads formulas' cached
        values only, so the legal name is empty and the row is refused."""
        self.assertRefused(
            xlsx_file([["Legal name", "City"], [FORMULA, "Lisboa"]]),
            XLSX,
            expected="name",
        )

    def test_very_long_cells(self):
        # Hardly compressible, as PostgreSQL's indexes would need.
        long = "".join(chr(0x4E00 + (n * 7919) % 20000) for n in range(100_000))
        self.assertRefused(
            make_file(CSV, [["Legal name", "Tax ID"], ["Tejo", long]]),
            expected="at most",
        )
        self.assertRefused(
            make_file(CSV, [["Legal name", "City"], [long, "Lisboa"]]),
            expected="at most 512",
        )
        for header in ("Street", "Email", "City"):
            with self.subTest(header=header):
                row = {"Legal name": "Tejo Longo, Lda.", header: long}
                self.import_file(make_file(CSV, [list(row), list(row.values())]))

    def test_indexed_text_columns_have_a_clear_limit_per_row(self):
        """A 100,000-character phone would fail in the phone's index with
        PostgreSQL's "index row requires ... bytes": it is refused by row first."""
        long = "".join(str(n % 10) for n in range(100_000))
        for header, field in (("Phone", "Phone"), ("Tax ID", "Tax ID")):
            with self.subTest(header=header):
                row = {"Legal name": "Tejo Longo, Lda.", header: long}
                error = self.assertRefused(
                    make_file(CSV, [list(row), list(row.values())]),
                    expected="row 0 has 100000 characters",
                )
                self.assertIn(field, str(error))
                self.assertNotIn("index row", str(error))

    def test_dates_where_numbers_are_expected(self):
        header = ["Legal name", "partner_latitude", "customer_rank"]
        for row in (
            ["Tejo", "2024-01-31", "1"],
            ["Tejo", "1", "31/01/2024"],
        ):
            with self.subTest(row=row):
                self.assertRefused(make_file(CSV, [header, row]))
        content = xlsx_file([header, ["Tejo", "", "1"]], dates=[(1, 1)])
        self.assertRefused(content, XLSX)

    def test_a_date_cell_as_tax_id_is_refused_as_a_tax_id(self):
        content = xlsx_file(
            [["Legal name", "Tax ID", "Country"], ["Tejo", "", "Portugal"]],
            dates=[(1, 1)],
        )
        self.assertRefused(content, XLSX)

    def test_a_thousand_columns(self):
        header = ["Legal name", "Tax ID"] + [f"Extra {n}" for n in range(998)]
        row = ["Tejo Largo, Lda.", "PT 512 222 223"] + ["x"] * 998
        result = self.assertImports(make_file(CSV, [header, row]))
        self.assertEqual(len(result["ids"]), 1)

    def test_nul_characters(self):
        for row in (["Tejo\x00", ""], ["Tejo", "PT\x00511111118"]):
            with self.subTest(row=row):
                self.assertRefused(
                    make_file(CSV, [["Legal name", "Tax ID"], row]), expected="NUL"
                )

    # Random rows

    @FEW
    @given(
        rows=st.lists(
            st.lists(cells, min_size=len(TEMPLATE_HEADERS), max_size=11),
            min_size=1,
            max_size=4,
        ),
        file_type=st.sampled_from([CSV, XLSX]),
    )
    @example(rows=[["\x00"] * 11], file_type=CSV)
    @example(rows=[[FORMULA] * 11], file_type=CSV)
    @example(rows=[[PT_NIF] * 11], file_type=XLSX)
    def test_random_rows_import_or_are_refused_cleanly(self, rows, file_type):
        rows = [TEMPLATE_HEADERS, *rows]
        content = xlsx_file(rows) if file_type == XLSX else make_file(CSV, rows)
        self.import_file(content, file_type)

    @FEW
    @given(content=st.binary(max_size=2000), file_type=st.sampled_from([CSV, XLSX]))
    @example(content=b"\xef\xbb\xbf", file_type=CSV)
    @example(content=b"PK\x03\x04", file_type=XLSX)
    def test_random_bytes_import_or_are_refused_cleanly(self, content, file_type):
        self.import_file(content, file_type)
