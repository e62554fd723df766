# Copyright 2026 client_hub contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The profile's tabs: the documents of the client and its contacts.

Each tab is described like a figure (``ClientFigure``, aggregate ``id:array_agg``)
and read by the figures' query, under the reading user's rights and companies.
"""

from odoo import Command, api, fields, models

from .res_partner_figures import (
    INVOICE_GROUPS,
    OPPORTUNITY_DOMAIN,
    ORDER_DOMAIN,
    PROJECT_GROUPS,
    QUOTE_DOMAIN,
    SALE_GROUPS,
    ClientFigure,
)


class ResPartner(models.Model):
    _inherit = "res.partner"  # pylint: disable=consider-merging-classes-inherited

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

    @api.model
    def _client_hub_tabs(self):
        """Describe the documents of each tab: ``{field name: ClientFigure}``."""
        return {
            fname: ClientFigure(model, domain, aggregate="id:array_agg")
            for fname, model, domain in (
                ("client_project_ids", "project.project", []),
                ("client_order_ids", "sale.order", ORDER_DOMAIN),
                ("client_quote_ids", "sale.order", QUOTE_DOMAIN),
                ("client_opportunity_ids", "crm.lead", OPPORTUNITY_DOMAIN),
                (
                    "client_invoice_ids",
                    "account.move",
                    [("move_type", "in", ("out_invoice", "out_refund"))],
                ),
                (
                    "client_bill_ids",
                    "account.move",
                    [("move_type", "in", ("in_invoice", "in_refund"))],
                ),
            )
        }

    @api.depends_context("uid", "allowed_company_ids")
    def _compute_client_documents(self):
        """Fill the profile's tabs, as the reading user and their selected companies
        may see them."""
        clients = self._origin
        tabs = self._client_hub_tabs()
        found = clients._client_hub_read_figures(tabs) if clients else {}
        for partner in self:
            for fname in tabs:
                ids = found.get(fname, {}).get(partner._origin.id) or []
                partner[fname] = [Command.set(ids)]
