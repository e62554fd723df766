# Copyright 2026 client_hub contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import csv
import io
from datetime import datetime, time, timedelta

import openpyxl
import pytz
import xlwt
from odf.opendocument import OpenDocumentSpreadsheet
from odf.table import Table, TableCell, TableRow
from odf.text import P

from odoo import Command, fields
from odoo.tests import TransactionCase, new_test_user
from odoo.tools.safe_eval import safe_eval

from odoo.addons.client_hub.models.base_import_import import (
    CLIENT_TEMPLATE_COLUMNS,
)

# Valid tax IDs that the demo data does not use.
PT_NIF = "511111118"
PT_NIF_2 = "512222223"
BR_CNPJ = "45.997.418/0001-53"
BR_CNPJ_2 = "07.123.456/0001-98"

# The groups of each kind of user the tests need, for ``ClientHubCase.new_user``.
SALESMAN = "sales_team.group_sale_salesman"
SALES_MANAGER = "sales_team.group_sale_manager"
INVOICING_USER = "base.group_user,account.group_account_invoice"
PROJECT_USER = "project.group_project_user"
INTERNAL_USER = "base.group_user"


class ClientHubCase(TransactionCase):
    """Base of client_hub's tests: mail tracking off, the Clients action at hand."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(
            context=dict(
                cls.env.context,
                tracking_disable=True,
                mail_create_nolog=True,
                mail_notrack=True,
                no_reset_password=True,
            )
        )
        cls.Partner = cls.env["res.partner"]
        cls.clients_action = cls.env.ref("client_hub.action_client_hub_clients")
        # What the Clients list works with, imports included: the action's context.
        cls.clients_env = cls.env(
            context=dict(cls.env.context, **safe_eval(cls.clients_action.context))
        )
        cls.portugal = cls.env.ref("base.pt")
        cls.brazil = cls.env.ref("base.br")

    @classmethod
    def create_client(cls, name, vat=False, country=None, **vals):
        return cls.Partner.create(
            {
                "name": name,
                "vat": vat,
                "country_id": (country or cls.portugal).id,
                "is_company": True,
                "customer_rank": 1,
                **vals,
            }
        )

    @classmethod
    def new_company(cls, name, country=None):
        return cls.env["res.company"].create(
            {"name": name, "country_id": (country or cls.portugal).id}
        )

    @classmethod
    def new_user(cls, login, groups=INTERNAL_USER, company=None, companies=None):
        """A user with ``groups`` (comma-separated XML ids, e.g. ``SALESMAN``) who
        works in ``company`` (default: the current one) and may switch to
        ``companies`` (default: only that one)."""
        company = company or cls.env.company
        companies = (companies or company) | company
        return new_test_user(
            cls.env,
            login=login,
            groups=groups,
            company_id=company.id,
            company_ids=[Command.set(companies.ids)],
        )

    def partner_count(self):
        """Partners in the database, archived included: unchanged by a refused write."""
        self.env.invalidate_all()
        return self.Partner.with_context(active_test=False).search_count([])

    def clients_domain(self):
        return safe_eval(self.clients_action.domain)

    def assertIsListedAsClient(self, partner, listed=True):
        found = self.Partner.search(self.clients_domain() + [("id", "=", partner.id)])
        self.assertEqual(bool(found), listed, f"{partner.display_name} under Clients")


# Spreadsheets, for the import tests.
TEMPLATE_FIELDS = [fname for fname, _header in CLIENT_TEMPLATE_COLUMNS]
TEMPLATE_HEADERS = [header for _fname, header in CLIENT_TEMPLATE_COLUMNS]
# The template row's values after the legal name and the tax ID.
TEMPLATE_EXAMPLE = ["Rua Augusta 100", "", "1100-053", "Lisboa", "Lisboa", "Portugal"]
TEMPLATE_EXAMPLE += ["geral@example.pt", "+351 210 000 000", ""]


def client_row(name, vat, **values):
    """A row of the client template; ``values`` by field name or by header."""
    row = dict(zip(TEMPLATE_FIELDS, [name, vat, *TEMPLATE_EXAMPLE], strict=True))
    by_header = dict(zip(TEMPLATE_HEADERS, TEMPLATE_FIELDS, strict=True))
    for key, value in values.items():
        row[by_header.get(key, key)] = value
    return [row[fname] for fname in TEMPLATE_FIELDS]


XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
XLS = "application/vnd.ms-excel"
ODS = "application/vnd.oasis.opendocument.spreadsheet"
CSV = "text/csv"


def make_file(file_type, rows):
    """The rows (header first) as a file of ``file_type``."""
    buffer = io.BytesIO()
    if file_type == CSV:
        text = io.StringIO()
        csv.writer(text).writerows(rows)
        return text.getvalue().encode()
    if file_type == XLSX:
        book = openpyxl.Workbook()
        for row in rows:
            book.active.append(row)
        book.save(buffer)
    elif file_type == XLS:
        book = xlwt.Workbook(encoding="utf-8")
        sheet = book.add_sheet("Clients")
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                sheet.write(r, c, value)
        book.save(buffer)
    elif file_type == ODS:
        document = OpenDocumentSpreadsheet()
        table = Table(name="Clients")
        for row in rows:
            table_row = TableRow()
            for value in row:
                cell = TableCell(valuetype="string")
                cell.addElement(P(text=value))
                table_row.addElement(cell)
            table.addElement(table_row)
        document.spreadsheet.addElement(table)
        document.write(buffer)
    return buffer.getvalue()


TZ = "America/Sao_Paulo"  # UTC-3: a deadline's UTC date differs from the user's date

FIGURES = [
    "client_project_count",
    "client_project_hours",
    "client_task_overdue_count",
    "client_task_due_count",
    "client_task_upcoming_count",
    "client_order_count",
    "client_order_done_count",
    "client_quote_count",
    "client_opportunity_count",
    "client_invoice_authorized_count",
    "client_invoice_pending_count",
    "client_invoice_overdue_count",
    "client_invoice_pending_amount",
    "client_invoice_overdue_amount",
    "client_receivable_current_amount",
    "client_receivable_1_30_amount",
    "client_receivable_31_60_amount",
    "client_receivable_61_90_amount",
    "client_receivable_90_plus_amount",
    "client_last_order_date",
    "client_last_invoice_date",
    "client_attachment_count",
]
# The receivables aging figures, from not yet due to 90+ days past due.
AGING = FIGURES[FIGURES.index("client_receivable_current_amount") :][:5]


class ClientOverviewCase(ClientHubCase):
    """Documents of every kind for clients, dated around the user's today."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tz=TZ))
        cls.env.user.tz = TZ
        cls.Partner = cls.env["res.partner"]
        cls.today = fields.Date.context_today(cls.Partner)
        cls.product = cls.env["product.product"].create(
            {
                "name": "Consulting hour",
                "type": "service",
                "invoice_policy": "order",
                "list_price": 100.0,
                "taxes_id": [Command.clear()],
            }
        )
        cls.employee = cls.env["hr.employee"].create({"name": "Timesheeter"})

    @classmethod
    def local(cls, day, hour, minute=0):
        """Return the UTC datetime of ``day`` at ``hour`` in the user's timezone."""
        local = pytz.timezone(TZ).localize(datetime.combine(day, time(hour, minute)))
        return local.astimezone(pytz.utc).replace(tzinfo=None)

    @classmethod
    def day(cls, offset):
        return cls.today + timedelta(days=offset)

    @classmethod
    def create_project(cls, partner, hours=0.0, **vals):
        project = cls.env["project.project"].create(
            {"name": f"Project of {partner.name}", "partner_id": partner.id, **vals}
        )
        if hours:
            cls.env["account.analytic.line"].create(
                {
                    "name": "Work",
                    "project_id": project.id,
                    "employee_id": cls.employee.id,
                    "unit_amount": hours,
                }
            )
        return project

    @classmethod
    def create_task(cls, partner, deadline=False, **vals):
        return cls.env["project.task"].create(
            {
                "name": "Task",
                "partner_id": partner.id,
                "date_deadline": deadline,
                **vals,
            }
        )

    @classmethod
    def create_order(cls, partner, qty=1):
        return cls.env["sale.order"].create(
            {
                "partner_id": partner.id,
                "order_line": [
                    Command.create(
                        {"product_id": cls.product.id, "product_uom_qty": qty}
                    )
                ],
            }
        )

    @classmethod
    def create_invoice(cls, partner, due_offset, amount, move_type="out_invoice"):
        return cls.env["account.move"].create(
            {
                "move_type": move_type,
                "partner_id": partner.id,
                "invoice_date": cls.day(min(due_offset, 0) - 30),
                "invoice_date_due": cls.day(due_offset),
                "invoice_line_ids": [
                    Command.create(
                        {
                            "name": "Service",
                            "quantity": 1,
                            "price_unit": amount,
                            "tax_ids": [Command.clear()],
                        }
                    )
                ],
            }
        )

    @classmethod
    def pay(cls, invoice, amount=None):
        vals = {"amount": amount} if amount else {}
        cls.env["account.payment.register"].with_context(
            active_model="account.move", active_ids=invoice.ids
        ).create(vals)._create_payments()

    @classmethod
    def create_opportunity(cls, partner, **vals):
        return cls.env["crm.lead"].create(
            {"name": "Deal", "type": "opportunity", "partner_id": partner.id, **vals}
        )

    @classmethod
    def attach(cls, partner, name="file.txt"):
        return cls.env["ir.attachment"].create(
            {
                "name": name,
                "raw": b"data",
                "res_model": "res.partner",
                "res_id": partner.id,
            }
        )

    def figures(self, partner):
        partner.invalidate_recordset(FIGURES)
        return {fname: partner[fname] for fname in FIGURES}
