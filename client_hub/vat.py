# Copyright 2026 client_hub contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Tax ID comparison keys, without the ORM.

Two tax IDs are the same when their keys are equal. The key keeps only letters and
digits, in upper case, and drops a leading country prefix equal to the client's
country: for a Portuguese client "PT 501.964.843", "pt501964843" and "501964843" are
one tax ID.
"""

import re

# A country prefix: two letters right before the first digit ("PT5...", "EL0...").
_COUNTRY_PREFIX = re.compile(r"[A-Z]{2}(?=\d)")


def country_prefix(key):
    """Return the two-letter country prefix that ``key`` starts with, or ""."""
    found = _COUNTRY_PREFIX.match(key or "")
    return found.group() if found else ""


def vat_key(vat, country_code=None):
    """Return the key under which two tax IDs are the same, or False.

    Only ASCII letters and digits count, in upper case; a country prefix equal to
    ``country_code`` (the client's country) is dropped.
    """
    if not vat:
        return False
    # Filtered before upper(): "ß" or "ı" must not become ASCII letters.
    key = "".join(char for char in vat if char.isascii() and char.isalnum()).upper()
    prefix = country_prefix(key)
    if prefix and prefix == (country_code or "").upper():
        key = key[len(prefix) :]
    return key or False


def vat_number(key):
    """Return ``key`` without any country prefix: the part that tax IDs written with
    and without their country's prefix share."""
    return (key or "")[len(country_prefix(key)) :]
