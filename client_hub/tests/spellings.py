# Copyright 2026 client_hub contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Hypothesis strategies for tax IDs: every spelling of a number, valid NIFs."""

from hypothesis import strategies as st

# The zero of some scripts' decimal digits: ASCII, full-width, Arabic-Indic, Extended
# Arabic-Indic, Devanagari, Bengali, Thai, mathematical bold.
DIGIT_ZEROS = [0x30, 0xFF10, 0x660, 0x6F0, 0x966, 0x9E6, 0xE50, 0x1D7CE]
# What may stand between the characters of a tax ID and not count: spaces of every
# kind, zero-width and format characters, punctuation. Not "/": base_vat imports
# ``stdnum.<first character>``, which pytest's import hook cannot take for "/".
NOISE = [
    " ",
    "\u00a0",
    "\u2009",
    "\u202f",
    "\u3000",
    "\t",
    "\u200b",
    "\u200c",
    "\u200d",
    "\u2060",
    "\ufeff",
    "\u00ad",
    "\u180e",
    ".",
    "-",
]
noise = st.lists(st.sampled_from(NOISE), max_size=2).map("".join)


@st.composite
def spellings(draw, number, prefix=None):
    """``number`` (ASCII digits) written any way: digits of any script, noise
    between the characters, and ``prefix`` (a country code) or not, in any case and
    width."""
    chars = [chr(draw(st.sampled_from(DIGIT_ZEROS)) + int(d)) for d in number]
    if prefix and draw(st.booleans()):
        letters = [
            draw(st.sampled_from([c.upper(), c.lower(), chr(ord(c.upper()) + 0xFEE0)]))
            for c in prefix
        ]
        chars = letters + chars
    return draw(noise) + "".join(char + draw(noise) for char in chars)


def nif_check_digit(digits):
    total = sum(int(d) * (9 - i) for i, d in enumerate(digits))
    check = 11 - total % 11
    return str(check if check < 10 else 0)


# Valid Portuguese NIFs: 8 digits (the first not 0) and their check digit.
pt_nifs = st.from_regex(r"\A[1-9][0-9]{7}\Z").map(lambda d: d + nif_check_digit(d))
