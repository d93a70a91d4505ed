"""Today's work for the dashboard and the batch page: small read-only queries (views, like the
folders). The lists the sweeps already keep (ready for a title, the year-end list) come from
app.sweeps.service; these are the ones the specialist needs besides.

Each list reads the state as of today (app.receivables.state_today, issue 19 item 1), as the
card does: a wezwanie whose payment term ended yesterday is offered for a reminder before the
night's sweep records it, and a time-barred file is offered nothing."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any

from sqlalchemy import ColumnElement, Row, func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import InstrumentedAttribute

from app.domain.deadlines import small_reminder_bound, small_reminder_deadline
from app.domain.lifecycle import Action, State
from app.models import Debtor, Document, Event, Receivable, ReceivableKind
from app.receivables.state_today import in_state, not_barred

LIMIT = 50


@dataclass(frozen=True)
class WorkRow:
    receivable_id: int
    title: str
    principal: int
    debtor_id: int
    debtor_name: str
    day: date | None  # the date the list is about (term, issue, event)

    @classmethod
    def of(cls, row: Row[Any]) -> WorkRow:
        return cls(row.id, row.title, row.principal, row.debtor_id, row.debtor_name, row.day)


async def _rows(
    session: AsyncSession,
    where: ColumnElement[bool],
    day: ColumnElement[Any] | InstrumentedAttribute[Any],
    *joins: tuple[Any, ColumnElement[bool]],
) -> list[WorkRow]:
    stmt = select(
        Receivable.id,
        Receivable.title,
        Receivable.principal,
        Receivable.debtor_id,
        Debtor.name.label("debtor_name"),
        day.label("day"),
    ).join(Debtor, Debtor.id == Receivable.debtor_id)
    for target, on in joins:
        stmt = stmt.join(target, on)
    stmt = stmt.where(where).order_by(day, Receivable.id).limit(LIMIT)
    return [WorkRow.of(row) for row in (await session.execute(stmt)).all()]


async def demands_ending(session: AsyncSession, today: date, days: int = 7) -> list[WorkRow]:
    """Wezwania whose payment term ends within `days` days (state wystawiona)."""
    r = Receivable
    where = (
        (r.state == State.WYSTAWIONA)
        & (r.payment_term_ends_on >= today)
        & (r.payment_term_ends_on <= today + timedelta(days=days))
        & not_barred(today)
    )
    return await _rows(session, where, r.payment_term_ends_on)


async def demands_undelivered(session: AsyncSession, today: date | None = None) -> list[WorkRow]:
    """Wezwania whose delivery (ZPO) is not recorded: their payment term cannot run yet."""
    r = Receivable
    where = (r.state == State.WYSTAWIONA) & r.payment_term_ends_on.is_(None)
    if today is not None:
        where = where & not_barred(today)
    return await _rows(session, where, r.issued_on)


def _decided() -> ColumnElement[bool]:
    """The kind needs no decision, or its decision has become final (issue 16 item 8)."""
    return ReceivableKind.decision_required.is_(False) | Receivable.decision_final_on.is_not(None)


_KIND = (ReceivableKind, ReceivableKind.code == Receivable.kind_code)


async def reminders_ready(session: AsyncSession, today: date | None = None) -> list[WorkRow]:
    """Wymagalne: the payment term ran out unpaid, an upomnienie may be sent (seed 003 §3.2).
    Not those of a kind fixed by decision whose decision is not final yet, nor those whose term
    (from that decision) still runs on `today`: those are awaiting_decision (issue 16 item 8)."""
    r = Receivable
    where = (r.state == State.WYMAGALNA) & r.payment_term_ends_on.is_not(None) & _decided()
    if today is not None:
        # Wymagalna as of today (also a wystawiona whose term ended since the night's sweep).
        where = in_state(State.WYMAGALNA, today) & (r.payment_term_ends_on < today) & _decided()
    return await _rows(session, where, r.payment_term_ends_on, _KIND)


async def awaiting_decision(session: AsyncSession, today: date | None = None) -> list[WorkRow]:
    """Open receivables of a kind that is enforced only on a final decision (the alimony fund:
    the decision of the debtor's commune on the reimbursement, art. 27 u.p.o.u.a.; art. 30
    u.ś.r.) whose decision is not recorded as final: `day` is its delivery (or the receivable's
    issue). They get no reminder until then, and the batch says so."""
    r = Receivable
    where = (
        r.state.in_((State.WYSTAWIONA, State.WYMAGALNA))
        & ReceivableKind.decision_required.is_(True)
        & r.decision_final_on.is_(None)
    )
    if today is not None:
        where = where & not_barred(today)
    day = func.coalesce(r.decision_delivered_on, r.issued_on)
    return await _rows(session, where, day, _KIND)


async def reminders_before_limitation(session: AsyncSession, today: date) -> list[WorkRow]:
    """Wymagalne whose reminder must go before the last six months before limitation begin
    (rozporządzenie MF z 18.11.2020 §3: also the small ones the creditor need not pursue before,
    u.p.e.a. art. 6 §1), from a month before that deadline on; `day` is the deadline (the last
    day to send the reminder), oldest first. The batch of reminders takes the same ones."""
    r = Receivable
    where = (
        in_state(State.WYMAGALNA, today)  # as of today: not time-barred yet
        & r.time_barred_from.is_not(None)
        & (r.time_barred_from <= small_reminder_bound(today))
    )
    rows = await _rows(session, where, r.time_barred_from)
    return [replace(w, day=small_reminder_deadline(w.day)) for w in rows if w.day is not None]


async def reminders_undelivered(session: AsyncSession, today: date | None = None) -> list[WorkRow]:
    """Upomnienia sent whose delivery is not recorded: the 7 days cannot run yet."""
    r = Receivable
    where = (r.state == State.UPOMNIENIE) & r.reminder_term_ends_on.is_(None)
    if today is not None:
        where = where & not_barred(today)
    return await _rows(session, where, r.issued_on)


async def instalments_missed(session: AsyncSession, today: date, days: int = 30) -> list[WorkRow]:
    """Receivables the daily sweep took out of instalments (a missed instalment) in the last
    `days` days: enforcement resumes (app.sweeps, rule rata_niezaplacona)."""
    where = (Event.action == Action.RATA_NIEZAPLACONA) & (
        Event.occurred_on >= today - timedelta(days=days)
    )
    return await _rows(
        session, where, Event.occurred_on, (Event, Event.receivable_id == Receivable.id)
    )


@dataclass(frozen=True)
class DocumentRow:
    document_id: int
    number: str
    issued_on: date
    receivable_id: int
    authority_code: str | None
    debtor_name: str
    address: str | None


async def documents_undelivered(
    session: AsyncSession, kind: str, state: State
) -> list[DocumentRow]:
    """Documents of a kind, not delivered, of receivables still in `state`: to print and send."""
    stmt = (
        select(
            Document.id,
            Document.number,
            Document.issued_on,
            Receivable.id,
            Receivable.authority_code,
            Debtor.name,
            Debtor.street,
            Debtor.postal_code,
            Debtor.city,
        )
        .join(Receivable, Receivable.id == Document.receivable_id)
        .join(Debtor, Debtor.id == Receivable.debtor_id)
        .where(Document.kind == kind, Document.delivered_on.is_(None), Receivable.state == state)
        .order_by(Document.issued_on, Document.id)
        .limit(LIMIT)
    )
    return [
        DocumentRow(i, n, on, rid, auth, name, f"{street}, {code} {city}" if street else None)
        for i, n, on, rid, auth, name, street, code, city in (await session.execute(stmt)).all()
    ]


async def titles_unsent(session: AsyncSession) -> list[DocumentRow]:
    """Executive titles not yet in a handoff batch to the enforcement authority."""
    stmt = (
        select(
            Document.id,
            Document.number,
            Document.issued_on,
            Receivable.id,
            Receivable.authority_code,
            Debtor.name,
            Debtor.street,
            Debtor.postal_code,
            Debtor.city,
        )
        .join(Receivable, Receivable.id == Document.receivable_id)
        .join(Debtor, Debtor.id == Receivable.debtor_id)
        .where(Document.kind == "tytul_wykonawczy", Document.handoff_id.is_(None))
        .order_by(Document.issued_on, Document.id)
        .limit(LIMIT)
    )
    return [
        DocumentRow(i, n, on, rid, auth, name, f"{street}, {code} {city}" if street else None)
        for i, n, on, rid, auth, name, street, code, city in (await session.execute(stmt)).all()
    ]
