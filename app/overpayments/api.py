from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path

from app.auth.deps import Reader, SessionDep, Signer
from app.deps import TodayDep
from app.errors import PROBLEM
from app.overpayments import service
from app.overpayments.schemas import (
    OverpaymentRead,
    RefundCreate,
    SetOffCreate,
    SettlementRead,
    YearEndOverpaymentRead,
)

router = APIRouter(prefix="/api/v1", tags=["overpayments"])
_ERR = {code: {"content": {PROBLEM: {}}} for code in (401, 403, 404, 409, 422)}


def _read(x: service.Listed) -> OverpaymentRead:
    o = x.overpayment
    return OverpaymentRead(
        id=o.id,
        debtor_id=o.debtor_id,
        receivable_id=o.receivable_id,
        arisen_on=o.arisen_on,
        amount=o.amount,
        available=x.available,
        settlements=[
            SettlementRead(
                kind=s.kind,
                decided_on=s.decided_on,
                amount=s.amount,
                decision_ref=s.decision_ref,
                target_receivable_id=s.target_receivable_id,
                payment_id=s.payment_id,
            )
            for s in x.settlements
        ],
    )


@router.get("/debtors/{debtor_id}/overpayments", responses=_ERR)  # type: ignore[arg-type]
async def debtor_overpayments(
    debtor_id: int, session: SessionDep, _user: Reader
) -> list[OverpaymentRead]:
    """The debtor's overpayments (nadpłaty), each with what is still to settle."""
    return [_read(x) for x in await service.of_debtor(session, debtor_id)]


@router.post("/overpayments/{overpayment_id}/refund", status_code=201, responses=_ERR)  # type: ignore[arg-type]
async def refund(
    overpayment_id: int, body: RefundCreate, session: SessionDep, user: Signer, today: TodayDep
) -> OverpaymentRead:
    """Refund what is left of an overpayment (refused while the debtor has arrears, OP art. 76)."""
    return _read(await service.refund(session, overpayment_id, body, user.username, today))


@router.post("/overpayments/{overpayment_id}/set-off", status_code=201, responses=_ERR)  # type: ignore[arg-type]
async def set_off(
    overpayment_id: int, body: SetOffCreate, session: SessionDep, user: Signer, today: TodayDep
) -> OverpaymentRead:
    """Set an overpayment off against another receivable of the debtor (OP art. 76, 76a)."""
    return _read(await service.set_off(session, overpayment_id, body, user.username, today))


@router.get("/overpayments/year-end/{year}", responses=_ERR)  # type: ignore[arg-type]
async def year_end(
    year: Annotated[int, Path(ge=2000, le=2100, description="rok")],
    session: SessionDep,
    _user: Reader,
) -> list[YearEndOverpaymentRead]:
    """Overpayments still to refund or set off on 31 December of the year (year-end list)."""
    return [
        YearEndOverpaymentRead(
            overpayment_id=o.id,
            debtor_id=o.debtor_id,
            debtor_name=name,
            receivable_id=o.receivable_id,
            arisen_on=o.arisen_on,
            amount=o.amount,
            open_amount=open_amount,
        )
        for o, name, open_amount in await service.open_at_year_end(session, year)
    ]
