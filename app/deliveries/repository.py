from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.models import Delivery, StoredFile


class DeliveryRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def add(self, delivery: Delivery) -> Delivery:
        self.session.add(delivery)
        await self.session.flush()
        return delivery

    async def get(self, delivery_id: int) -> Delivery | None:
        return await self.session.get(Delivery, delivery_id)

    async def of_documents(self, document_ids: list[int]) -> list[Delivery]:
        """Every recorded delivery of these documents, oldest first (the latest one counts)."""
        if not document_ids:
            return []
        stmt = select(Delivery).where(Delivery.document_id.in_(document_ids))
        return list(await self.session.scalars(stmt.order_by(Delivery.id)))

    async def scans(self, file_ids: list[int]) -> dict[int, StoredFile]:
        """The scans' metadata (not their bytes) by id."""
        if not file_ids:
            return {}
        stmt = select(StoredFile).where(StoredFile.id.in_(file_ids))
        return {f.id: f for f in await self.session.scalars(stmt)}
