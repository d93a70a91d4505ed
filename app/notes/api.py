"""The notes and contacts log of a debtor in the JSON API (thin: app/notes/service.py decides)."""

from __future__ import annotations

from fastapi import APIRouter, Request

from app.audit.reads import audited
from app.auth.deps import Collector, Reader, SessionDep, who
from app.deps import TodayDep
from app.errors import PROBLEM
from app.notes import service
from app.notes.schemas import NoteCreate, NoteRead

router = APIRouter(prefix="/api/v1/debtors", tags=["debtors"])
_ERR = {code: {"content": {PROBLEM: {}}} for code in (401, 403, 404, 422)}


@router.get(
    "/{debtor_id}/notes", responses=_ERR, dependencies=[audited("notatki i kontakty (API)")]
)  # type: ignore[arg-type]
async def list_notes(debtor_id: int, session: SessionDep, _user: Reader) -> list[NoteRead]:
    """The debtor's notes and contacts (phone calls, visits, letters), newest first."""
    return [NoteRead.of(n) for n in await service.of_debtor(session, debtor_id)]


@router.post("/{debtor_id}/notes", status_code=201, responses=_ERR)  # type: ignore[arg-type]
async def add_note(
    debtor_id: int,
    body: NoteCreate,
    request: Request,
    session: SessionDep,
    user: Collector,
    today: TodayDep,
) -> NoteRead:
    """Write down a contact with the debtor or a note; who wrote it is the caller."""
    note = await service.add(session, debtor_id, body, who(request, user), today)
    return NoteRead.of(note)
