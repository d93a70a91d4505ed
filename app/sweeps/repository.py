"""The daily sweep as set-based SQL: one statement per rule over the whole table.

On PostgreSQL each rule is a single `WITH moved AS (UPDATE … RETURNING) INSERT INTO event …`, so
the state change and its event are one atomic statement. SQLite (one writer, BEGIN IMMEDIATE) runs
the same as INSERT … SELECT followed by UPDATE with the same predicate."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession


_CLOSED = ("zaplacona", "przedawniona", "umorzona")


@dataclass(frozen=True)
class Rule:
    action: str
    to_state: str
    where: str  # over table r (receivable); :as_of is bound
    occurred_on: str  # SQL expression for the event's date
    cause: str


def _plus_one_day(column: str, dialect: str) -> str:
    return f"({column} + 1)" if dialect == "postgresql" else f"date({column}, '+1 day')"


def rules(dialect: str) -> list[Rule]:
    return [
        # Seed 003 §3.1: wymagalna the day after the payment term (stored already shifted).
        Rule("termin_uplynal", "wymagalna",
             "r.state = 'wystawiona' AND r.payment_term_ends_on < :as_of",
             _plus_one_day("r.payment_term_ends_on", dialect),
             "upływ terminu płatności (przegląd dzienny)"),
        Rule("przedawnienie", "przedawniona",
             "r.state IN ('wystawiona','wymagalna','upomnienie','tytul_wykonawczy','raty') "
             "AND r.time_barred_from <= :as_of",
             "r.time_barred_from",
             "upływ terminu przedawnienia (przegląd dzienny)"),
    ]


class SweepRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session
        self.dialect = session.bind.dialect.name

    async def apply(self, rule: Rule, as_of: date, actor: str) -> int:
        # sqlite3's implicit date adapter is deprecated: bind the ISO text it stores dates as.
        bound: object = as_of if self.dialect == "postgresql" else as_of.isoformat()
        params = {"as_of": bound, "to_state": rule.to_state, "action": rule.action,
                  "cause": rule.cause, "actor": actor}
        if self.dialect == "postgresql":
            return await self._apply_pg(rule, params)
        return await self._apply_sqlite(rule, params)

    async def _apply_pg(self, rule: Rule, params: dict[str, object]) -> int:
        closed = "closed_on = t.on_day, " if rule.to_state in _CLOSED else ""
        sql = f"""
            WITH target AS (SELECT r.id, r.state, {rule.occurred_on} AS on_day
                            FROM receivable r WHERE {rule.where} FOR UPDATE),
                 moved AS (UPDATE receivable r SET {closed}state = :to_state, version = r.version + 1
                           FROM target t WHERE r.id = t.id
                           RETURNING r.id, t.state AS from_state, t.on_day)
            INSERT INTO event (receivable_id, occurred_on, action, from_state, to_state, cause, actor)
            SELECT id, on_day, :action, from_state, :to_state, :cause, :actor FROM moved"""
        result = await self.session.execute(text(sql), params)
        return int(result.rowcount or 0)  # type: ignore[attr-defined]

    async def _apply_sqlite(self, rule: Rule, params: dict[str, object]) -> int:
        insert = f"""
            INSERT INTO event (receivable_id, occurred_on, action, from_state, to_state, cause,
                               actor, created_at)
            SELECT r.id, {rule.occurred_on}, :action, r.state, :to_state, :cause, :actor,
                   CURRENT_TIMESTAMP
            FROM receivable r WHERE {rule.where}"""
        closed = f"closed_on = {rule.occurred_on}, " if rule.to_state in _CLOSED else ""
        update = f"""UPDATE receivable AS r SET {closed}state = :to_state, version = r.version + 1
                     WHERE {rule.where}"""
        await self.session.execute(text(insert), params)
        result = await self.session.execute(text(update), params)
        return int(result.rowcount or 0)  # type: ignore[attr-defined]
