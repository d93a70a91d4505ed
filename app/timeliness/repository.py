"""Every SQL statement of the timeliness report (issue 22 item 6), set-based: one statement per
figure, whatever the number of receivables. Dates are subtracted in the dialect's own way."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import BigInteger, Date, Integer, String, bindparam, text
from sqlalchemy.ext.asyncio import AsyncSession


def _sql(dialect: str) -> dict[str, str]:
    if dialect == "postgresql":
        return {
            "since": "(:as_of - p.reference_on)",
            "plus7": "(u.delivered_on + 7)",
            "lag": "(s.done_on - s.reference_on)",
            "month": "to_char(s.done_on, 'YYYY-MM')",
        }
    return {
        "since": "CAST(julianday(:as_of) - julianday(p.reference_on) AS INTEGER)",
        "plus7": "date(u.delivered_on, '+7 days')",
        "lag": "CAST(julianday(s.done_on) - julianday(s.reference_on) AS INTEGER)",
        "month": "strftime('%Y-%m', s.done_on)",
    }


# Each step of seed 003 with the day its instruction's deadline counts from:
# - upomnienie: from the payment term (§3 pt 1-2: due the day after the term, then a reminder);
# - tytuł wykonawczy: from the reminder's delivery + 7 days (§3 pt 5; u.p.e.a. art. 15 § 1);
# - zawiadomienie organu: from the event it reports to the day it went to the authority in a
#   handoff batch (§3 pt 7: "niezwłocznie wysyła"); one not yet sent is not a step done.
_STEPS = """
SELECT 'upomnienie' AS step, d.receivable_id AS receivable_id,
       r.payment_term_ends_on AS reference_on,
       d.issued_on AS done_on, COALESCE(d.created_by, '') AS actor, d.number AS number
  FROM document d JOIN receivable r ON r.id = d.receivable_id
 WHERE d.kind = 'upomnienie' AND r.payment_term_ends_on IS NOT NULL
   AND d.issued_on BETWEEN :date_from AND :date_to
UNION ALL
SELECT 'tytul_wykonawczy', t.receivable_id,
       (SELECT MAX({plus7}) FROM document u
         WHERE u.receivable_id = t.receivable_id AND u.kind = 'upomnienie'
           AND u.delivered_on IS NOT NULL AND u.delivered_on <= t.issued_on),
       t.issued_on, COALESCE(t.created_by, ''), t.number
  FROM document t
 WHERE t.kind = 'tytul_wykonawczy' AND t.issued_on BETWEEN :date_from AND :date_to
UNION ALL
SELECT 'zawiadomienie', n.receivable_id, n.event_on, h.issued_on,
       COALESCE(h.created_by, ''), nd.number
  FROM notice n JOIN document nd ON nd.id = n.document_id
  JOIN handoff h ON h.id = n.handoff_id
 WHERE h.issued_on BETWEEN :date_from AND :date_to
"""


# The steps not yet taken on `as_of` although their deadline has run (seed 003 §3): a receivable
# due without a reminder; a reminder delivered more than 7 days ago without a title; a notice not
# yet sent to the authority. Paused receivables (a dispute, issue 20) are left out.
_PENDING = """
SELECT 'upomnienie' AS step, r.id AS receivable_id, r.payment_term_ends_on AS reference_on
  FROM receivable r
 WHERE r.state = 'wymagalna' AND r.paused_reason IS NULL
   AND r.payment_term_ends_on < :as_of
   AND NOT EXISTS (SELECT 1 FROM document d WHERE d.receivable_id = r.id AND d.kind = 'upomnienie')
UNION ALL
SELECT 'tytul_wykonawczy', r.id,
       (SELECT MAX({plus7}) FROM document u
         WHERE u.receivable_id = r.id AND u.kind = 'upomnienie' AND u.delivered_on IS NOT NULL)
  FROM receivable r
 WHERE r.state = 'upomnienie' AND r.paused_reason IS NULL
   AND r.reminder_term_ends_on < :as_of
UNION ALL
SELECT 'zawiadomienie', n.receivable_id, n.event_on
  FROM notice n WHERE n.handoff_id IS NULL AND n.event_on < :as_of
"""

_PERIOD = (bindparam("date_from", type_=Date()), bindparam("date_to", type_=Date()))


class TimelinessRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session
        bind = session.get_bind()
        self.dialect = bind.dialect.name

    def _steps(self) -> str:
        return _STEPS.format(**_sql(self.dialect))

    async def summary(self, date_from: date, date_to: date) -> list[dict[str, Any]]:
        """Per step, specialist and month: count, total, longest lag in days."""
        f = _sql(self.dialect)
        stmt = text(
            f"SELECT s.step, s.actor, {f['month']} AS month, COUNT(*) AS n,"
            f" SUM({f['lag']}) AS lag_sum, MAX({f['lag']}) AS lag_max"
            f" FROM ({self._steps()}) s WHERE s.reference_on IS NOT NULL"
            " GROUP BY s.step, s.actor, month ORDER BY month, s.step, s.actor"
        ).bindparams(*_PERIOD)
        rows = await self.session.execute(stmt, {"date_from": date_from, "date_to": date_to})
        return [dict(r._mapping) for r in rows]

    async def steps(self, date_from: date, date_to: date) -> list[dict[str, Any]]:
        """Every step with its lag (the CSV's rows)."""
        f = _sql(self.dialect)
        raw = text(
            f"SELECT s.step, s.receivable_id, s.number, s.reference_on, s.done_on, s.actor,"
            f" {f['lag']} AS lag FROM ({self._steps()}) s"
            " ORDER BY s.done_on, s.step, s.receivable_id"
        )
        stmt = raw.bindparams(*_PERIOD).columns(
            step=String(),
            receivable_id=Integer(),
            number=String(),
            reference_on=Date(),
            done_on=Date(),
            actor=String(),
            lag=Integer(),
        )
        rows = await self.session.execute(stmt, {"date_from": date_from, "date_to": date_to})
        return [dict(r._mapping) for r in rows]

    async def pending(self, as_of: date) -> list[dict[str, Any]]:
        """Steps overdue on `as_of` and not taken, with the days since their deadline."""
        f = _sql(self.dialect)
        raw = text(
            f"SELECT p.step, p.receivable_id, p.reference_on, {f['since']} AS lag"
            f" FROM ({_PENDING.format(**f)}) p WHERE p.reference_on IS NOT NULL"
            " ORDER BY lag DESC, p.receivable_id"
        )
        stmt = raw.bindparams(bindparam("as_of", type_=Date())).columns(
            step=String(), receivable_id=Integer(), reference_on=Date(), lag=Integer()
        )
        rows = await self.session.execute(stmt, {"as_of": as_of})
        return [dict(r._mapping) for r in rows]

    async def time_barred(self, as_of: date) -> list[dict[str, Any]]:
        """Every time-barred receivable with its last action before limitation and who took it
        (u.f.p. art. 42 ust. 5; u.o.n.d.f.p. art. 5 ust. 1 pkt 2)."""
        raw = text(
            "SELECT r.id AS receivable_id, r.reference, r.kind_code, r.principal,"
            " r.time_barred_from, e.action, e.occurred_on, e.actor, e.cause"
            " FROM receivable r LEFT JOIN event e ON e.id = ("
            "   SELECT MAX(x.id) FROM event x WHERE x.receivable_id = r.id"
            "   AND x.action <> 'przedawnienie')"
            " WHERE r.state = 'przedawniona' OR (r.time_barred_from <= :as_of"
            "   AND r.state IN ('wystawiona', 'wymagalna', 'upomnienie',"
            "   'tytul_wykonawczy', 'raty'))"
            " ORDER BY r.time_barred_from, r.id"
        )
        stmt = raw.bindparams(bindparam("as_of", type_=Date())).columns(
            receivable_id=Integer(),
            reference=String(),
            kind_code=String(),
            principal=BigInteger(),
            time_barred_from=Date(),
            action=String(),
            occurred_on=Date(),
            actor=String(),
            cause=String(),
        )
        rows = await self.session.execute(stmt, {"as_of": as_of})
        return [dict(r._mapping) for r in rows]
