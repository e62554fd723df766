# Copyright 2026 client_hub contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""client_hub in a real browser: the tours of static/tests/tours, in headless Chromium.

Each test runs one tour as admin, then checks in Python what the tour left in the
database, since a tour only proves what the screen showed.
"""

from odoo.tests import HttpCase, tagged

# Seconds for an import tour: each waits for the server several times (parse, test,
# import), far longer than the default 60 s on a loaded machine.
IMPORT_TOUR_TIMEOUT = 240


@tagged("post_install", "-at_install")
class TestClientTours(HttpCase):
    """The user's paths through Sales → Clients, clicked as a user clicks them."""

    def test_add_client_tour(self):
        """Sales → Clients → + Add client → legal name, tax ID, address → Create."""
        self.start_tour("/odoo", "client_hub_add_client", login="admin")

        client = self.env["res.partner"].search(
            [("name", "=", "Tour Engenharia, Lda.")]
        )
        self.assertEqual(len(client), 1, "the tour added exactly one client")
        self.assertTrue(client.is_company)
        self.assertGreaterEqual(client.customer_rank, 1)
        self.assertEqual(client.client_vat_key, "505555557")
        self.assertEqual(client.vat, "PT505555557")
        self.assertEqual(client.country_id, self.env.ref("base.pt"))
        self.assertEqual(
            (client.street, client.zip, client.city),
            ("Rua das Flores 12", "4050-262", "Porto"),
        )

    def test_profile_tour(self):
        """A demo client's profile: each tab, one overview figure, a payment term
        edited under Contact data, a file upload."""
        client = self.env.ref("client_hub.client_lusitania", raise_if_not_found=False)
        if not client:
            self.skipTest("the profile tour walks through the demo data")
        self.start_tour("/odoo", "client_hub_profile", login="admin")

        uploaded = self.env["ir.attachment"].search(
            [
                ("res_model", "=", "res.partner"),
                ("res_id", "=", client.id),
                ("name", "=", "caderno-encargos.txt"),
            ]
        )
        self.assertEqual(len(uploaded), 1, "the tour uploaded one file to the client")
        self.assertEqual(uploaded.raw, b"Caderno de encargos (tour).")
        self.assertEqual(uploaded.create_uid, self.env.ref("base.user_admin"))
        self.assertIn(uploaded, client.client_attachment_ids)
        self.assertEqual(
            client.property_payment_term_id,
            self.env.ref("account.account_payment_term_30days"),
        )

    def test_import_tour(self):
        """⋯ → Import records: a bad row blocks the file; fixed, the clients appear."""
        Partner = self.env["res.partner"]
        names = [
            "Tour Norte Texteis Lda",
            "Tour Mar Azul Pescas Lda",
            "Tour Minho Calcado Lda",
        ]
        self.start_tour(
            "/odoo", "client_hub_import", login="admin", timeout=IMPORT_TOUR_TIMEOUT
        )
        self.assertFalse(
            Partner.with_context(active_test=False).search([("name", "in", names)]),
            "a file with an invalid tax ID creates no client, not even its good rows",
        )

        self.start_tour(
            "/odoo",
            "client_hub_import_fixed",
            login="admin",
            timeout=IMPORT_TOUR_TIMEOUT,
        )
        clients = Partner.search([("name", "in", names)])
        self.assertEqual(sorted(clients.mapped("name")), sorted(names))
        self.assertEqual(
            sorted(clients.mapped("vat")), ["PT500001111", "PT506666662", "PT507777778"]
        )
        self.assertTrue(all(client.customer_rank >= 1 for client in clients))
        self.assertEqual(clients.country_id, self.env.ref("base.pt"))

    def test_import_preview_tour(self):
        """⋯ → Import records → Preview: one update (old → new city), one new
        client; Import then does what the preview said."""
        existing = self.env["res.partner"].create(
            {
                "name": "Tour Preview Existente Lda",
                "vat": "PT504444441",
                "street": "Rua Nova 1",
                "zip": "4700-321",
                "city": "Porto",
                "country_id": self.env.ref("base.pt").id,
                "is_company": True,
                "customer_rank": 1,
            }
        )
        self.start_tour(
            "/odoo",
            "client_hub_import_preview",
            login="admin",
            timeout=IMPORT_TOUR_TIMEOUT,
        )

        self.assertEqual(existing.city, "Braga", "the update the preview showed")
        created = self.env["res.partner"].search([("name", "like", "Tour Preview")])
        self.assertEqual(len(created), 2, "one new client, the other updated in place")
        self.assertEqual(
            (created - existing).client_vat_key, "508888883", "the new client"
        )
