"""Issue 20 item 3: the relief case over the API (application, referral with its printed letter,
the decision received back). Thin: the use cases are in service.py."""

from __future__ import annotations

import asyncio
from typing import Any

from fastapi import APIRouter, Response

from app.audit.reads import audited
from app.auth.deps import Collector, Reader, SessionDep
from app.deferrals import service
from app.deferrals.schemas import (
    ApplicationCreate,
    DeferralCreate,
    DeferralRead,
    ReferralCreate,
    RefusalCreate,
)
from app.deps import TodayDep
from app.errors import PROBLEM
from app.models import Deferral
from app.receivables import service as receivable_service
from app.receivables.schemas import InstalmentPlanCreate

router = APIRouter(prefix="/api/v1", tags=["deferrals"])
_ERR: dict[int | str, dict[str, Any]] = {
    code: {"content": {PROBLEM: {}}} for code in (401, 403, 404, 409, 422)
}


def read(row: Deferral, state: str) -> DeferralRead:
    return DeferralRead(
        id=row.id,
        receivable_id=row.receivable_id,
        relief=row.relief,
        applied_on=row.applied_on,
        reasons=row.reasons,
        organ=row.organ,
        referred_on=row.referred_on,
        outcome=row.outcome,
        decided_on=row.decided_on,
        decision_ref=row.decision_ref,
        old_term=row.old_term,
        new_term=row.new_term,
        principal=row.principal,
        fee=row.fee,
        fee_waived=row.fee_waived,
        amount=row.amount,
        receivable_state=state,
    )


async def _read(session: SessionDep, row: Deferral) -> DeferralRead:
    receivable = await receivable_service.load(session, row.receivable_id)
    return read(row, receivable.state)


@router.get("/receivables/{receivable_id}/deferrals", responses=_ERR)
async def list_deferrals(
    receivable_id: int, session: SessionDep, _user: Reader
) -> list[DeferralRead]:
    """The receivable's relief cases, the latest first."""
    rows = await service.cases(session, receivable_id)
    receivable = await receivable_service.load(session, receivable_id)
    return [read(r, receivable.state) for r in rows]


@router.post("/receivables/{receivable_id}/deferral-applications", status_code=201, responses=_ERR)
async def record_application(
    receivable_id: int,
    body: ApplicationCreate,
    session: SessionDep,
    user: Collector,
    today: TodayDep,
) -> DeferralRead:
    """Record the debtor's application for a deferral or instalments (OP art. 67a § 1)."""
    row = await service.apply(session, receivable_id, body, user.username, today)
    return await _read(session, row)


@router.post("/deferral-applications/{application_id}/referral", responses=_ERR)
async def refer_application(
    application_id: int,
    body: ReferralCreate,
    session: SessionDep,
    user: Collector,
    today: TodayDep,
) -> DeferralRead:
    """Refer the application to the organ competent for the kind (seed 003 § 4)."""
    row = await service.refer(session, application_id, body.referred_on, user.username, today)
    return await _read(session, row)


@router.get(
    "/deferral-applications/{application_id}/referral.pdf",
    response_class=Response,
    responses=_ERR,
    dependencies=[audited("PDF przekazania wniosku o ulgę")],
)
async def referral_pdf(
    application_id: int, session: SessionDep, _user: Reader, today: TodayDep
) -> Response:
    """The letter referring the application, with the receivable's facts."""
    from letters.przekazanie import render_przekazanie

    letter = await service.referral_letter(session, application_id, today)
    pdf = await asyncio.to_thread(render_przekazanie, letter)
    name = f"przekazanie-wniosku-{application_id}.pdf"
    return Response(
        pdf,
        media_type="application/pdf",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


@router.post("/deferral-applications/{application_id}/refusal", responses=_ERR)
async def refuse_application(
    application_id: int,
    body: RefusalCreate,
    session: SessionDep,
    user: Collector,
    today: TodayDep,
) -> DeferralRead:
    """Record the decision refusing the relief."""
    row = await service.refuse(
        session, application_id, body.decided_on, body.decision_ref, user.username, today
    )
    return await _read(session, row)


@router.post("/deferral-applications/{application_id}/instalments", responses=_ERR)
async def grant_instalments(
    application_id: int,
    body: InstalmentPlanCreate,
    session: SessionDep,
    user: Collector,
    today: TodayDep,
) -> DeferralRead:
    """Record the organ's instalment decision on an application for instalments: the plan as
    `POST /receivables/{id}/instalments` records it, and the application closed with it."""
    row = await service.grant_instalments(session, application_id, body, user.username, today)
    return await _read(session, row)


@router.post("/receivables/{receivable_id}/deferrals", status_code=201, responses=_ERR)
async def grant_deferral(
    receivable_id: int,
    body: DeferralCreate,
    session: SessionDep,
    user: Collector,
    today: TodayDep,
) -> DeferralRead:
    """Record the decision deferring the payment term to `new_term` (OP art. 67a § 1 pkt 1-2):
    the prolongation fee (OP art. 57) where the kind charges it, no interest for the deferred
    period, the enforcement suspended; a missed new term resumes it (daily sweep)."""
    row = await service.grant(session, receivable_id, body, user.username, today)
    return await _read(session, row)
