"""Integer twins of the statutory roundings in money.py, for exact fractions num/den of a grosz.

`money.round_to_grosz` and `money.round_to_full_zloty` are the definitions (Decimal, ROUND_HALF_UP).
The interest engine keeps every amount as an exact integer fraction (kwota × dni × stawka / 365,
rates in basis points) and rounds it here with the same rule, so that no Decimal and no float sits
in the inner loop. tests/domain/test_interest.py checks that both give the same result.
(Proposal for the owner of money.py: move these two functions there.)
"""

from __future__ import annotations

from app.domain.money import Grosze


def grosze_half_up(num: int, den: int) -> Grosze:
    """num/den grosza rounded half-up to a whole grosz (civil interest, KC art. 481: each rate
    period to the grosz; same rule as money.round_to_grosz)."""
    if num < 0 or den <= 0:
        raise _negative(num, den)
    return (2 * num + den) // (2 * den)


def zloty_half_up(num: int, den: int) -> Grosze:
    """num/den grosza rounded to full złoty, in grosze: below 50 gr down, from 50 gr up
    (OP art. 63 §1; same rule as money.round_to_full_zloty)."""
    if num < 0 or den <= 0:
        raise _negative(num, den)
    return (2 * num + 100 * den) // (200 * den) * 100


def _negative(num: int, den: int) -> ValueError:
    # Interest and its parts are never negative; a negative value here is a bug upstream, and
    # floor division would silently round it the wrong way.
    return ValueError(f"zaokrąglenie: oczekiwano nieujemnego ułamka, podano {num}/{den}")
