"""Every SQL statement of the relief cases (issue 20 item 3)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.models import Deferral, Instalment, ReceivableKind


class DeferralRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def get(self, deferral_id: int, *, for_update: bool = False) -> Deferral | None:
        stmt = select(Deferral).where(Deferral.id == deferral_id)
        if for_update:
            stmt = stmt.with_for_update()
        return (await self.session.scalars(stmt)).first()

    async def of_receivable(self, receivable_id: int) -> list[Deferral]:
        stmt = (
            select(Deferral)
            .where(Deferral.receivable_id == receivable_id)
            .order_by(Deferral.id.desc())
        )
        return list(await self.session.scalars(stmt))

    async def open_application(self, receivable_id: int) -> Deferral | None:
        """The latest application not decided yet."""
        stmt = (
            select(Deferral)
            .where(Deferral.receivable_id == receivable_id, Deferral.outcome.is_(None))
            .order_by(Deferral.id.desc())
            .limit(1)
        )
        return (await self.session.scalars(stmt)).first()

    async def kind(self, code: str) -> ReceivableKind | None:
        return await self.session.get(ReceivableKind, code)

    async def instalments(self, receivable_id: int) -> list[Instalment]:
        stmt = select(Instalment).where(Instalment.receivable_id == receivable_id)
        return list(await self.session.scalars(stmt))

    def add(self, row: object) -> None:
        self.session.add(row)
