# Copyright 2026 client_hub contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Clients are res.partner records: commercial partners with a customer rank.

This file adds what makes a client a client in client_hub: a comparison key for the tax
ID, kept unique per company by the database, and the action that opens a new client's
profile; then the client's overview figures and the profile's actions.
"""

import operator
import re
from collections import defaultdict
from datetime import datetime, time, timedelta

import pytz
from psycopg2 import errors as pgerrors

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.models import fix_import_export_id_paths
from odoo.osv import expression
from odoo.tools import SQL

CLIENT_VAT_CONSTRAINT = "res_partner_client_vat_key_unique"
# First key of the advisory locks on tax IDs (the second is the tax ID's hash).
CLIENT_VAT_LOCK_SPACE = 0x636C6862
CLIENT_VAT_LOCK_SLOTS = 1024
# No tax ID is this long; a longer one is refused before it reaches the indexes.
CLIENT_VAT_MAX_LENGTH = 64
# A longer legal name may not fit in the indexes of the partner's name.
CLIENT_NAME_MAX_LENGTH = 512

# Who may read each group of figures: the groups Odoo itself puts on its own buttons.
SALE_GROUPS = "sales_team.group_sale_salesman"
PROJECT_GROUPS = "project.group_project_user"
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

SEARCH_OPERATORS = {
    "=": operator.eq,
    "!=": operator.ne,
    "<": operator.lt,
    "<=": operator.le,
    ">": operator.gt,
    ">=": operator.ge,
}


def normalize_vat(vat, country_code=None):
    """Return the key under which two tax IDs are the same, or False.

    Only ASCII letters and digits count, in upper case, so "PT 501.964.843" and
    "pt501964843" are one tax ID; a leading country code equal to the partner's country
    is dropped, so for a Portuguese client "PT501964843" and "501964843" are one too.
    """
    if not vat:
        return False
    # Filtered before upper(): "ß" or "ı" must not become ASCII letters.
    key = "".join(char for char in vat if char.isascii() and char.isalnum()).upper()
    country_code = (country_code or "").upper()
    if country_code and key.startswith(country_code) and len(key) > len(country_code):
        key = key[len(country_code) :]
    return key or False


class ResPartner(models.Model):
    _inherit = "res.partner"

    client_vat_key = fields.Char(
        string="Tax ID Key",
        compute="_compute_client_vat_key",
        store=True,
        copy=False,
        help="The tax ID without punctuation, spaces, case or the client's own country "
        "prefix. Set on commercial partners only: contacts share their company's.",
    )

    # The database's guarantee, for two transactions adding the same tax ID at once.
    # Deferred to the commit, so that the check below, which sees the same
    # transaction's rows, names the existing client first.
    _sql_constraints = [
        (
            "client_vat_key_unique",
            "EXCLUDE (client_vat_key WITH =, COALESCE(company_id, 0) WITH =) "
            "WHERE (client_vat_key IS NOT NULL) DEFERRABLE INITIALLY DEFERRED",
            "Another client of this company already has this tax ID.",
        ),
    ]

    @api.depends("vat", "country_id", "parent_id", "is_company")
    def _compute_client_vat_key(self):
        for partner in self:
            commercial = partner.is_company or not partner.parent_id
            partner.client_vat_key = commercial and normalize_vat(
                partner.vat, partner.country_id.code
            )

    @api.constrains("vat", "country_id", "parent_id", "is_company", "company_id")
    def _check_client_vat_unique(self):
        """Refuse a tax ID that another commercial partner of the same company has.

        The search runs as superuser because a tax ID must be unique even against
        clients the user cannot see; those are not named in the message. A client
        without a company is shared by every company, so it conflicts with all.
        """
        partners = self.filtered("client_vat_key")
        if not partners:
            return
        keys = list(set(partners.mapped("client_vat_key")))
        holders = (
            self.sudo()
            .with_context(active_test=False)
            .search_fetch(
                [("client_vat_key", "in", keys)],
                ["client_vat_key", "company_id", "display_name", "active"],
            )
        )
        holders_by_key = defaultdict(list)
        for holder in holders:
            holders_by_key[holder.client_vat_key].append(holder)
        for partner in partners:
            for other in holders_by_key[partner.client_vat_key]:
                if partner._client_vat_conflicts_with(other):
                    raise partner._client_vat_duplicate_error(other)
        partners._check_client_vat_unique_in_database()

    def _client_vat_conflicts_with(self, other):
        """Whether ``other`` holds the tax ID of ``self`` in a company of ``self``."""
        self.ensure_one()
        return (
            other.id != self.id
            and other.client_vat_key == self.client_vat_key
            and (
                not other.company_id
                or not self.company_id
                or other.company_id == self.company_id
            )
        )

    def _client_vat_duplicate_error(self, other):
        """The error naming ``other``, the client that already has the tax ID of
        ``self``, unless it belongs to a company the user cannot access."""
        self.ensure_one()
        if other.company_id and other.company_id.id not in self.env.companies.ids:
            return ValidationError(
                _(
                    "The tax ID %(vat)s of %(client)s is already used by a "
                    "client of a company you cannot access.",
                    vat=self.vat,
                    client=self.display_name,
                )
            )
        return ValidationError(
            _(
                "The tax ID %(vat)s of %(client)s is already used by the "
                'client "%(other)s"%(archived)s. Open that client instead '
                "of adding it again.",
                vat=self.vat,
                client=self.display_name,
                other=other.display_name,
                archived="" if other.active else _(" (archived)"),
            )
        )

    def _check_client_vat_unique_in_database(self):
        """Run the database's check of the tax IDs of ``self`` now, not at the commit.

        A client that another transaction is adding at the same moment is invisible to
        the search of ``_check_client_vat_unique``; only the deferred constraint sees
        it, and at the commit its error would reach the user raw. Made immediate here,
        the constraint waits for that transaction and fails if it kept its client, so
        the user gets the same message as for any duplicate.

        Both SET CONSTRAINTS run inside one savepoint: PostgreSQL restores the
        constraint's mode only when the savepoint that changed it is rolled back, so a
        mode changed outside it could survive as IMMEDIATE and make a later duplicate
        of this transaction fail at the flush, before its client is named.
        """
        constraint = SQL.identifier(CLIENT_VAT_CONSTRAINT)
        self.flush_recordset(["client_vat_key", "company_id"])
        cr = self.env.cr
        try:
            with cr.savepoint(flush=False):
                cr.execute(
                    SQL("SET CONSTRAINTS %s IMMEDIATE", constraint),
                    log_exceptions=False,
                )
                cr.execute(
                    SQL("SET CONSTRAINTS %s DEFERRED", constraint), log_exceptions=False
                )
        except pgerrors.UndefinedObject:
            # Not created, as when client_hub was installed on duplicates already there
            # (Odoo then logs it): the check in Python is all there is.
            return
        except pgerrors.ExclusionViolation:
            raise self._client_vat_race_error() from None

    def _client_vat_race_error(self):
        """The error for a tax ID that a concurrent transaction has just committed.

        This transaction's snapshot cannot see that client, so a new cursor looks it
        up, to name it as ``_check_client_vat_unique`` would have.
        """
        keys = list(set(self.mapped("client_vat_key")))
        with self.env.registry.cursor() as cr:
            env = self.env(
                cr=cr, su=True, context=dict(self.env.context, active_test=False)
            )
            holders = env["res.partner"].search_fetch(
                [("client_vat_key", "in", keys), ("id", "not in", self.ids)],
                ["client_vat_key", "company_id", "display_name", "active"],
            )
            for partner in self:
                for other in holders:
                    if partner._client_vat_conflicts_with(other):
                        return partner._client_vat_duplicate_error(other)
        partner = self[0]
        return ValidationError(
            _(
                "The tax ID %(vat)s of %(client)s has just been given to another "
                "client of this company. Open that client instead of adding it again.",
                vat=partner.vat,
                client=partner.display_name,
            )
        )

    @api.model_create_multi
    def create(self, vals_list):
        """Refuse an overlong tax ID, then lock the tax IDs: see
        ``_lock_client_vat_keys``."""
        vats = [vals.get("vat") for vals in vals_list]
        self._check_client_vat_length(vats)
        self._lock_client_vat_keys(vats)
        return super().create(vals_list)

    def write(self, vals):
        """Lock the tax IDs first when the key may change: see
        ``_lock_client_vat_keys``."""
        if "vat" in vals:
            self._check_client_vat_length([vals["vat"]])
        if vals.keys() & {"vat", "country_id", "parent_id", "is_company"}:
            self._lock_client_vat_keys(
                [vals["vat"]] if "vat" in vals else self.mapped("vat")
            )
        return super().write(vals)

    @api.model
    def _check_client_vat_length(self, vats):
        """Refuse, before anything is written, a tax ID too long to be one or with a
        NUL character: in the database it would fail with a raw error."""
        for vat in vats:
            if isinstance(vat, str) and "\x00" in vat:
                raise ValidationError(_("A tax ID cannot contain a NUL character."))
            if isinstance(vat, str) and len(vat) > CLIENT_VAT_MAX_LENGTH:
                raise ValidationError(
                    _(
                        "A tax ID has at most %(max)s characters; this one has "
                        "%(length)s: %(start)s…",
                        max=CLIENT_VAT_MAX_LENGTH,
                        length=len(vat),
                        start=vat[:20],
                    )
                )

    def _lock_client_vat_keys(self, vats):
        """Make transactions that add the same tax ID take turns, until the commit.

        Otherwise two transactions adding it at once both write their row, and at the
        commit each waits for the other: PostgreSQL breaks that deadlock by failing one
        of them at random, with a raw error. With the lock, the second waits before
        writing, then finds the first's client (see
        ``_check_client_vat_unique_in_database``) or, if the first rolled back, goes on.
        The lock ignores a leading country prefix, which the key only drops for the
        client's own country; tax IDs that differ only by it just wait for each other.
        Tax IDs share CLIENT_VAT_LOCK_SLOTS locks, so that a 10,000-row import holds at
        most that many until its commit, far below PostgreSQL's lock table.
        """
        keys = {normalize_vat(vat) for vat in vats if isinstance(vat, str)}
        keys = sorted({re.sub(r"^[A-Z]+(?=\d)", "", key) for key in keys if key})
        if keys:
            self.env.cr.execute(
                SQL(
                    "SELECT pg_advisory_xact_lock(%s, slot) FROM ("
                    " SELECT DISTINCT hashtext(key) & %s AS slot"
                    " FROM unnest(%s::text[]) AS key ORDER BY 1) AS slots",
                    CLIENT_VAT_LOCK_SPACE,
                    CLIENT_VAT_LOCK_SLOTS - 1,
                    keys,
                )
            )

    def action_client_hub_open_profile(self):
        """Open the client's profile in the Clients action: the Create button of the
        Add client dialog."""
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "client_hub.action_client_hub_clients"
        )
        action.update(
            res_id=self.id,
            view_mode="form",
            views=[
                (self.env.ref("client_hub.res_partner_view_form_client_hub").id, "form")
            ],
            target="main",
        )
        return action

    # ------------------------------------------------------------------------------
    # Overview figures: the client's activity, for the client and all its contacts.
    #
    # Every figure is non-stored and computed by one method, in a bounded number of
    # queries whatever the number of clients: the child_of closure once, then one
    # _read_group per source model under the reading user's rights and companies,
    # then a walk up parent_id that adds each contact's figures to its ancestors (the
    # shape of Odoo's own sale_order_count).
    # ------------------------------------------------------------------------------

    client_project_count = fields.Integer(
        string="Active Projects",
        compute="_compute_client_figures",
        groups=PROJECT_GROUPS,
        help="Active projects whose customer is the client or one of its contacts.",
    )
    client_project_hours = fields.Float(
        string="Hours",
        compute="_compute_client_figures",
        groups=PROJECT_GROUPS,
        help="Timesheet hours logged on the client's active projects.",
    )
    client_task_overdue_count = fields.Integer(
        string="Overdue Tasks",
        compute="_compute_client_figures",
        search="_search_client_task_overdue_count",
        groups=PROJECT_GROUPS,
        help="Open tasks of the client whose deadline is before today.",
    )
    client_task_due_count = fields.Integer(
        string="Due Tasks",
        compute="_compute_client_figures",
        groups=PROJECT_GROUPS,
        help="Open tasks of the client whose deadline is from today to 7 days ahead.",
    )
    client_task_upcoming_count = fields.Integer(
        string="Upcoming Tasks",
        compute="_compute_client_figures",
        groups=PROJECT_GROUPS,
        help="Open tasks of the client due later than 7 days ahead, or undated.",
    )
    client_order_count = fields.Integer(
        string="Orders",
        compute="_compute_client_figures",
        groups=SALE_GROUPS,
        help="Confirmed sale orders of the client.",
    )
    client_order_done_count = fields.Integer(
        string="Finalized Orders",
        compute="_compute_client_figures",
        groups=SALE_GROUPS,
        help="Confirmed sale orders of the client that are fully invoiced.",
    )
    client_quote_count = fields.Integer(
        string="Quotations",
        compute="_compute_client_figures",
        groups=SALE_GROUPS,
        help="Quotations of the client, in draft or sent.",
    )
    client_opportunity_count = fields.Integer(
        string="Open Opportunities",
        compute="_compute_client_figures",
        groups=SALE_GROUPS,
        help="Active opportunities of the client that are not won.",
    )
    client_invoice_authorized_count = fields.Integer(
        string="Authorized Invoices",
        compute="_compute_client_figures",
        groups=INVOICE_GROUPS,
        help="Posted customer invoices of the client (credit notes excluded).",
    )
    client_invoice_pending_count = fields.Integer(
        string="Pending Invoices",
        compute="_compute_client_figures",
        groups=INVOICE_GROUPS,
        help="Posted customer invoices not or partly paid, due today or later.",
    )
    client_invoice_overdue_count = fields.Integer(
        string="Overdue Invoices",
        compute="_compute_client_figures",
        search="_search_client_invoice_overdue_count",
        groups=INVOICE_GROUPS,
        help="Posted customer invoices not or partly paid, due before today.",
    )
    client_invoice_pending_amount = fields.Monetary(
        string="Pending Amount",
        compute="_compute_client_figures",
        currency_field="currency_id",
        groups=INVOICE_GROUPS,
        help="Amount still due on the pending invoices, in the company currency.",
    )
    client_invoice_overdue_amount = fields.Monetary(
        string="Overdue Amount",
        compute="_compute_client_figures",
        currency_field="currency_id",
        groups=INVOICE_GROUPS,
        help="Amount still due on the overdue invoices, in the company currency.",
    )
    client_attachment_count = fields.Integer(
        string="Files",
        compute="_compute_client_figures",
        help="Files attached to the client or to its contacts.",
    )

    # The profile's tabs: the documents behind the figures.
    client_project_ids = fields.Many2many(
        "project.project",
        string="Client Projects",
        compute="_compute_client_documents",
        groups=PROJECT_GROUPS,
    )
    client_order_ids = fields.Many2many(
        "sale.order",
        string="Client Orders",
        compute="_compute_client_documents",
        groups=SALE_GROUPS,
    )
    client_quote_ids = fields.Many2many(
        "sale.order",
        string="Client Quotations",
        compute="_compute_client_documents",
        groups=SALE_GROUPS,
    )
    client_opportunity_ids = fields.Many2many(
        "crm.lead",
        string="Client Opportunities",
        compute="_compute_client_documents",
        groups=SALE_GROUPS,
    )
    client_invoice_ids = fields.Many2many(
        "account.move",
        string="Client Invoices and Credit Notes",
        compute="_compute_client_documents",
        groups=INVOICE_GROUPS,
    )
    client_bill_ids = fields.Many2many(
        "account.move",
        string="Client Vendor Bills",
        compute="_compute_client_documents",
        groups=INVOICE_GROUPS,
    )
    client_attachment_ids = fields.One2many(
        "ir.attachment",
        "res_id",
        string="Client Files",
        # The inverse res_id does not set res_model: without it, a file added here
        # would belong to no record and drop out of the list once saved.
        context={"default_res_model": "res.partner"},
        help="Files attached to the client itself.",
    )

    def _client_hub_closure(self):
        """Return the client's partners and their contacts, ``parent_id`` fetched.

        Archived contacts are included, as Odoo's own buttons do: their documents
        remain the client's.
        """
        return self.with_context(active_test=False).search_fetch(
            [("id", "child_of", self.ids)], ["parent_id"]
        )

    def _client_hub_can_read(self, model, groups):
        """Whether the user may read ``model`` and the figures guarded by ``groups``.

        Without it the figures stay at 0 instead of raising an access error.
        """
        return self.env.user.has_groups(groups) and self.env[model].has_access("read")

    def _client_hub_today(self):
        return fields.Date.context_today(self)

    def _client_hub_tz(self):
        return self.env.context.get("tz") or self.env.user.tz or "UTC"

    def _client_hub_task_bounds(self):
        """Return the UTC start of today and of the day after the due window.

        Task deadlines are datetimes; "today" is the user's date in their timezone.
        """
        today = self._client_hub_today()
        tz = pytz.timezone(self._client_hub_tz())

        def utc_start(day):
            local = tz.localize(datetime.combine(day, time.min))
            return local.astimezone(pytz.utc).replace(tzinfo=None)

        return utc_start(today), utc_start(today + timedelta(days=TASK_DUE_DAYS + 1))

    def _client_hub_task_domain(self, bucket):
        start_today, end_due = self._client_hub_task_bounds()
        deadline = {
            "overdue": [("date_deadline", "<", start_today)],
            "due": [
                ("date_deadline", ">=", start_today),
                ("date_deadline", "<", end_due),
            ],
            "upcoming": [
                "|",
                ("date_deadline", "=", False),
                ("date_deadline", ">=", end_due),
            ],
            "open": [],
        }[bucket]
        return OPEN_TASK_DOMAIN + deadline

    def _client_hub_invoice_domain(self, bucket):
        today = self._client_hub_today()
        return (
            INVOICE_DOMAIN
            + {
                "authorized": [],
                "pending": UNPAID_DOMAIN + [("invoice_date_due", ">=", today)],
                "overdue": UNPAID_DOMAIN + [("invoice_date_due", "<", today)],
            }[bucket]
        )

    @api.depends_context("uid", "allowed_company_ids", "tz")
    def _compute_client_figures(self):
        """Count with the reading user's rights, companies and date: the cache must
        not serve one user's (or company selection's) figures to another."""
        clients = self._origin
        figures = {}
        if clients:
            closure = clients._client_hub_closure()
            in_closure = [("partner_id", "in", closure.ids)]
            figures = defaultdict(lambda: defaultdict(float))
            if self._client_hub_can_read("project.project", PROJECT_GROUPS):
                self._client_hub_add_project_figures(figures, in_closure)
                self._client_hub_add_task_figures(figures, in_closure)
            if self._client_hub_can_read("sale.order", SALE_GROUPS):
                self._client_hub_add_sale_figures(figures, in_closure)
            if self._client_hub_can_read("crm.lead", SALE_GROUPS):
                self._client_hub_add_opportunity_figures(figures, in_closure)
            if self._client_hub_can_read("account.move", INVOICE_GROUPS):
                self._client_hub_add_invoice_figures(figures, in_closure)
            self._client_hub_add_attachment_figures(figures, closure.ids)
            figures = clients._client_hub_roll_up(figures, closure)
        for partner in self:
            for fname in self._client_hub_figure_names():
                value = figures.get(fname, {}).get(partner._origin.id, 0)
                if self._fields[fname].type == "integer":
                    value = int(value)
                partner[fname] = value

    @api.model
    def _client_hub_figure_names(self):
        return [
            name
            for name, field in self._fields.items()
            if field.compute == "_compute_client_figures"
        ]

    def _client_hub_roll_up(self, figures, closure):
        """Add each partner's figures to itself and every ancestor in ``self``."""
        parent_of = {partner.id: partner.parent_id.id for partner in closure}
        self_ids = set(self._ids)
        totals = defaultdict(lambda: defaultdict(float))
        for fname, per_partner in figures.items():
            for partner_id, value in per_partner.items():
                while partner_id:
                    if partner_id in self_ids:
                        totals[fname][partner_id] += value
                    partner_id = parent_of.get(partner_id)
        return totals

    def _client_hub_add_project_figures(self, figures, in_closure):
        projects = self.env["project.project"]._read_group(
            in_closure, ["partner_id"], ["__count", "id:array_agg"]
        )
        partner_of_project = {}
        for partner, count, project_ids in projects:
            figures["client_project_count"][partner.id] += count
            partner_of_project.update(dict.fromkeys(project_ids, partner.id))
        Line = self.env["account.analytic.line"]
        if partner_of_project and Line.has_access("read"):
            hours = Line._read_group(
                [("project_id", "in", list(partner_of_project))],
                ["project_id"],
                ["unit_amount:sum"],
            )
            for project, amount in hours:
                partner_id = partner_of_project[project.id]
                figures["client_project_hours"][partner_id] += amount

    def _client_hub_add_task_figures(self, figures, in_closure):
        """Count open tasks per local deadline day: one query for the three buckets."""
        today = self._client_hub_today()
        last_due_day = today + timedelta(days=TASK_DUE_DAYS)
        Task = self.env["project.task"].with_context(tz=self._client_hub_tz())
        groups = Task._read_group(
            in_closure + OPEN_TASK_DOMAIN,
            ["partner_id", "date_deadline:day"],
            ["__count"],
        )
        for partner, day, count in groups:
            if isinstance(day, datetime):
                day = day.date()
            if not day or day > last_due_day:
                bucket = "client_task_upcoming_count"
            elif day < today:
                bucket = "client_task_overdue_count"
            else:
                bucket = "client_task_due_count"
            figures[bucket][partner.id] += count

    def _client_hub_add_sale_figures(self, figures, in_closure):
        groups = self.env["sale.order"]._read_group(
            in_closure + [("state", "in", ("draft", "sent", "sale"))],
            ["partner_id", "state", "invoice_status"],
            ["__count"],
        )
        for partner, state, invoice_status, count in groups:
            if state == "sale":
                figures["client_order_count"][partner.id] += count
                if invoice_status == "invoiced":
                    figures["client_order_done_count"][partner.id] += count
            else:
                figures["client_quote_count"][partner.id] += count

    def _client_hub_add_opportunity_figures(self, figures, in_closure):
        groups = self.env["crm.lead"]._read_group(
            in_closure + OPPORTUNITY_DOMAIN, ["partner_id"], ["__count"]
        )
        for partner, count in groups:
            figures["client_opportunity_count"][partner.id] += count

    def _client_hub_add_invoice_figures(self, figures, in_closure):
        """Sort posted invoices into pending and overdue by due date: one query."""
        today = self._client_hub_today()
        groups = self.env["account.move"]._read_group(
            in_closure + INVOICE_DOMAIN,
            ["partner_id", "payment_state", "invoice_date_due:day"],
            ["__count", "amount_residual_signed:sum"],
        )
        for partner, payment_state, due, count, residual in groups:
            figures["client_invoice_authorized_count"][partner.id] += count
            if payment_state not in ("not_paid", "partial"):
                continue
            if isinstance(due, datetime):
                due = due.date()
            bucket = "overdue" if due and due < today else "pending"
            figures[f"client_invoice_{bucket}_count"][partner.id] += count
            figures[f"client_invoice_{bucket}_amount"][partner.id] += residual

    def _client_hub_add_attachment_figures(self, figures, partner_ids):
        Attachment = self.env["ir.attachment"]
        if not Attachment.has_access("read"):
            return
        groups = Attachment._read_group(
            [("res_model", "=", "res.partner"), ("res_id", "in", partner_ids)],
            ["res_id"],
            ["__count"],
        )
        for res_id, count in groups:
            figures["client_attachment_count"][res_id] += count

    def _client_hub_search_count(self, model, domain, operator_, value):
        """Search clients by how many ``model`` records match ``domain``.

        A client's count includes its contacts', so every ancestor of a partner with
        matching records gets that partner's count.
        """
        compare = SEARCH_OPERATORS.get(operator_)
        if compare is None or not isinstance(value, int | float):
            raise UserError(_("This figure can only be compared with a number."))
        groups = self.env[model]._read_group(domain, ["partner_id"], ["__count"])
        counts = defaultdict(int)
        # Climb the hierarchy one level per query: partners have no parent_path.
        todo = defaultdict(int)
        for partner, count in groups:
            todo[partner.id] += count
        while todo:
            partners = self.with_context(active_test=False).search_fetch(
                [("id", "in", list(todo))], ["parent_id"]
            )
            parents = defaultdict(int)
            for partner in partners:
                counts[partner.id] += todo[partner.id]
                if partner.parent_id:
                    parents[partner.parent_id.id] += todo[partner.id]
            todo = parents
        if compare(0, value):
            # Clients without any matching record match too: exclude the others.
            excluded = [
                pid for pid, count in counts.items() if not compare(count, value)
            ]
            return [("id", "not in", excluded)]
        return [
            (
                "id",
                "in",
                [pid for pid, count in counts.items() if compare(count, value)],
            )
        ]

    def _search_client_invoice_overdue_count(self, operator_, value):
        if not self._client_hub_can_read("account.move", INVOICE_GROUPS):
            return expression.FALSE_DOMAIN
        return self._client_hub_search_count(
            "account.move", self._client_hub_invoice_domain("overdue"), operator_, value
        )

    def _search_client_task_overdue_count(self, operator_, value):
        if not self._client_hub_can_read("project.task", PROJECT_GROUPS):
            return expression.FALSE_DOMAIN
        return self._client_hub_search_count(
            "project.task", self._client_hub_task_domain("overdue"), operator_, value
        )

    @api.depends_context("uid", "allowed_company_ids")
    def _compute_client_documents(self):
        """Fill the profile's tabs: the documents of the client and its contacts, as
        the reading user and their selected companies may see them."""
        sources = {
            "client_project_ids": ("project.project", PROJECT_GROUPS, []),
            "client_order_ids": ("sale.order", SALE_GROUPS, ORDER_DOMAIN),
            "client_quote_ids": ("sale.order", SALE_GROUPS, QUOTE_DOMAIN),
            "client_opportunity_ids": ("crm.lead", SALE_GROUPS, OPPORTUNITY_DOMAIN),
            "client_invoice_ids": (
                "account.move",
                INVOICE_GROUPS,
                [("move_type", "in", ("out_invoice", "out_refund"))],
            ),
            "client_bill_ids": (
                "account.move",
                INVOICE_GROUPS,
                [("move_type", "in", ("in_invoice", "in_refund"))],
            ),
        }
        clients = self._origin
        closure = clients._client_hub_closure() if clients else self.browse()
        parent_of = {partner.id: partner.parent_id.id for partner in closure}
        self_ids = set(clients.ids)
        for fname, (model, groups, domain) in sources.items():
            found = defaultdict(list)
            if closure and self._client_hub_can_read(model, groups):
                records = self.env[model].search_fetch(
                    domain + [("partner_id", "in", closure.ids)], ["partner_id"]
                )
                for record in records:
                    partner_id = record.partner_id.id
                    while partner_id:
                        if partner_id in self_ids:
                            found[partner_id].append(record.id)
                        partner_id = parent_of.get(partner_id)
            for partner in self:
                partner[fname] = [(6, 0, found.get(partner._origin.id, []))]

    def _client_hub_action(self, name, model, domain, views=("list", "form"), **ctx):
        """Return a window action on ``model``'s records of the client, for a figure."""
        self.ensure_one()
        partner_ids = self._client_hub_closure().ids
        return {
            "type": "ir.actions.act_window",
            "name": name,
            "res_model": model,
            "views": [(False, view) for view in views],
            "domain": domain + [("partner_id", "in", partner_ids)],
            "context": {"default_partner_id": self.id, **ctx},
        }

    def _client_hub_new(self, name, model, **ctx):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": name,
            "res_model": model,
            "views": [(False, "form")],
            "target": "current",
            "context": {"default_partner_id": self.id, **ctx},
        }

    def action_client_hub_new_quotation(self):
        """Open a new quotation for the client."""
        return self._client_hub_new(_("New Quotation"), "sale.order")

    def action_client_hub_new_project(self):
        """Open a new project for the client."""
        return self._client_hub_new(_("New Project"), "project.project")

    def action_client_hub_new_invoice(self):
        """Open a new customer invoice for the client."""
        return self._client_hub_new(
            _("New Invoice"), "account.move", default_move_type="out_invoice"
        )

    def action_client_hub_open_projects(self):
        return self._client_hub_action(
            _("Projects"), "project.project", [], views=("kanban", "list", "form")
        )

    def action_client_hub_open_hours(self):
        self.ensure_one()
        projects = self.env["project.project"].search(
            [("partner_id", "in", self._client_hub_closure().ids)]
        )
        return {
            "type": "ir.actions.act_window",
            "name": _("Timesheets"),
            "res_model": "account.analytic.line",
            "views": [(False, "list"), (False, "form")],
            "domain": [("project_id", "in", projects.ids)],
            "context": {"default_project_id": projects[:1].id},
        }

    def _client_hub_open_tasks(self, name, bucket):
        return self._client_hub_action(
            name,
            "project.task",
            self._client_hub_task_domain(bucket),
            views=("list", "kanban", "form"),
        )

    def action_client_hub_open_tasks_overdue(self):
        return self._client_hub_open_tasks(_("Overdue Tasks"), "overdue")

    def action_client_hub_open_tasks_due(self):
        return self._client_hub_open_tasks(_("Tasks Due This Week"), "due")

    def action_client_hub_open_tasks_upcoming(self):
        return self._client_hub_open_tasks(_("Upcoming Tasks"), "upcoming")

    def action_client_hub_open_orders(self):
        return self._client_hub_action(_("Orders"), "sale.order", ORDER_DOMAIN)

    def action_client_hub_open_orders_done(self):
        return self._client_hub_action(
            _("Finalized Orders"),
            "sale.order",
            ORDER_DOMAIN + [("invoice_status", "=", "invoiced")],
        )

    def action_client_hub_open_quotes(self):
        return self._client_hub_action(_("Quotations"), "sale.order", QUOTE_DOMAIN)

    def action_client_hub_open_opportunities(self):
        return self._client_hub_action(
            _("Opportunities"),
            "crm.lead",
            OPPORTUNITY_DOMAIN,
            views=("kanban", "list", "form"),
            default_type="opportunity",
        )

    def _client_hub_open_invoices(self, name, bucket):
        return self._client_hub_action(
            name,
            "account.move",
            self._client_hub_invoice_domain(bucket),
            default_move_type="out_invoice",
        )

    def action_client_hub_open_invoices_authorized(self):
        return self._client_hub_open_invoices(_("Authorized Invoices"), "authorized")

    def action_client_hub_open_invoices_pending(self):
        return self._client_hub_open_invoices(_("Pending Invoices"), "pending")

    def action_client_hub_open_invoices_overdue(self):
        return self._client_hub_open_invoices(_("Overdue Invoices"), "overdue")

    def action_client_hub_open_attachments(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": _("Files"),
            "res_model": "ir.attachment",
            "views": [(False, "kanban"), (False, "list"), (False, "form")],
            "domain": [
                ("res_model", "=", "res.partner"),
                ("res_id", "in", self._client_hub_closure().ids),
            ],
            "context": {"default_res_model": "res.partner", "default_res_id": self.id},
        }

    # ------------------------------------------------------------------------------
    # Spreadsheet import and export of clients (issue 4)
    # ------------------------------------------------------------------------------

    @api.model
    def get_import_templates(self):
        """Offer the client template when the import starts from the Clients list.

        The Clients action puts ``client_hub_import`` in its context, which the import
        screen passes on; other partner imports keep what Odoo offers.
        """
        if not self.env.context.get("client_hub_import"):
            return super().get_import_templates()
        return [
            {
                "label": _("Import Template for Clients (.xlsx)"),
                "template": "/client_hub/static/xls/clients_import_template.xlsx",
            },
            {
                "label": _("Import Template for Clients (.xls)"),
                "template": "/client_hub/static/xls/clients_import_template.xls",
            },
        ]

    @api.model
    def _client_hub_import_header_fields(self):
        """Column headers of client spreadsheets, casefolded, and the field each fills.

        base_import matches a header to a field's technical name or label only; these
        are the template's headers (English and Portuguese) and their usual variants.
        """
        return CLIENT_IMPORT_HEADERS

    @api.model
    def load(self, fields, data):
        """Update the clients whose tax ID the file gives instead of duplicating them.

        When the tax ID is imported and the file has no ``id``/``.id`` column, every
        row's tax ID is normalized as ``client_vat_key`` is (with the row's country,
        else the context's default), the matching clients of the current company are
        found with one search, and a ``.id`` column is added so that Odoo's own load
        updates them. Two rows with one tax ID, and a new client without a legal name,
        are reported with their row numbers as base_import numbers them (the first
        data row is 0); any error rolls everything back, as Odoo's load does.
        Cells that the database cannot take are refused first, by row: see
        ``_client_hub_cell_errors``. ``client_hub_vat_match=False`` in the context
        turns the matching off.
        """
        paths = [fix_import_export_id_paths(name) for name in fields]
        limit = self.env.context.get("_import_limit") or len(data)
        messages = self._client_hub_cell_errors(paths, data[:limit])
        if messages:
            return {"ids": False, "messages": messages, "nextrow": 0}
        if (
            not self.env.context.get("client_hub_vat_match", True)
            or ["vat"] not in paths
            or any(path[0] in ("id", ".id") for path in paths)
        ):
            return super().load(fields, data)

        matches, messages = self._client_hub_match_rows(paths, data[:limit])
        fields = [*fields, ".id"]
        data = [
            [*row, str(matches[index]) if index in matches else ""]
            for index, row in enumerate(data)
        ]
        savepoint = self.env.cr.savepoint(flush=False)
        result = super(
            ResPartner, self.with_context(client_hub_skip_unchanged=True)
        ).load(fields, data)
        result["messages"] = self._client_hub_drop_batch_error(result["messages"])
        if messages:
            self.env.flush_all()
            savepoint.rollback()
            self.env.invalidate_all()
            self.pool.reset_changes()
            result.update(ids=False, messages=messages + result["messages"])
        elif result["ids"] and self.env.context.get("res_partner_search_mode") == (
            "customer"
        ):
            # New clients get their rank from account's create; updated ones need it
            # to appear under Clients.
            self.browse(result["ids"]).filtered(lambda p: not p.customer_rank).write(
                {"customer_rank": 1}
            )
        savepoint.close(rollback=False)
        return result

    def _load_records_write(self, values):
        """Write only what the file changes when a client import updates a client.

        Without this, importing an exported file back would rewrite every client
        (new write date, tracking, recomputations) although nothing changed.
        """
        if self.env.context.get("client_hub_skip_unchanged"):
            values = {
                name: value
                for name, value in values.items()
                if name not in self._fields
                or self._fields[name].type in ("one2many", "many2many", "properties")
                or (self._fields[name].convert_to_write(self[name], self) or False)
                != (value or False)
            }
            if not values:
                return
        return super()._load_records_write(values)

    @api.model
    def _client_hub_cell_errors(self, paths, data):
        """Name the rows with a cell that the database would refuse with a raw error.

        PostgreSQL cannot store a NUL character, and a legal name longer than
        CLIENT_NAME_MAX_LENGTH may not fit in its index; the matching would also
        search for them.
        """
        name_col = paths.index(["name"]) if ["name"] in paths else None
        messages = []
        for index, row in enumerate(data):
            if any(isinstance(cell, str) and "\x00" in cell for cell in row):
                message = _(
                    "Row %(row)s contains a NUL character, which cannot be "
                    "stored. Remove it from the file.",
                    row=index,
                )
            elif name_col is not None and len(row[name_col] or "") > (
                CLIENT_NAME_MAX_LENGTH
            ):
                message = _(
                    "The legal name of row %(row)s has %(length)s characters; a "
                    "legal name has at most %(max)s.",
                    row=index,
                    length=len(row[name_col]),
                    max=CLIENT_NAME_MAX_LENGTH,
                )
            else:
                continue
            messages.append(self._client_hub_import_error(index, message))
        return messages

    @api.model
    def _client_hub_match_rows(self, paths, data):
        """Return ``({row index: client id}, [error messages])`` for an import."""
        vat_col = paths.index(["vat"])
        name_col = paths.index(["name"]) if ["name"] in paths else None
        keys = self._client_hub_import_vat_keys(paths, data)
        by_row = self._client_hub_clients_by_vat_key(keys)
        by_name = self._client_hub_clients_by_name(
            {row[name_col] for index, row in enumerate(data) if index not in keys}
            if name_col is not None
            else set()
        )
        matches, first_row, messages = {}, {}, []
        for index, key in keys.items():
            client = by_row.get(index)
            if client:
                matches[index] = client.id
            first = first_row.setdefault(client.id if client else key, index)
            if first != index:
                messages.append(
                    self._client_hub_import_error(
                        index,
                        _(
                            "Rows %(first)s and %(second)s have the same tax ID "
                            "%(vat)s. Keep one row per client: merge them or correct "
                            "the tax ID.",
                            first=first,
                            second=index,
                            vat=data[index][vat_col],
                        ),
                    )
                )
        # Rows that only continue the previous record's one2many lines are no record.
        own_cols = [
            col
            for col, path in enumerate(paths)
            if getattr(self._fields.get(path[0]), "type", None) != "one2many"
        ]
        for index, row in enumerate(data):
            if index in matches or not any(row[col] for col in own_cols):
                continue
            name = _name_key(row[name_col]) if name_col is not None else ""
            client = index not in keys and by_name.get(name)
            if client:
                matches[index] = client.id
                first = first_row.setdefault(client.id, index)
                message = first != index and _(
                    "Rows %(first)s and %(second)s are both the client %(name)s. "
                    "Keep one row per client.",
                    first=first,
                    second=index,
                    name=client.name,
                )
            else:
                message = not name and _(
                    "Row %(row)s has no legal name. A new client needs one: fill in "
                    "the Legal name column, or the tax ID of an existing client to "
                    "update it.",
                    row=index,
                )
            if message:
                messages.append(self._client_hub_import_error(index, message))
        return matches, messages

    @api.model
    def _client_hub_import_vat_keys(self, paths, data):
        """Return ``{row index: tax ID key}``, keyed with the row's country, else the
        context's default country, as ``client_vat_key`` would be."""
        vat_col = paths.index(["vat"])
        countries = self._client_hub_import_countries(paths, data)
        default = self.env["res.country"].browse(
            self.env.context.get("default_country_id")
        )
        keys = {}
        for index, row in enumerate(data):
            key = normalize_vat(row[vat_col], (countries.get(index) or default).code)
            if key:
                keys[index] = key
        return keys

    @api.model
    def _client_hub_clients_by_vat_key(self, keys):
        """Return ``{row index: client}`` for the rows whose tax ID key is a client's.

        One search, among the current company's clients and those without company. A
        key with a country prefix (PT511111118, from "PT 511 111 118" in a row without
        country) also matches a client of that country whose key has no prefix.
        """
        candidates = set(keys.values())
        candidates.update(key[2:] for key in keys.values() if key[:2].isalpha())
        clients = self.search_fetch(
            [
                ("client_vat_key", "in", list(candidates)),
                ("company_id", "in", [False, self.env.company.id]),
            ],
            ["client_vat_key", "country_id"],
        )
        by_key = {client.client_vat_key: client for client in clients}
        by_row = {}
        for index, key in keys.items():
            client = by_key.get(key)
            if not client and key[:2].isalpha():
                client = by_key.get(key[2:])
                if client and client.country_id.code != key[:2]:
                    client = None
            if client:
                by_row[index] = client
        return by_row

    @api.model
    def _client_hub_clients_by_name(self, names):
        """Return ``{legal name key: client}`` for the clients without a tax ID.

        A client without a tax ID can only be recognized by its legal name, so that a
        file exported without tax IDs imports back without duplicates; a name that
        two such clients share matches neither.
        """
        names = {name.strip() for name in names if name and name.strip()}
        if not names:
            return {}
        found = defaultdict(list)
        for client in self.search_fetch(
            [
                ("name", "in", list(names)),
                ("client_vat_key", "=", False),
                ("customer_rank", ">", 0),
                "|",
                ("is_company", "=", True),
                ("parent_id", "=", False),
                ("company_id", "in", [False, self.env.company.id]),
            ],
            ["name"],
        ):
            found[_name_key(client.name)].append(client)
        return {key: clients[0] for key, clients in found.items() if len(clients) == 1}

    @api.model
    def _client_hub_import_countries(self, paths, data):
        """Return ``{row index: res.country}`` for the rows that name a country.

        A country column holds names or codes (as Odoo's import reads them) or
        external ids; each distinct value is looked up once.
        """
        Country = self.env["res.country"]
        if ["country_id"] in paths:
            column = paths.index(["country_id"])

            def lookup(value):
                found = Country.name_search(value, operator="=", limit=1)
                return Country.browse(found[0][0]) if found else Country

        elif ["country_id", "id"] in paths:
            column = paths.index(["country_id", "id"])

            def lookup(value):
                return self.env.ref(value, raise_if_not_found=False) or Country

        else:
            return {}
        found = {
            value: lookup(value)
            for value in {(row[column] or "").strip() for row in data} - {""}
        }
        return {
            index: found[(row[column] or "").strip()]
            for index, row in enumerate(data)
            if (row[column] or "").strip()
        }

    @api.model
    def _client_hub_drop_batch_error(self, messages):
        """Drop the copy of a row's error that Odoo's load puts first, on row 0.

        When a batch create fails, load retries row by row and, if a row fails, also
        reports the batch's error with the batch's first row. When that error is one
        row's own, the copy blames row 0 for it; the row's message says it already.
        """
        if len(messages) > 1 and any(
            other["message"] == messages[0]["message"]
            and other.get("record") != messages[0].get("record")
            for other in messages[1:]
        ):
            return messages[1:]
        return messages

    @api.model
    def _client_hub_import_error(self, index, message):
        return {
            "type": "error",
            "message": message,
            "record": index,
            "rows": {"from": index, "to": index},
        }


def _name_key(name):
    """A legal name as the import compares it: surrounding spaces do not count."""
    return (name or "").strip()


# Spreadsheet column headers (casefolded) that fill a client field: the import
# template's, in English and Portuguese, and their usual variants.
CLIENT_IMPORT_HEADERS = {
    "legal name": "name",
    "nome legal": "name",
    "denominação social": "name",
    "razão social": "name",
    "tax id": "vat",
    "tax identification number": "vat",
    "vat": "vat",
    "número de identificação fiscal": "vat",
    "nif": "vat",
    "nipc": "vat",
    "cnpj": "vat",
    "street": "street",
    "morada": "street",
    "endereço": "street",
    "street 2": "street2",
    "morada 2": "street2",
    "endereço 2": "street2",
    "complemento": "street2",
    "zip": "zip",
    "código postal": "zip",
    "cep": "zip",
    "city": "city",
    "cidade": "city",
    "localidade": "city",
    "state": "state_id",
    "distrito/estado": "state_id",
    "distrito": "state_id",
    "estado": "state_id",
    "country": "country_id",
    "país": "country_id",
    "email": "email",
    "e-mail": "email",
    "phone": "phone",
    "telefone": "phone",
    "website": "website",
    "sítio web": "website",
    "site": "website",
}
