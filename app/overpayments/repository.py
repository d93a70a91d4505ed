"""Every SQL statement about overpayments (nadpłaty) and the decisions on them."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.models import Debtor, Overpayment, OverpaymentSettlement


class OverpaymentRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def add(self, obj: object) -> None:
        self.session.add(obj)
        await self.session.flush()

    async def get(self, overpayment_id: int, *, for_update: bool = False) -> Overpayment | None:
        stmt = select(Overpayment).where(Overpayment.id == overpayment_id)
        if for_update:
            stmt = stmt.with_for_update()
        return await self.session.scalar(stmt)

    async def of_receivable(self, receivable_id: int) -> Overpayment | None:
        return await self.session.scalar(
            select(Overpayment).where(Overpayment.receivable_id == receivable_id)
        )

    async def of_debtor(self, debtor_id: int) -> list[Overpayment]:
        stmt = (
            select(Overpayment)
            .where(Overpayment.debtor_id == debtor_id)
            .order_by(Overpayment.arisen_on, Overpayment.id)
        )
        return list(await self.session.scalars(stmt))

    async def settled(self, overpayment_id: int) -> int:
        stmt = select(func.coalesce(func.sum(OverpaymentSettlement.amount), 0)).where(
            OverpaymentSettlement.overpayment_id == overpayment_id
        )
        return int(await self.session.scalar(stmt) or 0)

    async def settlements(self, overpayment_id: int) -> list[OverpaymentSettlement]:
        stmt = (
            select(OverpaymentSettlement)
            .where(OverpaymentSettlement.overpayment_id == overpayment_id)
            .order_by(OverpaymentSettlement.id)
        )
        return list(await self.session.scalars(stmt))

    async def open_at(self, end: date) -> list[tuple[Overpayment, Debtor, int]]:
        """Overpayments arisen by `end`, each with its debtor and what was settled by then."""
        settled = (
            select(func.coalesce(func.sum(OverpaymentSettlement.amount), 0))
            .where(
                OverpaymentSettlement.overpayment_id == Overpayment.id,
                OverpaymentSettlement.decided_on <= end,
            )
            .scalar_subquery()
        )
        stmt = (
            select(Overpayment, Debtor, settled)
            .join(Debtor, Debtor.id == Overpayment.debtor_id)
            .where(Overpayment.arisen_on <= end)
            .order_by(Debtor.name, Overpayment.id)
        )
        return [(o, d, int(s)) for o, d, s in (await self.session.execute(stmt)).all()]
