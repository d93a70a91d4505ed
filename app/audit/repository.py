from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.models import AuditEvent


class AuditRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def add_many(self, rows: Iterable[dict[str, Any]]) -> None:
        batch = list(rows)
        if batch:  # one executemany, however many debtors a printout names
            await self.session.execute(insert(AuditEvent), batch)

    async def latest(
        self, limit: int, action: str | None = None, actor: str | None = None
    ) -> list[AuditEvent]:
        stmt = select(AuditEvent).order_by(AuditEvent.id.desc()).limit(limit)
        if action:
            stmt = stmt.where(AuditEvent.action == action)
        if actor:
            stmt = stmt.where(AuditEvent.actor == actor)
        return list(await self.session.scalars(stmt))

    async def about_user(self, username: str, limit: int = 30) -> list[AuditEvent]:
        """What the user did and what was done to their account, latest first."""
        stmt = (
            select(AuditEvent)
            .where((AuditEvent.actor == username) | (AuditEvent.subject == username))
            .order_by(AuditEvent.id.desc())
            .limit(limit)
        )
        return list(await self.session.scalars(stmt))

    async def of_debtor(self, debtor_id: int) -> list[AuditEvent]:
        stmt = select(AuditEvent).where(AuditEvent.debtor_id == debtor_id).order_by(AuditEvent.id)
        return list(await self.session.scalars(stmt))
