"""The public calculator: the same money engine as the receivable card, over facts typed in."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy.ext.asyncio import AsyncSession

from app.calculator.schemas import CalculatorRequest
from app.domain.balance import (
    BalanceInputError,
    BalanceResult,
    CostFact,
    PaymentFact,
    Tranche,
    compute_balance,
)
from app.domain.interest import interest_from
from app.domain.kinds import RATE_CODE, InterestStart, KindRules
from app.domain.parameters import ParameterCode, ParameterTable
from app.domain.workdays import shift_to_working_day
from app.errors import Invalid
from app.receivables.repository import ReceivableRepository, kind_rules


@dataclass(frozen=True)
class Calculation:
    rules: KindRules
    result: BalanceResult
    # The last day of the payment term as the law counts it: a term whose last day falls on a
    # Saturday or a day off ends on the next working day (OP art. 12 §5; KC art. 115), as on the
    # receivable card (app.domain.deadlines.term_end). None when payouts are given instead.
    term_ends_on: date | None
    term_note: str | None  # why it moved, when it did (Polish, for the result)


async def calculate(session: AsyncSession, request: CalculatorRequest) -> Calculation:
    repo = ReceivableRepository(session)
    kind = await repo.kind(request.kind)
    if kind is None:
        known = ", ".join(k.code for k in await repo.kinds())
        raise Invalid(
            f"Nieznany rodzaj należności {request.kind!r} (dostępne: {known})", field="kind"
        )
    rules = kind_rules(kind)
    _check_dates(request)
    params = await repo.parameter_rows()
    code = RATE_CODE.get(rules.interest_regime)
    term = shift_to_working_day(request.due_date) if request.due_date else None
    try:
        result = compute_balance(
            rules,
            _tranches(request, rules, term),
            [PaymentFact(p.date, p.amount) for p in request.payments],
            [CostFact(c.date, c.amount) for c in request.reminder_costs],
            ParameterTable.of(code, params) if code else None,
            ParameterTable.of(ParameterCode.PROG_ODSETEK, params),
            request.as_of,
            term_ended_on=term,
            decision_final_on=request.decision_final_on,
        )
    except BalanceInputError as exc:
        raise Invalid(str(exc), field=exc.field) from exc
    return Calculation(rules, result, term, _term_note(request.due_date, term))


_DAY_OFF = {5: "w sobotę", 6: "w niedzielę"}


def _term_note(given: date | None, term: date | None) -> str | None:
    if given is None or term is None or given == term:
        return None
    why = _DAY_OFF.get(given.weekday(), "w dzień ustawowo wolny od pracy")
    return (
        f"Termin płatności {given.isoformat()} przypadał {why}: upływa {term.isoformat()},"
        " w najbliższym dniu roboczym (OP art. 12 § 5, KC art. 115); odsetki od dnia następnego."
    )


def _check_dates(request: CalculatorRequest) -> None:
    for name, items in (
        ("payments", request.payments),
        ("payouts", request.payouts),
        ("reminder_costs", request.reminder_costs),
    ):
        for i, item in enumerate(items):
            if item.date > request.as_of:
                raise Invalid(
                    f"Data {item.date} jest późniejsza niż dzień wyliczenia"
                    f" (as_of {request.as_of})",
                    field=f"{name}.{i}.date",
                )


def _tranches(request: CalculatorRequest, rules: KindRules, term: date | None) -> list[Tranche]:
    if request.payouts:
        return [
            Tranche(interest_from(rules.interest_start, p.date), p.amount) for p in request.payouts
        ]
    assert request.principal is not None
    assert term is not None
    # OP art. 53 §1 / KC art. 481 §1: interest from the day after the (shifted) payment term.
    return [Tranche(interest_from(InterestStart.DAY_AFTER_DUE, term), request.principal)]
