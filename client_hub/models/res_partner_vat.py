# Copyright 2026 client_hub contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""One client per tax ID and company.

Stored comparison fields (``client_vat_key``, the number, and
``client_vat_country_id``, its country when known: see ``client_hub/vat.py``), a
check that names the client that already has the tax ID, advisory locks that make
transactions adding the same tax ID take turns, and a deferred exclusion constraint
as the database's guarantee.
"""

import logging
from collections import defaultdict

from psycopg2 import errors as pgerrors

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import SQL

from ..vat import VAT_PREFIX_COUNTRY, country_prefix, tax_id_parts, vat_lock_key

_logger = logging.getLogger(__name__)

CLIENT_VAT_CONSTRAINT = "res_partner_client_vat_key_unique"
# First key of the advisory locks on tax IDs (the second is the tax ID's hash).
CLIENT_VAT_LOCK_SPACE = 0x636C6862
CLIENT_VAT_LOCK_SLOTS = 1024
# No tax ID is this long; a longer one is refused before it reaches the indexes.
CLIENT_VAT_MAX_LENGTH = 64
# The fields the key depends on: writing one of them may change it.
CLIENT_VAT_KEY_FIELDS = ("vat", "country_id", "parent_id", "is_company")
# Writing one of these may make two clients conflict: the tax ID's lock is taken.
CLIENT_VAT_LOCK_FIELDS = (*CLIENT_VAT_KEY_FIELDS, "company_id")


class ResPartner(models.Model):
    _inherit = "res.partner"

    client_vat_key = fields.Char(
        string="Tax ID Key",
        compute="_compute_client_vat_key",
        store=True,
        copy=False,
        help="The tax ID's number in one spelling: digits of any script as ASCII "
        "digits, no spaces, punctuation, case or country code. Set on commercial "
        "partners only: contacts share their company's.",
    )
    client_vat_country_id = fields.Many2one(
        "res.country",
        string="Tax ID Country",
        compute="_compute_client_vat_key",
        store=True,
        copy=False,
        help="The country of the tax ID: the one whose code prefixes it when the tax "
        "ID is valid there, else the client's. Empty when neither is known: the tax "
        "ID then conflicts with the same number of every country.",
    )

    # The database's guarantee, for two transactions adding the same tax ID at once:
    # one number, overlapping countries and overlapping companies, where an empty
    # country or company (shared client) is the unbounded range, overlapping all.
    # Deferred to the commit, so that the check below, which sees the same
    # transaction's rows, names the existing client first.
    _sql_constraints = [
        (
            "client_vat_key_unique",
            "EXCLUDE USING gist (client_vat_key WITH =, "
            "int4range(client_vat_country_id, client_vat_country_id, '[]') WITH &&, "
            "int4range(company_id, company_id, '[]') WITH &&) "
            "WHERE (client_vat_key IS NOT NULL) DEFERRABLE INITIALLY DEFERRED",
            "Another client of this company already has this tax ID.",
        ),
    ]

    def _auto_init(self):
        """Create the btree_gist extension first: the exclusion constraint compares
        the key with ``=`` in a GiST index. It is a trusted extension (PostgreSQL
        13+), so the database owner may create it; when that fails, the constraint
        is not created (Odoo logs it) and the check in Python is all there is."""
        try:
            with self.env.cr.savepoint(flush=False):
                self.env.cr.execute(
                    "CREATE EXTENSION IF NOT EXISTS btree_gist", log_exceptions=False
                )
        except pgerrors.Error as error:
            _logger.warning("client_hub: cannot create extension btree_gist: %s", error)
        return super()._auto_init()

    @api.depends(*CLIENT_VAT_KEY_FIELDS)
    def _compute_client_vat_key(self):
        # Read only when a tax ID may start with a country code.
        prefixed = any(country_prefix(partner.vat) for partner in self if partner.vat)
        countries = self._client_hub_countries_by_code() if prefixed else {}
        for partner in self:
            commercial = partner.is_company or not partner.parent_id
            country, number = (
                partner._client_hub_vat_parts(
                    partner.vat, partner.country_id, countries
                )
                if commercial
                else (self.env["res.country"], False)
            )
            partner.client_vat_key = number
            partner.client_vat_country_id = country

    @api.model
    def _client_hub_vat_parts(self, vat, country, countries=None):
        """Return ``(res.country, number)`` of a tax ID, as the key stores them.

        A two-letter prefix is the tax ID's country when it names a country (EL:
        Greece) and base_vat finds the number valid there (``simple_vat_check``, as
        ``_run_vat_test`` does first for a prefix): then "PT595496563" of a client
        without country is the Portuguese number 595496563, and a Spanish client's
        "PT..." is Portuguese too. ``countries`` is
        ``_client_hub_countries_by_code()``, read once for a batch of tax IDs.
        """
        if countries is None:
            countries = self._client_hub_countries_by_code()
        Country = self.env["res.country"]

        def prefix_is_valid(prefix, folded):
            code = VAT_PREFIX_COUNTRY.get(prefix, prefix)
            return code in countries and self.simple_vat_check(code.lower(), folded[2:])

        code, number = tax_id_parts(vat, country.code, prefix_is_valid)
        if code and code != country.code:
            country = countries.get(code, Country)
        return (country if code else Country), number

    @api.model
    def _client_hub_countries_by_code(self):
        """Return ``{ISO code: res.country}`` of every country, in one query: a
        file's or a batch's tax IDs are split with it, not with a query each."""
        return {
            country.code: country
            for country in self.env["res.country"].search_fetch(
                [], ["code"], order="id"
            )
        }

    @api.constrains(*CLIENT_VAT_KEY_FIELDS, "company_id")
    def _check_client_vat_unique(self):
        """Refuse a tax ID that another commercial partner of the same company has.

        The search runs as superuser because a tax ID must be unique even against
        clients the user cannot see; those are not named in the message. A client
        without a company is shared by every company, and a tax ID without a
        country may be any country's, so both conflict with all.
        """
        partners = self.filtered("client_vat_key")
        if not partners:
            return
        # The partners written together are checked against each other too; each
        # only against those with its number (an import writes thousands at once).
        holders = defaultdict(list)
        for holder in partners._client_hub_vat_holders(self.sudo()) | partners.sudo():
            holders[holder.client_vat_key].append(holder)
        for partner in partners:
            for other in holders[partner.client_vat_key]:
                if partner._client_hub_vat_conflicts_with(other):
                    raise partner._client_hub_vat_duplicate_error(other)
        partners._client_hub_check_vat_in_database()

    @api.model_create_multi
    def create(self, vals_list):
        """Refuse a tax ID the database cannot store, then lock the tax IDs: see
        ``_client_hub_lock_vats``."""
        default_vat = self.env.context.get("default_vat")
        vats = [vals.get("vat", default_vat) for vals in vals_list]
        self._client_hub_check_vat_storable(vats)
        self._client_hub_lock_vats(vats)
        return super().create(vals_list)

    def write(self, vals):
        """Lock the tax IDs first when the key, or who it conflicts with, may
        change: see ``_client_hub_lock_vats``."""
        if "vat" in vals:
            self._client_hub_check_vat_storable([vals["vat"]])
        if vals.keys() & set(CLIENT_VAT_LOCK_FIELDS):
            vats = self.mapped("vat")
            if "vat" in vals:
                vats.append(vals["vat"])
            self._client_hub_lock_vats(vats)
        return super().write(vals)

    def unlink(self):
        """Detach, through the ORM, the contacts that would become clients with a
        tax ID once their company is gone.

        PostgreSQL clears their ``parent_id`` itself (ON DELETE SET NULL), so no
        write recomputes their key nor checks it: a contact that carries its
        company's tax ID would silently become a second client with a tax ID that
        another client has. Written here, the key follows and a duplicate refuses
        the deletion with a message naming both.
        """
        # Every contact, as PostgreSQL would clear them all, seen by the user or not.
        orphans = (
            self.sudo()
            .with_context(active_test=False)
            .search([("parent_id", "in", self.ids), ("id", "not in", self.ids)])
            .filtered(lambda contact: contact.vat and not contact.is_company)
        )
        for contact in orphans:
            try:
                with self.env.cr.savepoint():
                    contact.write({"parent_id": False})
            except ValidationError as error:
                raise ValidationError(
                    _(
                        "%(company)s cannot be deleted: its contact %(contact)s "
                        "would become a client with the tax ID %(vat)s on its own. "
                        "%(reason)s Remove the contact's tax ID, or move the contact "
                        "to that client, first.",
                        company=contact.parent_id.display_name,
                        contact=contact.name,
                        vat=contact.vat,
                        reason=error.args[0],
                    )
                ) from None
        return super().unlink()

    def _client_hub_vat_holders(self, model):
        """Return the other partners (archived included) that hold a tax ID number
        of ``self``, searched with ``model``'s environment (superuser, or another
        cursor), with what the check reads."""
        return model.with_context(active_test=False).search_fetch(
            [
                ("client_vat_key", "in", list(set(self.mapped("client_vat_key")))),
                ("id", "not in", self.ids),
            ],
            [
                "client_vat_key",
                "client_vat_country_id",
                "company_id",
                "display_name",
                "active",
            ],
        )

    def _client_hub_vat_conflicts_with(self, other):
        """Whether ``other`` holds the tax ID of ``self`` in a company of ``self``:
        the database's rule (see ``_sql_constraints``) in Python."""
        self.ensure_one()

        def overlap(mine, theirs):
            return not mine or not theirs or mine.id == theirs.id

        return (
            other.id != self.id
            and other.client_vat_key == self.client_vat_key
            and overlap(self.client_vat_country_id, other.client_vat_country_id)
            and overlap(self.company_id, other.company_id)
        )

    def _client_hub_vat_duplicate_error(self, other):
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

    def _client_hub_check_vat_in_database(self):
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
        self.flush_recordset(["client_vat_key", "client_vat_country_id", "company_id"])
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
            raise self._client_hub_vat_race_error() from None

    def _client_hub_vat_race_error(self):
        """The error for a tax ID that a concurrent transaction has just committed.

        This transaction's snapshot cannot see that client, so a new cursor looks it
        up, to name it as ``_check_client_vat_unique`` would have.
        """
        with self.env.registry.cursor() as cr:
            env = self.env(cr=cr, su=True)
            for other in self._client_hub_vat_holders(env["res.partner"]):
                for partner in self:
                    if partner._client_hub_vat_conflicts_with(other):
                        return partner._client_hub_vat_duplicate_error(other)
        partner = self[0]
        return ValidationError(
            _(
                "The tax ID %(vat)s of %(client)s has just been given to another "
                "client of this company. Open that client instead of adding it again.",
                vat=partner.vat,
                client=partner.display_name,
            )
        )

    @api.model
    def _client_hub_check_vat_storable(self, vats):
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

    def _client_hub_lock_vats(self, vats):
        """Make transactions that add the same tax ID take turns, until the commit.

        Otherwise two transactions adding it at once both write their row, and at the
        commit each waits for the other: PostgreSQL breaks that deadlock by failing one
        of them at random, with a raw error. With the lock, the second waits before
        writing, then finds the first's client (see
        ``_client_hub_check_vat_in_database``) or, if the first rolled back, goes on.
        The lock is on what every spelling of a tax ID shares (``vat_lock_key``).
        Tax IDs share CLIENT_VAT_LOCK_SLOTS locks, so that a 10,000-row import holds at
        most that many until its commit, far below PostgreSQL's lock table. All the
        locks of one call are taken by one statement, in the slots' order: a caller
        that takes every lock it needs at once (as the import does) cannot deadlock
        with another.
        """
        keys = {vat_lock_key(vat) for vat in vats if isinstance(vat, str)}
        keys = sorted(key for key in keys if key is not None)
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
