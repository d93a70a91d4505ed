"""Issue 20 item 7 over the API: the debtor's death, heirs, the estate's division, the write-off
for lack of an estate and its decision (PDF). Thin: the use cases are in service.py."""

from __future__ import annotations

import asyncio

from fastapi import APIRouter, Response

from app.audit.reads import audited
from app.auth.deps import Collector, Reader, SessionDep, Signer
from app.deps import TodayDep
from app.errors import PROBLEM
from app.estates import service
from app.estates.schemas import (
    DeathCreate,
    DivisionCreate,
    EstateRead,
    EstateWriteOffCreate,
    HeirCreate,
)

router = APIRouter(prefix="/api/v1", tags=["estates"])
_ERR = {code: {"content": {PROBLEM: {}}} for code in (401, 403, 404, 409, 422)}


@router.post("/debtors/{debtor_id}/death", status_code=201, responses=_ERR)  # type: ignore[arg-type]
async def record_death(
    debtor_id: int, body: DeathCreate, session: SessionDep, user: Collector, today: TodayDep
) -> EstateRead:
    """Mark the debtor deceased: the receivables follow the estate, paused until an heir."""
    await service.record_death(session, debtor_id, body, user.username, today)
    return await service.read(session, debtor_id, today)


@router.get(
    "/debtors/{debtor_id}/estate",
    responses=_ERR,
    dependencies=[audited("spadek: spadkobiercy i należności")],
)  # type: ignore[arg-type]
async def estate(debtor_id: int, session: SessionDep, _user: Reader, today: TodayDep) -> EstateRead:
    """The estate: heirs with their shares and what each answers for (KC art. 1034)."""
    return await service.read(session, debtor_id, today)


@router.post("/debtors/{debtor_id}/heirs", status_code=201, responses=_ERR)  # type: ignore[arg-type]
async def add_heir(
    debtor_id: int, body: HeirCreate, session: SessionDep, user: Collector, today: TodayDep
) -> EstateRead:
    """Add an heir (a debtor) with his share; the automatic steps resume."""
    await service.add_heir(session, debtor_id, body, user.username, today)
    return await service.read(session, debtor_id, today)


@router.post("/debtors/{debtor_id}/estate-division", responses=_ERR)  # type: ignore[arg-type]
async def divide(
    debtor_id: int, body: DivisionCreate, session: SessionDep, _user: Collector, today: TodayDep
) -> EstateRead:
    """Record the division of the estate: from then each heir answers by share."""
    await service.divide(session, debtor_id, body, today)
    return await service.read(session, debtor_id, today)


@router.post("/debtors/{debtor_id}/estate-write-off", status_code=201, responses=_ERR)  # type: ignore[arg-type]
async def write_off(
    debtor_id: int, body: EstateWriteOffCreate, session: SessionDep, user: Signer, today: TodayDep
) -> EstateRead:
    """Write off every open receivable of a deceased debtor for lack of an estate."""
    await service.write_off(session, debtor_id, body, user.username, today)
    return await service.read(session, debtor_id, today)


@router.get(
    "/estate-write-offs/{write_off_id}/decision.pdf",
    response_class=Response,
    responses=_ERR,
    dependencies=[audited("PDF decyzji o umorzeniu należności zmarłego")],
)  # type: ignore[arg-type]
async def decision_pdf(
    write_off_id: int, session: SessionDep, _user: Reader, today: TodayDep
) -> Response:
    """The write-off decision for lack of an estate (draft to sign)."""
    from letters.spadek import render_estate_decision

    decision = await service.decision(session, write_off_id, today)
    pdf = await asyncio.to_thread(render_estate_decision, decision)
    return Response(
        pdf,
        media_type="application/pdf",
        headers={
            "Content-Disposition": f'attachment; filename="decyzja-spadek-{write_off_id}.pdf"'
        },
    )
