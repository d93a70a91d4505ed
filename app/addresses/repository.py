from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.models import AddressSearch, Debtor, Document


class AddressSearchRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def add(self, search: AddressSearch) -> AddressSearch:
        self.session.add(search)
        await self.session.flush()
        return search

    async def get(self, search_id: int) -> AddressSearch | None:
        return await self.session.get(AddressSearch, search_id)

    async def open_of_debtor(self, debtor_id: int) -> AddressSearch | None:
        stmt = select(AddressSearch).where(
            AddressSearch.debtor_id == debtor_id, AddressSearch.status == "otwarte"
        )
        return await self.session.scalar(stmt.order_by(AddressSearch.id).limit(1))

    async def worklist(
        self, status: str = "otwarte", limit: int = 200
    ) -> list[tuple[AddressSearch, Debtor, Document | None]]:
        """The searches with their debtor and the returned letter, oldest first."""
        stmt = (
            select(AddressSearch, Debtor, Document)
            .join(Debtor, Debtor.id == AddressSearch.debtor_id)
            .outerjoin(Document, Document.id == AddressSearch.document_id)
            .where(AddressSearch.status == status)
            .order_by(AddressSearch.opened_on, AddressSearch.id)
            .limit(limit)
        )
        return [(s, d, doc) for s, d, doc in (await self.session.execute(stmt)).all()]
