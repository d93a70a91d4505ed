"""Every SQL statement of the accountant's control (issue 22 item 6)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.models import ControlProposal


class ControlRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def add(self, row: ControlProposal) -> None:
        self.session.add(row)
        await self.session.flush()

    async def get(self, proposal_id: int, *, lock: bool = False) -> ControlProposal | None:
        stmt = select(ControlProposal).where(ControlProposal.id == proposal_id)
        if lock:
            stmt = stmt.with_for_update().execution_options(populate_existing=True)
        return await self.session.scalar(stmt)

    async def listing(
        self, states: frozenset[str] | None = None, receivable_id: int | None = None
    ) -> list[ControlProposal]:
        stmt = select(ControlProposal)
        if states:
            stmt = stmt.where(ControlProposal.state.in_(sorted(states)))
        if receivable_id is not None:
            stmt = stmt.where(ControlProposal.receivable_id == receivable_id)
        return list(await self.session.scalars(stmt.order_by(ControlProposal.id)))
