# Copyright 2026 client_hub contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64

from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import SALESMAN, ClientHubCase


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


@tagged("post_install", "-at_install")
class TestClientFilesTabMovesNoOtherFile(ClientHubCase):
    """The Files tab (``client_attachment_ids``) creates and removes the client's
    own files; it never moves a file of another record to the client."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.salesman = cls.new_user("files_salesman", SALESMAN)
        cls.client = cls.create_client("Tejo Consultores, Lda.")
        cls.order = (
            cls.env["sale.order"]
            .with_user(cls.salesman)
            .create({"partner_id": cls.client.id})
        )
        cls.order_file = (
            cls.env["ir.attachment"]
            .with_user(cls.salesman)
            .create(
                {
                    "name": "encomenda.pdf",
                    "raw": b"%PDF-1.4",
                    "res_model": "sale.order",
                    "res_id": cls.order.id,
                }
            )
        )

    def assertFileStays(self):
        self.order_file.invalidate_recordset()
        self.assertEqual(
            (self.order_file.res_model, self.order_file.res_id),
            ("sale.order", self.order.id),
        )

    def test_linking_a_file_of_another_record_is_refused(self):
        client = self.client.with_user(self.salesman)
        for command in (
            Command.link(self.order_file.id),
            Command.set([self.order_file.id]),
            Command.update(self.order_file.id, {"name": "renamed.pdf"}),
            Command.unlink(self.order_file.id),
            Command.delete(self.order_file.id),
        ):
            with self.subTest(command=command[0]):
                with self.assertRaises(UserError) as caught:
                    client.write({"client_attachment_ids": [command]})
                self.assertIn("another record", str(caught.exception))
                self.assertFileStays()
                self.assertTrue(self.order_file.exists())

    def test_a_new_client_cannot_take_a_file_either(self):
        with self.assertRaises(UserError):
            self.Partner.with_user(self.salesman).create(
                {
                    "name": "Outra, Lda.",
                    "client_attachment_ids": [Command.link(self.order_file.id)],
                }
            )
        self.assertFileStays()

    def test_files_tab_creates_changes_and_removes_the_clients_own_files(self):
        client = self.client.with_user(self.salesman)
        client.write(
            {"client_attachment_ids": [Command.create({"name": "a.txt", "raw": b"a"})]}
        )
        own = client.client_attachment_ids
        self.assertEqual((own.res_model, own.res_id), ("res.partner", client.id))
        client.write(
            {"client_attachment_ids": [Command.update(own.id, {"name": "b.txt"})]}
        )
        self.assertEqual(own.name, "b.txt")
        with self.assertRaises(UserError):
            client.write(
                {
                    "client_attachment_ids": [
                        Command.update(
                            own.id, {"res_model": "sale.order", "res_id": self.order.id}
                        )
                    ]
                }
            )
        client.write({"client_attachment_ids": [Command.delete(own.id)]})
        self.assertFalse(own.exists())
        self.assertFileStays()
