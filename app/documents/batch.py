"""Reminders in bulk: issue every reminder that is due on a day, and print a day's reminders."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.documents import service as docs
from app.domain import enforcement
from app.domain.deadlines import small_reminder_deadline, small_reminder_due, small_reminder_from
from app.domain.documents import Upomnienie
from app.domain.lifecycle import State
from app.domain.money import format_amount
from app.domain.parameters import ParameterCode, ParameterTable
from app.errors import Conflict
from app.models import Document, Receivable
from app.receivables import actions, bulk
from app.receivables import figures as figures_mod
from app.receivables import service as receivable_service
from app.receivables.repository import ReceivableRepository
from app.receivables.state_today import in_state


@dataclass(frozen=True)
class Skipped:
    """A receivable the batch did not remind, and why (issue 16 item 8: never silently)."""

    receivable_id: int
    reason: str


@dataclass(frozen=True)
class BatchResult:
    issued: list[Document]
    skipped_small: list[int]  # receivable ids below u.p.e.a. art. 6 §1 (no duty to act)
    skipped: list[Skipped] = field(default_factory=list)  # every one not reminded, with why


async def issue_due_reminders(
    session: AsyncSession, issued_on: date, actor: str, today: date
) -> BatchResult:
    """Every receivable that is wymagalna on `issued_on` gets its upomnienie, except those the
    creditor need not pursue yet: principal, interest and costs together not above 10 × the
    reminder cost (u.p.e.a. art. 6 §1). Those get theirs in time for the deadline of rozporządzenie
    MF z 18.11.2020 §3, before the last six months before limitation (deadlines.small_reminder_*):
    from a month before it on, and after it too, late rather than never.

    Issue 16 item 8: every wymagalna receivable is looked at, and each one not reminded is listed
    with its reason: a kind fixed by decision without a final decision yet (the alimony fund:
    art. 27 u.p.o.u.a.), a payment term not run out, a small amount, a reminder still running."""
    # Wymagalna on that day, as the card and the dashboard see it (issue 19 item 1): also a
    # wezwanie whose term ended since the night's sweep; its move is recorded first, as the
    # sweep would have (seed 003 §3.1), and a time-barred one is not taken.
    wymagalna = in_state(State.WYMAGALNA, issued_on)
    ids = list(
        await session.scalars(select(Receivable.id).where(wymagalna).order_by(Receivable.id))
    )
    params = await ReceivableRepository(session).parameter_rows()
    minimum = ParameterTable.of(ParameterCode.KWOTA_MINIMALNA, params).value_on(issued_on)
    issued: list[Document] = []
    small: list[int] = []
    skipped: list[Skipped] = []
    for rid in ids:
        await bulk.record_due(session, rid, issued_on, actor)
        receivable = await receivable_service.load(session, rid)
        if receivable.paused_reason:  # issue 20: a dispute pauses the automatic steps
            skipped.append(Skipped(rid, f"wstrzymana: {receivable.paused_reason}"))
            continue
        rules = await receivable_service.rules_of(session, receivable)
        refusal = enforcement.reminder_refusal(
            rules, receivable_service.enforcement_facts(receivable), issued_on
        )
        if refusal is not None:
            skipped.append(Skipped(rid, refusal))
            continue
        # What the reminder would demand (a fund receivable: only what its decision covers).
        figs = await figures_mod.demand_figures(session, receivable, rules, issued_on)
        if figs.balance <= minimum and not small_reminder_due(
            receivable.time_barred_from, issued_on
        ):
            small.append(rid)
            skipped.append(Skipped(rid, _small_reason(figs.balance, minimum, receivable)))
            continue
        try:
            async with session.begin_nested():
                issued.append(await actions.issue_reminder(session, rid, issued_on, actor, today))
        except Conflict as exc:  # e.g. the previous reminder's 7 days still run
            skipped.append(Skipped(rid, exc.detail))
    return BatchResult(issued, small, skipped)


def _small_reason(balance: int, minimum: int, receivable: Receivable) -> str:
    reason = (
        f"saldo {format_amount(balance)} zł nie przekracza dziesięciokrotności kosztów upomnienia"
        f" ({format_amount(minimum)} zł, u.p.e.a. art. 6 § 1)"
    )
    barred = receivable.time_barred_from
    if barred is None:
        return reason + "; należność się nie przedawnia"
    return reason + (
        f"; upomnienie najpóźniej {small_reminder_deadline(barred).isoformat()}"
        " (rozporządzenie MF z 18.11.2020 § 3), zbiorczo od"
        f" {small_reminder_from(barred).isoformat()}"
    )


async def reminders_of_day(session: AsyncSession, day: date) -> list[Upomnienie]:
    stmt = (
        select(Document)
        .where(Document.kind == "upomnienie", Document.issued_on == day)
        .order_by(Document.seq)
    )
    return [await docs.upomnienie(session, d) for d in await session.scalars(stmt)]
