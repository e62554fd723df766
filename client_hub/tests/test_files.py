# Copyright 2026 client_hub contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64

from odoo.tests import tagged

from .common import ClientHubCase


@tagged("post_install", "-at_install")
class TestClientFiles(ClientHubCase):
    def test_files_tab_lists_only_the_clients_own_attachments(self):
        client = self.create_client("Tejo Consultores, Lda.")
        Attachment = self.env["ir.attachment"]
        own = Attachment.create(
            {
                "name": "contrato.pdf",
                "datas": base64.b64encode(b"%PDF-1.4"),
                "res_model": "res.partner",
                "res_id": client.id,
            }
        )
        # Another model's record that happens to have the same id.
        Attachment.create(
            {
                "name": "other.txt",
                "datas": base64.b64encode(b"x"),
                "res_model": "res.country",
                "res_id": client.id,
            }
        )
        client.invalidate_recordset()
        self.assertEqual(client.client_attachment_ids, own)
        self.assertEqual(client.client_attachment_count, 1)
