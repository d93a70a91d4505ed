"""Allocation of one payment: KC art. 451 and OP art. 62 §1a + 55 §2 (worked cases, grosze)."""

from __future__ import annotations

from datetime import date

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
        # 484 × 120 / 1 120 = 51.857 zł → 52 zł (OP art. 63 §1); principal 484 − 52 = 432 zł
        (48_400, 12_000, 100_000, (5_200, 43_200)),
        # 800 × 146 / 2 146 = 54.43 zł → 54 zł; 746 zł to the arrears
        (80_000, 14_600, 200_000, (5_400, 74_600)),
        # Interest not charged (under OP art. 54 §1 pkt 5): all to the arrears
        (30_000, 0, 100_000, (0, 30_000)),
        # Covers arrears and interest: both in full, the caller keeps the rest
        (120_000, 12_000, 100_000, (12_000, 100_000)),
        # Clamp: A = 10 zł, I = 30 zł, payment 39.20 zł: 39.20 × 30 / 40 = 29.40 → 29 zł would
        # put 10.20 zł on 10 zł of arrears; the principal is capped at 10 zł and 29.20 zł goes to
        # interest (0.80 zł of interest stays due)
        (3_920, 3_000, 1_000, (2_920, 1_000)),
    ],
)
def test_op_55_split(amount: int, interest: int, principal: int, expected: tuple[int, int]) -> None:
    assert split_op_55(amount, interest_due=interest, principal_due=principal) == expected


def test_op_costs_first() -> None:
    # OP art. 62 §1a: 500 zł paid; 16 zł reminder costs first, then 484 zł split as above
    a = allocate_op_55(50_000, on=DAY, costs_due=1_600, interest_due=12_000, principal_due=100_000)
    assert a == Allocation(DAY, 50_000, 1_600, 5_200, 43_200, 0)


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
    # Whole złoty (OP art. 63 §1), unless a cap took over: the principal (all of it paid) or the
    # payment itself (a few grosze paid, all of them interest)
    assert to_interest % 100 == 0 or to_principal in (0, principal)


@given(amounts, amounts, amounts, amounts)
def test_kc_451_sums_to_the_payment(amount: int, costs: int, interest: int, principal: int) -> None:
    a = allocate_kc_451(
        amount, on=DAY, costs_due=costs, interest_due=interest, principal_due=principal
    )
    assert a.to_costs + a.to_interest + a.to_principal + a.overpayment == amount
    assert min(a.to_costs, a.to_interest, a.to_principal, a.overpayment) >= 0
