"""The balance of one receivable as of a date: the one call the service layer and the calculator
make. Payments are replayed in date order; each is allocated on its own day under the kind's rule,
and the result says what is still due as of `as_of`, how it is made up, and when it prescribes.

    result = compute_balance(rules, tranches, payments, costs, rates, threshold, as_of,
                             term_ended_on=...)

`rates` is the ParameterTable of the kind's interest regime (code odsetki_za_zwloke or
odsetki_ustawowe_za_opoznienie; None for InterestRegime.BRAK); `threshold` the table
prog_odsetek (needed only for odsetki za zwłokę). All amounts are integer grosze.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from operator import attrgetter, itemgetter

from app.domain.allocation import Allocation
from app.domain.interest import DatedSchedule, RatePeriod, compile_table
from app.domain.kinds import RATE_CODE, AllocationRule, InterestRegime, KindRules
from app.domain.ledger import KcLedger, OpLedger, items_of
from app.domain.limitation import LimitationFact, time_barred_from
from app.domain.money import Grosze
from app.domain.parameters import ParameterCode, ParameterTable


@dataclass(frozen=True, slots=True)
class Tranche:
    """One amount owed and the first day interest runs on it (interest.interest_from): one tranche
    for an ordinary receivable, one per payout for the alimony fund."""

    interest_from: date
    amount: Grosze


@dataclass(frozen=True, slots=True)
class PaymentFact:
    on: date
    amount: Grosze
    reference: str | None = None


@dataclass(frozen=True, slots=True)
class CostFact:
    """Reminder costs (koszty upomnienia), due from `on`: the day the upomnienie was delivered
    (u.p.e.a. art. 15: the obligation to pay them arises on delivery)."""

    on: date
    amount: Grosze


@dataclass(frozen=True, slots=True)
class BalanceResult:
    as_of: date
    principal_remaining: Grosze
    interest_due: Grosze  # charged interest still unpaid as of as_of (carried + accrued)
    costs_due: Grosze
    balance: Grosze  # principal + interest + costs; never negative
    overpayment: Grosze  # paid beyond everything due, kept separate (never lost)
    allocations: tuple[Allocation, ...]  # one per payment, in date order (empty if not detail)
    rate_periods: tuple[RatePeriod, ...]  # breakdown of the interest still accruing (detail)
    interest_carried: Grosze  # part of interest_due fixed at earlier payments (not in rate_periods)
    interest_not_charged: Grosze  # OP art. 54 §1 pkt 5: accrued but under the threshold
    time_barred_from: date | None


_ON = attrgetter("on")


class BalanceInputError(ValueError):
    """Facts that cannot be settled; `field` names the input, the message is for the user."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


def compute_balance(
    rules: KindRules,
    tranches: Sequence[Tranche],
    payments: Sequence[PaymentFact],
    costs: Sequence[CostFact],
    rates: ParameterTable | None,
    threshold: ParameterTable | None,
    as_of: date,
    *,
    term_ended_on: date | None = None,
    decision_final_on: date | None = None,
    interruptions: Sequence[date] = (),
    limitation_facts: Sequence[LimitationFact] = (),
    settled_on: date | None = None,
    detail: bool = True,
) -> BalanceResult:
    """The balance as of `as_of` (inclusive). `term_ended_on`/`decision_final_on` anchor the
    limitation; `interruptions` are days that interrupt it whatever the kind, `limitation_facts`
    events that interrupt or suspend it as the kind says, `settled_on` the day of the full payment
    (limitation.time_barred_from). `detail=False` returns the figures only, without the
    allocations and the rate-period breakdown: a sweep over every receivable needs no more, and
    building those objects is a third of the cost."""
    _check_facts(tranches, payments, costs, as_of)
    ledger = _ledger(rules, tranches, rates, threshold)
    book = _CostBook(costs)
    payments = sorted(payments, key=_ON)  # processed in date order (stable within a day)
    allocations, overpayment = _replay(ledger, book, payments, detail=detail)
    out = ledger.outstanding(as_of.toordinal(), detail=detail)
    costs_due = book.due()
    barred = time_barred_from(
        rules,
        term_ended_on=term_ended_on,
        decision_final_on=decision_final_on,
        payments=[p.on for p in payments] if rules.limitation_interrupted_by_payment else (),
        interruptions=interruptions,
        facts=limitation_facts,
        settled_on=settled_on,
    )
    return BalanceResult(
        as_of=as_of,
        principal_remaining=out.principal,
        interest_due=out.interest_due,
        costs_due=costs_due,
        balance=out.principal + out.interest_due + costs_due,
        overpayment=overpayment,
        allocations=tuple(allocations),
        rate_periods=tuple(out.periods),
        interest_carried=out.interest_carried,
        interest_not_charged=out.interest_not_charged,
        time_barred_from=barred,
    )


def _replay(
    ledger: OpLedger | KcLedger, book: _CostBook, payments: list[PaymentFact], *, detail: bool
) -> tuple[list[Allocation], Grosze]:
    """Each payment allocated on its own day; returns the allocations and the overpayment."""
    allocations = []
    overpayment = 0
    for payment in payments:
        day = payment.on.toordinal()
        # OP art. 62 §1a and KC art. 451 §1: the costs come first.
        to_costs = book.pay(day, payment.amount) if book.open else 0
        to_interest, to_principal, rest = ledger.pay(day, payment.amount - to_costs)
        overpayment += rest
        if detail:
            allocations.append(
                Allocation(
                    payment.on, payment.amount, to_costs, to_interest, to_principal, rest,
                    payment.reference,
                )
            )  # fmt: skip
    return allocations, overpayment


class _CostBook:
    """Reminder costs, paid oldest first, each only once it has arisen."""

    def __init__(self, costs: Sequence[CostFact]) -> None:
        self.open = [[c.on.toordinal(), c.amount] for c in costs]
        if len(self.open) > 1:
            self.open.sort(key=itemgetter(0))

    def pay(self, day: int, amount: Grosze) -> Grosze:
        paid = 0
        for cost in self.open:
            if cost[0] > day or paid == amount:
                break
            part = min(amount - paid, cost[1])
            cost[1] -= part
            paid += part
        return paid

    def due(self) -> Grosze:
        return sum([c[1] for c in self.open]) if self.open else 0


_PROG = ParameterCode.PROG_ODSETEK.value
_OP_RULES = (AllocationRule.OP_PROPORTIONAL,)
_KC_RULES = (AllocationRule.KC_451, AllocationRule.ART_28, AllocationRule.KC_451_TRANCHES)


def _ledger(
    rules: KindRules,
    tranches: Sequence[Tranche],
    rates: ParameterTable | None,
    threshold: ParameterTable | None,
) -> OpLedger | KcLedger:
    regime, rule = rules.interest_regime, rules.allocation_rule
    items = items_of((t.interest_from, t.amount) for t in tranches)
    schedule = _rates(regime, rates)
    if rule in _OP_RULES and regime is not InterestRegime.ODSETKI_USTAWOWE_ZA_OPOZNIENIE:
        prog = None
        if schedule is not None:
            prog = compile_table(_table(threshold, _PROG, "threshold"))
        return OpLedger(items, schedule, prog)
    if rule in _KC_RULES and regime is not InterestRegime.ODSETKI_ZA_ZWLOKE:
        return KcLedger(items, schedule, by_tranche=rule is AllocationRule.KC_451_TRANCHES)
    # Proportional allocation goes with the OP rounding and threshold, KC 451 with civil interest;
    # a kind mixing them has no defined settlement: refuse rather than guess.
    raise BalanceInputError(
        "rules",
        f"Rodzaj należności {rules.code!r}: zasada zaliczania wpłat {rule.value!r} nie łączy się"
        f" z rodzajem odsetek {regime.value!r}",
    )


def _rates(regime: InterestRegime, rates: ParameterTable | None) -> DatedSchedule | None:
    if regime is InterestRegime.BRAK:
        return None
    return compile_table(_table(rates, RATE_CODE[regime], "rates"))


def _table(table: ParameterTable | None, code: str, name: str) -> ParameterTable:
    if table is None or table.code != code or not table.rows:
        raise BalanceInputError(name, f"Potrzebna tabela parametru {code!r} (pole {name})")
    return table


def _check_facts(
    tranches: Sequence[Tranche],
    payments: Sequence[PaymentFact],
    costs: Sequence[CostFact],
    as_of: date,
) -> None:
    if not tranches:
        raise BalanceInputError(
            "tranches", "Należność musi mieć co najmniej jedną kwotę (tranches)"
        )
    for t in tranches:
        if t.amount <= 0:
            raise _not_positive("tranches", "Kwota należności", t.interest_from)
    for p in payments:
        if p.amount <= 0:
            raise _not_positive("payments", "Kwota wpłaty", p.on)
        if p.on > as_of:
            raise BalanceInputError(
                "payments",
                f"Wpłata z dnia {p.on:%d.%m.%Y} jest późniejsza niż dzień wyliczenia salda"
                f" {as_of:%d.%m.%Y}",
            )
    for c in costs:
        if c.amount <= 0:
            raise _not_positive("costs", "Kwota kosztów", c.on)
        if c.on > as_of:
            raise BalanceInputError(
                "costs",
                f"Koszty z dnia {c.on:%d.%m.%Y} są późniejsze niż dzień wyliczenia salda"
                f" {as_of:%d.%m.%Y}",
            )


def _not_positive(field: str, what: str, on: date) -> BalanceInputError:
    return BalanceInputError(field, f"{what} z dnia {on:%d.%m.%Y} musi być większa od zera")
