"""A debtor's notes and contacts log (issue 19 item 5): who talked to the debtor, wrote to them
or visited them, when, and what came of it. Each entry is kept as written (no edit, no delete)
and its writing is recorded in the audit trail."""

from __future__ import annotations

from datetime import date

from sqlalchemy.ext.asyncio import AsyncSession

from app.audit import service as audit
from app.errors import Invalid, NotFound
from app.models import Debtor, DebtorNote
from app.notes.repository import NoteRepository
from app.notes.schemas import NOTE_KINDS, NoteCreate
from app.polish import pl_date


async def _debtor(session: AsyncSession, debtor_id: int) -> Debtor:
    debtor = await session.get(Debtor, debtor_id)
    if debtor is None:
        raise NotFound(f"Nie ma zobowiązanego o identyfikatorze {debtor_id}")
    return debtor


async def add(
    session: AsyncSession, debtor_id: int, data: NoteCreate, who: audit.Who, today: date
) -> DebtorNote:
    """Write a note down; a contact cannot have happened after today."""
    debtor = await _debtor(session, debtor_id)
    if data.occurred_on > today:
        raise Invalid(
            f"Data {pl_date(data.occurred_on)} jest późniejsza niż dzisiejsza ({pl_date(today)})",
            field="occurred_on",
        )
    note = await NoteRepository(session).add(
        DebtorNote(
            debtor_id=debtor.id,
            kind=data.kind,
            occurred_on=data.occurred_on,
            text=data.text,
            created_by=who.actor,
        )
    )
    # The audit trail names the entry, never its text (which may hold personal data).
    await audit.record(
        session,
        who,
        audit.NOTE_ADDED,
        f"/zobowiazani/{debtor.id}",
        debtor.id,
        notatka=note.id,
        rodzaj=NOTE_KINDS[note.kind],
    )
    return note


async def of_debtor(session: AsyncSession, debtor_id: int) -> list[DebtorNote]:
    await _debtor(session, debtor_id)
    return await NoteRepository(session).of_debtor(debtor_id)
