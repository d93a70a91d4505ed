from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Query, Response

from app.audit.reads import audited
from app.auth.deps import Collector, Reader, SessionDep, Signer
from app.deps import TodayDep
from app.errors import PROBLEM, NotFound
from app.receivables import actions, decisions, details, folders, service
from app.receivables.schemas import (
    AuthorityChoice,
    AuthorityRef,
    DecisionCreate,
    DeductionCreate,
    DeliveryCreate,
    DocumentRead,
    EnforcementStepRead,
    EventRead,
    InstalmentPlanCreate,
    IssueCreate,
    IssuedRead,
    NextStepRead,
    PaymentCreate,
    PaymentRead,
    PeriodUpdate,
    ReceivableCreate,
    ReceivableRead,
    TrancheRead,
    WriteOffCreate,
)
from app.schemas import AmountOut, Schema

router = APIRouter(prefix="/api/v1/receivables", tags=["receivables"])
_ERR = {code: {"content": {PROBLEM: {}}} for code in (401, 403, 404, 409, 422)}


async def _read(session: SessionDep, receivable_id: int, as_of: date) -> ReceivableRead:
    c = await service.card(session, receivable_id, as_of)
    r, f = c.receivable, c.figures
    competent = await details.authority_of(session, r, c.debtor)
    a = competent.authority
    step = c.next_step
    return ReceivableRead(
        id=r.id,
        debtor_id=r.debtor_id,
        kind=r.kind_code,
        reference=r.reference,
        title=r.title,
        state=r.state,
        state_as_of=c.state,
        next_step=NextStepRead(
            what=c.step.what, why=c.step.why, when=c.step.when, when_label=c.step.when_label
        ),
        as_of=as_of,
        issue_date=r.issued_on,
        period_from=r.period_from,
        period_to=r.period_to,
        principal=r.principal,
        principal_remaining=f.principal_remaining,
        interest_due=f.interest_due,
        costs_due=f.costs_due,
        balance=f.balance,
        overpayment=f.overpayment,
        payment_term_ends_on=r.payment_term_ends_on,
        due_from=c.due_from,
        reminder_term_ends_on=r.reminder_term_ends_on,
        title_allowed_from=c.title_allowed_from,
        time_barred_from=f.time_barred_from,
        costs_time_barred_from=c.costs_time_barred_from,
        tranches=[
            TrancheRead(
                number=t.number, paid_out_on=t.paid_out_on, amount=t.amount, interest_from=start
            )
            for t, start in c.tranche_starts
        ],
        decision_ref=r.decision_ref,
        decision_issued_on=r.decision_issued_on,
        decision_delivered_on=r.decision_delivered_on,
        decision_final_on=r.decision_final_on,
        decision_amount=r.decision_amount,
        decision_period_from=r.decision_period_from,
        decision_period_to=r.decision_period_to,
        payouts_after_decision=c.decision_cover.after if c.decision_cover else None,
        enforcement_step=EnforcementStepRead(
            code=step.code, text=step.text, basis=step.basis, from_day=step.from_day
        ),
        paused_reason=r.paused_reason,
        enforcement_suspended_on=r.enforcement_suspended_on,
        authority=AuthorityRef(
            code=a.code if a else None, name=a.name if a else None, why=competent.why
        ),
        allowed_actions=c.allowed_actions,
        documents=[
            DocumentRead(
                id=d.id,
                kind=d.kind,
                number=d.number,
                issued_on=d.issued_on,
                delivered_on=d.delivered_on,
                costs=d.costs,
            )
            for d in c.documents
        ],
        events=[
            EventRead(
                occurred_on=e.occurred_on,
                action=e.action,
                from_state=e.from_state,
                to_state=e.to_state,
                cause=e.cause,
                actor=e.actor,
            )
            for e in c.events
        ],
    )


read_receivable = _read  # the other concepts' routes answer with the same read model

AsOf = Annotated[date | None, Query(description="Stan na dzień (RRRR-MM-DD); domyślnie dziś")]


@router.post("", status_code=201, responses=_ERR)  # type: ignore[arg-type]
async def create_receivable(
    body: ReceivableCreate, session: SessionDep, user: Collector, today: TodayDep
) -> ReceivableRead:
    """Register a receivable; its wezwanie do zapłaty is issued with it (state wystawiona)."""
    r = await service.create(session, body, user.username, today)
    return await _read(session, r.id, max(today, body.issue_date))


@router.get("/{receivable_id}", responses=_ERR, dependencies=[audited("karta należności (API)")])  # type: ignore[arg-type]
async def get_receivable(
    receivable_id: int, session: SessionDep, _user: Reader, today: TodayDep, as_of: AsOf = None
) -> ReceivableRead:
    """The receivable card as of a date: state, terms, interest, balance, limitation."""
    return await _read(session, receivable_id, as_of or today)


@router.post("/{receivable_id}/deliveries", responses=_ERR)  # type: ignore[arg-type]
async def record_delivery(
    receivable_id: int, body: DeliveryCreate, session: SessionDep, user: Collector, today: TodayDep
) -> ReceivableRead:
    """Record the delivery date of the demand or the reminder (from the return receipt)."""
    await actions.record_delivery(session, receivable_id, body, user.username, today)
    return await _read(session, receivable_id, max(today, body.delivered_on))


@router.post("/{receivable_id}/payments", status_code=201, responses=_ERR)  # type: ignore[arg-type]
async def record_payment(
    receivable_id: int,
    body: PaymentCreate,
    session: SessionDep,
    user: Collector,
    today: TodayDep,
    response: Response,
) -> PaymentRead:
    """Book a payment (a repeated reference is booked once: 200 with the first booking)."""
    payment, created = await actions.record_payment(
        session, receivable_id, body, user.username, today
    )
    if not created:
        response.status_code = 200
    c = await service.card(session, receivable_id, payment.paid_on)
    return PaymentRead(
        id=payment.id,
        paid_on=payment.paid_on,
        amount=payment.amount,
        reference=payment.reference,
        receivable_state=c.receivable.state,
        balance=c.figures.balance,
        overpayment=c.figures.overpayment,
    )


@router.post("/{receivable_id}/decision", responses=_ERR)  # type: ignore[arg-type]
async def record_decision(
    receivable_id: int, body: DecisionCreate, session: SessionDep, user: Collector, today: TodayDep
) -> ReceivableRead:
    """Record the decision fixing the amount (e.g. of the debtor's commune on the reimbursement
    of the alimony fund, art. 27 u.p.o.u.a.): its delivery and the day it became final; the
    payment term runs from that day, then the reminder and the title (issue 16 item 8)."""
    await decisions.record_decision(session, receivable_id, body, user.username, today)
    return await _read(session, receivable_id, today)


@router.post("/{receivable_id}/deductions", status_code=201, responses=_ERR)  # type: ignore[arg-type]
async def record_deduction(
    receivable_id: int, body: DeductionCreate, session: SessionDep, user: Collector, today: TodayDep
) -> PaymentRead:
    """Book a deduction from a benefit paid out (potrącenie, art. 30 u.ś.r.) within the kind's
    dated limit, on a final decision only (issue 16 item 10)."""
    payment = await decisions.record_deduction(session, receivable_id, body, user.username, today)
    c = await service.card(session, receivable_id, payment.paid_on)
    return PaymentRead(
        id=payment.id,
        paid_on=payment.paid_on,
        amount=payment.amount,
        reference=payment.reference,
        receivable_state=c.receivable.state,
        balance=c.figures.balance,
        overpayment=c.figures.overpayment,
    )


@router.post("/{receivable_id}/reminders", status_code=201, responses=_ERR)  # type: ignore[arg-type]
async def issue_reminder(
    receivable_id: int, body: IssueCreate, session: SessionDep, user: Collector, today: TodayDep
) -> IssuedRead:
    """Issue an upomnienie (after the payment term ran out)."""
    doc = await actions.issue_reminder(session, receivable_id, body.issued_on, user.username, today)
    r = await service.load(session, receivable_id)
    return IssuedRead(
        id=doc.id,
        number=doc.number,
        kind=doc.kind,
        issued_on=doc.issued_on,
        receivable_state=r.state,
    )


@router.post("/{receivable_id}/titles", status_code=201, responses=_ERR)  # type: ignore[arg-type]
async def issue_title(
    receivable_id: int,
    body: IssueCreate,
    session: SessionDep,
    user: Collector,
    today: TodayDep,
) -> IssuedRead:
    """Issue an executive title (7 days after the reminder's delivery at the earliest); its XML
    is validated before the number is taken: missing data → 422 listing every item."""
    doc = await actions.issue_title(session, receivable_id, body.issued_on, user.username, today)
    r = await service.load(session, receivable_id)
    return IssuedRead(
        id=doc.id,
        number=doc.number,
        kind=doc.kind,
        issued_on=doc.issued_on,
        receivable_state=r.state,
    )


@router.post("/{receivable_id}/instalments", status_code=201, responses=_ERR)  # type: ignore[arg-type]
async def grant_instalments(
    receivable_id: int,
    body: InstalmentPlanCreate,
    session: SessionDep,
    user: Collector,
    today: TodayDep,
) -> ReceivableRead:
    """Record an instalment decision (the instalments must add up to the balance on its date)."""
    await actions.grant_instalments(session, receivable_id, body, user.username, today)
    return await _read(session, receivable_id, max(today, body.decided_on))


@router.post("/{receivable_id}/write-offs", status_code=201, responses=_ERR)  # type: ignore[arg-type]
async def write_off(
    receivable_id: int, body: WriteOffCreate, session: SessionDep, user: Signer, today: TodayDep
) -> ReceivableRead:
    """Record a write-off decision (umorzenie), in full or in part."""
    await actions.write_off(session, receivable_id, body, user.username, today)
    return await _read(session, receivable_id, max(today, body.decided_on))


@router.post("/{receivable_id}/authority", responses=_ERR)  # type: ignore[arg-type]
async def choose_authority(
    receivable_id: int, body: AuthorityChoice, session: SessionDep, user: Collector, today: TodayDep
) -> ReceivableRead:
    """Send the title to another enforcement authority, with the reason (before the title)."""
    await details.choose_authority(
        session, receivable_id, body.authority_code, body.reason, user.username
    )
    return await _read(session, receivable_id, today)


@router.put("/{receivable_id}/period", responses=_ERR)  # type: ignore[arg-type]
async def set_period(
    receivable_id: int, body: PeriodUpdate, session: SessionDep, user: Collector, today: TodayDep
) -> ReceivableRead:
    """The period the receivable is for (a title needs it), until its title is issued."""
    await details.set_period(
        session, receivable_id, body.period_from, body.period_to, body.reason, user.username
    )
    return await _read(session, receivable_id, today)


folders_router = APIRouter(prefix="/api/v1/folders", tags=["folders"])


class FolderRead(Schema):
    code: str
    label: str
    count: int


class FolderItem(Schema):
    receivable_id: int
    debtor_id: int
    debtor_name: str
    state: str
    principal: AmountOut
    issue_date: date


@folders_router.get("", responses=_ERR)  # type: ignore[arg-type]
async def list_folders(
    session: SessionDep, _user: Reader, today: TodayDep, year: int | None = None
) -> list[FolderRead]:
    """The folders of the instruction (seed 003 §2.3) with their counts; paid ones for a year."""
    counts = await folders.folder_counts(session, year or today.year, today)
    return [FolderRead(code=f.code, label=f.label, count=counts[f.code]) for f in folders.FOLDERS]


@folders_router.get("/{code}", responses=_ERR)  # type: ignore[arg-type]
async def folder_contents(
    code: str,
    session: SessionDep,
    _user: Reader,
    today: TodayDep,
    year: int | None = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> list[FolderItem]:
    """The receivables in one folder."""
    if code not in folders.FOLDER_CODES:
        raise NotFound(f"Nie ma teczki {code!r}")
    rows = await folders.folder_list(
        session, code, year or today.year, today, limit=limit, offset=offset
    )
    return [
        FolderItem(
            receivable_id=r.id,
            debtor_id=d.id,
            debtor_name=d.name,
            state=state,  # as of today, as the card
            principal=r.principal,
            issue_date=r.issued_on,
        )
        for r, d, state in rows
    ]
