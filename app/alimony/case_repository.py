"""Every SQL statement about the procedure against an alimony debtor (alimony_case and its
steps): the case of a debtor, its steps, and the cases the worklist reads."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.models import (
    AlimonyCase,
    AlimonyCaseStep,
    AlimonyPayout,
    AlimonyRegisterEntry,
    Debtor,
    Receivable,
)


class AlimonyCaseRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def add(self, obj: object) -> None:
        self.session.add(obj)
        await self.session.flush()

    async def case_of(self, debtor_id: int) -> AlimonyCase | None:
        return await self.session.scalar(
            select(AlimonyCase).where(AlimonyCase.debtor_id == debtor_id)
        )

    async def steps(self, case_ids: Sequence[int]) -> list[AlimonyCaseStep]:
        if not case_ids:
            return []
        rows = await self.session.scalars(
            select(AlimonyCaseStep)
            .where(AlimonyCaseStep.case_id.in_(case_ids))
            .order_by(AlimonyCaseStep.done_on, AlimonyCaseStep.id)
        )
        return list(rows)

    async def step(self, case_id: int, step_id: int) -> AlimonyCaseStep | None:
        return await self.session.scalar(
            select(AlimonyCaseStep).where(
                AlimonyCaseStep.id == step_id, AlimonyCaseStep.case_id == case_id
            )
        )

    async def open_cases(self, limit: int) -> list[tuple[AlimonyCase, Debtor]]:
        """Every case with its debtor (the worklist decides which are due), oldest first."""
        rows = await self.session.execute(
            select(AlimonyCase, Debtor)
            .join(Debtor, Debtor.id == AlimonyCase.debtor_id)
            .order_by(AlimonyCase.opened_on, AlimonyCase.id)
            .limit(limit)
        )
        return [(c, d) for c, d in rows.all()]

    async def big_entry(self, debtor_id: int) -> AlimonyRegisterEntry | None:
        """The debtor's open BIG entry (art. 8a ust. 1 pkt 1), if any."""
        return await self.session.scalar(
            select(AlimonyRegisterEntry)
            .where(
                AlimonyRegisterEntry.debtor_id == debtor_id,
                AlimonyRegisterEntry.register == "big",
                AlimonyRegisterEntry.removed_on.is_(None),
            )
            .order_by(AlimonyRegisterEntry.entered_on.desc())
            .limit(1)
        )

    async def fund_receivables(self, debtor_id: int) -> list[Receivable]:
        """The receivables the fund's payouts to this debtor created (art. 27): where relief of
        art. 30 ust. 2 (raty, odroczenie, umorzenie) takes effect in the lifecycle."""
        ids = select(AlimonyPayout.receivable_id).where(AlimonyPayout.debtor_id == debtor_id)
        rows = await self.session.scalars(
            select(Receivable).where(Receivable.id.in_(ids)).order_by(Receivable.id)
        )
        return list(rows)
