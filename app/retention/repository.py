"""Every SQL statement of data retention (issue 20 item 8). The files due are found per kind in
one set-based query each (closed before the kind's cutoff, not on a list yet)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import and_, func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from app.domain.lifecycle import CLOSED_STATES
from app.models import (
    AlimonyAward,
    AlimonyCase,
    BankLine,
    Debtor,
    DebtorChange,
    EstateHeir,
    Receivable,
    ReceivableKind,
    RetentionItem,
    RetentionList,
)

Row = tuple[Receivable, Debtor, ReceivableKind]


class RetentionRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def add(self, obj: object) -> None:
        self.session.add(obj)
        await self.session.flush()

    async def kinds(self) -> list[ReceivableKind]:
        return list(
            await self.session.scalars(select(ReceivableKind).order_by(ReceivableKind.code))
        )

    async def due(self, kind_code: str, cutoff: date) -> list[Row]:
        listed = select(RetentionItem.id).where(RetentionItem.receivable_id == Receivable.id)
        stmt = (
            select(Receivable, Debtor, ReceivableKind)
            .join(Debtor, Debtor.id == Receivable.debtor_id)
            .join(ReceivableKind, ReceivableKind.code == Receivable.kind_code)
            .where(
                Receivable.kind_code == kind_code,
                Receivable.closed_on < cutoff,
                Receivable.state.in_(list(CLOSED_STATES)),
                ~listed.exists(),
            )
            .order_by(Receivable.closed_on, Receivable.id)
        )
        return [(r, d, k) for r, d, k in (await self.session.execute(stmt)).all()]

    async def count_in_year(self, year: int) -> int:
        stmt = select(func.count(RetentionList.id)).where(
            RetentionList.drawn_on >= date(year, 1, 1), RetentionList.drawn_on <= date(year, 12, 31)
        )
        return int(await self.session.scalar(stmt) or 0)

    async def get(self, list_id: int, *, lock: bool = False) -> RetentionList | None:
        stmt = select(RetentionList).where(RetentionList.id == list_id)
        if lock:
            stmt = stmt.with_for_update().execution_options(populate_existing=True)
        return await self.session.scalar(stmt)

    async def lists(self) -> list[RetentionList]:
        return list(await self.session.scalars(select(RetentionList).order_by(RetentionList.id)))

    async def items(self, list_id: int) -> list[tuple[RetentionItem, Receivable, Debtor]]:
        stmt = (
            select(RetentionItem, Receivable, Debtor)
            .join(Receivable, Receivable.id == RetentionItem.receivable_id)
            .join(Debtor, Debtor.id == Receivable.debtor_id)
            .where(RetentionItem.list_id == list_id)
            .order_by(RetentionItem.id)
        )
        return [(i, r, d) for i, r, d in (await self.session.execute(stmt)).all()]

    async def not_cleared(self, debtor_ids: list[int]) -> dict[int, int]:
        """Per debtor, how many of their receivables are not on a list with the archive's consent
        (still open, or closed but not due or not consented): their data must stay."""
        consented = (
            select(RetentionItem.receivable_id)
            .join(RetentionList, RetentionList.id == RetentionItem.list_id)
            .where(RetentionList.consent_on.is_not(None))
        )
        stmt = (
            select(Receivable.debtor_id, func.count(Receivable.id))
            .where(and_(Receivable.debtor_id.in_(debtor_ids), Receivable.id.not_in(consented)))
            .group_by(Receivable.debtor_id)
        )
        return {d: int(n) for d, n in (await self.session.execute(stmt)).all()}

    async def linked(self, debtor_ids: list[int]) -> dict[int, str]:
        """Debtors whose data other records still need: an alimony case or award (third
        persons' data, their own retention), or an heir of an estate not anonymised yet."""
        out: dict[int, str] = {}
        for model in (AlimonyCase, AlimonyAward):
            stmt = select(model.debtor_id).where(model.debtor_id.in_(debtor_ids))
            for d in await self.session.scalars(stmt):
                out[d] = "sprawa alimentacyjna (odrębne akta)"
        stmt = (
            select(EstateHeir.heir_id)
            .join(Debtor, Debtor.id == EstateHeir.deceased_id)
            .where(EstateHeir.heir_id.in_(debtor_ids), Debtor.anonymised_on.is_(None))
        )
        for d in await self.session.scalars(stmt):
            out.setdefault(d, "spadkobierca w niezakończonej sprawie spadkowej")
        return out

    async def debtors(self, debtor_ids: list[int]) -> list[Debtor]:
        stmt = select(Debtor).where(Debtor.id.in_(debtor_ids)).order_by(Debtor.id).with_for_update()
        return list(await self.session.scalars(stmt))

    async def changes(self, debtor_id: int) -> list[DebtorChange]:
        return list(
            await self.session.scalars(
                select(DebtorChange).where(DebtorChange.debtor_id == debtor_id)
            )
        )

    async def clear_bank_counterparties(self, receivable_ids: list[int]) -> None:
        await self.session.execute(
            update(BankLine)
            .where(BankLine.receivable_id.in_(receivable_ids))
            .values(counterparty="")
        )
