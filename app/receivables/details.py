"""A receivable's data that may be mended before its title: the enforcement authority chosen by
hand instead of the territorial one, and the period it is for (a title needs it: u.p.e.a. art. 27
§ 1 pkt 3). Each change is recorded with who, when and why (receivable_change)."""

from __future__ import annotations

from datetime import date

from sqlalchemy.ext.asyncio import AsyncSession

from app.errors import Conflict, Invalid
from app.models import Debtor, Document, Receivable, ReceivableChange
from app.polish import pl_date
from app.receivables import service
from app.receivables.repository import ReceivableRepository
from app.unit import authorities
from app.unit.authorities import Competent


async def _title_of(session: AsyncSession, receivable_id: int) -> Document | None:
    return await ReceivableRepository(session).latest_document(receivable_id, "tytul_wykonawczy")


async def _before_title(session: AsyncSession, receivable: Receivable, what: str) -> None:
    title = await _title_of(session, receivable.id)
    if title is not None:
        raise Conflict(f"Wystawiono już tytuł wykonawczy nr {title.number}: {what} się nie zmienia")


async def authority_of(session: AsyncSession, receivable: Receivable, debtor: Debtor) -> Competent:
    """The authority the receivable's title went to, or would go to now, and why."""
    title = await _title_of(session, receivable.id)
    if title is not None:
        found = await authorities.competent(session, title.scope, None)
        return Competent(found.authority, f"tytuł wykonawczy nr {title.number}")
    return await authorities.competent(session, receivable.authority_code, debtor.commune_code)


def _record(
    session: AsyncSession,
    receivable: Receivable,
    field: str,
    old: str | None,
    new: str | None,
    reason: str,
    actor: str,
) -> None:
    session.add(
        ReceivableChange(
            receivable_id=receivable.id, field=field, old=old, new=new, reason=reason, actor=actor
        )
    )


async def choose_authority(
    session: AsyncSession, receivable_id: int, code: str | None, reason: str, actor: str
) -> Receivable:
    """Send the title to another authority than the territorial one (None: back to it)."""
    receivable = await service.load(session, receivable_id, for_update=True)
    await _before_title(session, receivable, "organ egzekucyjny")
    if code is not None:
        await authorities.known(session, code, "authority_code")
    if code != receivable.authority_code:
        _record(session, receivable, "organ", receivable.authority_code, code, reason, actor)
        receivable.authority_code = code
    await session.flush()
    return receivable


def _period_text(start: date | None, end: date | None) -> str | None:
    if start is None and end is None:
        return None
    return f"{pl_date(start) if start else '…'} – {pl_date(end) if end else '…'}"


async def set_period(
    session: AsyncSession,
    receivable_id: int,
    start: date,
    end: date,
    reason: str,
    actor: str,
) -> Receivable:
    """The period the receivable is for; not after its title (the title states it)."""
    if end < start:
        raise Invalid("Okres: data końcowa wcześniejsza niż początkowa", field="period_to")
    receivable = await service.load(session, receivable_id, for_update=True)
    await _before_title(session, receivable, "okres należności")
    old = _period_text(receivable.period_from, receivable.period_to)
    if (start, end) != (receivable.period_from, receivable.period_to):
        _record(session, receivable, "okres", old, _period_text(start, end), reason, actor)
        receivable.period_from, receivable.period_to = start, end
    await session.flush()
    return receivable


async def changes(session: AsyncSession, receivable_id: int) -> list[ReceivableChange]:
    return await ReceivableRepository(session).changes(receivable_id)
