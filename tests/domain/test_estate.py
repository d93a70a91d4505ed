"""Issue 20 item 7: the heirs' liability and the write-off for lack of an estate, worked by hand.

KC art. 1034 § 1 (applied through OP art. 98 § 1 and u.f.p. art. 67 ust. 1): until the division
of the estate the heirs are jointly liable for the whole; § 2: after it, by their shares.
u.f.p. art. 64 ust. 1 pkt 1 w zw. z art. 56 ust. 1 pkt 1: household items up to 6000 zł."""

from datetime import date
from fractions import Fraction

import pytest

from app.domain.estate import (
    Ground,
    HeirShare,
    combine,
    liability,
    pause_reason,
    shares_error,
    write_off_error,
)

HALF = Fraction(1, 2)


def test_before_the_division_every_heir_answers_for_the_whole():
    # KC art. 1034 § 1: solidarnie, 250.00 zł from each of two heirs of 1/2.
    heirs = [HeirShare(7, HALF), HeirShare(8, HALF)]
    assert liability(25000, heirs, divided=False) == {7: 25000, 8: 25000}


def test_after_the_division_by_share_with_the_grosz_to_the_largest_remainder():
    # KC art. 1034 § 2: 250.00 × 1/3 = 83.3333 → 83.33; × 2/3 = 166.6666 → 166.66 + the grosz
    # left (remainder 0.67 > 0.33) = 166.67; 83.33 + 166.67 = 250.00.
    heirs = [HeirShare(7, Fraction(1, 3)), HeirShare(8, Fraction(2, 3))]
    assert liability(25000, heirs, divided=True) == {7: 8333, 8: 16667}


def test_a_known_part_of_the_estate_answers_for_its_share_only():
    # Only an heir of 1/2 is known: 100.01 × 1/2 = 50.005 → 50.00 (the rest is another's share).
    assert liability(10001, [HeirShare(7, HALF)], divided=True) == {7: 5000}


def test_shares_cannot_exceed_the_estate():
    assert shares_error([HALF, HALF]) is None
    assert "przekracza" in (shares_error([HALF, HALF, Fraction(1, 3)]) or "")
    assert shares_error([Fraction(0)]) is not None


def test_the_pause_lasts_while_no_heir_is_known():
    reason = pause_reason(date(2025, 4, 20), heirs=0)
    assert reason == (
        "zobowiązany zmarł 20.04.2025: należność dochodzona od spadku, do ustalenia spadkobierców"
    )
    assert pause_reason(date(2025, 4, 20), heirs=1) is None
    assert combine(None, None) is None
    assert combine("wstrzymane: zarzut", reason) == f"wstrzymane: zarzut; {reason}"


@pytest.mark.parametrize(
    ("ground", "value", "ok"),
    [
        (Ground.BRAK_MAJATKU, None, True),
        (Ground.MAJATEK_WOLNY_OD_EGZEKUCJI, None, True),
        # u.f.p. art. 56 ust. 1 pkt 1: "nie przekracza kwoty 6000 zł": 6000.00 is allowed,
        (Ground.PRZEDMIOTY_CODZIENNEGO_UZYTKU, 600000, True),
        # 6000.01 is not, and the value must be stated.
        (Ground.PRZEDMIOTY_CODZIENNEGO_UZYTKU, 600001, False),
        (Ground.PRZEDMIOTY_CODZIENNEGO_UZYTKU, None, False),
    ],
)
def test_write_off_grounds(ground, value, ok):
    error = write_off_error(ground, date(2025, 4, 20), date(2025, 6, 2), value, 600000)
    assert (error is None) is ok


def test_no_write_off_before_the_death_or_without_it():
    assert write_off_error(Ground.BRAK_MAJATKU, None, date(2025, 6, 2), None, 600000)
    assert write_off_error(Ground.BRAK_MAJATKU, date(2025, 6, 3), date(2025, 6, 2), None, 600000)
