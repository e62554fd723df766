# Copyright 2026 client_hub contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models


class SaleOrder(models.Model):
    _inherit = "sale.order"

    @api.model_create_multi
    def create(self, vals_list):
        """Rank the partner of a new quotation or order as a customer.

        Odoo ranks customers only when an invoice is posted; for client_hub a partner
        who asks for a quote is already a client and must appear under Clients.
        """
        orders = super().create(vals_list)
        partners = orders.partner_id
        (partners | partners.commercial_partner_id)._increase_rank("customer_rank")
        return orders
