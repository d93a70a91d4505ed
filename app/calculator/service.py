"""The public calculator: the same money engine as the receivable card, over facts typed in."""

from __future__ import annotations

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
from app.errors import Invalid
from app.receivables.repository import ReceivableRepository, kind_rules


async def calculate(
    session: AsyncSession, request: CalculatorRequest
) -> tuple[KindRules, BalanceResult]:
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
    try:
        result = compute_balance(
            rules,
            _tranches(request, rules),
            [PaymentFact(p.date, p.amount) for p in request.payments],
            [CostFact(c.date, c.amount) for c in request.reminder_costs],
            ParameterTable.of(code, params) if code else None,
            ParameterTable.of(ParameterCode.PROG_ODSETEK, params),
            request.as_of,
            term_ended_on=request.due_date,
            decision_final_on=request.decision_final_on,
        )
    except BalanceInputError as exc:
        raise Invalid(str(exc), field=exc.field) from exc
    return rules, result


def _check_dates(request: CalculatorRequest) -> None:
    for name, items in (
        ("payments", request.payments),
        ("payouts", request.payouts),
        ("reminder_costs", request.reminder_costs),
    ):
        for i, item in enumerate(items):
            if item.date > request.as_of:
                raise Invalid(
                    f"Data {item.date} jest późniejsza niż dzień wyliczenia (as_of {request.as_of})",
                    field=f"{name}.{i}.date",
                )


def _tranches(request: CalculatorRequest, rules: KindRules) -> list[Tranche]:
    if request.payouts:
        return [
            Tranche(interest_from(rules.interest_start, p.date), p.amount) for p in request.payouts
        ]
    assert request.principal is not None and request.due_date is not None
    # OP art. 53 §1 / KC art. 481 §1: interest from the day after the payment term.
    return [
        Tranche(interest_from(InterestStart.DAY_AFTER_DUE, request.due_date), request.principal)
    ]
