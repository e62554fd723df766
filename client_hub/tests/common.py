# Copyright 2026 client_hub contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.tests import TransactionCase, new_test_user
from odoo.tools.safe_eval import safe_eval

# Valid tax IDs that the demo data does not use.
PT_NIF = "511111118"
PT_NIF_2 = "512222223"
BR_CNPJ = "45.997.418/0001-53"
BR_CNPJ_2 = "07.123.456/0001-98"

# The groups of each kind of user the tests need, for ``ClientHubCase.new_user``.
SALESMAN = "sales_team.group_sale_salesman"
SALES_MANAGER = "sales_team.group_sale_manager"
INVOICING_USER = "base.group_user,account.group_account_invoice"
PROJECT_USER = "project.group_project_user"
INTERNAL_USER = "base.group_user"


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
        # What the Clients list works with, imports included: the action's context.
        cls.clients_env = cls.env(
            context=dict(cls.env.context, **safe_eval(cls.clients_action.context))
        )
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

    @classmethod
    def new_company(cls, name, country=None):
        return cls.env["res.company"].create(
            {"name": name, "country_id": (country or cls.portugal).id}
        )

    @classmethod
    def new_user(cls, login, groups=INTERNAL_USER, company=None, companies=None):
        """A user with ``groups`` (comma-separated XML ids, e.g. ``SALESMAN``) who
        works in ``company`` (default: the current one) and may switch to
        ``companies`` (default: only that one)."""
        company = company or cls.env.company
        companies = (companies or company) | company
        return new_test_user(
            cls.env,
            login=login,
            groups=groups,
            company_id=company.id,
            company_ids=[Command.set(companies.ids)],
        )

    def partner_count(self):
        """Partners in the database, archived included: unchanged by a refused write."""
        self.env.invalidate_all()
        return self.Partner.with_context(active_test=False).search_count([])

    def clients_domain(self):
        return safe_eval(self.clients_action.domain)

    def assertIsListedAsClient(self, partner, listed=True):
        found = self.Partner.search(self.clients_domain() + [("id", "=", partner.id)])
        self.assertEqual(bool(found), listed, f"{partner.display_name} under Clients")
