"""compute_balance against a slow, independent reference: day-by-day rates looked up through
ParameterTable.row_on (not the compiled prefix sums), exact Fractions, and the Decimal roundings
of money.py (not the integer twins). Random facts; the two must agree to the grosz."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from fractions import Fraction
from functools import cache
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.domain.balance import CostFact, PaymentFact, Tranche, compute_balance
from app.domain.money import round_to_full_zloty, round_to_grosz
from app.domain.parameters import ParameterCode
from tests.domain.seed import FUNDUSZ, OPLATA_POBYT, PROG, USTAWOWE, ZWLOKA, table

START, AS_OF = date(2020, 1, 1), date(2026, 11, 23)
DAY = timedelta(days=1)


@cache
def row_on(code: ParameterCode, day: date) -> tuple[date, int]:
    row = table(code).row_on(day)
    return row.valid_from, row.value


def days(first: date, last: date) -> Iterator[date]:
    while first <= last:
        yield first
        first += DAY


def to_dec(x: Fraction) -> Decimal:
    return Decimal(x.numerator) / Decimal(x.denominator)


def op_exact(amount: int, first: date, last: date) -> Fraction:
    # rozporządzenie MF z 22.08.2005: A × dni × stawka / 365, periods summed unrounded
    return Fraction(amount * sum(row_on(ZWLOKA, d)[1] for d in days(first, last)), 3_650_000)


def kc_rounded(amount: int, first: date, last: date) -> int:
    # KC art. 481: per rate period (row in force), each rounded to the grosz
    periods: dict[date, int] = {}
    for d in days(first, last):
        since, bp = row_on(USTAWOWE, d)
        periods[since] = periods.get(since, 0) + bp
    return sum(round_to_grosz(to_dec(Fraction(amount * w, 3_650_000))) for w in periods.values())


@dataclass
class Part:
    first: date
    principal: int
    carried: int = 0
    settled: Fraction = field(default_factory=Fraction)


@dataclass
class Cost:
    on: date
    left: int


def pay_costs(costs: list[Cost], day: date, amount: int) -> int:
    paid = 0
    for cost in costs:  # oldest first, each once it has arisen
        if cost.on <= day:
            part = min(amount - paid, cost.left)
            cost.left, paid = cost.left - part, paid + part
    return paid


def op_interest(part: Part, day: date) -> tuple[int, Fraction]:
    if part.principal == 0 or day < part.first:
        return 0, Fraction(0)
    exact = op_exact(part.principal, part.first, day)
    accrued = round_to_full_zloty(to_dec(exact))
    # OP art. 54 §1 pkt 5, compared before the rounding of art. 63 §1 (see ledger.OpLedger)
    whole = part.settled + exact
    return (accrued if whole > table(PROG).value_on(day) else 0), exact


def op_pay(parts: list[Part], day: date, amount: int) -> tuple[int, int, int]:
    ti = tp = 0
    for part in parts:
        c = min(amount, part.carried)
        part.carried -= c
        ti, amount = ti + c, amount - c
        if part.principal == 0 or amount == 0:
            continue
        interest, exact = op_interest(part, day)
        if amount >= part.principal + interest:
            i, p = interest, part.principal
        else:
            # OP art. 55 §2 in grosze (OP art. 63 §3)
            i = round_to_grosz(Decimal(amount * interest) / (part.principal + interest))
            i = max(amount - part.principal, min(i, interest, amount), 0)
            p = amount - i
        if exact:
            part.settled += exact * p / part.principal
        if p == part.principal:
            part.carried += interest - i
        part.principal -= p
        ti, tp, amount = ti + i, tp + p, amount - i - p
    return ti, tp, amount


def kc_pay(parts: list[Part], day: date, amount: int) -> tuple[int, int, int]:
    for part in parts:
        if part.principal and day >= part.first:
            part.carried += kc_rounded(part.principal, part.first, day)
            part.first = day + DAY
    ti = tp = 0
    for part in parts:
        c = min(amount - ti, part.carried)
        part.carried, ti = part.carried - c, ti + c
    for part in parts:
        c = min(amount - ti - tp, part.principal)
        part.principal, tp = part.principal - c, tp + c
    return ti, tp, amount - ti - tp


Facts = dict[str, list[Any]]


def reference(kind: str, f: Facts) -> tuple[list[tuple[int, int, int, int]], tuple[int, int, int]]:
    parts = sorted((Part(t.interest_from, t.amount) for t in f["tranches"]), key=lambda p: p.first)
    costs = sorted((Cost(c.on, c.amount) for c in f["costs"]), key=lambda c: c.on)
    pay = op_pay if kind == "op" else kc_pay
    allocations = []
    for payment in sorted(f["payments"], key=lambda p: p.on):
        to_costs = pay_costs(costs, payment.on, payment.amount)
        ti, tp, rest = pay(parts, payment.on, payment.amount - to_costs)
        allocations.append((to_costs, ti, tp, rest))
    if kind == "op":
        interest = sum(p.carried + op_interest(p, AS_OF)[0] for p in parts)
    else:
        interest = sum(
            p.carried + (kc_rounded(p.principal, p.first, AS_OF) if p.principal else 0)
            for p in parts
        )
    principal = sum(p.principal for p in parts)
    return allocations, (principal, interest, sum(c.left for c in costs))


when = st.integers(0, (AS_OF - START).days).map(lambda n: START + timedelta(days=n))
facts = st.fixed_dictionaries(
    {
        "tranches": st.lists(
            st.builds(Tranche, when, st.integers(1, 10**6)), min_size=1, max_size=3
        ),
        "payments": st.lists(st.builds(PaymentFact, when, st.integers(1, 10**6)), max_size=5),
        "costs": st.lists(st.builds(CostFact, when, st.sampled_from([1_160, 1_600])), max_size=2),
    }
)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(["op", "kc"]), facts)
def test_engine_agrees_with_the_day_by_day_reference(kind: str, f: Facts) -> None:
    rules, code = (OPLATA_POBYT, ZWLOKA) if kind == "op" else (FUNDUSZ, USTAWOWE)
    r = compute_balance(
        rules, f["tranches"], f["payments"], f["costs"], table(code), table(PROG), AS_OF
    )
    allocations, (principal, interest, costs) = reference(kind, f)
    got = [(a.to_costs, a.to_interest, a.to_principal, a.overpayment) for a in r.allocations]
    assert got == allocations
    assert (r.principal_remaining, r.interest_due, r.costs_due) == (principal, interest, costs)
