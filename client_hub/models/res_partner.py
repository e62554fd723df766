# Copyright 2026 client_hub contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Clients are res.partner records: commercial partners with a customer rank.

This file says what a client is (``is_client``, the one place that writes it) and
holds the profile's actions. The tax ID rules, the overview figures, the profile's
tabs and the import each live in a file of their own beside it.
"""

from odoo import _, api, fields, models
from odoo.osv import expression


class ResPartner(models.Model):
    _inherit = "res.partner"

    is_client = fields.Boolean(
        string="Is a Client",
        compute="_compute_is_client",
        search="_search_is_client",
        help="A company, or an individual without a parent company, with a customer "
        "rank: what Sales > Clients lists.",
    )

    @api.model
    def _client_hub_client_domain(self):
        """The domain of the clients: every list of clients and every search for
        one (the Clients action, the import's matching) uses it."""
        return [
            ("customer_rank", ">", 0),
            "|",
            ("is_company", "=", True),
            ("parent_id", "=", False),
        ]

    @api.depends("customer_rank", "is_company", "parent_id")
    def _compute_is_client(self):
        for partner in self:
            partner.is_client = partner.customer_rank > 0 and (
                partner.is_company or not partner.parent_id
            )

    def _search_is_client(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise NotImplementedError(_("Search clients with = True or = False."))
        domain = self._client_hub_client_domain()
        if (operator == "=") != value:
            return ["!", *expression.normalize_domain(domain)]
        return domain

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

    def _client_hub_new(self, name, model, **ctx):
        """A new ``model`` record for the client, in a form."""
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
