"""Kinds of receivables: a unit adds "opłata za pobyt w DPS" or "usługi opiekuńcze" without code
(issue 14 item 2). Every field of KindFields is copied onto the row."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from app.errors import Conflict, NotFound
from app.kinds.repository import KindRepository
from app.kinds.schemas import KindCreate, KindFields, KindUpdate, regime_fields
from app.models import ReceivableKind


async def listing(session: AsyncSession) -> list[tuple[ReceivableKind, bool]]:
    """Each kind, and whether receivables of it exist."""
    repo = KindRepository(session)
    used = await repo.used()
    return [(k, k.code in used) for k in await repo.all()]


async def get(session: AsyncSession, code: str) -> ReceivableKind:
    found = await KindRepository(session).get(code)
    if found is None:
        raise NotFound(f"Nie ma rodzaju należności {code!r}")
    return found


async def in_use(session: AsyncSession, code: str) -> bool:
    return code in await KindRepository(session).used()


def _copy(kind: ReceivableKind, data: KindFields) -> None:
    for name in KindFields.model_fields:
        setattr(kind, name, getattr(data, name))


async def create(session: AsyncSession, data: KindCreate) -> ReceivableKind:
    repo = KindRepository(session)
    if await repo.get(data.code) is not None:
        raise Conflict(f"Rodzaj należności {data.code} już istnieje", field="code")
    kind = ReceivableKind(code=data.code)
    _copy(kind, data)
    await repo.add(kind)
    return kind


async def update(session: AsyncSession, code: str, data: KindUpdate) -> ReceivableKind:
    """Change a kind. Its rules (interest, allocation, terms, limitation) stay as they are once
    receivables of it exist: their amounts and dates were reckoned under them."""
    kind = await get(session, code)
    if await in_use(session, code):
        changed = [f for f in regime_fields() if getattr(kind, f) != getattr(data, f)]
        if changed:
            titles = ", ".join(str(KindFields.model_fields[f].title) for f in changed)
            raise Conflict(
                f"Są już należności tego rodzaju: nie zmienia się ich reguł ({titles}). "
                "Dodaj nowy rodzaj należności z nowymi regułami.",
                field=changed[0],
            )
    _copy(kind, data)
    await KindRepository(session).add(kind)
    return kind


async def codes(session: AsyncSession) -> list[str]:
    return sorted(k.code for k in await KindRepository(session).all())
