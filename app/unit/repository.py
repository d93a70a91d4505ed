"""Every SQL statement about the unit and its enforcement authorities."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import delete, insert, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from app.models import Authority, AuthorityCommune, Unit


class UnitRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def unit(self) -> Unit | None:
        return await self.session.scalar(select(Unit).order_by(Unit.id).limit(1))

    async def add(self, obj: object) -> None:
        self.session.add(obj)
        await self.session.flush()

    async def authorities(self) -> list[Authority]:
        stmt = select(Authority).order_by(Authority.is_default.desc(), Authority.code)
        return list(await self.session.scalars(stmt))

    async def authority(self, code: str) -> Authority | None:
        return await self.session.get(Authority, code)

    async def default_authority(self) -> Authority | None:
        stmt = select(Authority).where(Authority.is_default).order_by(Authority.code).limit(1)
        return await self.session.scalar(stmt)

    async def authority_of_commune(self, commune_code: str) -> Authority | None:
        stmt = (
            select(Authority)
            .join(AuthorityCommune, AuthorityCommune.authority_code == Authority.code)
            .where(AuthorityCommune.commune_code == commune_code)
        )
        return await self.session.scalar(stmt)

    async def territories(self) -> dict[str, list[str]]:
        """Each authority's communes (TERC codes), sorted."""
        stmt = select(AuthorityCommune.authority_code, AuthorityCommune.commune_code).order_by(
            AuthorityCommune.authority_code, AuthorityCommune.commune_code
        )
        out: dict[str, list[str]] = {}
        for authority, commune in (await self.session.execute(stmt)).all():
            out.setdefault(authority, []).append(commune)
        return out

    async def owners(self, communes: Iterable[str]) -> dict[str, str]:
        """commune → the authority whose territory holds it, for the communes given."""
        wanted = sorted(set(communes))
        if not wanted:
            return {}
        stmt = select(AuthorityCommune.commune_code, AuthorityCommune.authority_code).where(
            AuthorityCommune.commune_code.in_(wanted)
        )
        return dict((await self.session.execute(stmt)).all())

    async def set_territory(self, authority_code: str, communes: list[str]) -> None:
        await self.session.execute(
            delete(AuthorityCommune).where(AuthorityCommune.authority_code == authority_code)
        )
        if communes:
            rows = [{"authority_code": authority_code, "commune_code": c} for c in communes]
            await self.session.execute(insert(AuthorityCommune), rows)

    async def clear_default(self, except_code: str) -> None:
        await self.session.execute(
            update(Authority)
            .where(Authority.code != except_code, Authority.is_default)
            .values(is_default=False)
        )
