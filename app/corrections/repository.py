"""Every SQL statement of the corrections (issue 20) that the receivables' repository lacks."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.models import Dispute, Event, Payment


class CorrectionRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def add(self, obj: object) -> None:
        self.session.add(obj)
        await self.session.flush()

    async def payment(self, payment_id: int, *, lock: bool = True) -> Payment | None:
        stmt = select(Payment).where(Payment.id == payment_id)
        if lock:
            stmt = stmt.with_for_update().execution_options(populate_existing=True)
        return await self.session.scalar(stmt)

    async def state_before(self, receivable_id: int, to_state: str) -> str | None:
        """The state the receivable left when it last moved into `to_state` (before the payment
        that closed it, before its title)."""
        stmt = (
            select(Event.from_state)
            .where(Event.receivable_id == receivable_id, Event.to_state == to_state)
            .where(Event.from_state.is_not(None), Event.from_state != to_state)
            .order_by(Event.id.desc())
            .limit(1)
        )
        return await self.session.scalar(stmt)

    async def disputes(self, receivable_id: int) -> list[Dispute]:
        stmt = select(Dispute).where(Dispute.receivable_id == receivable_id)
        return list(await self.session.scalars(stmt.order_by(Dispute.id)))

    async def dispute(self, dispute_id: int) -> Dispute | None:
        return await self.session.scalar(
            select(Dispute).where(Dispute.id == dispute_id).with_for_update()
        )
