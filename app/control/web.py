"""Issue 22 item 6: the chief accountant's "Do kontroli" page (countersign or return), the
manager's decisions, and the card's write-off proposal. Each form validates, runs the same use
case as the API in a savepoint and redirects (303), or shows the page again with the message
next to the field, nothing written."""

from __future__ import annotations

from datetime import date
from typing import Literal

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response
from pydantic import Field
from sqlalchemy.ext.asyncio import AsyncSession

from app.auth.deps import SessionDep, who
from app.control import service
from app.control.schemas import ProposalCreate
from app.corrections.forms import AmendmentForm, AnnulmentForm, ReversalForm
from app.deps import TodayDep
from app.domain import control
from app.domain.control import Kind, State, Step
from app.models import User
from app.receivables.forms import WriteOffProposalForm
from app.receivables.web import card_page
from app.web.forms import FormState, WebForm, blank_form, submit_action
from app.web.session import Approver, Collector, Reader, Signer, verify_csrf
from app.web.templating import render

router = APIRouter(dependencies=[Depends(verify_csrf)], include_in_schema=False)


class ReturnForm(WebForm):
    reason: str = Field(min_length=3, max_length=500)


class DecisionForm(WebForm):
    decision: Literal["tak", "nie"]
    reason: str = Field(default="", max_length=500)


class CountersignForm(WebForm):
    pass


_FORMS: dict[str, type[WebForm]] = {
    "kontrasygnata": CountersignForm,
    "zwrot": ReturnForm,
    "decyzja": DecisionForm,
}


async def _page(
    request: Request,
    session: AsyncSession,
    failed: FormState | None = None,
    failed_id: int | None = None,
) -> Response:
    rows = await service.listing(session)
    open_rows = [p for p in rows if State(p.state) in control.OPEN_STATES]
    closed = [p for p in rows if State(p.state) not in control.OPEN_STATES][-100:][::-1]
    forms = {name: blank_form(cls, name) for name, cls in _FORMS.items()}
    forms["decyzja"].values["decision"] = "tak"
    return render(
        request,
        "control/list.html",
        {
            "to_check": [p for p in open_rows if p.state == State.DO_KONTROLI],
            "to_decide": [p for p in open_rows if p.state == State.DO_DECYZJI],
            "closed": closed,
            "kinds": control.KIND_LABELS,
            "states": control.STATE_LABELS,
            "manager_decides": {k.value for k in control.MANAGER_DECIDES},
            "forms": forms,
            "failed": failed,
            "failed_id": failed_id,
        },
        failed.status if failed else 200,
    )


@router.get("/kontrola")
async def proposals_page(request: Request, session: SessionDep, _user: Reader) -> Response:
    """Do kontroli: proposals waiting for the chief accountant's countersignature, then for the
    manager's decision; below, the closed ones."""
    return await _page(request, session)


async def _act(
    request: Request,
    session: AsyncSession,
    proposal_id: int,
    name: str,
    run: Step | None,
    user: User,
    today: date,
) -> Response:
    async def page(form: FormState) -> Response:
        return await _page(request, session, form, proposal_id)

    async def use_case(data: WebForm) -> str:
        step = run
        reason = getattr(data, "reason", "")
        if isinstance(data, DecisionForm):
            step = Step.ZATWIERDZENIE if data.decision == "tak" else Step.ODMOWA
        assert step is not None
        p = await service.step(session, proposal_id, step, who(request, user), today, reason)
        return f"Wniosek nr {p.id}: {control.STATE_LABELS[State(p.state)]}."

    back = "/kontrola"
    return await submit_action(request, session, _FORMS[name], name, use_case, back, page)


@router.post("/kontrola/{proposal_id}/kontrasygnata")
async def countersign(
    request: Request, proposal_id: int, session: SessionDep, user: Approver, today: TodayDep
) -> Response:
    """The chief accountant's countersignature (u.f.p. art. 54 ust. 3)."""
    return await _act(
        request, session, proposal_id, "kontrasygnata", Step.KONTRASYGNATA, user, today
    )


@router.post("/kontrola/{proposal_id}/zwrot")
async def return_(
    request: Request, proposal_id: int, session: SessionDep, user: Approver, today: TodayDep
) -> Response:
    """The chief accountant returns the proposal with a reason (u.f.p. art. 54 ust. 4)."""
    return await _act(request, session, proposal_id, "zwrot", Step.ZWROT, user, today)


@router.post("/kontrola/{proposal_id}/decyzja")
async def decide(
    request: Request, proposal_id: int, session: SessionDep, user: Signer, today: TodayDep
) -> Response:
    """The manager's decision on a countersigned proposal."""
    return await _act(request, session, proposal_id, "decyzja", None, user, today)


@router.post("/naleznosci/{receivable_id}/wniosek-umorzenie")
async def propose_write_off(
    request: Request, receivable_id: int, session: SessionDep, user: Collector, today: TodayDep
) -> Response:
    """A specialist proposes a write-off; it waits for the chief accountant's control."""

    async def card(form: FormState) -> Response:
        return await card_page(request, session, receivable_id, today, form)

    async def use_case(data: WriteOffProposalForm) -> str:
        body = ProposalCreate(
            kind=Kind.UMORZENIE,
            receivable_id=receivable_id,
            justification=data.justification or "",
            data=service.payload_of(data.to_schema()),
        )
        p = await service.propose(session, body, who(request, user), today)
        return f"Złożono wniosek nr {p.id} o umorzenie: czeka na kontrolę głównego księgowego."

    back = f"/naleznosci/{receivable_id}#wnioski"
    return await submit_action(
        request, session, WriteOffProposalForm, "wniosek_umorzenie", use_case, back, card
    )


async def _propose_correction(
    request: Request,
    session: AsyncSession,
    receivable_id: int,
    user: User,
    today: date,
    kind: Kind,
    form_cls: type[ReversalForm] | type[AmendmentForm] | type[AnnulmentForm],
) -> Response:
    name = f"wniosek_{kind.value}"

    async def card(form: FormState) -> Response:
        return await card_page(request, session, receivable_id, today, form)

    async def use_case(data: ReversalForm | AmendmentForm | AnnulmentForm) -> str:
        body = ProposalCreate(
            kind=kind,
            receivable_id=receivable_id,
            payment_id=data.payment_id if isinstance(data, ReversalForm) else None,
            data=service.payload_of(data.to_schema()),
        )
        p = await service.propose(session, body, who(request, user), today)
        return (
            f"Złożono wniosek nr {p.id} ({control.KIND_LABELS[kind]}): "
            "czeka na kontrolę głównego księgowego."
        )

    back = f"/naleznosci/{receivable_id}#wnioski"
    return await submit_action(request, session, form_cls, name, use_case, back, card)


@router.post("/naleznosci/{receivable_id}/wniosek-storno")
async def propose_reversal(
    request: Request, receivable_id: int, session: SessionDep, user: Collector, today: TodayDep
) -> Response:
    """A specialist proposes a payment's storno (a correction of the books)."""
    return await _propose_correction(
        request, session, receivable_id, user, today, Kind.STORNO, ReversalForm
    )


@router.post("/naleznosci/{receivable_id}/wniosek-zmiana-decyzji")
async def propose_amendment(
    request: Request, receivable_id: int, session: SessionDep, user: Collector, today: TodayDep
) -> Response:
    """A specialist proposes to record an amended decision."""
    return await _propose_correction(
        request, session, receivable_id, user, today, Kind.ZMIANA, AmendmentForm
    )


@router.post("/naleznosci/{receivable_id}/wniosek-uchylenie")
async def propose_annulment(
    request: Request, receivable_id: int, session: SessionDep, user: Collector, today: TodayDep
) -> Response:
    """A specialist proposes to record an annulled decision."""
    return await _propose_correction(
        request, session, receivable_id, user, today, Kind.UCHYLENIE, AnnulmentForm
    )
