"""The allocated book of payments and write-offs the statements sum over (book_entry).

How a payment splits between costs, interest and principal is the money engine's decision
(app/domain/balance.py: OP art. 55 §2 and 62 §1a, KC art. 451, art. 28 u.p.o.u.a.); SQL cannot
make it. So the engine's allocations are stored once per receivable and kept current: before a
statement is drawn, one SQL statement finds the receivables whose payments, write-offs, reminder
costs, alimony recoveries or state no longer match what their entries were computed from (a
fingerprint in receivable_book), and only those are recomputed. In a steady state that is none
or a handful; the statements themselves never loop over receivables."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

from sqlalchemy import and_, delete, func, insert, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.domain.balance import PaymentFact
from app.domain.kinds import AllocationRule
from app.models import (
    AlimonyAllocation,
    AlimonyPayout,
    AlimonyRecovery,
    BookEntry,
    Document,
    Payment,
    Receivable,
    ReceivableBook,
    ReceivableKind,
    WriteOff,
)
from app.receivables import figures as figures_mod
from app.receivables import service as receivable_service
from app.receivables.repository import ReceivableRepository
from app.reports.repository import total

# Allocations do not depend on the day the balance is read: any day after every fact will do.
_AFTER_ALL = date(2999, 12, 31)
BATCH = 500
_FIELDS = (
    "payments_n",
    "payments_sum",
    "write_offs_n",
    "write_offs_sum",
    "costs_n",
    "costs_sum",
    "recoveries_n",
    "recoveries_sum",
    "principal",
)


def _agg(model: Any, key: Any, *where: Any) -> Any:
    return (
        select(key.label("k"), func.count().label("n"), total(model.amount).label("s"))
        .where(*where)
        .group_by(key)
        .subquery()
    )


def _stale() -> Any:
    """(receivable id, fingerprint…) of every receivable whose entries are missing or outdated."""
    r, b = Receivable, ReceivableBook
    # A reversed payment (storno, issue 20) counts for nothing: its reversal makes the book stale.
    p = _agg(Payment, Payment.receivable_id, Payment.reversed_on.is_(None))
    w = _agg(WriteOff, WriteOff.receivable_id)
    c = (
        select(
            Document.receivable_id.label("k"),
            func.count().label("n"),
            total(Document.costs).label("s"),
        )
        .where(Document.costs > 0, Document.delivered_on.is_not(None))
        .group_by(Document.receivable_id)
        .subquery()
    )
    a = _agg(AlimonyRecovery, AlimonyRecovery.debtor_id)
    art28 = ReceivableKind.allocation_rule == AllocationRule.ART_28.value
    now = [
        func.coalesce(p.c.n, 0),
        func.coalesce(p.c.s, 0),
        func.coalesce(w.c.n, 0),
        func.coalesce(w.c.s, 0),
        func.coalesce(c.c.n, 0),
        func.coalesce(c.c.s, 0),
        func.coalesce(a.c.n, 0),
        func.coalesce(a.c.s, 0),
        r.principal,
    ]
    changed = or_(
        b.receivable_id.is_(None),
        b.state != r.state,
        *(getattr(b, f) != v for f, v in zip(_FIELDS, now, strict=True)),
    )
    return (
        select(r.id, *now, r.state)
        .join(ReceivableKind, ReceivableKind.code == r.kind_code)
        .outerjoin(p, p.c.k == r.id)
        .outerjoin(w, w.c.k == r.id)
        .outerjoin(c, c.c.k == r.id)
        .outerjoin(a, and_(a.c.k == r.debtor_id, art28))
        .outerjoin(b, b.receivable_id == r.id)
        .where(
            or_(
                p.c.n.is_not(None),
                w.c.n.is_not(None),
                a.c.n.is_not(None),
                b.receivable_id.is_not(None),
            ),
            changed,
        )
        .order_by(r.id)
    )


_FRESH = "windykacja.statement_book_fresh"


async def refresh(session: AsyncSession) -> int:
    """Recompute the entries of every stale receivable; returns how many were recomputed. Once
    per session: a page drawing several statements in one request searches once (the reports
    write nothing else that could make a receivable stale)."""
    if session.info.get(_FRESH):
        return 0
    done = 0
    while rows := (await session.execute(_stale().limit(BATCH))).all():
        ids = [row[0] for row in rows]
        await session.execute(delete(BookEntry).where(BookEntry.receivable_id.in_(ids)))
        await session.execute(delete(ReceivableBook).where(ReceivableBook.receivable_id.in_(ids)))
        entries: list[dict[str, Any]] = []
        for row in rows:
            entries += await _entries_of(session, row[0])
        if entries:
            await session.execute(insert(BookEntry), entries)
        await session.execute(
            insert(ReceivableBook),
            [
                {
                    "receivable_id": row[0],
                    **dict(zip(_FIELDS, row[1:10], strict=True)),
                    "state": row[10],
                }
                for row in rows
            ],
        )
        done += len(rows)
    session.info[_FRESH] = True
    return done


async def _entries_of(session: AsyncSession, receivable_id: int) -> list[dict[str, Any]]:
    receivable = await receivable_service.load(session, receivable_id)
    rules = await receivable_service.rules_of(session, receivable)
    if rules.allocation_rule is AllocationRule.ART_28:
        has_payouts = await session.scalar(
            select(func.count()).where(AlimonyPayout.receivable_id == receivable_id)
        )
        if has_payouts:
            return await _alimony_entries(session, receivable)
    rows = await figures_mod.rows_of(session, receivable_id)
    # Each settlement tagged with its source so that its allocation can be told apart.
    tagged = [
        PaymentFact(p.paid_on, p.amount, "wplata") for p in figures_mod.counted(rows.payments)
    ]
    tagged += [PaymentFact(w.decided_on, w.amount, "umorzenie") for w in rows.write_offs]
    full = figures_mod.facts_of(
        receivable,
        rules,
        rows.payments,
        rows.documents,
        rows.write_offs,
        rows.tranches,
        rows.limitation,
        rows.amendments,
    )
    facts = replace(full, payments=tuple(tagged))
    params = await ReceivableRepository(session).parameter_rows()
    figs = figures_mod.compute(receivable, rules, facts, params, _AFTER_ALL)
    return [_entry(receivable_id, a, a.reference or "wplata") for a in figs.allocations]


async def _alimony_entries(session: AsyncSession, receivable: Receivable) -> list[dict[str, Any]]:
    """The fund's receivable is paid by the debtor's recoveries as app/alimony allocated them
    under art. 28 u.p.o.u.a. (alimony_allocation, kept current by the alimony service). They
    belong to the debtor, not to one receivable: they are booked on the debtor's latest fund
    receivable (a debtor has one open at a time, app/alimony/service._fund_receivable)."""
    latest = await session.scalar(
        select(func.max(AlimonyPayout.receivable_id))
        .join(Receivable, Receivable.id == AlimonyPayout.receivable_id)
        .where(Receivable.debtor_id == receivable.debtor_id)
    )
    if latest != receivable.id:
        return []
    a, rec = AlimonyAllocation, AlimonyRecovery
    rows = (
        await session.execute(
            select(
                rec.id, rec.received_on, rec.overpayment, a.to_costs, a.to_interest, a.to_principal
            )
            .outerjoin(a, a.recovery_id == rec.id)
            .where(rec.debtor_id == receivable.debtor_id)
            .order_by(rec.received_on, rec.id, a.id)
        )
    ).all()
    out, seen = [], set()
    for rid, on, over, costs, interest, principal in rows:
        parts = (costs or 0, interest or 0, principal or 0)
        extra = over if rid not in seen else 0
        seen.add(rid)
        if sum(parts) + extra:
            out.append(
                {
                    "receivable_id": receivable.id,
                    "booked_on": on,
                    "source": "alimenty",
                    "amount": sum(parts) + extra,
                    "to_costs": parts[0],
                    "to_interest": parts[1],
                    "to_principal": parts[2],
                    "overpayment": extra,
                }
            )
    return out


def _entry(receivable_id: int, a: Any, source: str) -> dict[str, Any]:
    return {
        "receivable_id": receivable_id,
        "booked_on": a.on,
        "source": source,
        "amount": a.amount,
        "to_costs": a.to_costs,
        "to_interest": a.to_interest,
        "to_principal": a.to_principal,
        "overpayment": a.overpayment,
    }
