# Copyright 2026 client_hub contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import TransactionCase
from odoo.tools.safe_eval import safe_eval

# Valid tax IDs that the demo data does not use.
PT_NIF = "511111118"
PT_NIF_2 = "512222223"
BR_CNPJ = "45.997.418/0001-53"
BR_CNPJ_2 = "07.123.456/0001-98"


class ClientHubCase(TransactionCase):
    """Base of client_hub's tests: mail tracking off, the Clients action at hand."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(
            context=dict(
                cls.env.context,
                tracking_disable=True,
                mail_create_nolog=True,
                mail_notrack=True,
                no_reset_password=True,
            )
        )
        cls.Partner = cls.env["res.partner"]
        cls.clients_action = cls.env.ref("client_hub.action_client_hub_clients")
        cls.portugal = cls.env.ref("base.pt")
        cls.brazil = cls.env.ref("base.br")

    @classmethod
    def create_client(cls, name, vat=False, country=None, **vals):
        return cls.Partner.create(
            {
                "name": name,
                "vat": vat,
                "country_id": (country or cls.portugal).id,
                "is_company": True,
                "customer_rank": 1,
                **vals,
            }
        )

    def clients_domain(self):
        return safe_eval(self.clients_action.domain)

    def assertIsListedAsClient(self, partner, listed=True):
        found = self.Partner.search(self.clients_domain() + [("id", "=", partner.id)])
        self.assertEqual(bool(found), listed, f"{partner.display_name} under Clients")
