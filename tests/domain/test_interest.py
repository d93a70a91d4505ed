"""Interest, day by day with the rate in force on each day, /365 also in leap years.

Expected values are worked by hand: A × days × rate / 365 per rate period (rozporządzenie MF z
22.08.2005, t.j. Dz.U. 2021 poz. 703; KC art. 481 §2). Rates come from the seed migration."""

from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_UP, Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.deadlines import due_from, payment_term_end
from app.domain.interest import (
    compile_table,
    interest_from,
    odsetki_ustawowe,
    odsetki_za_zwloke,
    rate_periods,
)
from app.domain.kinds import InterestStart
from app.domain.money import grosze_half_up, round_to_full_zloty, round_to_grosz, zloty_half_up
from app.domain.parameters import MissingParameter
from tests.domain.seed import USTAWOWE, ZWLOKA, flat, table


@pytest.mark.parametrize(
    ("amount", "first", "last", "expected"),
    [
        # Across the change of 2022-03-09 (lombard 3.25 → 4.00 %: 8.50 → 10.00 %, OP art. 56 §1):
        # 10 000 zł × 8 d × 8.50 % / 365 = 18.6301 + 10 000 zł × 23 d × 10 % / 365 = 63.0137
        # = 81.6438 zł → 82 zł (OP art. 63 §1: the sum is rounded, not the periods)
        (1_000_000, date(2022, 3, 1), date(2022, 3, 31), 8_200),
        # Leap day, still /365: 2024-02-01..2024-03-31 = 60 days at 14.50 %:
        # 100 000 zł × 60 × 14.5 % / 365 = 2 383.56 zł → 2 384 zł (with /366 it would be 2 377 zł)
        (10_000_000, date(2024, 2, 1), date(2024, 3, 31), 238_400),
        # One day only: 1 000 zł × 1 × 14.50 % / 365 = 0.397 zł → 0 zł
        (100_000, date(2024, 5, 5), date(2024, 5, 5), 0),
        # Empty span (payment on or before the last day of the term): no interest
        (100_000, date(2024, 5, 6), date(2024, 5, 5), 0),
    ],
)
def test_odsetki_za_zwloke(amount: int, first: date, last: date, expected: int) -> None:
    assert odsetki_za_zwloke(amount, first, last, table(ZWLOKA)) == expected


@pytest.mark.parametrize(
    ("amount", "expected"),
    [
        # OP art. 63 §1 at a flat 10 % over 365 days the interest is A / 10:
        (12_490, 1_200),  # 12.49 zł → 12 zł (below 50 gr down)
        (12_500, 1_300),  # 12.50 zł → 13 zł (from 50 gr up)
        (12_499, 1_200),  # 12.499 zł → 12 zł (the unrounded sum decides, not its grosz rounding)
    ],
)
def test_op_rounding_at_49_and_50_groszy(amount: int, expected: int) -> None:
    rates = flat("odsetki_za_zwloke", 1000)
    assert odsetki_za_zwloke(amount, date(2023, 1, 1), date(2023, 12, 31), rates) == expected


@pytest.mark.parametrize(
    ("amount", "first", "last", "expected"),
    [
        # KC art. 481 §2 across 2022-03-09 (reference 2.75 → 3.50 %: 8.25 → 9.00 %), each period
        # rounded to the grosz: 10 000 × 8 × 8.25 % / 365 = 18.0822 → 18.08;
        # 10 000 × 23 × 9 % / 365 = 56.7123 → 56.71; total 74.79 zł
        (1_000_000, date(2022, 3, 1), date(2022, 3, 31), 7_479),
        # Per-period rounding differs from rounding the sum: 504 zł, 2025-04-28..05-17:
        # 10 d × 11.25 % = 1.5534 → 1.55; 10 d × 10.75 % = 1.4844 → 1.48; 3.03 zł
        # (the unrounded sum 3.0378 would round to 3.04 zł)
        (50_400, date(2025, 4, 28), date(2025, 5, 17), 303),
        # Leap year, /365: 2024-02-01..2024-03-31 = 60 days × 11.25 %: 10 000 zł → 184.9315 → 184.93
        (1_000_000, date(2024, 2, 1), date(2024, 3, 31), 18_493),
    ],
)
def test_odsetki_ustawowe(amount: int, first: date, last: date, expected: int) -> None:
    assert odsetki_ustawowe(amount, first, last, table(USTAWOWE)) == expected


def test_rate_periods_breakdown() -> None:
    # 1 000 zł, 2025-11-01..2025-12-10 under odsetki ustawowe (9.75 % from 2025-11-06,
    # 9.50 % from 2025-12-04; 10.00 % before): 5 d × 10 % = 1.3699 → 1.37;
    # 28 d × 9.75 % = 7.4795 → 7.48; 7 d × 9.50 % = 1.8219 → 1.82
    rows = rate_periods(
        100_000,
        date(2025, 11, 1).toordinal(),
        date(2025, 12, 10).toordinal(),
        compile_table(table(USTAWOWE)),
        tranche=0,
    )
    got = [(r.start, r.end, r.rate_bp, r.days, r.interest) for r in rows]
    assert got == [
        (date(2025, 11, 1), date(2025, 11, 5), 1000, 5, 137),
        (date(2025, 11, 6), date(2025, 12, 3), 975, 28, 748),
        (date(2025, 12, 4), date(2025, 12, 10), 950, 7, 182),
    ]


def test_term_ending_on_a_holiday_moves_the_start_of_interest() -> None:
    # Delivered Tue 2025-10-28 + 14 days = Tue 2025-11-11, Narodowe Święto Niepodległości:
    # the term ends on Wed 2025-11-12 (OP art. 12 §5), interest runs from 2025-11-13.
    term_end = payment_term_end(date(2025, 10, 28), 14)
    assert term_end == date(2025, 11, 12)
    first = interest_from(InterestStart.DAY_AFTER_DUE, term_end)
    assert first == due_from(term_end) == date(2025, 11, 13)
    # To 2025-12-31: 1 000 zł × 21 d (11-13..12-03) × 11.50 % / 365 = 6.6164
    # + 1 000 zł × 28 d (12-04..12-31) × 11.00 % / 365 = 8.4384 → 15.0548 zł → 15 zł
    assert odsetki_za_zwloke(100_000, first, date(2025, 12, 31), table(ZWLOKA)) == 1_500


@pytest.mark.parametrize(
    ("start", "day", "expected"),
    [
        (InterestStart.DAY_AFTER_DUE, date(2024, 3, 15), date(2024, 3, 16)),  # OP art. 53 §4
        (InterestStart.DAY_AFTER_PAYOUT, date(2024, 2, 29), date(2024, 3, 1)),  # art. 27 ust. 1a
        (InterestStart.FIRST_OF_NEXT_MONTH, date(2024, 2, 10), date(2024, 3, 1)),  # art. 23 ust. 7
        (InterestStart.FIRST_OF_NEXT_MONTH, date(2024, 12, 31), date(2025, 1, 1)),
        (InterestStart.FIRST_OF_NEXT_MONTH, date(2024, 1, 1), date(2024, 2, 1)),
    ],
)
def test_interest_from(start: InterestStart, day: date, expected: date) -> None:
    assert interest_from(start, day) == expected


def test_no_rate_before_the_first_row() -> None:
    # The history starts with the row in force on 2005-01-01 (lombard 8 % from 2004-08-26).
    with pytest.raises(MissingParameter, match="25.08.2004"):
        odsetki_za_zwloke(100_000, date(2004, 8, 25), date(2005, 1, 5), table(ZWLOKA))


def test_alimony_payout_of_2010_as_of_2016_12_31() -> None:
    # Issue 16: a fund payout of 500.00 zł on 2010-05-10 bears statutory interest from the next
    # day (art. 27 ust. 1a of the alimony act), each rate period rounded to the grosz:
    # 2010-05-11..2014-12-22 = 1 687 d × 13 % (KC art. 359 §2 old wording, Dz.U. 2008 nr 220
    #   poz. 1434): 500 × 1 687 × 0.13 / 365 = 300.4247 → 300.42 zł
    # 2014-12-23..2015-12-31 = 374 d × 8 % (Dz.U. 2014 poz. 1858): 40.9863 → 40.99 zł
    # 2016-01-01..2016-12-31 = 366 d × 7 % (KC art. 481 §2: 1.50 + 5.5): 35.0959 → 35.10 zł
    # total 376.51 zł.
    first = interest_from(InterestStart.DAY_AFTER_PAYOUT, date(2010, 5, 10))
    rows = rate_periods(
        50_000,
        first.toordinal(),
        date(2016, 12, 31).toordinal(),
        compile_table(table(USTAWOWE)),
        tranche=0,
    )
    got = [(r.start, r.end, r.rate_bp, r.days, r.interest) for r in rows]
    assert got == [
        (date(2010, 5, 11), date(2014, 12, 22), 1300, 1687, 30_042),
        (date(2014, 12, 23), date(2015, 12, 31), 800, 374, 4_099),
        (date(2016, 1, 1), date(2016, 12, 31), 700, 366, 3_510),
    ]
    assert odsetki_ustawowe(50_000, first, date(2016, 12, 31), table(USTAWOWE)) == 37_651


@pytest.mark.parametrize(
    ("num", "den", "grosze", "zloty"),
    [
        (149, 100, 1, 0),  # 1.49 gr → 1 gr (half up); → 0 zł
        (150, 100, 2, 0),  # 1.50 gr → 2 gr
        (4_999, 100, 50, 0),  # 49.99 gr → 50 gr, but 0 zł: the unrounded value decides
        (5_000, 100, 50, 100),  # 50 gr → 1 zł (OP art. 63 §1: from 50 gr up)
        (0, 7, 0, 0),
    ],
)
def test_integer_rounding(num: int, den: int, grosze: int, zloty: int) -> None:
    assert grosze_half_up(num, den) == grosze
    assert zloty_half_up(num, den) == zloty


@given(st.integers(-(10**17), 10**17), st.integers(1, 10**8))
def test_integer_rounding_agrees_with_decimal_half_up(num: int, den: int) -> None:
    # money.grosze_half_up is the one definition; Decimal's ROUND_HALF_UP is its oracle here
    # (a half away from zero, also for a negative amount such as a bank debit).
    value = Decimal(num) / Decimal(den)
    assert grosze_half_up(num, den) == int(value.quantize(Decimal(1), rounding=ROUND_HALF_UP))
    assert zloty_half_up(num, den) == 100 * int(
        (value / 100).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    )


def test_rounding_of_a_decimal_amount() -> None:
    # round_to_grosz / round_to_full_zloty take the exact fraction of the Decimal.
    assert round_to_grosz(Decimal("149.5")) == 150
    assert round_to_grosz(Decimal("-149.5")) == -150
    assert round_to_full_zloty(Decimal("4999.999")) == 5000  # 49.99999 zł → 50 zł
    assert round_to_full_zloty(Decimal("4949.999")) == 4900  # 49.49999 zł → 49 zł


def test_rounding_refuses_a_zero_denominator() -> None:
    with pytest.raises(ValueError, match="mianownik"):
        grosze_half_up(1, 0)
