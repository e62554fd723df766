# Copyright 2026 client_hub contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""One client per tax ID on every path that writes one, whatever its spelling.

Each property draws a spelling of the existing client's tax ID (digits of any script,
spaces, zero-width and format characters, a "PT" prefix or not, in any case and
width) and a country, and tries to make a second client with it by one path: create,
name_create, write, import, unarchive, company change, contact promoted, parent
deletion. Either the path refuses with a message or (import) it updates the client;
never do two clients hold the tax ID. The merge wizard must keep it.
"""

from contextlib import contextmanager

from hypothesis import example, given, settings
from hypothesis import strategies as st

from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from odoo.addons.client_hub.vat import fold_vat, vat_prefix

from .common import PT_NIF, PT_NIF_2, ClientHubCase
from .spellings import spellings

# Each example writes to the database: fewer of them than for the pure key.
PATHS = settings(max_examples=15, deadline=None, database=None)
FULL_WIDTH_NIF = "".join(chr(0xFF10 + int(digit)) for digit in PT_NIF)

countries = st.sampled_from(["base.pt", None, "base.es"])


@tagged("post_install", "-at_install")
class TestOneClientPerTaxIdOnEveryPath(ClientHubCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company_a = cls.env.company
        cls.company_b = cls.new_company("Client Hub Filial Porto, Lda.")
        cls.spain = cls.env.ref("base.es")
        cls.existing = cls.create_client(
            "Tejo Consultores, Lda.", PT_NIF, company_id=cls.company_a.id
        )
        cls.holding = cls.create_client("Grupo Sem NIF, S.A.", country=cls.spain)
        cls.holding.country_id = False

    def country(self, xmlid):
        return self.env.ref(xmlid) if xmlid else self.env["res.country"]

    def same_tax_id(self, vat, country):
        """Whether ``vat`` in ``country`` is the existing client's tax ID: it names
        Portugal by its prefix, or the country is Portugal or unknown."""
        return vat_prefix(fold_vat(vat)) == "PT" or country.code != "ES"

    def holders(self):
        """The commercial partners holding the Portuguese number of the client."""
        self.env.flush_all()
        return self.Partner.with_context(active_test=False).search(
            [
                ("client_vat_key", "=", PT_NIF),
                ("client_vat_country_id", "in", [False, self.portugal.id]),
            ]
        )

    @contextmanager
    def attempt(self, vat, country):
        """Run the block in a savepoint rolled back afterwards; it must be refused
        (with our message when base_vat accepted the tax ID) or leave one client."""
        savepoint = self.env.cr.savepoint()
        try:
            yield
        except (ValidationError, UserError) as error:
            self.assertTrue(str(error))
            savepoint.close(rollback=True)
            self.env.invalidate_all()
            if not country and not vat_prefix(fold_vat(vat)):
                # base_vat lets anything through without a country: the refusal
                # is the uniqueness rule's.
                self.assertIn("already used", str(error))
        else:
            try:
                if self.same_tax_id(vat, country):
                    self.assertEqual(self.holders(), self.existing)
            finally:
                savepoint.close(rollback=True)
                self.env.invalidate_all()

    @contextmanager
    def setup_or_skip(self):
        """A setup step that base_vat may refuse for an unusual spelling: then the
        example proves nothing, and stops there."""
        savepoint = self.env.cr.savepoint()
        try:
            yield
        except ValidationError:
            savepoint.close(rollback=True)
            self.env.invalidate_all()
            raise _Skip() from None
        savepoint.close(rollback=False)

    @PATHS
    @given(vat=spellings(PT_NIF, "PT"), country=countries)
    @example(vat=FULL_WIDTH_NIF, country="base.pt")
    @example(vat=f"PT{PT_NIF}", country=None)
    def test_create(self, vat, country):
        country = self.country(country)
        with self.attempt(vat, country):
            self.create_client("Outra, Lda.", vat, country)

    @PATHS
    @given(vat=spellings(PT_NIF, "PT"), country=countries)
    @example(vat=FULL_WIDTH_NIF, country=None)
    def test_create_shared_client(self, vat, country):
        """A client without company is shared: it conflicts with company A's."""
        country = self.country(country)
        with self.attempt(vat, country):
            self.create_client("Outra, Lda.", vat, country, company_id=False)

    @PATHS
    @given(vat=spellings(PT_NIF, "PT"), country=countries)
    def test_name_create(self, vat, country):
        country = self.country(country)
        with self.attempt(vat, country):
            self.Partner.with_context(
                default_vat=vat,
                default_country_id=country.id,
                default_is_company=True,
            ).name_create("Outra, Lda.")

    @PATHS
    @given(vat=spellings(PT_NIF, "PT"), country=countries)
    @example(vat=FULL_WIDTH_NIF, country="base.pt")
    def test_write(self, vat, country):
        country = self.country(country)
        with self.attempt(vat, country):
            other = self.create_client("Outra, Lda.", PT_NIF_2)
            other.write({"vat": vat, "country_id": country.id})

    @PATHS
    @given(vat=spellings(PT_NIF, "PT"), country=countries)
    @example(vat=f"PT{PT_NIF}", country=None)
    @example(vat=FULL_WIDTH_NIF, country="base.pt")
    def test_import_updates_or_refuses(self, vat, country):
        country = self.country(country)
        with self.attempt(vat, country):
            result = self.clients_env["res.partner"].load(
                ["name", "vat", "country_id"],
                [["Outra, Lda.", vat, country.name or ""]],
            )
            errors = [m for m in result["messages"] if m["type"] == "error"]
            if errors:
                raise ValidationError(errors[0]["message"])

    @PATHS
    @given(vat=spellings(PT_NIF, "PT"), country=countries)
    def test_create_beside_an_archived_client_then_unarchive(self, vat, country):
        country = self.country(country)
        self.existing.action_archive()
        with self.attempt(vat, country):
            self.create_client("Outra, Lda.", vat, country)
        self.existing.action_unarchive()
        self.assertEqual(self.holders(), self.existing)

    @PATHS
    @given(
        vat=spellings(PT_NIF, "PT"),
        country=countries,
        company=st.sampled_from(["a", "shared"]),
    )
    def test_company_change(self, vat, country, company):
        """A client of company B may have the tax ID; moved to company A, or
        shared, it may not."""
        country = self.country(country)
        try:
            with self.setup_or_skip():
                other = self.create_client(
                    "Outra, Lda.", vat, country, company_id=self.company_b.id
                )
        except _Skip:
            return
        with self.attempt(vat, country):
            other.write({"company_id": company == "a" and self.company_a.id})
        other.unlink()

    def contact_with(self, vat):
        """A contact of a company without tax ID that carries ``vat`` itself:
        contacts share tax IDs freely, they have no key."""
        contact = self.Partner.create(
            {"name": "Rita Gomes", "parent_id": self.holding.id}
        )
        contact.write({"vat": vat})
        self.assertFalse(contact.client_vat_key)
        return contact

    @PATHS
    @given(vat=spellings(PT_NIF, "PT"), promotion=st.sampled_from(["company", "leave"]))
    def test_contact_promoted_to_client(self, vat, promotion):
        try:
            with self.setup_or_skip():
                contact = self.contact_with(vat)
        except _Skip:
            return
        with self.attempt(vat, contact.country_id):
            if promotion == "company":
                contact.write({"is_company": True})
            else:
                contact.write({"parent_id": False})
        contact.unlink()

    @PATHS
    @given(vat=spellings(PT_NIF, "PT"))
    @example(vat=PT_NIF)
    def test_parent_deletion(self, vat):
        """Deleting the company would make its contact a second client with the
        tax ID: the deletion is refused, with a message naming the contact."""
        try:
            with self.setup_or_skip():
                contact = self.contact_with(vat)
        except _Skip:
            return
        with self.assertRaises(ValidationError) as caught:
            self.holding.unlink()
        self.assertIn("cannot be deleted", str(caught.exception))
        self.assertIn("Rita Gomes", str(caught.exception))
        self.assertEqual(contact.parent_id, self.holding)
        self.assertEqual(self.holders(), self.existing)
        contact.unlink()

    def test_parent_deletion_gives_a_free_tax_id_to_the_contact(self):
        contact = self.contact_with(PT_NIF_2)
        self.holding.unlink()
        self.assertFalse(contact.parent_id)
        self.assertEqual(contact.client_vat_key, PT_NIF_2)


class _Skip(Exception):
    """A setup step refused by base_vat: the example proves nothing."""


@tagged("post_install", "-at_install")
class TestMergeKeepsTheTaxId(ClientHubCase):
    """Contacts > Action > Merge: two records of one client, whichever is kept."""

    def merge(self, partners, kept):
        self.env["base.partner.merge.automatic.wizard"]._merge(partners.ids, kept)

    @settings(max_examples=10, deadline=None, database=None)
    @given(
        vat=spellings(PT_NIF, "PT"),
        keep=st.sampled_from(["with", "without"]),
    )
    @example(vat=PT_NIF, keep="without")
    def test_merge_two_records_of_one_client(self, vat, keep):
        savepoint = self.env.cr.savepoint()
        try:
            try:
                with_vat = self.create_client("Tejo Consultores, Lda.", vat)
            except ValidationError:
                return  # base_vat refuses this spelling for a Portuguese client
            without = self.create_client("Tejo Consultores", email=with_vat.email)
            kept = with_vat if keep == "with" else without
            self.merge(with_vat | without, kept)
            self.assertTrue(kept.exists())
            self.assertFalse(((with_vat | without) - kept).exists())
            self.assertEqual(kept.client_vat_key, PT_NIF)
            self.assertEqual(
                self.Partner.search_count([("client_vat_key", "=", PT_NIF)]), 1
            )
        finally:
            savepoint.close(rollback=True)
            self.env.invalidate_all()

    def test_merge_keeps_contacts_and_the_tax_id(self):
        client = self.create_client("Tejo Consultores, Lda.", PT_NIF)
        contact = self.Partner.create({"name": "Rita Gomes", "parent_id": client.id})
        duplicate = self.create_client("Tejo Consultores")
        vat = client.vat
        self.merge(client | duplicate, duplicate)
        self.assertEqual(duplicate.vat, vat)
        self.assertEqual(duplicate.client_vat_key, PT_NIF)
        self.assertEqual(contact.parent_id, duplicate)
        self.assertFalse(client.exists())
        # Still unique afterwards.
        with self.assertRaises(ValidationError):
            self.create_client("Outra, Lda.", PT_NIF)

    def test_merge_of_two_clients_keeps_the_kept_ones_tax_id(self):
        first = self.create_client("Tejo Consultores, Lda.", PT_NIF)
        second = self.create_client("Tejo Lisboa, Lda.", PT_NIF_2)
        self.merge(first | second, second)
        self.assertEqual(second.client_vat_key, PT_NIF_2)
        self.assertFalse(first.exists())
        # The merged client's tax ID is free again.
        self.assertTrue(self.create_client("Outra, Lda.", PT_NIF))
