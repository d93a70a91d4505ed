"""Reminders in bulk: issue every reminder that is due on a day, and print a day's reminders."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.documents import service as docs
from app.domain.deadlines import small_reminder_due
from app.domain.documents import Upomnienie
from app.domain.lifecycle import State
from app.domain.parameters import ParameterCode, ParameterTable
from app.models import Document, Receivable
from app.receivables import actions
from app.receivables import figures as figures_mod
from app.receivables import service as receivable_service
from app.receivables.repository import ReceivableRepository


@dataclass(frozen=True)
class BatchResult:
    issued: list[Document]
    skipped_small: list[int]  # receivable ids below u.p.e.a. art. 6 §1 (no duty to act)


async def issue_due_reminders(
    session: AsyncSession, issued_on: date, actor: str, today: date
) -> BatchResult:
    """Every receivable that is wymagalna on `issued_on` gets its upomnienie, except those the
    creditor need not pursue yet: principal, interest and costs together not above 10 × the
    reminder cost (u.p.e.a. art. 6 §1). Those get theirs in time for the deadline of rozporządzenie
    MF z 18.11.2020 §3, before the last six months before limitation (deadlines.small_reminder_*):
    from a month before it on, and after it too, late rather than never."""
    ids = list(
        await session.scalars(
            select(Receivable.id)
            .where(Receivable.state == State.WYMAGALNA, Receivable.payment_term_ends_on < issued_on)
            # Issue 20: an open dispute (zarzut, skarga) pauses the automatic steps.
            .where(Receivable.paused_reason.is_(None))
            .order_by(Receivable.id)
        )
    )
    params = await ReceivableRepository(session).parameter_rows()
    minimum = ParameterTable.of(ParameterCode.KWOTA_MINIMALNA, params).value_on(issued_on)
    issued, skipped = [], []
    for rid in ids:
        receivable = await receivable_service.load(session, rid)
        rules = await receivable_service.rules_of(session, receivable)
        figs = await figures_mod.figures_of(session, receivable, rules, issued_on)
        if figs.balance <= minimum and not small_reminder_due(
            receivable.time_barred_from, issued_on
        ):
            skipped.append(rid)
            continue
        issued.append(await actions.issue_reminder(session, rid, issued_on, actor, today))
    return BatchResult(issued, skipped)


async def reminders_of_day(session: AsyncSession, day: date) -> list[Upomnienie]:
    stmt = (
        select(Document)
        .where(Document.kind == "upomnienie", Document.issued_on == day)
        .order_by(Document.seq)
    )
    return [await docs.upomnienie(session, d) for d in await session.scalars(stmt)]
