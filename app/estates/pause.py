"""Why a receivable's automatic steps pause: its open disputes (app/corrections/disputes.py) and
its deceased debtor while no heir is known (app/domain/estate.py). Both write the one column
receivable.paused_reason, which the sweeps read in SQL; each recomputes it from all the facts."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from app.domain import disputes as dispute_rules
from app.domain import estate as rules
from app.estates.repository import EstateRepository
from app.models import Debtor, Receivable


async def estate_reason(session: AsyncSession, debtor: Debtor) -> str | None:
    if not debtor.deceased or debtor.deceased_on is None:
        return None
    heirs = await EstateRepository(session).heir_count(debtor.id)
    return rules.pause_reason(debtor.deceased_on, heirs)


async def refresh(session: AsyncSession, receivable: Receivable) -> None:
    repo = EstateRepository(session)
    disputes = await repo.open_disputes(receivable.id)
    debtor = await repo.debtor(receivable.debtor_id)
    assert debtor is not None
    receivable.paused_reason = rules.combine(
        dispute_rules.paused_reason([(d.kind, d.received_on) for d in disputes]),
        await estate_reason(session, debtor),
    )
    await session.flush()
