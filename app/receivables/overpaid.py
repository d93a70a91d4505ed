"""Issue 20: the overpayment (nadpłata) of a receivable kept in step with its figures. Every use
case that changes what was paid or what is owed (a payment, its reversal, an amended or annulled
decision) calls `sync`; the decisions on an overpayment (refund, set-off) are app/overpayments."""

from __future__ import annotations

from datetime import date

from sqlalchemy.ext.asyncio import AsyncSession

from app.errors import Conflict
from app.models import Overpayment, Receivable
from app.overpayments.repository import OverpaymentRepository
from app.polish import pl_amount
from app.receivables import figures as figures_mod
from app.receivables import service


def arisen_on(figures: figures_mod.Figures, receivable: Receivable, changed_on: date) -> date:
    """OP art. 73 §1 pkt 1: an overpayment arises on the day of the payment beyond what was due;
    one that a later decision creates (amended or annulled, art. 73 §2) on that decision's day."""
    days = [a.on for a in figures.allocations if a.overpayment > 0]
    if receivable.state == "anulowana" or not days:
        return changed_on
    return max(days[0], changed_on)


async def sync(
    session: AsyncSession, receivable: Receivable, as_of: date, changed_on: date
) -> Overpayment | None:
    """The overpayment row of the receivable as its figures say on `as_of`; refused if less is
    overpaid now than was already refunded or set off (the money has left: book it first)."""
    rules = await service.rules_of(session, receivable)
    figs = await figures_mod.figures_of(session, receivable, rules, as_of)
    repo = OverpaymentRepository(session)
    row = await repo.of_receivable(receivable.id)
    if row is None:
        if figs.overpayment == 0:
            return None
        row = Overpayment(
            debtor_id=receivable.debtor_id,
            receivable_id=receivable.id,
            arisen_on=arisen_on(figs, receivable, changed_on),
            amount=figs.overpayment,
        )
        await repo.add(row)
        return row
    settled = await repo.settled(row.id)
    if figs.overpayment < settled:
        raise Conflict(
            f"Z nadpłaty tej należności zwrócono lub zaliczono już {pl_amount(settled)}; "
            f"po tej zmianie nadpłata wyniosłaby {pl_amount(figs.overpayment)}"
        )
    if figs.overpayment != row.amount:
        if row.amount == settled:  # fully settled before: a new overpayment arises now
            row.arisen_on = arisen_on(figs, receivable, changed_on)
        row.amount = figs.overpayment
    await session.flush()
    return row


async def of_receivable(session: AsyncSession, receivable_id: int) -> tuple[int, int] | None:
    """(overpaid, still to settle) of a receivable's overpayment, None when it has none."""
    repo = OverpaymentRepository(session)
    row = await repo.of_receivable(receivable_id)
    if row is None:
        return None
    return row.amount, row.amount - await repo.settled(row.id)
