# Copyright 2026 client_hub contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Bad input thrown at the tax ID: random Unicode, very long strings, formulas, and
every spelling of one number."""

import string
import unicodedata

from hypothesis import example, given, settings
from hypothesis import strategies as st

from odoo.exceptions import ValidationError
from odoo.tests import tagged

from odoo.addons.client_hub.vat import fold_vat, tax_id_parts, vat_lock_key
from odoo.addons.client_hub.vat import vat_key as normalize_vat

from .common import PT_NIF, ClientHubCase
from .spellings import pt_nifs, spellings

FORMULA = "=cmd|' /C calc'!A0"
# Few examples, no example database: the suite stays fast and leaves no files.
FEW = settings(max_examples=40, deadline=None, database=None)

# Country codes are two ASCII letters; any text still must not make it raise.
country_codes = st.one_of(
    st.none(),
    st.sampled_from(["PT", "BR", "pt", "", "ES"]),
    st.text(alphabet=string.ascii_letters, min_size=2, max_size=2),
)
junk = st.one_of(
    st.text(),
    st.text(min_size=200, max_size=2000),
    st.text(alphabet=string.printable),
    st.sampled_from([FORMULA, "+1+1", "-2+3", "@SUM(A1)", "\t=1", "ß", "ı", "ﬀ"]),
)


def ascii_alnum(text):
    return "".join(
        char for char in text if char in string.ascii_letters + string.digits
    )


class TestTaxIdNormalizationProperties(ClientHubCase):
    @FEW
    @given(vat=junk, country=st.one_of(country_codes, st.text(max_size=3)))
    @example(vat=FORMULA, country="PT")
    def test_never_raises_and_keeps_only_letters_and_digits(self, vat, country):
        key = normalize_vat(vat, country)
        self.assertTrue(key is False or key.isalnum(), key)
        self.assertTrue(
            key is False
            or all(
                char.isascii() or unicodedata.category(char)[0] in "LN" for char in key
            ),
            key,
        )

    @FEW
    @given(vat=st.text(alphabet=string.printable))
    def test_ascii_letters_and_digits_are_all_that_count_in_ascii(self, vat):
        self.assertEqual(fold_vat(vat), ascii_alnum(vat).upper())

    @FEW
    @given(vat=junk, country=country_codes)
    def test_is_idempotent_and_the_own_country_prefix_is_optional(self, vat, country):
        key = normalize_vat(vat, country)
        self.assertEqual(normalize_vat(key), key)
        # A country prefix is two letters before the number.
        if key and key[0].isdigit() and country:
            self.assertEqual(normalize_vat(country + key, country), key)

    @FEW
    @given(data=st.data(), number=pt_nifs)
    def test_every_spelling_of_a_number_has_one_key(self, data, number):
        written = data.draw(spellings(number, prefix="PT"))
        self.assertEqual(normalize_vat(written, "PT"), number, ascii(written))
        self.assertEqual(vat_lock_key(written), number)

    @FEW
    @given(
        data=st.data(), numbers=st.lists(pt_nifs, min_size=2, max_size=2, unique=True)
    )
    def test_different_numbers_never_share_a_key(self, data, numbers):
        """Whatever the spelling and the country prefix, two numbers stay two."""
        first, second = (data.draw(spellings(n, prefix="PT")) for n in numbers)
        for country in ("PT", "ES", None):
            self.assertNotEqual(
                tax_id_parts(first, country, lambda *_: True),
                tax_id_parts(second, country, lambda *_: True),
            )


@tagged("post_install", "-at_install")
class TestTaxIdBadInputOnCreate(ClientHubCase):
    """Whatever the tax ID, creating a client succeeds or fails with a clear
    ValidationError, and a refused client leaves nothing behind."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.existing = cls.create_client("Tejo Consultores, Lda.", PT_NIF)

    @FEW
    @given(
        vat=st.one_of(junk, st.just(PT_NIF), st.just(f"pt {PT_NIF}")),
        name=st.one_of(st.just("Hypothesis, Lda."), st.just(FORMULA)),
        country=st.sampled_from(["base.pt", "base.br", None]),
    )
    @example(vat=FORMULA, name=FORMULA, country="base.pt")
    @example(vat="9" * 5000, name="Hypothesis, Lda.", country=None)
    @example(vat="\x00", name="Hypothesis, Lda.", country="base.pt")
    def test_create_succeeds_or_is_refused_cleanly(self, vat, name, country):
        before = self.partner_count()
        savepoint = self.env.cr.savepoint()
        try:
            partner = self.Partner.create(
                {
                    "name": name,
                    "vat": vat,
                    "country_id": country and self.env.ref(country).id,
                    "is_company": True,
                    "customer_rank": 1,
                }
            )
            # base_vat may rewrite the tax ID (e.g. "pt 511…" as "PT511…").
            tax_country, number = self.Partner._client_hub_vat_parts(
                partner.vat, partner.country_id
            )
            self.assertEqual(partner.client_vat_key, number)
            self.assertEqual(partner.client_vat_country_id, tax_country)
            self.assertTrue(number or not fold_vat(partner.vat))
        except ValidationError as error:
            self.assertTrue(str(error))
            savepoint.close(rollback=True)
            self.assertEqual(self.partner_count(), before)
        else:
            savepoint.close(rollback=True)
