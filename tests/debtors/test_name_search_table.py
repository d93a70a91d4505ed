"""The receivable list's name search table (app/models/debtor_name.py, issue 19 item 2) follows
every debtor's name: when it is added, renamed and anonymised (app/retention, RODO art. 17 with
the archive's consent), in the same flush."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.domain import retention as rules
from app.domain.collation import fold, sort_key
from app.models import Debtor, DebtorName


async def _row(session: AsyncSession, debtor_id: int) -> tuple[str, str] | None:
    row = (
        await session.execute(
            select(DebtorName.name_key, DebtorName.name_folded).where(
                DebtorName.debtor_id == debtor_id
            )
        )
    ).one_or_none()
    return None if row is None else (row[0], row[1])


async def test_added_renamed_and_anonymised_debtors_are_searched_by_their_current_name(
    session: AsyncSession,
) -> None:
    debtor = Debtor(name="Żółkiewski Jan")
    session.add(debtor)
    await session.flush()
    assert await _row(session, debtor.id) == (sort_key("Żółkiewski Jan"), "zolkiewski jan")

    debtor.name = "Ćwikła Anna"
    await session.flush()
    assert await _row(session, debtor.id) == (sort_key("Ćwikła Anna"), "cwikla anna")

    debtor.city = "Włocławek"  # another field: the row stays as it is
    await session.flush()
    assert await _row(session, debtor.id) == (sort_key("Ćwikła Anna"), "cwikla anna")

    anonymous = rules.anonymous_name(debtor.id)
    debtor.name = anonymous  # as app/retention/service.py _anonymise does
    await session.flush()
    assert await _row(session, debtor.id) == (sort_key(anonymous), fold(anonymous))
    found = await session.scalars(
        select(DebtorName.debtor_id).where(DebtorName.name_folded.like("%cwik%"))
    )
    assert debtor.id not in set(found)
