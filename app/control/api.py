"""Issue 22 item 6: proposals under the chief accountant's preliminary control, over the API.
Thin: the use cases are in service.py, the rules in app/domain/control.py."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request

from app.auth.deps import Approver, Collector, Reader, SessionDep, Signer, who
from app.control import service
from app.control.schemas import DecisionIn, ProposalCreate, ProposalRead, ReasonIn
from app.deps import TodayDep
from app.domain.control import State, Step
from app.errors import PROBLEM, Invalid

router = APIRouter(prefix="/api/v1/control", tags=["control"])
_ERR: dict[int | str, dict[str, Any]] = {
    code: {"content": {PROBLEM: {}}} for code in (401, 403, 404, 409, 422)
}


@router.post("/proposals", status_code=201, responses=_ERR)  # type: ignore[arg-type]
async def propose(
    body: ProposalCreate,
    request: Request,
    session: SessionDep,
    user: Collector,
    today: TodayDep,
) -> ProposalRead:
    """A specialist proposes a write-off, instalments, a storno or an amended/annulled decision;
    it waits for the chief accountant's countersignature (u.f.p. art. 54 ust. 1 pkt 3)."""
    return service.read(await service.propose(session, body, who(request, user), today))


@router.get("/proposals", responses=_ERR)  # type: ignore[arg-type]
async def proposals(
    session: SessionDep,
    _user: Reader,
    state: str | None = None,
    receivable_id: int | None = None,
) -> list[ProposalRead]:
    """Proposals, optionally of one state (do_kontroli, do_decyzji, zwrocony, odrzucony,
    wykonany) or of one receivable."""
    if state is not None and state not in {s.value for s in State}:
        raise Invalid(f"Nieznany stan wniosku: {state}", field="state")
    rows = await service.listing(session, frozenset({state}) if state else None, receivable_id)
    return [service.read(p) for p in rows]


@router.get("/proposals/{proposal_id}", responses=_ERR)  # type: ignore[arg-type]
async def proposal(proposal_id: int, session: SessionDep, _user: Reader) -> ProposalRead:
    return service.read(await service.get(session, proposal_id))


@router.post("/proposals/{proposal_id}/countersign", responses=_ERR)  # type: ignore[arg-type]
async def countersign(
    proposal_id: int, request: Request, session: SessionDep, user: Approver, today: TodayDep
) -> ProposalRead:
    """The chief accountant's countersignature (u.f.p. art. 54 ust. 3): the operation takes
    effect now, or goes to the manager where the decision is theirs."""
    p = await service.step(session, proposal_id, Step.KONTRASYGNATA, who(request, user), today)
    return service.read(p)


@router.post("/proposals/{proposal_id}/return", responses=_ERR)  # type: ignore[arg-type]
async def return_(
    proposal_id: int,
    body: ReasonIn,
    request: Request,
    session: SessionDep,
    user: Approver,
    today: TodayDep,
) -> ProposalRead:
    """The chief accountant returns the proposal with a reason (u.f.p. art. 54 ust. 4)."""
    p = await service.step(session, proposal_id, Step.ZWROT, who(request, user), today, body.reason)
    return service.read(p)


@router.post("/proposals/{proposal_id}/decision", responses=_ERR)  # type: ignore[arg-type]
async def decide(
    proposal_id: int,
    body: DecisionIn,
    request: Request,
    session: SessionDep,
    user: Signer,
    today: TodayDep,
) -> ProposalRead:
    """The manager's decision on a countersigned proposal: approve (it takes effect) or refuse."""
    what = Step.ZATWIERDZENIE if body.approve else Step.ODMOWA
    p = await service.step(session, proposal_id, what, who(request, user), today, body.reason)
    return service.read(p)
