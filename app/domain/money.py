"""Money as integer grosze. Parsing, formatting and every statutory rounding live here."""

from __future__ import annotations

import re
from decimal import Decimal

Grosze = int

# 10^14 grosze = 1 bln zł: far above any receivable of a public unit, far below BIGINT.
MAX_GROSZE: Grosze = 10**14 - 1

_AMOUNT = re.compile(r"^(0|[1-9][0-9]{0,11})(\.[0-9]{1,2})?$")


class AmountError(ValueError):
    """A string that is not an amount in złoty such as "123.45"."""


def parse_amount(text: str, *, allow_zero: bool = False) -> Grosze:
    """ "123.45" → 12345. Only plain decimal notation with a dot: no exponent, no comma, no sign."""
    if not isinstance(text, str) or not _AMOUNT.match(text):
        raise AmountError(
            "Kwota musi mieć postać 123.45 (kropka, najwyżej dwa miejsca po przecinku),"
            f" podano {text!r}"
        )
    whole, _, frac = text.partition(".")
    value = int(whole) * 100 + int((frac + "00")[:2])
    if value > MAX_GROSZE:
        raise AmountError("Kwota jest zbyt duża")
    if value == 0 and not allow_zero:
        raise AmountError("Kwota musi być większa od zera")
    return value


def format_amount(value: Grosze) -> str:
    """12345 → "123.45"; the API's and XML's form."""
    sign = "-" if value < 0 else ""
    whole, frac = divmod(abs(value), 100)
    return f"{sign}{whole}.{frac:02d}"


def to_decimal(value: Grosze) -> Decimal:
    return Decimal(value) / 100


def grosze_half_up(num: int, den: int) -> Grosze:
    """num/den grosza rounded half-up to a whole grosz: the one definition of the rounding to the
    grosz (ROUND_HALF_UP, a half away from zero). Civil-law interest: each rate period is rounded to
    the grosz (practice of the public calculators of odsetki ustawowe, KC art. 481); the
    proportional split of a payment is in grosze (OP art. 63 §3, art. 55 §2). Exact integer
    arithmetic, so the interest engine keeps kwota × dni × stawka / 365 as a fraction to the end."""
    if den <= 0:
        raise ValueError(f"zaokrąglenie: mianownik musi być dodatni, podano {den}")
    if num < 0:
        return -grosze_half_up(-num, den)
    return (2 * num + den) // (2 * den)


def zloty_half_up(num: int, den: int) -> Grosze:
    """num/den grosza rounded to full złoty, in grosze: below 50 gr down, from 50 gr up
    (OP art. 63 §1)."""
    return grosze_half_up(num, 100 * den) * 100


def round_to_grosz(value: Decimal) -> Grosze:
    """An amount in grosze (Decimal, fractional) rounded half-up to a whole grosz."""
    return grosze_half_up(*value.as_integer_ratio())


def round_to_full_zloty(value: Decimal) -> Grosze:
    """An amount in grosze rounded to full złoty (zloty_half_up, OP art. 63 §1)."""
    return zloty_half_up(*value.as_integer_ratio())
