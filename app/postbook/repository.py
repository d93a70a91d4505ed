from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.models import Debtor, Document, Receivable

LETTERS = ("wezwanie", "upomnienie")


class PostRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def day_letters(self, day: date) -> list[tuple[Document, Debtor]]:
        """The letters to the debtors issued on a day, in the order of their numbers."""
        stmt = (
            select(Document, Debtor)
            .join(Receivable, Receivable.id == Document.receivable_id)
            .join(Debtor, Debtor.id == Receivable.debtor_id)
            .where(Document.issued_on == day, Document.kind.in_(LETTERS))
            .order_by(Document.kind, Document.seq)
        )
        return [(doc, debtor) for doc, debtor in (await self.session.execute(stmt)).all()]

    async def by_registered_number(self, number: str) -> list[Document]:
        stmt = select(Document).where(Document.registered_number == number)
        return list(await self.session.scalars(stmt.order_by(Document.id)))
