# Copyright 2026 client_hub contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Bad input thrown at the tax ID: random Unicode, very long strings, formulas."""

import string

from hypothesis import example, given, settings
from hypothesis import strategies as st

from odoo.exceptions import ValidationError
from odoo.tests import tagged

from odoo.addons.client_hub.vat import vat_key as normalize_vat

from .common import PT_NIF, ClientHubCase

FORMULA = "=cmd|' /C calc'!A0"
# Few examples, no example database: the suite stays fast and leaves no files.
FEW = settings(max_examples=40, deadline=None, database=None)

# Country codes are two ASCII letters; any text still must not make it raise.
country_codes = st.one_of(
    st.none(),
    st.sampled_from(["PT", "BR", "pt", "", "ES"]),
    st.text(alphabet=string.ascii_letters, min_size=2, max_size=2),
)
noise = st.text(alphabet=string.punctuation + string.whitespace, max_size=3)
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
    def test_never_raises_and_keeps_only_ascii_letters_and_digits(self, vat, country):
        key = normalize_vat(vat, country)
        self.assertTrue(key is False or (key.isascii() and key.isalnum()), key)
        self.assertEqual(key, key and key.upper())

    @FEW
    @given(vat=junk, country=country_codes)
    def test_only_the_ascii_letters_and_digits_of_the_input_count(self, vat, country):
        """Nothing else counts, not even letters that upper() turns into ASCII."""
        self.assertEqual(
            normalize_vat(vat, country), normalize_vat(ascii_alnum(vat), country)
        )

    @FEW
    @given(vat=junk, country=country_codes)
    def test_is_idempotent_and_the_own_country_prefix_is_optional(self, vat, country):
        key = normalize_vat(vat, country)
        self.assertEqual(normalize_vat(key), key)
        # A country prefix is two letters before the number's first digit.
        if key and key[0].isdigit() and country:
            self.assertEqual(normalize_vat(country + key, country), key)

    @FEW
    @given(
        vat=st.text(
            alphabet=string.ascii_letters + string.digits, min_size=1, max_size=20
        ),
        country=country_codes,
        data=st.data(),
    )
    def test_punctuation_case_and_spacing_do_not_count(self, vat, country, data):
        written = "".join(
            data.draw(noise)
            + (char.lower() if data.draw(st.booleans()) else char.upper())
            for char in vat
        )
        self.assertEqual(normalize_vat(written, country), normalize_vat(vat, country))


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
            self.assertEqual(
                partner.client_vat_key,
                normalize_vat(partner.vat, partner.country_id.code),
            )
        except ValidationError as error:
            self.assertTrue(str(error))
            savepoint.close(rollback=True)
            self.assertEqual(self.partner_count(), before)
        else:
            savepoint.close(rollback=True)
