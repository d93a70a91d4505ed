"""Gather the money facts of one receivable and ask the money engine for its figures as of a date."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy.ext.asyncio import AsyncSession

from app.domain.kinds import KindRules
from app.models import Receivable
from app.receivables.repository import ReceivableRepository


@dataclass(frozen=True)
class Figures:
    principal_remaining: int
    interest_due: int
    costs_due: int
    balance: int
    overpayment: int
    time_barred_from: date | None
    rate_periods: list[object] = field(default_factory=list)
    allocations: list[object] = field(default_factory=list)


async def figures_of(session: AsyncSession, receivable: Receivable, rules: KindRules, as_of: date) -> Figures:
    # TEMPORARY until the money engine lands (issue 3): principal and costs only.
    repo = ReceivableRepository(session)
    paid = sum(p.amount for p in await repo.payments(receivable.id) if p.paid_on <= as_of)
    costs = sum(d.costs for d in await repo.documents(receivable.id) if d.issued_on <= as_of)
    written = sum(w.amount for w in await repo.write_offs(receivable.id) if w.decided_on <= as_of)
    owed = receivable.principal + costs - written
    return Figures(max(owed - paid, 0), 0, 0, max(owed - paid, 0), max(paid - owed, 0), None)


async def refresh_limitation(session: AsyncSession, receivable: Receivable, rules: KindRules) -> None:
    return None
