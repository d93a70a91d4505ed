"""Every SQL statement about the TERYT register: communes by name and code, the catalogues."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from sqlalchemy import delete, func, insert, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.domain.teryt import CITY_KINDS, COMMUNE_KINDS, Place
from app.models import Authority, Debtor, TerytLocality, TerytRegister, TerytUnit, Unit

CHUNK = 5000  # rows per INSERT of an import (bind-parameter limits of both databases)


def _place(u: TerytUnit) -> Place:
    return Place(u.code, u.name, u.kind)


class TerytRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def places(self, codes: Iterable[str]) -> dict[str, Place]:
        wanted = sorted(set(codes))
        if not wanted:
            return {}
        found = await self.session.scalars(select(TerytUnit).where(TerytUnit.code.in_(wanted)))
        return {u.code: _place(u) for u in found}

    async def communes_starting(self, prefix: str, limit: int) -> list[Place]:
        """Communes whose name starts with the prefix (a search key): by name, the city (RODZ 1)
        before the rural and the urban-rural commune of the same name."""
        stmt = (
            select(TerytUnit)
            .where(TerytUnit.search_key.like(f"{prefix}%"), TerytUnit.rodz.in_(COMMUNE_KINDS))
            .order_by(TerytUnit.name, TerytUnit.rodz, TerytUnit.code)
            .limit(limit)
        )
        return [_place(u) for u in await self.session.scalars(stmt)]

    async def named(self, key: str, kinds: frozenset[str]) -> list[Place]:
        """Units of the given RODZ kinds whose name is exactly `key` (a search key)."""
        stmt = (
            select(TerytUnit)
            .where(TerytUnit.search_key == key, TerytUnit.rodz.in_(kinds))
            .order_by(TerytUnit.code)
        )
        return [_place(u) for u in await self.session.scalars(stmt)]

    async def cities_named(self, key: str) -> list[Place]:
        return await self.named(key, CITY_KINDS)

    async def locality_communes(self, key: str) -> list[str]:
        """The communes of the SIMC localities of that name (none when SIMC is not loaded)."""
        stmt = (
            select(TerytLocality.commune_code)
            .where(TerytLocality.search_key == key)
            .distinct()
            .order_by(TerytLocality.commune_code)
        )
        return list(await self.session.scalars(stmt))

    async def registers(self) -> list[TerytRegister]:
        return list(
            await self.session.scalars(select(TerytRegister).order_by(TerytRegister.catalog))
        )

    async def register(self, catalog: str) -> TerytRegister | None:
        return await self.session.get(TerytRegister, catalog)

    async def replace(
        self, model: type[TerytUnit] | type[TerytLocality], rows: Sequence[dict[str, object]]
    ) -> None:
        await self.session.execute(delete(model))
        for start in range(0, len(rows), CHUNK):
            await self.session.execute(insert(model), list(rows[start : start + CHUNK]))

    async def record(self, entry: TerytRegister) -> None:
        await self.session.merge(entry)
        await self.session.flush()

    async def codes_in_use(self) -> set[str]:
        """Commune codes the debtors, the unit and the authorities point to."""
        used: set[str] = set()
        for column in (Debtor.commune_code, Unit.commune_code, Authority.commune_code):
            stmt = select(column).where(column.is_not(None)).distinct()
            used.update(str(c) for c in await self.session.scalars(stmt))
        return used

    async def count(self, model: type[TerytUnit] | type[TerytLocality]) -> int:
        return int(await self.session.scalar(select(func.count()).select_from(model)) or 0)
