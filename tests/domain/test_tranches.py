"""Benefits received without right (art. 23 u.p.o.u.a.), one receivable for several payouts
(issue 16 item 4): each payout is a tranche with interest from the first day of the month after
it (art. 23 ust. 7), and a payment settles the oldest tranche first (KC art. 451 §3), within it
interest before principal (KC art. 451 §1).

Odsetki ustawowe za opóźnienie 11.25 % from 2023-10-05 to 2025-05-07 (KC art. 481 §2: the NBP
reference rate 5.75 % + 5.5 points), one rate period each, rounded to the grosz."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from app.domain.allocation import Allocation
from app.domain.balance import PaymentFact, Tranche, compute_balance
from app.domain.interest import interest_from
from app.domain.kinds import AllocationRule, InterestStart
from tests.domain.seed import USTAWOWE, table
from tests.domain.test_limitation_events import ART_23

START = InterestStart.FIRST_OF_NEXT_MONTH
# 500.00 paid out 2024-01-10 → interest from 2024-02-01; 500.00 paid out 2024-02-10 → 2024-03-01.
TRANCHES = [
    Tranche(interest_from(START, date(2024, 1, 10)), 50_000),
    Tranche(interest_from(START, date(2024, 2, 10)), 50_000),
]


def test_interest_runs_per_tranche_from_the_month_after_its_payout() -> None:
    assert [t.interest_from for t in TRANCHES] == [date(2024, 2, 1), date(2024, 3, 1)]
    # As of 2024-06-30:
    # tranche 1: 2024-02-01..06-30 = 29+31+30+31+30 = 151 days; 500 × 11.25 % × 151/365 = 23.2705
    #            → 23.27
    # tranche 2: 2024-03-01..06-30 = 122 days; 500 × 11.25 % × 122/365 = 18.8014 → 18.80
    r = compute_balance(ART_23, TRANCHES, [], [], table(USTAWOWE), None, date(2024, 6, 30))
    assert r.interest_due == 2327 + 1880
    assert [(p.tranche, p.start, p.days, p.interest) for p in r.rate_periods] == [
        (0, date(2024, 2, 1), 151, 2327),
        (1, date(2024, 3, 1), 122, 1880),
    ]


def test_payment_goes_to_the_oldest_tranche_first_interest_then_principal() -> None:
    # 300.00 on 2024-06-30: tranche 1's interest 23.27, then its principal 276.73 (223.27 left);
    # tranche 2 untouched (its 18.80 of interest stays due, fixed on that day).
    pay = [PaymentFact(date(2024, 6, 30), 30_000)]
    r = compute_balance(ART_23, TRANCHES, pay, [], table(USTAWOWE), None, date(2024, 12, 31))
    assert r.allocations == (Allocation(date(2024, 6, 30), 30_000, 0, 2327, 27_673, 0),)
    # As of 2024-12-31 (2024-07-01..12-31 = 184 days):
    # tranche 1: 223.27 × 11.25 % × 184/365 = 12.6622 → 12.66
    # tranche 2: 18.80 fixed + 500 × 11.25 % × 184/365 = 28.3562 → 28.36
    assert r.principal_remaining == 22_327 + 50_000
    assert r.interest_due == 1266 + 1880 + 2836
    # KC art. 451 §1 over the whole debt instead (all interest first) would give 42.07 to
    # interest: the two rules differ, and the kind chooses.
    whole = replace(ART_23, allocation_rule=AllocationRule.KC_451)
    r = compute_balance(whole, TRANCHES, pay, [], table(USTAWOWE), None, date(2024, 6, 30))
    assert r.allocations[0].to_interest == 2327 + 1880


def test_the_order_is_by_payout_not_by_entry() -> None:
    pay = [PaymentFact(date(2024, 6, 30), 30_000)]
    r = compute_balance(ART_23, TRANCHES[::-1], pay, [], table(USTAWOWE), None, date(2024, 6, 30))
    assert r.allocations[0].to_interest == 2327
    assert r.allocations[0].to_principal == 27_673


def test_a_payment_covering_the_first_tranche_goes_on_to_the_second() -> None:
    # 600.00 on 2024-06-30: tranche 1 23.27 + 500.00; the rest 76.73 to tranche 2: its interest
    # 18.80, then 57.93 of its principal (442.07 left).
    pay = [PaymentFact(date(2024, 6, 30), 60_000)]
    r = compute_balance(ART_23, TRANCHES, pay, [], table(USTAWOWE), None, date(2024, 6, 30))
    assert r.allocations[0] == Allocation(date(2024, 6, 30), 60_000, 0, 2327 + 1880, 55_793, 0)
    assert r.principal_remaining == 44_207
    assert r.interest_due == 0
