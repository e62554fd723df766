# Copyright 2026 client_hub contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The client's overview figures, each described once.

``_client_hub_figures`` describes every figure: a domain on a source model, the
source field that names the partner, an aggregate (count, or a sum or max of a
field) and the source app's action that lists what it counts. The compute, the
search, the button that opens the list and the tests all read that description.

A client's figure counts the client and every contact under it, archived ones too.
All figures of one source model are read in one SQL query, whatever the number of
clients: the source model's ``_search`` (its record rules and the user's companies),
joined to the contact tree, one filtered aggregate per figure.
"""

from dataclasses import dataclass, field
from datetime import datetime, time, timedelta
from operator import eq, ge, gt, le, lt, ne

import pytz

from odoo import _, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL
from odoo.tools.safe_eval import safe_eval

# Who may read each group of figures: the groups Odoo itself puts on its own buttons.
SALE_GROUPS = "sales_team.group_sale_salesman"
PROJECT_GROUPS = "project.group_project_user"
# Hours open the timesheets' list, which only timesheet users may read.
TIMESHEET_GROUPS = "hr_timesheet.group_hr_timesheet_user"
INVOICE_GROUPS = "account.group_account_invoice,account.group_account_readonly"

OPEN_TASK_DOMAIN = [("state", "not in", ("1_done", "1_canceled"))]
INVOICE_DOMAIN = [("move_type", "=", "out_invoice"), ("state", "=", "posted")]
UNPAID_DOMAIN = [("payment_state", "in", ("not_paid", "partial"))]
ORDER_DOMAIN = [("state", "=", "sale")]
QUOTE_DOMAIN = [("state", "in", ("draft", "sent"))]
OPPORTUNITY_DOMAIN = [
    ("type", "=", "opportunity"),
    "|",
    ("stage_id", "=", False),
    ("stage_id.is_won", "=", False),
]
# Tasks due "soon": from today to this many days ahead, both included.
TASK_DUE_DAYS = 7
# What Odoo's Total Receivable (res.partner.credit) sums: the open receivable journal
# items of posted entries, invoices, credit notes and unallocated payments alike.
RECEIVABLE_DOMAIN = [
    ("account_id.account_type", "=", "asset_receivable"),
    ("parent_state", "=", "posted"),
    ("reconciled", "=", False),
]
# The aging buckets: (figure, first day, last day) past the due date, both included.
AGING_BUCKETS = [
    ("client_receivable_1_30_amount", 1, 30),
    ("client_receivable_31_60_amount", 31, 60),
    ("client_receivable_61_90_amount", 61, 90),
]

SQL_OPERATORS = {op: SQL(op) for op in ("=", "!=", "<", "<=", ">", ">=")}
OPERATOR_FUNCTIONS = {"=": eq, "!=": ne, "<": lt, "<=": le, ">": gt, ">=": ge}


def _figure_search(fname):
    """The search method of figure ``fname``: see ``_client_hub_figure_domain``."""

    def search(records, operator, value):
        return records._client_hub_figure_domain(fname, operator, value)

    search.__name__ = f"_search_{fname}"
    return search


@dataclass(frozen=True)
class ClientFigure:
    """What a figure aggregates, and where its button leads.

    ``domain`` selects the source records of ``model`` that the figure counts.
    ``partner`` is the source field, or a path of many2one fields, that names the
    partner. ``aggregate`` is a ``_read_group`` aggregate: ``__count``,
    ``<field>:sum`` or ``<field>:max``. ``action`` is the XML id of the source app's
    window action that the figure's button opens, narrowed to the figure's records.
    """

    model: str
    domain: list = field(default_factory=list)
    aggregate: str = "__count"
    partner: str = "partner_id"
    action: str = ""
    context: dict = field(default_factory=dict)


class ResPartner(models.Model):
    _inherit = "res.partner"

    client_project_count = fields.Integer(
        string="Active Projects",
        compute="_compute_client_figures",
        search=_figure_search("client_project_count"),
        groups=PROJECT_GROUPS,
        help="Active projects whose customer is the client or one of its contacts.",
    )
    client_project_hours = fields.Float(
        string="Hours",
        compute="_compute_client_figures",
        search=_figure_search("client_project_hours"),
        groups=TIMESHEET_GROUPS,
        help="Timesheet hours logged on the client's active projects.",
    )
    client_task_overdue_count = fields.Integer(
        string="Overdue Tasks",
        compute="_compute_client_figures",
        search=_figure_search("client_task_overdue_count"),
        groups=PROJECT_GROUPS,
        help="Open tasks of the client whose deadline is before today.",
    )
    client_task_due_count = fields.Integer(
        string="Due Tasks",
        compute="_compute_client_figures",
        search=_figure_search("client_task_due_count"),
        groups=PROJECT_GROUPS,
        help="Open tasks of the client whose deadline is from today to 7 days ahead.",
    )
    client_task_upcoming_count = fields.Integer(
        string="Upcoming Tasks",
        compute="_compute_client_figures",
        search=_figure_search("client_task_upcoming_count"),
        groups=PROJECT_GROUPS,
        help="Open tasks of the client due later than 7 days ahead, or undated.",
    )
    client_order_count = fields.Integer(
        string="Orders",
        compute="_compute_client_figures",
        search=_figure_search("client_order_count"),
        groups=SALE_GROUPS,
        help="Confirmed sale orders of the client.",
    )
    client_order_done_count = fields.Integer(
        string="Finalized Orders",
        compute="_compute_client_figures",
        search=_figure_search("client_order_done_count"),
        groups=SALE_GROUPS,
        help="Confirmed sale orders of the client that are fully invoiced.",
    )
    client_quote_count = fields.Integer(
        string="Quotations",
        compute="_compute_client_figures",
        search=_figure_search("client_quote_count"),
        groups=SALE_GROUPS,
        help="Quotations of the client, in draft or sent.",
    )
    client_opportunity_count = fields.Integer(
        string="Open Opportunities",
        compute="_compute_client_figures",
        search=_figure_search("client_opportunity_count"),
        groups=SALE_GROUPS,
        help="Active opportunities of the client that are not won.",
    )
    client_invoice_authorized_count = fields.Integer(
        string="Authorized Invoices",
        compute="_compute_client_figures",
        search=_figure_search("client_invoice_authorized_count"),
        groups=INVOICE_GROUPS,
        help="Posted customer invoices of the client (credit notes excluded).",
    )
    client_invoice_pending_count = fields.Integer(
        string="Pending Invoices",
        compute="_compute_client_figures",
        search=_figure_search("client_invoice_pending_count"),
        groups=INVOICE_GROUPS,
        help="Posted customer invoices not or partly paid, due today or later.",
    )
    client_invoice_overdue_count = fields.Integer(
        string="Overdue Invoices",
        compute="_compute_client_figures",
        search=_figure_search("client_invoice_overdue_count"),
        groups=INVOICE_GROUPS,
        help="Posted customer invoices not or partly paid, due before today.",
    )
    client_invoice_pending_amount = fields.Monetary(
        string="Pending Amount",
        compute="_compute_client_figures",
        search=_figure_search("client_invoice_pending_amount"),
        currency_field="currency_id",
        groups=INVOICE_GROUPS,
        help="Amount still due on the pending invoices, in the company currency.",
    )
    client_invoice_overdue_amount = fields.Monetary(
        string="Overdue Amount",
        compute="_compute_client_figures",
        search=_figure_search("client_invoice_overdue_amount"),
        currency_field="currency_id",
        groups=INVOICE_GROUPS,
        help="Amount still due on the overdue invoices, in the company currency.",
    )
    client_receivable_current_amount = fields.Monetary(
        string="Receivable Not Due",
        compute="_compute_client_figures",
        search=_figure_search("client_receivable_current_amount"),
        currency_field="currency_id",
        groups=INVOICE_GROUPS,
        help="Open receivable of the client that is not yet due (due today or "
        "later, or without due date), in the company currency.",
    )
    client_receivable_1_30_amount = fields.Monetary(
        string="Receivable 1-30 Days",
        compute="_compute_client_figures",
        search=_figure_search("client_receivable_1_30_amount"),
        currency_field="currency_id",
        groups=INVOICE_GROUPS,
        help="Open receivable of the client due 1 to 30 days ago.",
    )
    client_receivable_31_60_amount = fields.Monetary(
        string="Receivable 31-60 Days",
        compute="_compute_client_figures",
        search=_figure_search("client_receivable_31_60_amount"),
        currency_field="currency_id",
        groups=INVOICE_GROUPS,
        help="Open receivable of the client due 31 to 60 days ago.",
    )
    client_receivable_61_90_amount = fields.Monetary(
        string="Receivable 61-90 Days",
        compute="_compute_client_figures",
        search=_figure_search("client_receivable_61_90_amount"),
        currency_field="currency_id",
        groups=INVOICE_GROUPS,
        help="Open receivable of the client due 61 to 90 days ago.",
    )
    client_receivable_90_plus_amount = fields.Monetary(
        string="Receivable 90+ Days",
        compute="_compute_client_figures",
        search=_figure_search("client_receivable_90_plus_amount"),
        currency_field="currency_id",
        groups=INVOICE_GROUPS,
        help="Open receivable of the client due more than 90 days ago.",
    )
    client_last_order_date = fields.Datetime(
        string="Last Order",
        compute="_compute_client_figures",
        search=_figure_search("client_last_order_date"),
        groups=SALE_GROUPS,
        help="Order date of the client's latest confirmed sale order.",
    )
    client_last_invoice_date = fields.Date(
        string="Last Invoice",
        compute="_compute_client_figures",
        search=_figure_search("client_last_invoice_date"),
        groups=INVOICE_GROUPS,
        help="Invoice date of the client's latest posted customer invoice.",
    )
    client_attachment_count = fields.Integer(
        string="Files",
        compute="_compute_client_figures",
        search=_figure_search("client_attachment_count"),
        help="Files attached to the client or to its contacts.",
    )

    @api.model
    def _client_hub_figures(self):
        """Describe every figure: ``{field name: ClientFigure}``.

        Override to add a figure (a field computed by ``_compute_client_figures``
        plus its entry here) or to narrow one. Dates are the user's: "today" is
        today in their timezone.
        """
        today = fields.Date.context_today(self)
        start_today, end_due = self._client_hub_task_bounds(today)
        unpaid = INVOICE_DOMAIN + UNPAID_DOMAIN
        task = {"model": "project.task", "action": "project.action_view_all_task"}
        invoice = {
            "model": "account.move",
            "action": "account.action_move_out_invoice_type",
            "context": {"default_move_type": "out_invoice"},
        }
        receivable = {
            "model": "account.move.line",
            "aggregate": "amount_residual:sum",
            "action": "account.action_account_moves_all",
        }
        aging = {
            fname: ClientFigure(
                domain=RECEIVABLE_DOMAIN
                + [
                    ("date_maturity", "<=", today - timedelta(days=first)),
                    ("date_maturity", ">=", today - timedelta(days=last)),
                ],
                **receivable,
            )
            for fname, first, last in AGING_BUCKETS
        }
        return {
            "client_project_count": ClientFigure(
                "project.project", action="project.open_view_project_all"
            ),
            "client_project_hours": ClientFigure(
                "account.analytic.line",
                [("project_id.active", "=", True)],
                aggregate="unit_amount:sum",
                partner="project_id.partner_id",
                action="hr_timesheet.timesheet_action_all",
            ),
            "client_task_overdue_count": ClientFigure(
                domain=OPEN_TASK_DOMAIN + [("date_deadline", "<", start_today)],
                **task,
            ),
            "client_task_due_count": ClientFigure(
                domain=OPEN_TASK_DOMAIN
                + [
                    ("date_deadline", ">=", start_today),
                    ("date_deadline", "<", end_due),
                ],
                **task,
            ),
            "client_task_upcoming_count": ClientFigure(
                domain=OPEN_TASK_DOMAIN
                + [
                    "|",
                    ("date_deadline", "=", False),
                    ("date_deadline", ">=", end_due),
                ],
                **task,
            ),
            "client_order_count": ClientFigure(
                "sale.order", ORDER_DOMAIN, action="sale.action_orders"
            ),
            "client_order_done_count": ClientFigure(
                "sale.order",
                ORDER_DOMAIN + [("invoice_status", "=", "invoiced")],
                action="sale.action_orders",
            ),
            "client_quote_count": ClientFigure(
                "sale.order",
                QUOTE_DOMAIN,
                action="sale.action_quotations_with_onboarding",
            ),
            "client_opportunity_count": ClientFigure(
                "crm.lead",
                OPPORTUNITY_DOMAIN,
                action="crm.crm_lead_opportunities",
                context={"default_type": "opportunity"},
            ),
            "client_invoice_authorized_count": ClientFigure(
                domain=INVOICE_DOMAIN, **invoice
            ),
            "client_invoice_pending_count": ClientFigure(
                domain=unpaid + [("invoice_date_due", ">=", today)], **invoice
            ),
            "client_invoice_overdue_count": ClientFigure(
                domain=unpaid + [("invoice_date_due", "<", today)], **invoice
            ),
            "client_invoice_pending_amount": ClientFigure(
                domain=unpaid + [("invoice_date_due", ">=", today)],
                aggregate="amount_residual_signed:sum",
                **invoice,
            ),
            "client_invoice_overdue_amount": ClientFigure(
                domain=unpaid + [("invoice_date_due", "<", today)],
                aggregate="amount_residual_signed:sum",
                **invoice,
            ),
            "client_receivable_current_amount": ClientFigure(
                domain=RECEIVABLE_DOMAIN
                + ["|", ("date_maturity", "=", False), ("date_maturity", ">=", today)],
                **receivable,
            ),
            **aging,
            "client_receivable_90_plus_amount": ClientFigure(
                domain=RECEIVABLE_DOMAIN
                + [("date_maturity", "<", today - timedelta(days=90))],
                **receivable,
            ),
            "client_last_order_date": ClientFigure(
                "sale.order",
                ORDER_DOMAIN,
                aggregate="date_order:max",
                action="sale.action_orders",
            ),
            "client_last_invoice_date": ClientFigure(
                domain=INVOICE_DOMAIN, aggregate="invoice_date:max", **invoice
            ),
            "client_attachment_count": ClientFigure(
                "ir.attachment",
                [("res_model", "=", "res.partner")],
                partner="res_id",
                action="base.action_attachment",
                context={"default_res_model": "res.partner"},
            ),
        }

    @api.model
    def _client_hub_task_bounds(self, today):
        """Return the UTC start of today and of the day after the due window.

        Task deadlines are datetimes; "today" is the user's date in their timezone.
        """
        tz = pytz.timezone(self.env.context.get("tz") or self.env.user.tz or "UTC")

        def utc_start(day):
            local = tz.localize(datetime.combine(day, time.min))
            return local.astimezone(pytz.utc).replace(tzinfo=None)

        return utc_start(today), utc_start(today + timedelta(days=TASK_DUE_DAYS + 1))

    @api.depends_context("uid", "allowed_company_ids", "tz")
    def _compute_client_figures(self):
        """Count with the reading user's rights, companies and date: the cache must
        not serve one user's (or company selection's) figures to another."""
        clients = self._origin
        figures = self._client_hub_figures()
        values = clients._client_hub_read_figures(figures) if clients else {}
        for partner in self:
            for fname in figures:
                value = values.get(fname, {}).get(partner._origin.id)
                if self._fields[fname].type in ("integer", "float", "monetary"):
                    value = value or 0
                partner[fname] = value

    def _client_hub_can_read(self, fname, model):
        """Whether the user may read figure ``fname`` and the records of ``model``.

        Without it the figure stays empty instead of raising an access error.
        """
        groups = self._fields[fname].groups
        return (not groups or self.env.user.has_groups(groups)) and self.env[
            model
        ].has_access("read")

    def action_client_hub_open_figure(self):
        """Open the records a figure counts, in the source app's own action.

        The button names its figure in the context (``client_hub_figure``); the
        app's action keeps its views, search view and help, narrowed to the
        figure's records of the client and its contacts.
        """
        self.ensure_one()
        fname = self.env.context.get("client_hub_figure")
        figures = self._client_hub_figures()
        if fname not in figures:
            raise UserError(_("This button does not name a figure of the client."))
        figure = figures[fname]
        action = self.env["ir.actions.act_window"]._for_xml_id(figure.action)
        context = {
            key: value
            for key, value in self._client_hub_action_context(action).items()
            if not key.startswith("search_default_")
        }
        partners = self.with_context(active_test=False).search(
            [("id", "child_of", self.id)]
        )
        if "." not in figure.partner:
            context[f"default_{figure.partner}"] = self.id
        label = self._fields[fname]._description_string(self.env)
        action.update(
            name=label,
            display_name=label,
            domain=figure.domain + [(figure.partner, "in", partners.ids)],
            context={**context, **figure.context},
        )
        return action

    def _client_hub_action_context(self, action):
        """The context of a window action as a dict (actions store it as text)."""
        context = action.get("context") or {}
        if isinstance(context, str):
            context = safe_eval(context, {"active_id": self.id, "uid": self.env.uid})
        return context
