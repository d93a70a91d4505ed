from __future__ import annotations

import asyncio
from datetime import date
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Response

from app.alimony import registers, service, write_offs
from app.alimony.schemas import (
    NAME_OF,
    AllocationRead,
    AwardCreate,
    AwardRead,
    ClaimBalanceRead,
    DebtorBrief,
    EligibilityRead,
    EnforcementCreate,
    EnforcementEnd,
    EnforcementRead,
    EvasionMonthRead,
    EvasionRead,
    HistoryRead,
    MonthRead,
    NoticeRead,
    PartRead,
    PayoutCreate,
    PayoutRead,
    PriorWriteOffRead,
    RecoveryCreate,
    RecoveryRead,
    RegisterEntryRead,
    RegisterPlanRead,
    RegisterRemovalRead,
    SubmissionCreate,
    WriteOffCreate,
    WriteOffDraftRead,
    WriteOffRead,
    YearEndWriteOffRead,
)
from app.audit.reads import audited
from app.auth.deps import Collector, Reader, SessionDep, Signer
from app.debtors import service as debtor_service
from app.deps import TodayDep
from app.domain.alimony import (
    MonthRecord,
    RecoverySource,
    Register,
    RegisterEntry,
    RegisterRemoval,
)
from app.domain.documents import DebtorData
from app.errors import PROBLEM
from app.models import AlimonyEnforcement, AlimonyRecovery
from app.unit import service as unit_service

router = APIRouter(prefix="/api/v1/alimony", tags=["alimony"])
_ERR: dict[int | str, dict[str, Any]] = {
    code: {"content": {PROBLEM: {}}} for code in (401, 403, 404, 409, 422)
}
AsOf = Annotated[date | None, Query(description="Stan na dzień (RRRR-MM-DD); domyślnie dziś")]
RegisterName = Literal["big", "krz"]


@router.post("/debtors/{debtor_id}/awards", status_code=201, responses=_ERR)
async def record_award(
    debtor_id: int, body: AwardCreate, session: SessionDep, user: Collector
) -> AwardRead:
    """Record the awarded monthly alimony (or its change) from a date."""
    a = await service.record_award(session, debtor_id, body, user.username)
    return AwardRead(
        id=a.id,
        debtor_id=a.debtor_id,
        entitled=a.entitled_name,
        valid_from=a.valid_from,
        monthly_amount=a.monthly_amount,
    )


@router.post("/debtors/{debtor_id}/payouts", status_code=201, responses=_ERR)
async def record_payout(
    debtor_id: int, body: PayoutCreate, session: SessionDep, user: Collector, today: TodayDep
) -> PayoutRead:
    """Record a benefit payout: creates or extends the debtor's fund receivable."""
    p = await service.record_payout(session, debtor_id, body, user.username, today)
    return PayoutRead(
        id=p.id,
        debtor_id=p.debtor_id,
        receivable_id=p.receivable_id,
        paid_on=p.paid_on,
        amount=p.amount,
        entitled=p.entitled_name,
        claim=body.claim,
    )


@router.post("/debtors/{debtor_id}/recoveries", status_code=201, responses=_ERR)
async def record_recovery(
    debtor_id: int, body: RecoveryCreate, session: SessionDep, user: Collector, today: TodayDep
) -> RecoveryRead:
    """Record money recovered from the debtor; it is applied in the order of art. 28."""
    r = await service.record_recovery(session, debtor_id, body, user.username, today)
    return await _recovery(session, r)


async def _recovery(session: SessionDep, r: AlimonyRecovery) -> RecoveryRead:
    rows = await service.recovery_allocations(session, r)
    parts = [
        AllocationRead(
            claim=a.claim,
            to_costs=a.to_costs,
            to_interest=a.to_interest,
            to_principal=a.to_principal,
        )
        for a in rows
    ]
    return RecoveryRead(
        id=r.id,
        debtor_id=r.debtor_id,
        received_on=r.received_on,
        amount=r.amount,
        source=RecoverySource(r.source),
        reference=r.reference,
        regime=rows[0].regime if rows else None,
        allocations=parts,
        overpayment=r.overpayment,
    )


@router.post("/debtors/{debtor_id}/enforcements", status_code=201, responses=_ERR)
async def record_enforcement(
    debtor_id: int, body: EnforcementCreate, session: SessionDep, user: Collector, today: TodayDep
) -> EnforcementRead:
    """Record enforcement of the fund's claims under way (needed for the KRZ entry)."""
    e = await service.record_enforcement(session, debtor_id, body, user.username, today)
    return _enforcement(e)


@router.post("/debtors/{debtor_id}/enforcements/{enforcement_id}/end", responses=_ERR)
async def end_enforcement(
    debtor_id: int,
    enforcement_id: int,
    body: EnforcementEnd,
    session: SessionDep,
    _user: Collector,
    today: TodayDep,
) -> EnforcementRead:
    """Record the end of an enforcement."""
    e = await service.end_enforcement(session, debtor_id, enforcement_id, body.ended_on, today)
    return _enforcement(e)


def _enforcement(e: AlimonyEnforcement) -> EnforcementRead:
    return EnforcementRead(
        id=e.id,
        debtor_id=e.debtor_id,
        authority=e.authority,
        case_ref=e.case_ref,
        started_on=e.started_on,
        ended_on=e.ended_on,
    )


def _month(m: MonthRecord) -> MonthRead:
    return MonthRead(
        month=str(m.month), awarded=m.awarded, recovered=m.recovered, effective=m.effective
    )


@router.get(
    "/debtors/{debtor_id}/history",
    responses=_ERR,
    dependencies=[audited("historia alimentacyjna (API)")],
)
async def get_history(
    debtor_id: int, session: SessionDep, _user: Reader, today: TodayDep, as_of: AsOf = None
) -> HistoryRead:
    """Months with awarded, recovered and effective; the balance with interest as of a date."""
    h = await service.history(session, debtor_id, as_of or today)
    claims = [
        ClaimBalanceRead(
            claim=NAME_OF[c],
            principal=r.principal_remaining,
            interest=r.interest_due,
            balance=r.balance,
        )
        for c, r in h.claims.items()
    ]
    return HistoryRead(
        debtor_id=debtor_id,
        as_of=h.as_of,
        months=[_month(m) for m in h.months],
        effective_months=len(h.run),
        claims=claims,
        principal=h.principal,
        interest=h.interest,
        balance=h.balance,
        written_off=h.written_off,
    )


@router.get("/debtors/{debtor_id}/evasion-check", responses=_ERR)
async def get_evasion_check(
    debtor_id: int, session: SessionDep, _user: Reader, today: TodayDep, as_of: AsOf = None
) -> EvasionRead:
    """Art. 5 ust. 3a: may the debtor be declared evading alimony (last 6 months, 50 %)?"""
    c = await registers.evasion_check(session, debtor_id, as_of or today)
    months = [
        EvasionMonthRead(month=str(m.month), awarded=m.awarded, paid=m.paid, met=m.met)
        for m in c.months
    ]
    return EvasionRead(
        debtor_id=debtor_id,
        as_of=c.as_of,
        legal_basis=registers.EVASION_BASIS,
        decision_barred=c.decision_barred,
        months=months,
        months_not_met=[str(m) for m in c.months_not_met],
    )


@router.get("/write-off-eligibility", responses=_ERR)
async def get_write_off_eligibility(
    session: SessionDep, _user: Reader, today: TodayDep, as_of: AsOf = None
) -> list[EligibilityRead]:
    """Art. 30 ust. 1: debtors who qualify for a write-off on a date, the step and the amount."""
    found = await write_offs.eligible(session, as_of or today)
    return [
        EligibilityRead(
            debtor_id=c.debtor_id,
            effective_months=c.effective_months,
            step=c.step,
            amount=c.amount,
        )
        for c in found
    ]


def _brief(d: DebtorData) -> DebtorBrief:
    return DebtorBrief(
        name=d.name, pesel=d.pesel, address=d.address.one_line() if d.address else None
    )


def _draft(made: write_offs.Draft) -> WriteOffDraftRead:
    d = made.draft
    return WriteOffDraftRead(
        debtor_id=made.debtor.id,
        debtor=_brief(debtor_service.document_data(made.debtor)),
        drafted_on=d.drafted_on,
        legal_basis=d.legal_basis,
        authority=d.authority,
        step=d.step,
        effective_months=d.effective_months,
        period_from=d.period_from,
        period_to=d.period_to,
        months=[_month(m) for m in d.months],
        base=d.base,
        already_written_off=d.already_written_off,
        prior_write_offs=[
            PriorWriteOffRead(decided_on=p.decided_on, step=p.percent, base=p.base, amount=p.amount)
            for p in d.prior_write_offs
        ],
        balance_before=d.balance_before,
        amount=d.amount,
        parts=[
            PartRead(claim=p.claim.value, principal=p.principal, interest=p.interest)
            for p in d.parts
        ],
        balance_after=d.balance_after,
    )


@router.get(
    "/debtors/{debtor_id}/write-off-draft",
    responses=_ERR,
    dependencies=[audited("projekt decyzji (API)")],
)
async def get_write_off_draft(
    debtor_id: int, session: SessionDep, _user: Reader, today: TodayDep, as_of: AsOf = None
) -> WriteOffDraftRead:
    """The draft of the art. 30 write-off decision as of a date (409 when not eligible)."""
    return _draft(await write_offs.draft(session, debtor_id, as_of or today))


@router.get(
    "/debtors/{debtor_id}/write-off-draft.pdf",
    response_class=Response,
    responses=_ERR,
    dependencies=[audited("PDF projektu decyzji")],
)  # type: ignore[arg-type]
async def get_write_off_draft_pdf(
    debtor_id: int,
    session: SessionDep,
    _user: Reader,
    today: TodayDep,
    as_of: AsOf = None,
) -> Response:
    """The draft of the art. 30 write-off decision, printed (409 when not eligible)."""
    import letters

    made = await write_offs.draft(session, debtor_id, as_of or today)
    decision = letters.WriteOffDecision(
        await unit_service.creditor(session),
        debtor_service.document_data(made.debtor),
        made.draft,
        await unit_service.signatory(session),
    )
    pdf = await asyncio.to_thread(letters.render_write_off_decision, decision)
    name = f"projekt-decyzji-umorzenie-{debtor_id}-{made.draft.drafted_on.isoformat()}.pdf"
    return Response(
        pdf,
        media_type="application/pdf",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


@router.post("/debtors/{debtor_id}/write-offs", status_code=201, responses=_ERR)
async def record_write_off(
    debtor_id: int, body: WriteOffCreate, session: SessionDep, user: Signer, today: TodayDep
) -> WriteOffRead:
    """Record an art. 30 write-off decision; it lowers the balance of the fund receivable."""
    made = await write_offs.decide(session, debtor_id, body, user.username, today)
    return WriteOffRead(
        write_off_id=made.write_off.id,
        receivable_id=made.write_off.receivable_id,
        decision_ref=made.write_off.decision_ref,
        draft=_draft(made.draft),
        balance=made.balance,
    )


def _entry(e: RegisterEntry) -> RegisterEntryRead:
    return RegisterEntryRead(
        debtor_id=int(e.debtor_id),
        debtor=_brief(e.debtor),
        first_name=e.debtor.first_name,
        last_name=e.debtor.last_name,
        amount=e.amount,
        oldest_due_on=e.oldest_due_on,
        legal_basis=e.legal_basis,
        enforcement_authority=e.enforcement_authority,
        missing=list(e.missing),
    )


def _removal(r: RegisterRemoval) -> RegisterRemovalRead:
    return RegisterRemovalRead(debtor_id=int(r.debtor_id), debtor=_brief(r.debtor), reason=r.reason)


def _plan(made: registers.Plan) -> RegisterPlanRead:
    p = made.plan
    notices = []
    if p.register is Register.BIG:  # annex 9 pt 7: the debtor is told of the BIG entry
        notices = [
            NoticeRead(
                debtor_id=int(e.debtor_id),
                addressee=_brief(e.debtor),
                amount=e.amount,
                oldest_due_on=e.oldest_due_on,
                legal_basis=e.legal_basis,
            )
            for e in p.enter
        ]
    return RegisterPlanRead(
        register_name=p.register,
        as_of=p.as_of,
        enter=[_entry(e) for e in p.enter],
        update=[_entry(e) for e in p.update],
        remove=[_removal(r) for r in p.remove],
        keep=[int(i) for i in p.keep],
        notices=notices,
    )


@router.get("/big", responses=_ERR, dependencies=[audited("zgłoszenia do BIG (eksport)")])
async def get_big(
    session: SessionDep, _user: Reader, today: TodayDep, as_of: AsOf = None
) -> RegisterPlanRead:
    """Art. 8a ust. 1 pkt 1: whom to report to BIG (arrears over 6 months), with the notices."""
    return _plan(await registers.plan(session, Register.BIG, as_of or today))


@router.get("/krz", responses=_ERR, dependencies=[audited("zgłoszenia do KRZ (eksport)")])
async def get_krz(
    session: SessionDep, _user: Reader, today: TodayDep, as_of: AsOf = None
) -> RegisterPlanRead:
    """Art. 8a ust. 1 pkt 2: whom to enter in and remove from the Krajowy Rejestr Zadłużonych."""
    return _plan(await registers.plan(session, Register.KRZ, as_of or today))


@router.post("/{register}/submissions", responses=_ERR)
async def submit_register(
    register: RegisterName,
    body: SubmissionCreate,
    session: SessionDep,
    user: Collector,
    today: TodayDep,
) -> RegisterPlanRead:
    """Record that the list as of a date was passed to BIG or KRZ."""
    service.not_in_future(body.as_of, today, "as_of")
    made = await registers.submit(session, Register(register), body.as_of, user.username)
    return _plan(made)


@router.get("/year-end-write-offs", responses=_ERR)
async def get_year_end_write_offs(
    session: SessionDep, _user: Reader, year: Annotated[int, Query(ge=2008, le=2100)]
) -> list[YearEndWriteOffRead]:
    """The year's art. 30 write-offs for the chief accountant, by claim."""
    rows = await service.year_end_write_off_list(session, year)
    return [YearEndWriteOffRead.model_validate(r.as_json()) for r in rows]
