# Copyright 2026 client_hub contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Clients are res.partner records: commercial partners with a customer rank.

This file adds what makes a client a client in client_hub: a comparison key for the tax
ID, kept unique per company by the database, and the action that opens a new client's
profile.
"""

import re

from psycopg2 import errors as pgerrors

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import SQL

CLIENT_VAT_CONSTRAINT = "res_partner_client_vat_key_unique"
# First key of the advisory locks on tax IDs (the second is the tax ID's hash).
CLIENT_VAT_LOCK_SPACE = 0x636C6862
CLIENT_VAT_LOCK_SLOTS = 1024
# No tax ID is this long; a longer one is refused before it reaches the indexes.
CLIENT_VAT_MAX_LENGTH = 64


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
        for partner in partners:
            for other in holders:
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
        """Refuse, before anything is written, a tax ID too long to be one: in the
        database it would fail on the index of the tax ID with a raw error."""
        for vat in vats:
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
