# Copyright 2026 client_hub contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The profile's tabs: the documents of the client and its contacts.

Each tab is described like a figure (``ClientFigure``, aggregate ``id:array_agg``)
and read by the figures' query, under the reading user's rights and companies.
"""

from odoo import Command, _, api, fields, models
from odoo.exceptions import UserError

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
    _inherit = "res.partner"

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

    @api.model_create_multi
    def create(self, vals_list):
        """Refuse files of other records in the Files tab: see
        ``_client_hub_check_file_commands``."""
        for vals in vals_list:
            self.browse()._client_hub_check_file_commands(
                vals.get("client_attachment_ids")
            )
        return super().create(vals_list)

    def write(self, vals):
        """Refuse files of other records in the Files tab: see
        ``_client_hub_check_file_commands``."""
        if "client_attachment_ids" in vals:
            for partner in self:
                partner._client_hub_check_file_commands(vals["client_attachment_ids"])
        return super().write(vals)

    def _client_hub_check_file_commands(self, commands):
        """Let the Files tab create files and change or remove the client's own,
        and nothing else.

        The field is a one2many on ``res_id``: linking a file through it only
        rewrites the file's ``res_id``, so a file of a sale order would move to
        another record of that model, which the user may not even read. A new
        file belongs to the client (its model is ``res.partner``).
        """
        Attachment = self.env["ir.attachment"]
        ids = []
        for command in commands or ():
            if not isinstance(command, (list, tuple)) or not command:
                continue
            if command[0] == Command.CREATE:
                model = (command[2] or {}).get("res_model") or "res.partner"
                if model != "res.partner":
                    raise UserError(
                        _("A file added in the Files tab belongs to the client.")
                    )
            elif command[0] == Command.UPDATE and {"res_model", "res_id"} & set(
                command[2] or {}
            ):
                raise UserError(
                    _("A file of the Files tab cannot be moved to another record.")
                )
            elif command[0] == Command.SET:
                ids += command[2] or []
            if command[0] in (
                Command.UPDATE,
                Command.DELETE,
                Command.UNLINK,
                Command.LINK,
            ):
                ids.append(command[1])
        files = Attachment.browse(ids).sudo().exists()
        others = files.filtered(
            lambda file: file.res_model != "res.partner" or file.res_id != self.id
        )
        if others:
            raise UserError(
                _(
                    "The Files tab of %(client)s adds new files and changes the "
                    "client's own files only: a file of another record cannot be "
                    "moved here. Upload a copy of it instead.",
                    client=self.display_name or _("a new client"),
                )
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
