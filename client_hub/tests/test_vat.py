# Copyright 2026 client_hub contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from contextlib import contextmanager
from unittest.mock import patch

from odoo.exceptions import ValidationError
from odoo.tests import tagged

from odoo.addons.client_hub.vat import vat_key as normalize_vat

from .common import BR_CNPJ, BR_CNPJ_2, PT_NIF, PT_NIF_2, ClientHubCase
from .spellings import nif_check_digit


@tagged("post_install", "-at_install")
class TestTaxIdValidation(ClientHubCase):
    def test_valid_portuguese_nif_and_brazilian_cnpj_are_accepted(self):
        pt = self.create_client("Tejo Consultores, Lda.", f"PT{PT_NIF}")
        br = self.create_client("Paraná Têxtil Ltda.", BR_CNPJ, self.brazil)
        self.assertEqual(pt.client_vat_key, PT_NIF)
        self.assertEqual(br.client_vat_key, "45997418000153")

    def test_invalid_portuguese_nif_names_the_expected_format(self):
        with self.assertRaises(ValidationError) as caught:
            self.create_client("Errada, Lda.", "PT511111119")
        self.assertIn("PT123456789", str(caught.exception))

    def test_invalid_brazilian_cnpj_names_the_expected_format(self):
        with self.assertRaises(ValidationError) as caught:
            self.create_client("Errada Ltda.", "45.997.418/0001-54", self.brazil)
        self.assertIn("14 digits for CNPJ", str(caught.exception))


class TestTaxIdKey(ClientHubCase):
    def test_punctuation_spaces_case_and_own_country_prefix_are_ignored(self):
        for written in ("511111118", "511 111 118", "PT511111118", "pt 511.111.118"):
            self.assertEqual(normalize_vat(written, "PT"), "511111118", written)

    def test_another_country_prefix_is_kept_without_base_vat(self):
        """The pure key only drops the client's own prefix; base_vat decides whether
        another prefix is a country (see TestTaxIdCountry)."""
        self.assertEqual(normalize_vat("ES511111118", "PT"), "ES511111118")
        self.assertEqual(normalize_vat("PT511111118", None), "PT511111118")

    def test_unicode_digits_spaces_and_format_characters_fold_to_ascii(self):
        def digits(zero, number=PT_NIF):
            return "".join(chr(zero + int(digit)) for digit in number)

        for written in (
            digits(0xFF10),  # full-width
            digits(0x660),  # Arabic-Indic
            digits(0x966),  # Devanagari
            "511\u00a0111\u2009118",  # no-break and thin spaces
            "511\u200b111\u200d118\u2060",  # zero-width space, joiner, word joiner
            "\ufeff511\u00ad111118",  # byte order mark, soft hyphen
            "\uff30\uff34" + digits(0xFF10),  # full-width "PT" and digits
        ):
            self.assertEqual(normalize_vat(written, "PT"), PT_NIF, ascii(written))

    def test_empty_or_punctuation_only_tax_id_has_no_key(self):
        for written in (False, "", " ", "-./", "\u200b", "€"):
            self.assertFalse(normalize_vat(written, "PT"), written)

    def test_a_tax_id_with_letters_or_digits_never_has_an_empty_key(self):
        """Letters of other scripts stay in the key, as they are: "ß" is not "SS"."""
        self.assertEqual(normalize_vat("çã€", "PT"), "ÇÃ")
        self.assertEqual(normalize_vat("ß", None), "ß")
        self.assertNotEqual(normalize_vat("ß", None), normalize_vat("SS", None))


@tagged("post_install", "-at_install")
class TestTaxIdUnique(ClientHubCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.existing = cls.create_client("Tejo Consultores, Lda.", f"PT{PT_NIF}")

    @contextmanager
    def assertDuplicateOf(self, name):
        """The block fails with the duplicate message naming ``name``; assertRaises
        (unlike assertRaisesRegex) rolls the failed write back, as a request would."""
        with self.assertRaises(ValidationError) as caught:
            yield
        self.assertIn("is already used by the client", str(caught.exception))
        self.assertIn(name, str(caught.exception))

    def test_duplicate_names_the_existing_client(self):
        with self.assertDuplicateOf("Tejo Consultores, Lda."):
            self.create_client("Tejo Consultores (cópia)", f"PT{PT_NIF}")

    def test_same_tax_id_written_differently_is_a_duplicate(self):
        for written in (PT_NIF, "511 111 118", "pt511.111.118"):
            with self.subTest(written=written), self.assertDuplicateOf("Tejo"):
                self.create_client("Outra, Lda.", written)

    def test_writing_a_duplicate_tax_id_fails(self):
        other = self.create_client("Outra, Lda.", PT_NIF_2)
        with self.assertDuplicateOf("Tejo Consultores"):
            other.write({"vat": f"PT {PT_NIF}"})
        other.invalidate_recordset()
        self.assertEqual(other.client_vat_key, PT_NIF_2)

    def test_archived_client_still_holds_its_tax_id(self):
        self.existing.action_archive()
        with self.assertDuplicateOf("archived"):
            self.create_client("Outra, Lda.", PT_NIF)

    def test_contacts_may_share_their_company_tax_id(self):
        contact = self.Partner.create(
            {"name": "Rita Gomes", "parent_id": self.existing.id, "vat": PT_NIF}
        )
        self.assertEqual(contact.vat, self.existing.vat)
        self.assertFalse(contact.client_vat_key)

    def test_brazilian_cnpj_with_and_without_punctuation_is_a_duplicate(self):
        self.create_client("Paraná Têxtil Ltda.", BR_CNPJ_2, self.brazil)
        with self.assertDuplicateOf("Paraná Têxtil"):
            self.create_client("Outra Ltda.", "07123456000198", self.brazil)


@tagged("post_install", "-at_install")
class TestTaxIdCountry(ClientHubCase):
    """A tax ID's country: its prefix when base_vat accepts it there, else the
    client's. Same number and country (or an unknown one): one client."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.spain = cls.env.ref("base.es")
        cls.existing = cls.create_client("Tejo Consultores, Lda.", PT_NIF)

    def create_without_country(self, name, vat):
        return self.Partner.create({"name": name, "vat": vat, "is_company": True})

    @contextmanager
    def assertDuplicate(self, name="Tejo Consultores"):
        """assertRaises rolls the failed create back (assertRaisesRegex would not)."""
        with self.assertRaises(ValidationError) as caught:
            yield
        self.assertIn(name, str(caught.exception))

    def test_prefix_names_the_country_of_a_client_without_one(self):
        with self.assertDuplicate():
            self.create_without_country("Outra", f"PT{PT_NIF}")

    def test_prefix_names_the_country_of_a_client_of_another_country(self):
        with self.assertDuplicate():
            self.create_client("Outra", f"PT{PT_NIF}", country=self.spain)

    def test_full_width_digits_are_the_same_tax_id(self):
        with self.assertDuplicate():
            self.create_client("Outra", full_width(PT_NIF))
        with self.assertDuplicate():
            self.create_without_country("Outra", f"PT{full_width(PT_NIF)}")

    def test_a_number_without_any_country_conflicts_with_that_number(self):
        with self.assertDuplicate():
            self.create_without_country("Outra", PT_NIF)

    def test_two_portuguese_numbers_of_spanish_clients_are_two_clients(self):
        third = "5144444" + "4"
        third += nif_check_digit(third)
        uno = self.create_client(
            "Ibérica Uno", f"PT{full_width(PT_NIF_2)}", country=self.spain
        )
        dos = self.create_client(
            "Ibérica Dos", f"PT{full_width(third)}", country=self.spain
        )
        self.assertEqual((uno | dos).client_vat_country_id, self.portugal)
        self.assertEqual((uno.client_vat_key, dos.client_vat_key), (PT_NIF_2, third))

    def test_greek_el_prefix_is_greece(self):
        greece = self.env.ref("base.gr")
        greek = self.create_without_country("Athena A.E.", "EL094259216")
        self.assertEqual(greek.client_vat_country_id, greece)
        with self.assertDuplicate("Athena A.E."):
            self.create_client("Athena (copy)", "094259216", country=greece)

    def test_another_countrys_number_is_another_tax_id(self):
        spanish = self.create_client("Ibérica, S.L.", "ESA12345674", country=self.spain)
        self.assertEqual(spanish.client_vat_country_id, self.spain)
        self.assertEqual(spanish.client_vat_key, "A12345674")


def full_width(number):
    return "".join(chr(0xFF10 + int(digit)) for digit in number)


class TestTaxIdCostOfABatch(ClientHubCase):
    """An import writes thousands of clients at once: their tax IDs cost a few
    queries for the whole batch, none per client, and no comparison of every client
    with every other."""

    @staticmethod
    def prefixed_nifs(count, start=52_000_000):
        digits = [str(start + index) for index in range(count)]
        return [f"PT{base}{nif_check_digit(base)}" for base in digits]

    def create_clients(self, count):
        return self.Partner.create(
            [
                {"name": f"Lote {vat}", "vat": vat, "is_company": True}
                for vat in self.prefixed_nifs(count)
            ]
        )

    def count_queries(self, function):
        self.env.invalidate_all()
        before = self.env.cr.sql_log_count
        function()
        return self.env.cr.sql_log_count - before

    def test_tax_id_keys_of_5_and_50_prefixed_clients_take_the_same_queries(self):
        clients = self.create_clients(50)
        self.assertEqual(set(clients.client_vat_country_id), {self.portugal})
        counts = [
            self.count_queries(batch._compute_client_vat_key)
            for batch in (clients[:5], clients[:5], clients)
        ]
        self.assertEqual(counts[1], counts[2], counts)
        self.assertEqual(clients[49].client_vat_key, self.prefixed_nifs(50)[49][2:])

    def test_import_matching_of_5_and_50_prefixed_rows_takes_the_same_queries(self):
        existing = self.create_clients(50)
        paths = [["name"], ["vat"]]
        data = [
            [f"Lote {index}", vat] for index, vat in enumerate(self.prefixed_nifs(50))
        ]
        match = self.Partner._client_hub_match_rows
        counts = [
            self.count_queries(lambda rows=rows: match(paths, rows))
            for rows in (data[:5], data[:5], data)
        ]
        self.assertEqual(counts[1], counts[2], counts)
        matches, messages = match(paths, data)
        self.assertEqual(matches, dict(enumerate(existing.ids)))
        self.assertFalse(messages)

    def test_uniqueness_check_compares_each_client_only_with_its_number(self):
        compared = []
        conflicts = type(self.Partner)._client_hub_vat_conflicts_with

        def counting(partner, other):
            compared.append((partner.id, other.id))
            return conflicts(partner, other)

        with patch.object(
            type(self.Partner), "_client_hub_vat_conflicts_with", counting
        ):
            clients = self.create_clients(40)
        self.assertEqual(len(clients), 40)
        # Each new client against itself only: not 40 x 40 comparisons.
        self.assertEqual(sorted(compared), [(id_, id_) for id_ in sorted(clients.ids)])
        with self.assertRaises(ValidationError), self.env.cr.savepoint():
            self.create_client("Outro Lote", self.prefixed_nifs(1)[0])
