from __future__ import annotations

from sqlalchemy import or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.models import Debtor


class DebtorRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def get(self, debtor_id: int) -> Debtor | None:
        return await self.session.get(Debtor, debtor_id)

    async def add(self, debtor: Debtor) -> Debtor:
        self.session.add(debtor)
        await self.session.flush()
        return debtor

    async def search(self, query: str, limit: int = 50) -> list[Debtor]:
        q = query.strip()
        stmt = select(Debtor).order_by(Debtor.name, Debtor.id).limit(limit)
        if q.isdigit():
            stmt = stmt.where(or_(Debtor.pesel.startswith(q), Debtor.nip.startswith(q)))
        elif q:
            stmt = stmt.where(Debtor.name.ilike(f"%{q}%"))
        return list(await self.session.scalars(stmt))
