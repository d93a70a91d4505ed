"""Every SQL statement about the kinds of receivables (the receivables' own reads of a kind stay
in app/receivables/repository.py)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.models import Receivable, ReceivableKind


class KindRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def all(self) -> list[ReceivableKind]:
        return list(
            await self.session.scalars(select(ReceivableKind).order_by(ReceivableKind.label))
        )

    async def get(self, code: str) -> ReceivableKind | None:
        return await self.session.get(ReceivableKind, code)

    async def used(self) -> set[str]:
        """The kinds some receivable has."""
        return set(await self.session.scalars(select(Receivable.kind_code).distinct()))

    async def add(self, kind: ReceivableKind) -> None:
        self.session.add(kind)
        await self.session.flush()
