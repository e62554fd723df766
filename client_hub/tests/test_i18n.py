# Copyright 2026 client_hub contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from lxml import etree

from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import PT_NIF, ClientHubCase

TABS = (
    "overview",
    "contact_data",
    "projects",
    "orders_invoices",
    "offers_quotes",
    "files",
)


@tagged("post_install", "-at_install")
class TestClientTranslations(ClientHubCase):
    """client_hub ships in Portuguese: pt for Portugal, pt_BR for Brazil."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        for lang in ("pt_PT", "pt_BR"):
            cls.env["res.lang"]._activate_lang(lang)
        cls.env["ir.module.module"]._load_module_terms(
            ["client_hub"], ["pt_PT", "pt_BR"], overwrite=True
        )
        cls.existing = cls.create_client("Tejo Consultores, Lda.", f"PT{PT_NIF}")

    def tab_labels(self, lang):
        arch = self.Partner.with_context(lang=lang).get_view(
            self.env.ref("client_hub.res_partner_view_form_client_hub").id, "form"
        )["arch"]
        pages = etree.fromstring(arch).iter("page")
        return {page.get("name"): page.get("string") for page in pages}

    def duplicate_message(self, lang):
        with self.assertRaises(ValidationError) as caught:
            self.Partner.with_context(lang=lang).create(
                {"name": "Outra, Lda.", "vat": PT_NIF, "country_id": self.portugal.id}
            )
        return str(caught.exception)

    def test_brazilian_portuguese_menu_tabs_and_messages(self):
        menu = self.env.ref("client_hub.menu_client_hub_clients")
        self.assertEqual(menu.with_context(lang="pt_BR").name, "Clientes")
        tabs = self.tab_labels("pt_BR")
        self.assertEqual(
            [tabs[name] for name in TABS],
            [
                "Visão geral",
                "Dados de contato",
                "Projetos",
                "Pedidos de compra / Faturas de venda",
                "Ofertas e Cotações",
                "Arquivos",
            ],
        )
        self.assertIn(
            'já é usado pelo cliente "Tejo Consultores, Lda."',
            self.duplicate_message("pt_BR"),
        )

    def test_european_portuguese_tabs_and_messages(self):
        tabs = self.tab_labels("pt_PT")
        self.assertEqual(tabs["contact_data"], "Dados de contacto")
        self.assertEqual(tabs["files"], "Ficheiros")
        self.assertIn("Abra esse cliente", self.duplicate_message("pt_PT"))

    def test_english_stays_english(self):
        self.assertEqual(self.tab_labels("en_US")["files"], "Files")
        self.assertIn("is already used by the client", self.duplicate_message("en_US"))
