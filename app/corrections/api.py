"""Issue 20: corrections over the API: payment reversal, amended and annulled decisions, the
withdrawal of a title, the enforcement authority's acts, disputes. Thin: the use cases are in
service.py, enforcement.py and disputes.py."""

from __future__ import annotations

import asyncio

from fastapi import APIRouter, Response

from app.audit.reads import audited
from app.auth.deps import Collector, Reader, SessionDep, Signer
from app.corrections import disputes, enforcement, service
from app.corrections.schemas import (
    AmendmentCreate,
    AnnulmentCreate,
    DisputeCreate,
    DisputeRead,
    DisputeResolve,
    EnforcementActCreate,
    ReversalCreate,
    ReversalRead,
    WithdrawalCreate,
)
from app.deps import TodayDep
from app.errors import PROBLEM
from app.models import Dispute
from app.receivables import figures as figures_mod
from app.receivables import service as receivable_service
from app.receivables.api import read_receivable
from app.receivables.schemas import ReceivableRead

router = APIRouter(prefix="/api/v1", tags=["corrections"])
_ERR = {code: {"content": {PROBLEM: {}}} for code in (401, 403, 404, 409, 422)}


@router.post("/payments/{payment_id}/reversal", status_code=201, responses=_ERR)  # type: ignore[arg-type]
async def reverse_payment(
    payment_id: int, body: ReversalCreate, session: SessionDep, user: Collector, today: TodayDep
) -> ReversalRead:
    """Reverse a payment (storno) with its date and reason; the history keeps both entries."""
    done = await service.reverse_payment(session, payment_id, body, user.username, today)
    p, r = done.payment, done.receivable
    rules = await receivable_service.rules_of(session, r)
    figs = await figures_mod.figures_of(session, r, rules, max(today, body.reversed_on))
    return ReversalRead(
        payment_id=p.id,
        receivable_id=r.id,
        paid_on=p.paid_on,
        amount=p.amount,
        reversed_on=body.reversed_on,
        reason=body.reason,
        receivable_state=r.state,
        balance=figs.balance,
        bank_line_id=done.bank_line.id if done.bank_line else None,
        notice_id=done.notice.id if done.notice else None,
    )


@router.post("/receivables/{receivable_id}/amendments", status_code=201, responses=_ERR)  # type: ignore[arg-type]
async def amend(
    receivable_id: int, body: AmendmentCreate, session: SessionDep, user: Signer, today: TodayDep
) -> ReceivableRead:
    """Record an amended decision: the new principal from its effective date."""
    await service.amend(session, receivable_id, body, user.username, today)
    return await read_receivable(session, receivable_id, today)


@router.post("/receivables/{receivable_id}/annulment", status_code=201, responses=_ERR)  # type: ignore[arg-type]
async def annul(
    receivable_id: int, body: AnnulmentCreate, session: SessionDep, user: Signer, today: TodayDep
) -> ReceivableRead:
    """Record an annulled decision: state anulowana, payments become an overpayment."""
    await service.annul(session, receivable_id, body, user.username, today)
    return await read_receivable(session, receivable_id, today)


@router.post("/titles/{document_id}/withdrawal", status_code=201, responses=_ERR)  # type: ignore[arg-type]
async def withdraw_title(
    document_id: int, body: WithdrawalCreate, session: SessionDep, user: Signer, today: TodayDep
) -> ReceivableRead:
    """The creditor withdraws the executive title; the authority is notified."""
    r = await enforcement.withdraw(session, document_id, body, user.username, today)
    return await read_receivable(session, r.id, today)


@router.post("/titles/{document_id}/enforcement-acts", status_code=201, responses=_ERR)  # type: ignore[arg-type]
async def enforcement_act(
    document_id: int,
    body: EnforcementActCreate,
    session: SessionDep,
    user: Collector,
    today: TodayDep,
) -> ReceivableRead:
    """Record the authority's suspension, resumption or end (umorzenie) of the enforcement."""
    r = await enforcement.record_act(session, document_id, body, user.username, today)
    return await read_receivable(session, r.id, today)


def _dispute(d: Dispute) -> DisputeRead:
    return DisputeRead(
        id=d.id,
        receivable_id=d.receivable_id,
        kind=d.kind,
        received_on=d.received_on,
        answer_due_on=d.answer_due_on,
        resolved_on=d.resolved_on,
        resolution=d.resolution,
    )


@router.post("/receivables/{receivable_id}/disputes", status_code=201, responses=_ERR)  # type: ignore[arg-type]
async def open_dispute(
    receivable_id: int, body: DisputeCreate, session: SessionDep, user: Collector, today: TodayDep
) -> DisputeRead:
    """Record objections (zarzut) or a court challenge: the automatic steps pause."""
    return _dispute(await disputes.open_dispute(session, receivable_id, body, user.username, today))


@router.post("/disputes/{dispute_id}/resolution", responses=_ERR)  # type: ignore[arg-type]
async def resolve_dispute(
    dispute_id: int, body: DisputeResolve, session: SessionDep, user: Collector, today: TodayDep
) -> DisputeRead:
    """Record how a dispute ended; the automatic steps resume if none is left open."""
    return _dispute(await disputes.resolve(session, dispute_id, body, user.username, today))


@router.get(
    "/disputes/{dispute_id}/draft.pdf",
    response_class=Response,
    responses=_ERR,
    dependencies=[audited("PDF projektu postanowienia w sprawie zarzutu")],
)  # type: ignore[arg-type]
async def dispute_draft(
    dispute_id: int, session: SessionDep, _user: Reader, today: TodayDep
) -> Response:
    """The draft postanowienie on a zarzut (u.p.e.a. art. 34), with its deadline."""
    from letters.postanowienie import render_zarzut_draft

    draft = await disputes.draft(session, dispute_id, today)
    pdf = await asyncio.to_thread(render_zarzut_draft, draft)
    return Response(
        pdf,
        media_type="application/pdf",
        headers={
            "Content-Disposition": f'attachment; filename="projekt-postanowienia-{dispute_id}.pdf"'
        },
    )
