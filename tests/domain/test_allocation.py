"""Allocation of one payment: KC art. 451 and OP art. 62 §1a + 55 §2 (worked cases, grosze)."""

from __future__ import annotations

import math
from datetime import date
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.allocation import Allocation, allocate_kc_451, allocate_op_55, split_op_55

DAY = date(2025, 6, 30)


@pytest.mark.parametrize(
    ("amount", "costs", "interest", "principal", "expected"),
    [
        # KC art. 451 §1: costs, then interest, then principal
        (1_000, 1_600, 5_000, 100_000, (1_000, 0, 0, 0)),  # not even the costs
        (10_000, 1_600, 5_000, 100_000, (1_600, 5_000, 3_400, 0)),
        (106_600, 1_600, 5_000, 100_000, (1_600, 5_000, 100_000, 0)),  # exactly everything
        (110_000, 1_600, 5_000, 100_000, (1_600, 5_000, 100_000, 3_400)),  # overpayment kept
    ],
)
def test_kc_451(
    amount: int, costs: int, interest: int, principal: int, expected: tuple[int, ...]
) -> None:
    a = allocate_kc_451(
        amount, on=DAY, costs_due=costs, interest_due=interest, principal_due=principal
    )
    assert (a.to_costs, a.to_interest, a.to_principal, a.overpayment) == expected


@pytest.mark.parametrize(
    ("amount", "interest", "principal", "expected"),
    [
        # OP art. 55 §2: A = 1 000 zł, I = 120 zł on the payment day, payment 484 zł:
        # 484 × 120 / 1 120 = 51.857 zł → 51.86 zł (in grosze, OP art. 63 §3: no rounding to
        # full złoty when a payment is allocated); principal 484 − 51.86 = 432.14 zł
        (48_400, 12_000, 100_000, (5_186, 43_214)),
        # 800 × 146 / 2 146 = 54.4268 zł → 54.43 zł; 745.57 zł to the arrears
        (80_000, 14_600, 200_000, (5_443, 74_557)),
        # Issue 16: 1 000 zł due 2024-03-15, 300 zł paid 2024-05-10, interest that day 22 zł
        # (1 000 × 56 d × 14.50 % / 365 = 22.25 → 22 zł): 300 × 22 / 1 022 = 6.4579 → 6.46 zł
        # to interest, 293.54 zł to the arrears
        (30_000, 2_200, 100_000, (646, 29_354)),
        # Interest not charged (under OP art. 54 §1 pkt 5): all to the arrears
        (30_000, 0, 100_000, (0, 30_000)),
        # Covers arrears and interest: both in full, the caller keeps the rest
        (120_000, 12_000, 100_000, (12_000, 100_000)),
        # Clamp: A = 10 zł, I = 30 zł, payment 39.20 zł: 39.20 × 30 / 40 = 29.40 zł would put
        # 9.80 zł on the arrears; no clamp needed: (29.40, 9.80)
        (3_920, 3_000, 1_000, (2_940, 980)),
    ],
)
def test_op_55_split(amount: int, interest: int, principal: int, expected: tuple[int, int]) -> None:
    assert split_op_55(amount, interest_due=interest, principal_due=principal) == expected


def test_op_costs_first() -> None:
    # OP art. 62 §1a: 500 zł paid; 16 zł reminder costs first, then 484 zł split as above
    a = allocate_op_55(50_000, on=DAY, costs_due=1_600, interest_due=12_000, principal_due=100_000)
    assert a == Allocation(DAY, 50_000, 1_600, 5_186, 43_214, 0)


def test_op_overpayment() -> None:
    a = allocate_op_55(120_000, on=DAY, costs_due=1_600, interest_due=12_000, principal_due=100_000)
    assert (a.to_costs, a.to_interest, a.to_principal, a.overpayment) == (
        1_600,
        12_000,
        100_000,
        6_400,
    )


amounts = st.integers(0, 10**9)


@given(amounts, st.integers(0, 10**7).map(lambda z: z * 100), st.integers(1, 10**9))
def test_op_split_sums_and_stays_within_due(amount: int, interest: int, principal: int) -> None:
    to_interest, to_principal = split_op_55(amount, interest_due=interest, principal_due=principal)
    assert to_interest + to_principal == min(amount, interest + principal)
    assert 0 <= to_interest <= interest
    assert 0 <= to_principal <= principal
    # In grosze, half up (OP art. 63 §3 with art. 55 §2), unless a cap took over: the principal
    # (all of it paid) or the payment itself.
    if amount < interest + principal and to_principal not in (0, principal):
        share = Fraction(amount * interest, interest + principal)
        assert to_interest == math.floor(share + Fraction(1, 2))


@given(amounts, amounts, amounts, amounts)
def test_kc_451_sums_to_the_payment(amount: int, costs: int, interest: int, principal: int) -> None:
    a = allocate_kc_451(
        amount, on=DAY, costs_due=costs, interest_due=interest, principal_due=principal
    )
    assert a.to_costs + a.to_interest + a.to_principal + a.overpayment == amount
    assert min(a.to_costs, a.to_interest, a.to_principal, a.overpayment) >= 0
