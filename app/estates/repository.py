"""Every SQL statement of the estates (issue 20 item 7)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.domain.lifecycle import OPEN_STATES, Action
from app.models import Debtor, Dispute, EstateHeir, EstateWriteOff, Event, Receivable, WriteOff


class EstateRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def add(self, obj: object) -> None:
        self.session.add(obj)
        await self.session.flush()

    async def debtor(self, debtor_id: int, *, lock: bool = False) -> Debtor | None:
        stmt = select(Debtor).where(Debtor.id == debtor_id)
        if lock:
            stmt = stmt.with_for_update().execution_options(populate_existing=True)
        return await self.session.scalar(stmt)

    async def heirs(self, deceased_id: int) -> list[tuple[EstateHeir, Debtor]]:
        stmt = (
            select(EstateHeir, Debtor)
            .join(Debtor, Debtor.id == EstateHeir.heir_id)
            .where(EstateHeir.deceased_id == deceased_id)
            .order_by(EstateHeir.id)
        )
        return [(h, d) for h, d in (await self.session.execute(stmt)).all()]

    async def heir_count(self, deceased_id: int) -> int:
        return len(await self.heirs(deceased_id))

    async def death_recorded(self, debtor_id: int) -> bool:
        stmt = (
            select(Event.id)
            .join(Receivable, Receivable.id == Event.receivable_id)
            .where(Receivable.debtor_id == debtor_id, Event.action == Action.ZGON_ZOBOWIAZANEGO)
            .limit(1)
        )
        return await self.session.scalar(stmt) is not None

    async def open_receivables(self, debtor_id: int) -> list[Receivable]:
        stmt = (
            select(Receivable)
            .where(Receivable.debtor_id == debtor_id, Receivable.state.in_(list(OPEN_STATES)))
            .order_by(Receivable.id)
            .with_for_update()
        )
        return list(await self.session.scalars(stmt))

    async def open_disputes(self, receivable_id: int) -> list[Dispute]:
        stmt = select(Dispute).where(
            Dispute.receivable_id == receivable_id, Dispute.resolved_on.is_(None)
        )
        return list(await self.session.scalars(stmt))

    async def write_offs(self, debtor_id: int) -> list[EstateWriteOff]:
        stmt = select(EstateWriteOff).where(EstateWriteOff.debtor_id == debtor_id)
        return list(await self.session.scalars(stmt.order_by(EstateWriteOff.id)))

    async def write_off(self, write_off_id: int) -> EstateWriteOff | None:
        return await self.session.get(EstateWriteOff, write_off_id)

    async def parts(self, debtor_id: int, decision_ref: str) -> list[tuple[Receivable, WriteOff]]:
        stmt = (
            select(Receivable, WriteOff)
            .join(WriteOff, WriteOff.receivable_id == Receivable.id)
            .where(Receivable.debtor_id == debtor_id, WriteOff.decision_ref == decision_ref)
            .order_by(Receivable.id)
        )
        return [(r, w) for r, w in (await self.session.execute(stmt)).all()]
