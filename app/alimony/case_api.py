"""The procedure against an alimony debtor (issue 18) in JSON: open the case, record a step, read
the case with the next step and its deadline, print a step's letter."""

from __future__ import annotations

import asyncio
from typing import Any

from fastapi import APIRouter, Response

from app.alimony import case as case_service
from app.alimony import case_letters
from app.alimony.case_schemas import (
    BigRead,
    CaseCreate,
    CaseRead,
    DeferralRead,
    EvasionBrief,
    NextRead,
    StepCreate,
    StepRead,
)
from app.alimony.schemas import EvasionMonthRead
from app.audit.reads import audited
from app.auth.deps import Collector, Reader, SessionDep
from app.auth.roles import Permission, can
from app.deps import TodayDep
from app.domain.alimony_case import STEP_LABELS, NextStep, Step
from app.domain.money import format_amount
from app.errors import PROBLEM, Forbidden
from app.models import AlimonyCaseStep

router = APIRouter(prefix="/api/v1/alimony", tags=["alimony"])
_ERR: dict[int | str, dict[str, Any]] = {
    code: {"content": {PROBLEM: {}}} for code in (401, 403, 404, 409, 422)
}
# Decisions are the organ's: recording them needs the right to sign (like the art. 30 write-off).
SIGNED = {Step.DECYZJA_UCHYLANIE.value, Step.DECYZJA_ULGA.value}


def _details(details: dict[str, Any]) -> dict[str, Any]:
    """Amounts as "123.45" like every amount of the API (stored as grosze)."""
    out = dict(details)
    if isinstance(out.get("amount"), int):
        out["amount"] = format_amount(out["amount"])
    return out


def step_read(debtor_id: int, row: AlimonyCaseStep) -> StepRead:
    letter = case_service.letter_of(row)
    return StepRead(
        id=row.id,
        step=row.step,
        label=STEP_LABELS[Step(row.step)],
        on=row.done_on,
        kind=row.kind,
        due_on=row.due_on,
        details=_details(row.details or {}),
        letter=(f"/api/v1/alimony/debtors/{debtor_id}/case/steps/{row.id}.pdf" if letter else None),
    )


def next_read(n: NextStep, today: Any) -> NextRead:
    return NextRead(
        step=n.step.value,
        kind=str(n.kind),
        label=n.label,
        due_on=n.due_on,
        status=n.status(today).value,
        basis=n.basis,
    )


async def _case(session: SessionDep, debtor_id: int, today: Any) -> CaseRead:
    v = await case_service.view(session, debtor_id, today)
    c = v.case
    return CaseRead(
        id=c.id,
        debtor_id=debtor_id,
        trigger=c.trigger,
        opened_on=c.opened_on,
        creditor_commune_terc=c.creditor_commune,
        debtor_commune_terc=c.debtor_commune,
        communes_differ=v.facts.communes_differ,
        steps=[step_read(debtor_id, s) for s in v.steps],
        next_step=next_read(v.next, today) if v.next else None,
        pending=[next_read(n, today) for n in v.pending],
        evasion=EvasionBrief(
            as_of=v.evasion.as_of,
            decision_barred=v.evasion.decision_barred,
            months=[
                EvasionMonthRead(month=str(m.month), awarded=m.awarded, paid=m.paid, met=m.met)
                for m in v.evasion.months
            ],
        ),
        licence_return_conditions=[r.value for r in v.return_reasons],
        big=BigRead(
            entry_id=v.big.entry.id if v.big.entry else None,
            entered_on=v.big.entry.entered_on if v.big.entry else None,
            amount=v.big.entry.amount if v.big.entry else None,
            action=v.big.action,
        ),
        deferral=(
            DeferralRead(
                decided_on=v.deferral.decided_on,
                decision_ref=v.deferral.decision_ref,
                deferred_to=v.deferral.deferred_to,
            )
            if v.deferral
            else None
        ),
    )


@router.post("/debtors/{debtor_id}/case", status_code=201, responses=_ERR)
async def open_case(
    debtor_id: int, body: CaseCreate, session: SessionDep, user: Collector, today: TodayDep
) -> CaseRead:
    """Open the procedure on one of the seed's triggers (u.p.o.u.a. art. 3–4; seed 001 zał. 9)."""
    await case_service.open_case(session, debtor_id, body, user.username, today)
    return await _case(session, debtor_id, today)


@router.post("/debtors/{debtor_id}/case/steps", status_code=201, responses=_ERR)
async def record_step(
    debtor_id: int, body: StepCreate, session: SessionDep, user: Collector, today: TodayDep
) -> StepRead:
    """Record a step; 409 when it may not follow, or when art. 5 ust. 3a bars the decision (the
    problem names the months)."""
    if body.step in SIGNED and not can(user.role, Permission.SIGN):
        raise Forbidden("Decyzję zapisuje osoba z uprawnieniem do podpisu")
    row = await case_service.record_step(session, debtor_id, body, user.username, today)
    return step_read(debtor_id, row)


@router.get("/debtors/{debtor_id}/case", responses=_ERR)
async def get_case(debtor_id: int, session: SessionDep, _user: Reader, today: TodayDep) -> CaseRead:
    """The case: its steps, the next step and its deadline, the art. 5 ust. 3a check, BIG."""
    return await _case(session, debtor_id, today)


@router.get(
    "/debtors/{debtor_id}/case/steps/{step_id}.pdf",
    response_class=Response,
    responses=_ERR,
    dependencies=[audited("PDF pisma w sprawie alimentacyjnej")],
)  # type: ignore[arg-type]
async def get_step_letter(
    debtor_id: int, step_id: int, session: SessionDep, _user: Reader
) -> Response:
    """The step's letter as a Polish PDF (409 when the step has none)."""
    name, document = await case_letters.document(session, debtor_id, step_id)
    pdf = await asyncio.to_thread(case_letters.render, document)
    return Response(
        pdf,
        media_type="application/pdf",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


@router.get(
    "/debtors/{debtor_id}/case/letters/{name}.pdf",
    response_class=Response,
    responses=_ERR,
    dependencies=[audited("PDF pisma między organami w sprawie alimentacyjnej")],
)  # type: ignore[arg-type]
async def get_case_letter(
    debtor_id: int, name: str, session: SessionDep, _user: Reader, today: TodayDep
) -> Response:
    """When the communes differ: the request to act (wniosek-o-podjecie-dzialan) or the
    information on what was done (informacja-o-dzialaniach), as of today (409 when they do not)."""
    file_name, document = await case_letters.between_organs(session, debtor_id, name, today)
    pdf = await asyncio.to_thread(case_letters.render, document)
    return Response(
        pdf,
        media_type="application/pdf",
        headers={"Content-Disposition": f'attachment; filename="{file_name}"'},
    )
