from __future__ import annotations

from fastapi import APIRouter

from app.auth.deps import Reader, SessionDep
from app.calculator import service
from app.calculator.schemas import (
    AllocationRead,
    CalculatorRequest,
    CalculatorResult,
    RatePeriodRead,
)
from app.errors import PROBLEM

router = APIRouter(prefix="/api/v1/calculator", tags=["calculator"])
_ERR = {code: {"content": {PROBLEM: {}}} for code in (401, 403, 422)}


def rate_text(bp: int) -> str:
    return f"{bp // 100}.{bp % 100:02d}"


@router.post("", responses=_ERR, response_model_by_alias=True)  # type: ignore[arg-type]
async def calculate(
    body: CalculatorRequest, session: SessionDep, _user: Reader
) -> CalculatorResult:
    """Interest, allocation of payments, balance and limitation for typed-in facts."""
    calc = await service.calculate(session, body)
    r = calc.result
    return CalculatorResult(
        kind=body.kind,
        as_of=body.as_of,
        term_ends_on=calc.term_ends_on,
        term_note=calc.term_note,
        principal_remaining=r.principal_remaining,
        interest_due=r.interest_due,
        interest_not_charged=r.interest_not_charged,
        costs_due=r.costs_due,
        balance=r.balance,
        overpayment=r.overpayment,
        time_barred_from=r.time_barred_from,
        allocations=[
            AllocationRead(
                date=a.on,
                amount=a.amount,
                to_costs=a.to_costs,
                to_interest=a.to_interest,
                to_principal=a.to_principal,
                overpayment=a.overpayment,
            )
            for a in r.allocations
        ],
        rate_periods=[
            RatePeriodRead(
                from_=p.start,
                to=p.end,
                principal=p.principal,
                rate=rate_text(p.rate_bp),
                days=p.days,
                interest=p.interest,
            )
            for p in r.rate_periods
        ],
    )
