"""compute_balance: dated timelines with exact grosze, worked by hand, plus properties.

Notation in comments: W = Σ days × rate (bp) over the rate periods; interest = A × W / 3 650 000
grosza (A × dni × stawka / 365). Rates and the 8.70 zł threshold come from the seed migration."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.domain.allocation import Allocation
from app.domain.balance import (
    BalanceInputError,
    BalanceResult,
    CostFact,
    PaymentFact,
    Tranche,
    compute_balance,
)
from app.domain.kinds import AllocationRule, InterestRegime, KindRules
from app.domain.parameters import ParameterTable
from tests.domain.seed import FUNDUSZ, OPLATA_POBYT, PROG, USTAWOWE, ZWLOKA, flat, table


def op(
    tranches: list[Tranche],
    payments: list[PaymentFact],
    as_of: date,
    *,
    costs: tuple[CostFact, ...] = (),
    rates: ParameterTable | None = None,
    threshold: ParameterTable | None = None,
    term_ended_on: date | None = None,
) -> BalanceResult:
    return compute_balance(
        OPLATA_POBYT,
        tranches,
        payments,
        costs,
        rates or table(ZWLOKA),
        threshold or table(PROG),
        as_of,
        term_ended_on=term_ended_on,
    )


def kc(tranches: list[Tranche], payments: list[PaymentFact], as_of: date) -> BalanceResult:
    return compute_balance(FUNDUSZ, tranches, payments, [], table(USTAWOWE), None, as_of)


def figures(r: BalanceResult) -> tuple[int, int, int, int, int]:
    return r.principal_remaining, r.interest_due, r.costs_due, r.balance, r.overpayment


def test_op_partial_payment_with_reminder_costs() -> None:
    # 1 000 zł, term ran out 2024-03-15, interest from 2024-03-16; upomnienie costs 16 zł.
    # 2025-01-10 paid 500 zł: costs 16 zł first (OP art. 62 §1a); interest on 1 000 zł for
    # 301 days × 14.50 % = 119.58 zł → 120 zł; 484 × 120 / 1 120 = 51.857 → 51.86 zł interest,
    # 432.14 zł principal (OP art. 55 §2, in grosze: OP art. 63 §3). 567.86 zł left, interest
    # again from 2024-03-16: 567.86 × 418 d × 14.50 % / 365 = 94.2959 zł (period 94.30 zł)
    # + 567.86 × 54 d × 13.50 % / 365 = 11.3416 zł (11.34 zł) = 105.6375 zł → 106 zł.
    r = op(
        [Tranche(date(2024, 3, 16), 100_000)],
        [PaymentFact(date(2025, 1, 10), 50_000, "WB 1/2025")],
        date(2025, 6, 30),
        costs=(CostFact(date(2024, 4, 1), 1_600),),
        term_ended_on=date(2024, 3, 15),
    )
    assert r.allocations == (
        Allocation(date(2025, 1, 10), 50_000, 1_600, 5_186, 43_214, 0, "WB 1/2025"),
    )
    assert figures(r) == (56_786, 10_600, 0, 67_386, 0)
    got = [(p.start, p.end, p.rate_bp, p.days, p.interest) for p in r.rate_periods]
    assert got == [
        (date(2024, 3, 16), date(2025, 5, 7), 1450, 418, 9_430),
        (date(2025, 5, 8), date(2025, 6, 30), 1350, 54, 1_134),
    ]
    # Seed 003 §5: 3 years from the term, interrupted by the partial payment on 2025-01-10
    assert r.time_barred_from == date(2028, 1, 11)


TWO_PAYMENTS = [PaymentFact(date(2025, 6, 30), 60_000), PaymentFact(date(2024, 6, 30), 80_000)]


def test_op_two_partial_payments_split_proportionally() -> None:
    # 2 000 zł, term ran out 2023-12-29. (Payments given out of order: processed by date.)
    # 2024-06-30, 800 zł: 184 d × 14.50 % on 2 000 zł = 146.19 → 146 zł;
    #   800 × 146 / 2 146 = 54.4268 → 54.43 zł interest, 745.57 zł principal (in grosze, OP
    #   art. 63 §3); 1 254.43 zł left.
    # 2025-06-30, 600 zł: on 1 254.43 zł from 2023-12-30 (OP: the ORIGINAL day):
    #   495 d × 14.50 % + 54 d × 13.50 % → 246.6759 + 25.0542 = 271.73 → 272 zł;
    #   600 × 272 / 1 526.43 = 106.916 → 106.92 zł interest, 493.08 zł principal; 761.35 zł left.
    # as of 2025-12-31: W = 495×1450 + 56×1350 + 63×1300 + 35×1250 + 28×1200 + 28×1150
    #   + 28×1100 = 1 015 600; 76 135 × 1 015 600 / 3 650 000 = 21 184.30 gr → 212 zł.
    r = op(
        [Tranche(date(2023, 12, 30), 200_000)],
        TWO_PAYMENTS,
        date(2025, 12, 31),
        term_ended_on=date(2023, 12, 29),
    )
    assert [(a.on, a.to_interest, a.to_principal) for a in r.allocations] == [
        (date(2024, 6, 30), 5_443, 74_557),
        (date(2025, 6, 30), 10_692, 49_308),
    ]
    assert figures(r) == (76_135, 21_200, 0, 97_335, 0)
    assert len(r.rate_periods) == 7
    assert r.rate_periods[0].start == date(2023, 12, 30)
    # interrupted twice: 2025-06-30 + 3 years → barred from 2028-07-01
    assert r.time_barred_from == date(2028, 7, 1)


@pytest.mark.parametrize(
    ("paid", "allocation", "result"),
    [
        # 1 000 zł + 120 zł interest (as above) + 16 zł costs = 1 136 zł clears everything
        (113_600, (1_600, 12_000, 100_000, 0), (0, 0, 0, 0, 0)),
        # 1 200 zł: 64 zł overpayment, kept apart; the balance is zero, never negative
        (120_000, (1_600, 12_000, 100_000, 6_400), (0, 0, 0, 0, 6_400)),
    ],
)
def test_op_payment_clears_everything(
    paid: int, allocation: tuple[int, ...], result: tuple[int, ...]
) -> None:
    r = op(
        [Tranche(date(2024, 3, 16), 100_000)],
        [PaymentFact(date(2025, 1, 10), paid)],
        date(2025, 6, 30),
        costs=(CostFact(date(2024, 4, 1), 1_600),),
    )
    a = r.allocations[0]
    assert (a.to_costs, a.to_interest, a.to_principal, a.overpayment) == allocation
    assert figures(r) == result
    assert r.rate_periods == ()


FLAT_10 = flat("odsetki_za_zwloke", 1000)  # 10 %: over 365 days the interest is A / 10


@pytest.mark.parametrize(
    ("amount", "prog", "interest_due", "not_charged"),
    [
        # OP art. 54 §1 pkt 5: not charged when the interest does not exceed 8.70 zł; compared
        # BEFORE the rounding of OP art. 63 §1 (the reading and its sources: ledger.OpLedger).
        # interest_not_charged shows what would have been charged, rounded.
        (8_490, 870, 0, 800),  # 8.49 zł ≤ 8.70: not charged
        (8_500, 870, 0, 900),  # 8.50 zł ≤ 8.70: not charged, although it rounds to 9 zł
        (8_700, 870, 0, 900),  # exactly 8.70 zł: does not exceed, not charged
        (8_710, 870, 900, 0),  # 8.71 zł > 8.70: charged, rounded to 9 zł
        # With a threshold of 9.00 zł: 9.00 zł does not exceed it; 9.01 zł does (→ 9 zł)
        (9_000, 900, 0, 900),
        (9_010, 900, 900, 0),
        (9_500, 900, 1_000, 0),  # 9.50 zł → 10 zł
    ],
)
def test_op_threshold(amount: int, prog: int, interest_due: int, not_charged: int) -> None:
    r = op(
        [Tranche(date(2023, 1, 1), amount)],
        [],
        date(2023, 12, 31),
        rates=FLAT_10,
        threshold=flat("prog_odsetek", prog),
    )
    # interest = A × 365 × 1000 / 3 650 000 = A / 10: 84.90 zł → 8.49 zł, 85.00 zł → 8.50 zł …
    assert (r.interest_due, r.interest_not_charged) == (interest_due, not_charged)
    assert r.balance == amount + interest_due


def test_op_threshold_applies_to_the_whole_arrears() -> None:
    # 1 000 zł at a flat 10 % from 2023-01-01. 2023-12-31 (365 d): interest 100 zł, charged.
    # 1 090 zł paid → 1 090 × 100 / 1 100 = 99.0909 → 99.09 zł interest, 990.91 zł principal
    # (in grosze, OP art. 63 §3); 9.09 zł left.
    # As of 2024-03-31 (456 d from the ORIGINAL day): the unpaid part's own interest is
    # 9.09 × 456 × 10 % / 365 = 1.14 zł → 1 zł, under 8.70 zł; but the interest of the arrears as
    # a whole, (990.91 × 365 + 9.09 × 456) × 10 % / 365 = 100.23 zł, exceeds it, so the 1 zł is
    # charged (WSA w Gdańsku I SA/Gd 626/17: the arrears is the whole unpaid tax, not each part).
    r = op(
        [Tranche(date(2023, 1, 1), 100_000)],
        [PaymentFact(date(2023, 12, 31), 109_000)],
        date(2024, 3, 31),
        rates=FLAT_10,
    )
    assert (r.allocations[0].to_interest, r.allocations[0].to_principal) == (9_909, 99_091)
    assert (r.principal_remaining, r.interest_due, r.interest_not_charged) == (909, 100, 0)


def test_op_partial_payment_under_threshold_goes_to_principal() -> None:
    # 200 zł at 10 % from 2023-01-01; 100 zł paid on 2023-03-01 (60 d): 200 × 60 × 10 % / 365
    # = 3.29 zł → 3 zł ≤ 8.70: not charged, all 100 zł to principal.
    r = op(
        [Tranche(date(2023, 1, 1), 20_000)],
        [PaymentFact(date(2023, 3, 1), 10_000)],
        date(2023, 3, 1),
        rates=FLAT_10,
    )
    assert (r.allocations[0].to_interest, r.allocations[0].to_principal) == (0, 10_000)
    assert figures(r) == (10_000, 0, 0, 10_000, 0)


def test_payment_before_interest_starts() -> None:
    # Paid within the term: no interest yet, everything to principal.
    r = op(
        [Tranche(date(2024, 3, 16), 100_000)],
        [PaymentFact(date(2024, 3, 10), 30_000)],
        date(2024, 3, 15),
    )
    assert figures(r) == (70_000, 0, 0, 70_000, 0)


PAYOUTS = [Tranche(date(2024, 2, 1), 50_000), Tranche(date(2024, 3, 1), 50_000)]


def test_kc_alimony_fund_payouts() -> None:
    # Payouts 2024-01-31 and 2024-02-29, 500 zł each; interest from the day after (art. 27
    # ust. 1a). 2024-12-31 paid 300 zł: interest fixed on that day (KC art. 481, per period to the
    # grosz): 500 × 335 × 11.25 % / 365 = 51.63 + 500 × 306 × 11.25 % / 365 = 47.16 = 98.79 zł;
    # KC art. 451: interest first, 201.21 zł to the older payout → 298.79 zł + 500 zł left.
    # As of 2025-06-30, from 2025-01-01: 298.79 × 127 d × 11.25 % = 11.70 (11.6958);
    # 298.79 × 54 d × 10.75 % = 4.75; 500 × 127 × 11.25 % = 19.57; 500 × 54 × 10.75 % = 7.95.
    r = kc(PAYOUTS, [PaymentFact(date(2024, 12, 31), 30_000)], date(2025, 6, 30))
    assert r.allocations[0] == Allocation(date(2024, 12, 31), 30_000, 0, 9_879, 20_121, 0)
    assert figures(r) == (79_879, 4_397, 0, 84_276, 0)
    assert [(p.tranche, p.principal, p.days, p.interest) for p in r.rate_periods] == [
        (0, 29_879, 127, 1_170),
        (0, 29_879, 54, 475),
        (1, 50_000, 127, 1_957),
        (1, 50_000, 54, 795),
    ]
    assert r.time_barred_from is None  # no limitation for the fund by default


def test_kc_payment_short_of_interest_carries_it() -> None:
    # As above, but 50 zł paid: 98.79 zł interest fixed, 50 zł of it paid, 48.79 zł carried
    # (no interest on it); both 500 zł keep accruing from 2025-01-01: 2 × (19.57 + 7.95).
    r = kc(PAYOUTS, [PaymentFact(date(2024, 12, 31), 5_000)], date(2025, 6, 30))
    assert (r.allocations[0].to_interest, r.allocations[0].to_principal) == (5_000, 0)
    assert (r.principal_remaining, r.interest_carried, r.interest_due) == (100_000, 4_879, 10_383)


def test_no_interest_regime() -> None:
    rules = replace(OPLATA_POBYT, interest_regime=InterestRegime.BRAK)
    r = compute_balance(
        rules,
        [Tranche(date(2020, 1, 1), 10_000)],
        [PaymentFact(date(2024, 1, 1), 4_000)],
        [],
        None,
        None,
        date(2025, 1, 1),
    )
    assert figures(r) == (6_000, 0, 0, 6_000, 0)


@pytest.mark.parametrize(
    ("payments", "costs", "field", "message"),
    [
        ([PaymentFact(date(2025, 7, 1), 100)], [], "payments", "Wpłata z dnia 01.07.2025"),
        ([PaymentFact(date(2025, 1, 1), 0)], [], "payments", "Kwota wpłaty"),
        ([], [CostFact(date(2025, 7, 1), 1_600)], "costs", "Koszty z dnia 01.07.2025"),
    ],
)
def test_bad_facts(
    payments: list[PaymentFact], costs: list[CostFact], field: str, message: str
) -> None:
    with pytest.raises(BalanceInputError, match=message) as err:
        op([Tranche(date(2024, 3, 16), 100_000)], payments, date(2025, 6, 30), costs=tuple(costs))
    assert err.value.field == field


@pytest.mark.parametrize(
    ("rules", "rates", "threshold", "field"),
    [
        (OPLATA_POBYT, table(USTAWOWE), table(PROG), "rates"),  # wrong table for the regime
        (OPLATA_POBYT, table(ZWLOKA), None, "threshold"),
        (
            replace(FUNDUSZ, allocation_rule=AllocationRule.OP_PROPORTIONAL),
            table(USTAWOWE),
            None,
            "rules",
        ),
    ],
)
def test_bad_rules_or_tables(
    rules: KindRules, rates: ParameterTable, threshold: ParameterTable | None, field: str
) -> None:
    with pytest.raises(BalanceInputError) as err:
        compute_balance(
            rules, [Tranche(date(2024, 3, 16), 1)], [], [], rates, threshold, date(2025, 1, 1)
        )
    assert err.value.field == field


# --- properties -------------------------------------------------------------------------------

START, AS_OF = date(2016, 1, 1), date(2026, 11, 23)
days = st.integers(0, (AS_OF - START).days).map(lambda n: START + timedelta(days=n))
facts = st.fixed_dictionaries(
    {
        "tranches": st.lists(
            st.builds(Tranche, days, st.integers(1, 10**7)), min_size=1, max_size=3
        ),
        "payments": st.lists(st.builds(PaymentFact, days, st.integers(1, 10**7)), max_size=6),
        "costs": st.lists(st.builds(CostFact, days, st.sampled_from([1_160, 1_600])), max_size=2),
    }
)
Facts = dict[str, list[Any]]
KINDS = {"op": (OPLATA_POBYT, ZWLOKA), "kc": (FUNDUSZ, USTAWOWE)}


def run(
    kind: str, f: Facts, extra: tuple[PaymentFact, ...] = (), *, detail: bool = True
) -> BalanceResult:
    rules, code = KINDS[kind]
    payments = [*f["payments"], *extra]
    return compute_balance(
        rules, f["tranches"], payments, f["costs"], table(code), table(PROG), AS_OF, detail=detail
    )


PROPERTY = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@PROPERTY
@given(st.sampled_from(sorted(KINDS)), facts)
def test_allocations_sum_and_balance_is_never_negative(kind: str, f: Facts) -> None:
    r = run(kind, f)
    for a in r.allocations:
        assert a.to_costs + a.to_interest + a.to_principal + a.overpayment == a.amount
        assert min(a.to_costs, a.to_interest, a.to_principal, a.overpayment) >= 0
    assert min(r.principal_remaining, r.interest_due, r.costs_due, r.overpayment) >= 0
    assert r.balance == r.principal_remaining + r.interest_due + r.costs_due >= 0
    assert r.overpayment == sum(a.overpayment for a in r.allocations)
    paid = sum(p.amount for p in f["payments"])
    owed = sum(t.amount for t in f["tranches"]) + sum(c.amount for c in f["costs"])
    assert sum(a.to_principal + a.to_costs for a in r.allocations) == owed - (
        r.principal_remaining + r.costs_due
    )
    assert paid == sum(a.amount for a in r.allocations)
    # The sweep's lean call gives the same figures, without the breakdowns
    lean = run(kind, f, detail=False)
    assert figures(lean) == figures(r)
    assert (lean.allocations, lean.rate_periods) == ((), ())
    assert (lean.interest_carried, lean.interest_not_charged) == (
        r.interest_carried,
        r.interest_not_charged,
    )


@PROPERTY
@given(st.sampled_from(sorted(KINDS)), facts)
def test_paying_the_reported_balance_leaves_zero(kind: str, f: Facts) -> None:
    before = run(kind, f)
    if before.balance == 0:
        return
    after = run(kind, f, (PaymentFact(AS_OF, before.balance),))
    assert (after.balance, after.interest_due, after.principal_remaining) == (0, 0, 0)
    assert after.allocations[-1].overpayment == 0
    assert after.overpayment == before.overpayment
