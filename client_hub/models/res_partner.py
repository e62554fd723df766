# Copyright 2026 client_hub contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Clients are res.partner records: commercial partners with a customer rank.

This file adds what makes a client a client in client_hub: a comparison key for the tax
ID, kept unique per company by the database, and the action that opens a new client's
profile.
"""

from collections import defaultdict

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


def normalize_vat(vat, country_code=None):
    """Return the key under which two tax IDs are the same, or False.

    Only ASCII letters and digits count, in upper case, so "PT 501.964.843" and
    "pt501964843" are one tax ID; a leading country code equal to the partner's country
    is dropped, so for a Portuguese client "PT501964843" and "501964843" are one too.
    """
    if not vat:
        return False
    key = "".join(char for char in vat.upper() if char.isascii() and char.isalnum())
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
        holders = (
            self.sudo()
            .with_context(active_test=False)
            .search_fetch(
                [("client_vat_key", "in", list(set(partners.mapped("client_vat_key"))))],
                ["client_vat_key", "company_id", "display_name", "active"],
            )
        )
        holders_by_key = defaultdict(list)
        for holder in holders:
            holders_by_key[holder.client_vat_key].append(holder)
        for partner in partners:
            for other in holders_by_key[partner.client_vat_key]:
                if (
                    other.id == partner.id
                    or (
                        other.company_id
                        and partner.company_id
                        and other.company_id != partner.company_id
                    )
                ):
                    continue
                if other.company_id and other.company_id not in self.env.companies:
                    raise ValidationError(
                        _(
                            "The tax ID %(vat)s of %(client)s is already used by a "
                            "client of a company you cannot access.",
                            vat=partner.vat,
                            client=partner.display_name,
                        )
                    )
                raise ValidationError(
                    _(
                        "The tax ID %(vat)s of %(client)s is already used by the "
                        'client "%(other)s"%(archived)s. Open that client instead '
                        "of adding it again.",
                        vat=partner.vat,
                        client=partner.display_name,
                        other=other.display_name,
                        archived="" if other.active else _(" (archived)"),
                    )
                )

    def action_client_hub_open_profile(self):
        """Open the client's profile in the Clients action (the Add client dialog's Create)."""
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "client_hub.action_client_hub_clients"
        )
        action.update(
            res_id=self.id,
            view_mode="form",
            views=[(self.env.ref("client_hub.res_partner_view_form_client_hub").id, "form")],
            target="main",
        )
        return action
