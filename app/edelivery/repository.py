from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.models import ElectronicDispatch


class DispatchRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def add(self, row: ElectronicDispatch) -> ElectronicDispatch:
        self.session.add(row)
        await self.session.flush()
        return row

    async def by_message(self, message_id: str) -> ElectronicDispatch | None:
        stmt = select(ElectronicDispatch).where(ElectronicDispatch.message_id == message_id)
        return await self.session.scalar(stmt)

    async def of_documents(self, document_ids: list[int]) -> set[int]:
        if not document_ids:
            return set()
        stmt = select(ElectronicDispatch.document_id).where(
            ElectronicDispatch.document_id.in_(document_ids)
        )
        return {d for d in await self.session.scalars(stmt) if d is not None}

    async def of_handoff(self, handoff_id: int) -> list[ElectronicDispatch]:
        stmt = select(ElectronicDispatch).where(ElectronicDispatch.handoff_id == handoff_id)
        return list(await self.session.scalars(stmt.order_by(ElectronicDispatch.id)))

    async def awaiting_proof(self, address: str) -> list[ElectronicDispatch]:
        """Letters (not handoffs) sent to this ADE whose proof has not come back."""
        stmt = select(ElectronicDispatch).where(
            ElectronicDispatch.address == address,
            ElectronicDispatch.document_id.is_not(None),
            ElectronicDispatch.proof_file_id.is_(None),
        )
        return list(await self.session.scalars(stmt.order_by(ElectronicDispatch.id)))
