# Copyright 2026 client_hub contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Odoo's merge of contacts, with the unique tax ID of clients."""

from odoo import models


class MergePartnerAutomatic(models.TransientModel):
    _inherit = "base.partner.merge.automatic.wizard"

    def _update_values(self, src_partners, dst_partner):
        """Release the tax IDs of the merged partners before the kept one takes them.

        Odoo gives the kept partner the values it lacks, the tax ID included, then
        deletes the others: in between, the kept partner and the one it takes the
        tax ID from are two clients with one tax ID, and the uniqueness check (and
        the database's constraint) refuse the merge. The merged partners are about
        to be deleted in this same transaction, so their key is cleared first; if
        the merge fails, the rollback restores it.
        """
        released = src_partners.filtered("client_vat_key")
        if released:
            released.flush_recordset(["client_vat_key"])
            self.env.cr.execute(
                "UPDATE res_partner SET client_vat_key = NULL WHERE id IN %s",
                [tuple(released.ids)],
            )
            released.invalidate_recordset(["client_vat_key"])
        return super()._update_values(src_partners, dst_partner)
