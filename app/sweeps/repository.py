"""Every SQL statement of the sweeps: the daily rules (rules.py), the archive, the lists, the
job's lock and its run records.

On PostgreSQL a rule is one statement, `WITH moved AS (UPDATE … RETURNING) INSERT INTO event …`:
the state change and its event are atomic. SQLite (one writer, BEGIN IMMEDIATE) runs INSERT …
SELECT of the events, then the UPDATE of the same rows."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, NamedTuple, cast

from sqlalchemy import (
    ColumnElement,
    Date,
    Integer,
    Row,
    and_,
    case,
    exists,
    func,
    select,
    text,
)
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import InstrumentedAttribute, aliased

from app.models import Debtor, Event, Receivable, SweepRun
from app.sweeps.rules import NOTICE, Rule, window

CLOSED = "('zaplacona','przedawniona','umorzona','anulowana')"


class SweepRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session
        self.dialect = session.get_bind().dialect.name

    def _day(self, value: object) -> object:
        return value if self.dialect == "postgresql" else _iso(value)

    async def try_lock(self, key: int) -> bool:
        """A transaction-level advisory lock: released by the commit or rollback that ends the
        job. SQLite has one writer (BEGIN IMMEDIATE), so there is nothing to take."""
        if self.dialect != "postgresql":
            return True
        got = await self.session.scalar(
            text("SELECT pg_try_advisory_xact_lock(:key)"), {"key": key}
        )
        return bool(got)

    async def tune(self) -> None:
        """The sweep's statements are short but their estimates can be high: JIT compilation
        would cost more than the work (1M benchmark)."""
        if self.dialect == "postgresql":
            await self.session.execute(text("SET LOCAL jit = off"))

    async def apply(
        self, rule: Rule, as_of: date, actor: str, *, since: date | None
    ) -> list[Moved]:
        """Apply one rule as of a day (`since`: the as_of of the previous successful run): the
        receivables it moved, each with the day of its event."""
        params = {k: self._day(v) for k, v in rule_params(rule, as_of, actor, since).items()}
        if self.dialect == "postgresql":
            return await self._moved(pg_statement(rule), params)
        return await self._apply_sqlite(rule, params)

    async def _moved(self, sql: str, params: dict[str, object]) -> list[Moved]:
        stmt = text(f"{sql} RETURNING receivable_id, occurred_on, document_id").columns(
            receivable_id=Integer, occurred_on=Date, document_id=Integer
        )
        return [Moved(*row) for row in (await self.session.execute(stmt, params)).all()]

    async def _apply_sqlite(self, rule: Rule, params: dict[str, object]) -> list[Moved]:
        with_ = f"WITH {rule.ctes}" if rule.ctes else ""
        source = f"JOIN {rule.source} ON {rule.link}" if rule.source else ""
        chosen = f"FROM receivable r {source} WHERE r.state = '{rule.from_state}' AND {rule.where}"
        insert = f"""
            {with_} INSERT INTO event (receivable_id, occurred_on, action, from_state, to_state,
                                       cause, actor, document_id)
            SELECT r.id, {rule.on_day}, :action, '{rule.from_state}', {rule.to_state},
                   {rule.cause}, :actor, {rule.document} {chosen}"""
        closed = f"closed_on = {rule.closed_on}, " if rule.closed_on else ""
        update = f"""
            UPDATE receivable AS r SET {closed}state = {rule.to_state}, version = r.version + 1
            WHERE r.id IN ({with_} SELECT r.id {chosen})"""
        moved = await self._moved(insert, params)
        await self.session.execute(text(update), params)
        return moved

    async def archive(self, as_of: date, cutoff: date) -> int:
        """Seed 003 §5.4: mark closed files for the archive (see app/domain/archive.py)."""
        sql = f"""UPDATE receivable SET archived_on = :as_of
                  WHERE archived_on IS NULL AND closed_on < :cutoff AND state IN {CLOSED}"""
        params = {"as_of": self._day(as_of), "cutoff": self._day(cutoff)}
        return _rowcount(await self.session.execute(text(sql), params))

    async def count_newly_ready_for_title(
        self, as_of: date, since: date | None, returned: Sequence[int]
    ) -> int:
        """The reminders that became ready for a title since the previous run (as_of `since`):
        their 7 days ran out since then, or their instalment plan has just been sent back
        (`returned`). A range of the partial reminder index, not all the reminders ready: those
        are the worklist (ready_for_title below)."""
        # Two counts, not one with OR, which would make PostgreSQL read the rows' pages instead
        # of the index alone.
        recent = Receivable.reminder_term_ends_on >= (since or date.min)
        count = select(func.count()).select_from(Receivable).where(ready_for_title(as_of))
        new = int(await self.session.scalar(count.where(recent)) or 0)
        if returned:
            again = count.where(Receivable.id.in_(returned), ~recent)
            new += int(await self.session.scalar(again) or 0)
        return new

    async def listing(self, listed: Listed, *, limit: int, offset: int) -> list[Row[Any]]:
        """Receivables with their debtor for one of the sweeps' lists."""
        stmt = (
            select(
                Receivable.id,
                Receivable.reference,
                Receivable.kind_code,
                Receivable.title,
                Receivable.principal,
                Receivable.state,
                Receivable.debtor_id,
                Debtor.name.label("debtor_name"),
                listed.day.label("day"),
            )
            .select_from(Receivable)
            .join(Debtor, Debtor.id == Receivable.debtor_id)
        )
        for target, on in listed.joins:
            stmt = stmt.join(target, on)
        stmt = stmt.where(listed.where).order_by(Debtor.name, Receivable.id)
        rows = (await self.session.execute(stmt.limit(limit).offset(offset))).all()
        return cast(list[Row[Any]], list(rows))

    async def year_end_summary(self, year_start: date, end: date) -> tuple[int, int, int]:
        """The year-end list's count, how many of them became time-barred within the year, and
        their principal in grosze."""
        listed = time_barred_at(end)
        within = func.coalesce(func.sum(case((listed.day >= year_start, 1), else_=0)), 0)
        stmt = select(func.count(), within, func.coalesce(func.sum(Receivable.principal), 0))
        stmt = stmt.select_from(Receivable)
        for target, on in listed.joins:
            stmt = stmt.join(target, on)
        count, new, principal = (await self.session.execute(stmt.where(listed.where))).one()
        return int(count), int(new), int(principal)

    async def previous_run(self, job: str, as_of: date) -> date | None:
        """The as_of of the latest successful run of `job` for a day before `as_of`."""
        stmt = select(func.max(SweepRun.as_of)).where(
            SweepRun.job == job,
            SweepRun.as_of < as_of,
            SweepRun.error.is_(None),
            SweepRun.finished_at.is_not(None),
        )
        return cast(date | None, await self.session.scalar(stmt))

    async def done(self, job: str, as_of: date) -> bool:
        stmt = select(SweepRun.id).where(
            SweepRun.job == job,
            SweepRun.as_of == as_of,
            SweepRun.error.is_(None),
            SweepRun.finished_at.is_not(None),
        )
        return await self.session.scalar(stmt.limit(1)) is not None

    async def history(self, limit: int, job: str | None) -> list[SweepRun]:
        stmt = select(SweepRun).order_by(SweepRun.id.desc()).limit(limit)
        if job is not None:
            stmt = stmt.where(SweepRun.job == job)
        return list(await self.session.scalars(stmt))

    async def add(self, run: SweepRun) -> None:
        self.session.add(run)
        await self.session.flush()


def rule_params(rule: Rule, as_of: date, actor: str, since: date | None) -> dict[str, object]:
    """The bound parameters of a rule's statement (`since`: see SweepRepository.apply)."""
    return {
        "as_of": as_of,
        "action": rule.action,
        "cause": rule.cause_text,
        "notice": NOTICE,
        "actor": actor,
    } | window(since)


def _iso(value: object) -> object:
    # sqlite3's implicit date adapter is deprecated: bind the ISO text SQLite stores dates as.
    return value.isoformat() if isinstance(value, date) else value


def pg_statement(rule: Rule) -> str:
    """One statement: the UPDATE re-checks its WHERE on each row as it is when locked (a user may
    have changed it since the snapshot), and only the rows it moved get their event."""
    ctes = f"{rule.ctes}," if rule.ctes else ""
    closed = f"closed_on = {rule.closed_on}, " if rule.closed_on else ""
    source = f"FROM {rule.source}" if rule.source else ""
    return f"""
        WITH {ctes}
             moved AS (UPDATE receivable r
                       SET {closed}state = {rule.to_state}, version = r.version + 1
                       {source}
                       WHERE {rule.link} AND r.state = '{rule.from_state}' AND {rule.where}
                       RETURNING r.id, r.state AS to_state, {rule.on_day} AS on_day,
                                 {rule.cause} AS cause, {rule.document} AS document_id)
        INSERT INTO event (receivable_id, occurred_on, action, from_state, to_state, cause, actor,
                           document_id)
        SELECT id, on_day, :action, '{rule.from_state}', to_state, cause, :actor, document_id
        FROM moved"""


def _rowcount(result: Any) -> int:
    return int(result.rowcount or 0)


class Moved(NamedTuple):
    """A receivable a rule moved: the day of its event, and the document the event rests on."""

    receivable_id: int
    occurred_on: date
    document_id: int | None


@dataclass(frozen=True)
class Listed:
    """A list of the sweeps as a query over receivable: joins, a predicate and the date shown."""

    where: ColumnElement[bool]
    day: ColumnElement[Any] | InstrumentedAttribute[Any]
    joins: tuple[tuple[Any, ColumnElement[bool]], ...] = ()


def ready_for_title(as_of: date) -> ColumnElement[bool]:
    # The reminders whose 7 days ran out (u.p.e.a. art. 15 §1; seed 003 §3.5): a title may be
    # issued from the day after reminder_term_ends_on (app/domain/deadlines.title_allowed_from).
    # Issue 20: a receivable with an open dispute (zarzut, skarga) is not listed: paused.
    return and_(
        Receivable.state == "upomnienie",
        Receivable.reminder_term_ends_on < as_of,
        Receivable.paused_reason.is_(None),
    )


def reminders_ready(as_of: date) -> Listed:
    return Listed(ready_for_title(as_of), Receivable.reminder_term_ends_on)


def time_barred_at(end: date) -> Listed:
    """Seed 003 §5.3: the receivables that were time-barred at `end` (31 December for the
    year-end list): a `przedawnienie` event dated on or before `end` and no full write-off
    (umorzenie) by then. Read from the event history, the list stays reproducible: a write-off
    next year does not change last year's list."""
    barred, written_off = aliased(Event), aliased(Event)
    on = and_(
        barred.receivable_id == Receivable.id,
        barred.action == "przedawnienie",
        barred.occurred_on <= end,
    )
    later = exists().where(
        written_off.receivable_id == Receivable.id,
        written_off.action == "umorzenie",
        written_off.occurred_on <= end,
    )
    where = and_(Receivable.state.in_(("przedawniona", "umorzona")), ~later)
    return Listed(where, barred.occurred_on, ((barred, on),))


def archived_on(day: date) -> Listed:
    return Listed(Receivable.archived_on == day, Receivable.closed_on)
