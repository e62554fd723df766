# Copyright 2026 client_hub contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The client's profile is Odoo's partner form, rearranged: whatever the installed
modules put on the partner form is on the profile, and each role opens and saves it."""

from lxml import etree

from odoo.tests import Form, tagged
from odoo.tools.safe_eval import safe_eval

from .common import (
    INVOICING_USER,
    PROJECT_USER,
    SALES_MANAGER,
    SALESMAN,
    ClientHubCase,
)

PROFILE = "client_hub.res_partner_view_form_client_hub"
PARTNER_FORM = "base.view_partner_form"
# Odoo gives every new internal user "Contact Creation" (base.default_user); without it
# no one edits a contact, on any form.
CONTACT_CREATION = "base.group_partner_manager"
TIMESHEET_USER = "hr_timesheet.group_hr_timesheet_user"
# Community's "Show Full Accounting Features": the receivable and payable accounts.
ACCOUNTANT = f"{INVOICING_USER},account.group_account_user"

# What the profile leaves out of the partner form, and why (README, "The client's
# profile"). Anything else the partner form shows, the profile shows.
LEFT_OUT = {
    # Smart buttons whose figures the overview shows and opens.
    "sale_order_count",
    "opportunity_count",
    "task_count",
    "total_invoiced",
    # The same-tax-ID warning: a tax ID is unique among a company's clients.
    "same_vat_partner_id",
    # Contact-only: the parent company (or its name) and the job position and title.
    "parent_id",
    "company_name",
    "function",
    "title",
}
# Fields the issue found missing from the old, hand-made profile: the derivation below
# must find them on the partner form, or it proves nothing.
ACCOUNTING_AND_SALES = {
    "property_payment_term_id",
    "property_supplier_payment_term_id",
    "property_account_position_id",
    "bank_ids",
    "credit_limit",
    "lang",
    "comment",
    "company_registry",
    "industry_id",
    "ref",
    "property_account_receivable_id",
    "property_account_payable_id",
    "invoice_sending_method",
}
ALWAYS_HIDDEN = ("1", "True", "true")


def shown_fields(arch):
    """The fields an arch shows, as paths (``child_ids/email`` for a field of an
    x2many's sub-view): every field node that is not, nor is inside, a node always
    invisible. Fields hidden on a condition (``invisible="not is_company"``) count as
    shown."""
    found = set()

    def walk(node, prefix):
        if not isinstance(node.tag, str):  # comments
            return
        if (
            node.get("invisible") in ALWAYS_HIDDEN
            or node.get("column_invisible") in ALWAYS_HIDDEN
        ):
            return
        if node.tag == "field":
            path = prefix + node.get("name")
            found.add(path)
            prefix = path + "/"
        for child in node:
            walk(child, prefix)

    walk(etree.fromstring(arch), "")
    return found


class ProfileCase(ClientHubCase):
    """A client, and a user of each role with Odoo's default Contact Creation."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        users = {
            "salesman": SALESMAN,
            "sales_manager": SALES_MANAGER,
            "invoicing": INVOICING_USER,
            "project": PROJECT_USER,
            "accountant": ACCOUNTANT,
        }
        cls.users = {
            role: cls.new_user(f"chp_{role}", f"{groups},{CONTACT_CREATION}")
            for role, groups in users.items()
        }
        cls.users["admin"] = cls.env.ref("base.user_admin")
        cls.client = cls.create_client("Perfil Engenharia, Lda.", street="Rua A, 1")

    def shown(self, user, xmlid):
        view = self.env.ref(xmlid)
        return shown_fields(
            self.Partner.with_user(user).get_view(view.id, "form")["arch"]
        )


@tagged("post_install", "-at_install")
class TestProfileIsThePartnerForm(ProfileCase):
    """Every field of Odoo's partner form, with every installed module's additions,
    is on the profile, for each role."""

    def test_every_field_of_the_partner_form_is_on_the_profile(self):
        for role, user in self.users.items():
            with self.subTest(role=role):
                partner_form = self.shown(user, PARTNER_FORM)
                profile = self.shown(user, PROFILE)
                missing = {
                    path
                    for path in partner_form - profile
                    if path.split("/")[0] not in LEFT_OUT
                }
                self.assertFalse(missing, "on the partner form, not on the profile")
                self.assertFalse(LEFT_OUT & profile, "left out, yet on the profile")
                # Nor does the profile show this user a field of the partner form
                # that the partner form hides from them: only its own figures and
                # tabs are more.
                extra = {
                    path
                    for path in profile - partner_form
                    if not path.startswith("client_")
                }
                self.assertFalse(extra, "on the profile, hidden on the partner form")
        self.assertLessEqual(
            ACCOUNTING_AND_SALES, self.shown(self.users["accountant"], PARTNER_FORM)
        )

    def test_fields_keep_their_groups(self):
        """The bank accounts are the invoicing users', the receivable account the
        accountant's, as on the partner form; every role has the rest."""
        for role, banks, accounts in (
            ("accountant", True, True),
            ("invoicing", True, False),
            ("salesman", False, False),
            ("sales_manager", False, False),
            ("project", False, False),
        ):
            with self.subTest(role=role):
                profile = self.shown(self.users[role], PROFILE)
                self.assertEqual("bank_ids" in profile, banks)
                self.assertEqual("property_account_receivable_id" in profile, accounts)
                self.assertLessEqual(
                    {"company_registry", "ref", "comment", "child_ids", "user_id"},
                    profile,
                )

    def test_the_partner_form_is_under_contact_data(self):
        arch = etree.fromstring(
            self.Partner.get_view(self.env.ref(PROFILE).id, "form")["arch"]
        )
        (contact_data,) = arch.xpath("//page[@name='contact_data']")
        for name in ("contact_addresses", "sales_purchases", "accounting"):
            self.assertTrue(contact_data.xpath(f".//page[@name='{name}']"), name)
        for fname in ("street", "vat", "phone", "category_id", "child_ids"):
            self.assertTrue(contact_data.xpath(f".//field[@name='{fname}']"), fname)
        top_tabs = arch.xpath("//sheet/div//notebook")[0].xpath("./page/@name")
        self.assertEqual(
            top_tabs,
            [
                "overview",
                "contact_data",
                "projects",
                "orders_invoices",
                "offers_quotes",
                "files",
            ],
        )

    def test_a_field_another_module_adds_to_the_partner_form_is_on_the_profile(self):
        """A view of another module that extends Odoo's partner form, as a
        localization or an OCA partner module does, reaches the profile with no
        change of ours: a field in the Sales & Purchase tab, a tab of its own."""
        before = self.shown(self.users["salesman"], PROFILE)
        self.assertFalse({"barcode", "employee"} & before)
        self.env["ir.ui.view"].create(
            {
                "name": "res.partner.form.inherit.test_client_hub",
                "model": "res.partner",
                "inherit_id": self.env.ref(PARTNER_FORM).id,
                "arch": """
                    <data>
                        <group name="misc" position="inside">
                            <field name="barcode" />
                        </group>
                        <page name="internal_notes" position="after">
                            <page name="test_client_hub_extra" string="Extra">
                                <group><field name="employee" /></group>
                            </page>
                        </page>
                    </data>
                """,
            }
        )
        for role, user in self.users.items():
            with self.subTest(role=role):
                self.assertLessEqual({"barcode", "employee"}, self.shown(user, PROFILE))
        arch = etree.fromstring(
            self.Partner.get_view(self.env.ref(PROFILE).id, "form")["arch"]
        )
        self.assertTrue(
            arch.xpath(
                "//page[@name='contact_data']//page[@name='test_client_hub_extra']"
                "//field[@name='employee']"
            )
        )
        with Form(self.client, view=PROFILE) as form:
            form.barcode = "CH-0001"
            form.employee = True
        self.assertEqual(self.client.barcode, "CH-0001")
        self.assertTrue(self.client.employee)

    def test_each_figure_button_has_the_groups_of_its_field(self):
        """The overview shows a figure to whoever may read its field, and only them.
        The hours are timesheets: hr_timesheet's own group."""
        arch = etree.fromstring(self.env.ref(PROFILE).arch)
        buttons = arch.xpath("//button[contains(@class, 'o_client_hub_figure')]")
        figures = set()
        for button in buttons:
            fname = safe_eval(button.get("context"))["client_hub_figure"]
            # The count, and beside it the amount of the same documents, if any.
            shown = button.xpath(".//field/@name")
            figures.update(shown)
            expected = (
                TIMESHEET_USER
                if fname == "client_project_hours"
                else self.Partner._fields[fname].groups
            )
            with self.subTest(figure=fname):
                self.assertEqual(button.get("groups"), expected)
                self.assertEqual(shown[0], fname)
                for other in shown[1:]:
                    self.assertEqual(
                        self.Partner._fields[other].groups,
                        self.Partner._fields[fname].groups,
                    )
        self.assertEqual(figures, set(self.Partner._client_hub_figures()))


@tagged("post_install", "-at_install")
class TestProfileSavesPerRole(ProfileCase):
    """Each role opens the profile (Form in the real view, as that user gets it),
    edits what the partner form lets them edit and saves, with no access error."""

    def save_as(self, role, **values):
        client = self.client.with_user(self.users[role])
        with Form(client, view=PROFILE) as form:
            for fname, value in values.items():
                setattr(form, fname, value)
        self.client.invalidate_recordset()
        for fname, value in values.items():
            self.assertEqual(self.client[fname], value, fname)

    def test_salesman_saves_the_salesperson_and_the_phone(self):
        self.save_as(
            "salesman", user_id=self.users["salesman"], phone="+351 210 000 001"
        )

    def test_sales_manager_saves_the_reference_and_the_website(self):
        self.save_as("sales_manager", ref="CLI-42", website="https://perfil.example")

    def test_invoicing_user_saves_the_payment_terms(self):
        thirty = self.env.ref("account.account_payment_term_30days")
        self.save_as(
            "invoicing",
            property_payment_term_id=thirty,
            property_supplier_payment_term_id=thirty,
        )

    def test_project_user_saves_the_email_and_the_mobile(self):
        self.save_as("project", email="geral@perfil.example", mobile="+351 910 000 001")

    def test_accountant_saves_the_receivable_account(self):
        receivable = self.env["account.account"].search(
            [
                ("account_type", "=", "asset_receivable"),
                ("company_ids", "in", self.env.company.ids),
            ],
            limit=1,
        )
        self.save_as("accountant", property_account_receivable_id=receivable)


@tagged("post_install", "-at_install")
class TestProfileLabels(ClientHubCase):
    """The overview's nouns agree with their numbers, in each language shipped."""

    def test_files_label_has_a_singular_and_a_plural_in_each_language(self):
        labels = {
            "en_US": ("file", "files"),
            "pt_PT": ("ficheiro", "ficheiros"),
            "pt_BR": ("arquivo", "arquivos"),
            "es_ES": ("archivo", "archivos"),
        }
        for lang in labels:
            self.env["res.lang"]._activate_lang(lang)
        self.env["ir.module.module"]._load_module_terms(
            ["client_hub"], list(labels), overwrite=True
        )
        view = self.env.ref(PROFILE)
        for lang, (one, many) in labels.items():
            arch = self.Partner.with_context(lang=lang).get_view(view.id, "form")
            (button,) = etree.fromstring(arch["arch"]).xpath(
                "//button[contains(@context, 'client_attachment_count')]"
            )
            spans = {
                span.get("invisible"): span.text.strip() for span in button.iter("span")
            }
            with self.subTest(lang=lang):
                self.assertEqual(
                    spans,
                    {
                        "client_attachment_count != 1": one,
                        "client_attachment_count == 1": many,
                    },
                )
