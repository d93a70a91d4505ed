"""Every SQL statement of the notes and contacts log."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.models import DebtorNote


class NoteRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def of_debtor(self, debtor_id: int) -> list[DebtorNote]:
        """Newest first: the day it happened, then the order it was written down."""
        stmt = (
            select(DebtorNote)
            .where(DebtorNote.debtor_id == debtor_id)
            .order_by(DebtorNote.occurred_on.desc(), DebtorNote.id.desc())
        )
        return list(await self.session.scalars(stmt))

    async def add(self, note: DebtorNote) -> DebtorNote:
        self.session.add(note)
        await self.session.flush()
        return note
