# Copyright 2026 client_hub contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Tax ID comparison keys, without the ORM.

A tax ID is identified by its number and, when known, its country. The number is the
tax ID folded to one spelling (``fold_vat``): Unicode compatibility forms (NFKC),
every kind of decimal digit as an ASCII digit, ASCII letters in upper case, spaces,
punctuation, symbols, format and zero-width characters dropped. The country is the
one whose code prefixes the tax ID when base_vat accepts it under that code, else the
client's country, else unknown: ``tax_id_parts`` splits a tax ID that way.
"""

import string
import unicodedata

# Letters that Unicode treats as default-ignorable (fillers shown as nothing).
_IGNORABLE_LETTERS = frozenset("\u115f\u1160\u3164\uffa0")
_ASCII_LETTERS = frozenset(string.ascii_letters)
# The prefix that tax IDs use instead of the ISO code of their country.
VAT_PREFIX_COUNTRY = {"EL": "GR"}
COUNTRY_VAT_PREFIX = {code: prefix for prefix, code in VAT_PREFIX_COUNTRY.items()}


def fold_vat(vat):
    """Return ``vat`` in the one spelling that its variants share, or "".

    Digits of any script become ASCII digits and ASCII letters upper case; other
    letters and numbers are kept (in upper case when that is one letter that is not
    ASCII: "ß" does not become "SS"); everything else is dropped. A tax ID
    with any letter or digit therefore never folds to "".
    """
    if not isinstance(vat, str):
        return ""
    folded = []
    for char in unicodedata.normalize("NFKC", vat):
        digit = unicodedata.decimal(char, None)
        if digit is not None:
            folded.append(str(digit))
        elif char.isascii():
            if char.isalnum():
                folded.append(char.upper())
        elif unicodedata.category(char)[0] in "LN" and char not in _IGNORABLE_LETTERS:
            upper = char.upper()
            folded.append(upper if len(upper) == 1 and not upper.isascii() else char)
    return "".join(folded)


def vat_prefix(folded):
    """Return the two letters that ``folded`` starts with, as base_vat splits a
    tax ID into a country code and a number, or ""."""
    head = folded[:2]
    return head if len(head) == 2 and _ASCII_LETTERS.issuperset(head) else ""


def tax_id_parts(vat, country_code=None, prefix_is_valid=None):
    """Return ``(country code, number)`` of a tax ID, or ``(None, False)``.

    ``prefix_is_valid(prefix, vat)`` says whether base_vat accepts the folded tax ID
    under the country code it starts with; then that is its country and the rest its
    number. Otherwise the country is ``country_code`` (the client's, or None) and a
    leading prefix equal to it is dropped.
    """
    folded = fold_vat(vat)
    if not folded:
        return None, False
    prefix = vat_prefix(folded)
    if (
        prefix
        and len(folded) > 2
        and prefix_is_valid
        and prefix_is_valid(prefix, folded)
    ):
        return VAT_PREFIX_COUNTRY.get(prefix, prefix), folded[2:]
    code = (country_code or "").upper() or None
    if prefix and code and prefix in (code, COUNTRY_VAT_PREFIX.get(code)):
        if len(folded) > 2:
            return code, folded[2:]
    return code, folded


def vat_key(vat, country_code=None):
    """Return the number of a tax ID as ``client_vat_key`` stores it, or False,
    taking a prefix as the country only when it is ``country_code``."""
    return tax_id_parts(vat, country_code)[1]


def vat_lock_key(vat):
    """Return what the tax IDs that may be one share, to lock on, or None.

    Two spellings of one tax ID differ at most by a leading country code: without
    its leading ASCII letters, they are equal.
    """
    folded = fold_vat(vat)
    return folded.lstrip(string.ascii_uppercase) if folded else None


def country_prefix(key):
    """Return the two letters that the tax ID ``key`` starts with, or ""."""
    return vat_prefix(fold_vat(key))


def vat_number(key):
    """Return the folded ``key`` without the two letters it may start with."""
    folded = fold_vat(key)
    return folded[len(vat_prefix(folded)) :]
