"""Every SQL statement about alimony debtors: their awards, payouts, recoveries, allocations,
write-offs, enforcement and register entries, and the set-based write-off pass."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from typing import TypeVar

from sqlalchemy import Date, Row, bindparam, delete, func, select, text
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import InstrumentedAttribute

from app.domain.lifecycle import OPEN_STATES
from app.domain.parameters import ParameterRow
from app.models import (
    AlimonyAllocation,
    AlimonyAward,
    AlimonyEnforcement,
    AlimonyPayout,
    AlimonyRecovery,
    AlimonyRegisterEntry,
    AlimonyWriteOff,
    Debtor,
    Parameter,
    Receivable,
    ReceivableKind,
    WriteOff,
)

FUND_KIND = "fundusz_alimentacyjny"
_M = TypeVar(
    "_M", AlimonyAward, AlimonyPayout, AlimonyRecovery, AlimonyEnforcement, AlimonyRegisterEntry
)
# IN lists stay well under SQLite's and asyncpg's bound-parameter limits.
CHUNK = 500


def _chunks(ids: Sequence[int]) -> Iterable[Sequence[int]]:
    for start in range(0, len(ids), CHUNK):
        yield ids[start : start + CHUNK]


class AlimonyRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session
        bind = session.bind
        self.dialect = bind.dialect.name if bind is not None else "sqlite"

    async def add(self, obj: object) -> None:
        self.session.add(obj)
        await self.session.flush()

    async def debtor(self, debtor_id: int) -> Debtor | None:
        return await self.session.get(Debtor, debtor_id)

    async def debtors(self, ids: Sequence[int]) -> dict[int, Debtor]:
        found: dict[int, Debtor] = {}
        for part in _chunks(ids):
            for d in await self.session.scalars(select(Debtor).where(Debtor.id.in_(part))):
                found[d.id] = d
        return found

    async def fund_kind(self) -> ReceivableKind | None:
        return await self.session.get(ReceivableKind, FUND_KIND)

    async def open_fund_receivable(self, debtor_id: int) -> Receivable | None:
        stmt = (
            select(Receivable)
            .where(
                Receivable.debtor_id == debtor_id,
                Receivable.kind_code == FUND_KIND,
                Receivable.state.in_([s.value for s in OPEN_STATES]),
            )
            .order_by(Receivable.id.desc())
            .limit(1)
            .with_for_update()
        )
        return await self.session.scalar(stmt)

    async def open_fund_receivables(self, debtor_id: int) -> list[Receivable]:
        """All the debtor's open fund receivables, oldest first, locked."""
        stmt = (
            select(Receivable)
            .where(
                Receivable.debtor_id == debtor_id,
                Receivable.kind_code == FUND_KIND,
                Receivable.state.in_([s.value for s in OPEN_STATES]),
            )
            .order_by(Receivable.id)
            .with_for_update()
        )
        return list(await self.session.scalars(stmt))

    async def parameter_rows(self) -> list[ParameterRow]:
        rows = await self.session.execute(
            select(Parameter.code, Parameter.valid_from, Parameter.value, Parameter.source)
        )
        return [ParameterRow(code, day, value, source) for code, day, value, source in rows]

    # --- the facts of many debtors at once (chunked IN lists) ------------------------------

    async def awards(self, ids: Sequence[int]) -> list[AlimonyAward]:
        return await self._many(AlimonyAward, ids, AlimonyAward.valid_from)

    async def payouts(self, ids: Sequence[int]) -> list[AlimonyPayout]:
        return await self._many(AlimonyPayout, ids, AlimonyPayout.paid_on)

    async def recoveries(self, ids: Sequence[int]) -> list[AlimonyRecovery]:
        return await self._many(AlimonyRecovery, ids, AlimonyRecovery.received_on)

    async def enforcements(self, ids: Sequence[int]) -> list[AlimonyEnforcement]:
        return await self._many(AlimonyEnforcement, ids, AlimonyEnforcement.started_on)

    async def register_entries(self, ids: Sequence[int]) -> list[AlimonyRegisterEntry]:
        return await self._many(AlimonyRegisterEntry, ids, AlimonyRegisterEntry.entered_on)

    async def _many(
        self, model: type[_M], ids: Sequence[int], order: InstrumentedAttribute[date]
    ) -> list[_M]:
        found: list[_M] = []
        for part in _chunks(ids):
            stmt = select(model).where(model.debtor_id.in_(part)).order_by(order, model.id)
            found += list(await self.session.scalars(stmt))
        return found

    async def allocations(self, ids: Sequence[int]) -> list[Row[AlimonyAllocation, int]]:
        """(allocation, debtor_id) in recovery order."""
        found: list[Row[AlimonyAllocation, int]] = []
        for part in _chunks(ids):
            stmt = (
                select(AlimonyAllocation, AlimonyRecovery.debtor_id)
                .join(AlimonyRecovery, AlimonyRecovery.id == AlimonyAllocation.recovery_id)
                .where(AlimonyRecovery.debtor_id.in_(part))
                .order_by(AlimonyRecovery.received_on, AlimonyRecovery.id, AlimonyAllocation.id)
            )
            found += list(await self.session.execute(stmt))
        return found

    async def write_offs(self, ids: Sequence[int]) -> list[Row[WriteOff, AlimonyWriteOff]]:
        found: list[Row[WriteOff, AlimonyWriteOff]] = []
        for part in _chunks(ids):
            stmt = (
                select(WriteOff, AlimonyWriteOff)
                .join(AlimonyWriteOff, AlimonyWriteOff.write_off_id == WriteOff.id)
                .where(AlimonyWriteOff.debtor_id.in_(part))
                .order_by(WriteOff.decided_on, WriteOff.id)
            )
            found += list(await self.session.execute(stmt))
        return found

    async def relief_write_offs(self, ids: Sequence[int]) -> list[Row[WriteOff, int]]:
        """(write-off, debtor_id) of the write-offs on the debtors' fund receivables that are not
        art. 30 ust. 1 decisions (no alimony_write_off row): the relief of art. 30 ust. 2 granted
        on the debtor's request, recorded through the receivable's write-off path."""
        found: list[Row[WriteOff, int]] = []
        for part in _chunks(ids):
            stmt = (
                select(WriteOff, Receivable.debtor_id)
                .join(Receivable, Receivable.id == WriteOff.receivable_id)
                .outerjoin(AlimonyWriteOff, AlimonyWriteOff.write_off_id == WriteOff.id)
                .where(
                    Receivable.debtor_id.in_(part),
                    Receivable.kind_code == FUND_KIND,
                    AlimonyWriteOff.id.is_(None),
                )
                .order_by(WriteOff.decided_on, WriteOff.id)
            )
            found += list(await self.session.execute(stmt))
        return found

    async def alimony_debtor_ids(self, as_of: date) -> list[int]:
        """Debtors the fund paid anything for up to as_of."""
        stmt = (
            select(AlimonyPayout.debtor_id)
            .where(AlimonyPayout.paid_on <= as_of)
            .distinct()
            .order_by(AlimonyPayout.debtor_id)
        )
        return list(await self.session.scalars(stmt))

    async def recovery_by_reference(self, debtor_id: int, reference: str) -> AlimonyRecovery | None:
        stmt = select(AlimonyRecovery).where(
            AlimonyRecovery.debtor_id == debtor_id, AlimonyRecovery.reference == reference
        )
        return await self.session.scalar(stmt)

    async def enforcement(self, debtor_id: int, enforcement_id: int) -> AlimonyEnforcement | None:
        found = await self.session.get(AlimonyEnforcement, enforcement_id)
        return found if found is not None and found.debtor_id == debtor_id else None

    async def award_exists(self, debtor_id: int, entitled: str, valid_from: date) -> bool:
        stmt = select(func.count()).where(
            AlimonyAward.debtor_id == debtor_id,
            AlimonyAward.entitled_name == entitled,
            AlimonyAward.valid_from == valid_from,
        )
        return bool(await self.session.scalar(stmt))

    async def replace_allocations(
        self, recovery_ids: Sequence[int], rows: Sequence[AlimonyAllocation]
    ) -> None:
        for part in _chunks(recovery_ids):
            await self.session.execute(
                delete(AlimonyAllocation).where(AlimonyAllocation.recovery_id.in_(part))
            )
        self.session.add_all(rows)
        await self.session.flush()

    async def write_offs_decided_in(
        self, first: date, last: date
    ) -> list[Row[WriteOff, AlimonyWriteOff, Debtor]]:
        stmt = (
            select(WriteOff, AlimonyWriteOff, Debtor)
            .join(AlimonyWriteOff, AlimonyWriteOff.write_off_id == WriteOff.id)
            .join(Debtor, Debtor.id == AlimonyWriteOff.debtor_id)
            .where(WriteOff.decided_on >= first, WriteOff.decided_on <= last)
            .order_by(WriteOff.decided_on, WriteOff.id)
        )
        return list(await self.session.execute(stmt))

    # --- art. 30 ust. 1: the set-based pass (app/domain/alimony_write_off.py is its oracle) ----

    async def effective_runs(
        self, *, last_month: int, month_start: date, min_months: int
    ) -> list[tuple[int, int]]:
        """(debtor_id, effective months) for every debtor whose unbroken run of effective months
        ends with `last_month` (year * 12 + month - 1) and is at least `min_months` long."""
        sql = effective_runs_sql(self.dialect)
        params = {"last": last_month, "month_start": month_start, "min_months": min_months}
        stmt = text(sql).bindparams(bindparam("month_start", type_=Date))
        rows = await self.session.execute(stmt, params)
        return [(int(debtor_id), int(months)) for debtor_id, months in rows]


def _month_index(column: str, dialect: str) -> str:
    if dialect == "postgresql":
        return (
            f"(CAST(EXTRACT(YEAR FROM {column}) AS INTEGER) * 12"
            f" + CAST(EXTRACT(MONTH FROM {column}) AS INTEGER) - 1)"
        )
    return (
        f"(CAST(strftime('%Y', {column}) AS INTEGER) * 12"
        f" + CAST(strftime('%m', {column}) AS INTEGER) - 1)"
    )


def _first_of_month(column: str, dialect: str) -> str:
    if dialect == "postgresql":
        return f"EXTRACT(DAY FROM {column}) = 1"
    return f"strftime('%d', {column}) = '01'"


def effective_runs_sql(dialect: str) -> str:
    """Gaps and islands over the monthly aggregation (the oracle is alimony_write_off.py):
    - monthly: recovered per debtor and calendar month up to :last, summed straight from the
      index (debtor_id, received_month, amount) in its order;
    - person_span: each award row is in force for months [from_m, to_m): from the month whose
      first day is on or after valid_from (the award in force on the month's first day counts,
      alimony_history.py) until the same person's next row;
    - awarded: the sum over persons as disjoint spans per debtor (a running sum of each person's
      +amount at from_m and -amount at to_m), so each month meets exactly one span;
    - flagged: each month with recovered, whether it is effective (recovered >= awarded > 0) and,
      by LAG, the month before it that had anything recovered;
    - runs: the islands of effective months are cut by an ineffective month or by a gap (a month
      with nothing recovered, which is never effective). The latest cut is the month before the
      island that ends with :last, so the run = :last - the latest cut.
    A debtor whose latest month is not :last, or whose :last is not effective, has no run."""
    valid = _month_index("valid_from", dialect)
    first = _first_of_month("valid_from", dialect)
    return f"""
        WITH monthly AS (
            SELECT debtor_id, received_month AS m, CAST(SUM(amount) AS BIGINT) AS recovered
            FROM alimony_recovery
            WHERE received_month <= :last
            GROUP BY debtor_id, received_month
        ), person_start AS (
            SELECT debtor_id, entitled_name, valid_from, monthly_amount,
                   {valid} + CASE WHEN {first} THEN 0 ELSE 1 END AS from_m
            FROM alimony_award
            WHERE valid_from < :month_start
        ), person_span AS (
            SELECT debtor_id, monthly_amount, from_m,
                   LEAD(from_m) OVER (
                       PARTITION BY debtor_id, entitled_name ORDER BY valid_from
                   ) AS to_m
            FROM person_start
        ), delta AS (
            SELECT debtor_id, from_m AS at, monthly_amount AS amount FROM person_span
            UNION ALL
            SELECT debtor_id, to_m, -monthly_amount FROM person_span WHERE to_m IS NOT NULL
        ), change AS (
            SELECT debtor_id, at, SUM(amount) AS amount FROM delta GROUP BY debtor_id, at
        ), awarded AS (
            SELECT debtor_id, at AS from_m,
                   LEAD(at) OVER (PARTITION BY debtor_id ORDER BY at) AS to_m,
                   CAST(SUM(amount) OVER (
                       PARTITION BY debtor_id ORDER BY at ROWS UNBOUNDED PRECEDING
                   ) AS BIGINT) AS amount
            FROM change
        ), flagged AS (
            SELECT r.debtor_id, r.m,
                   CASE WHEN a.amount > 0 AND r.recovered >= a.amount THEN 1 ELSE 0 END AS ok,
                   LAG(r.m) OVER (PARTITION BY r.debtor_id ORDER BY r.m) AS prev_m
            FROM monthly r
            JOIN awarded a
              ON a.debtor_id = r.debtor_id AND a.from_m <= r.m
             AND (a.to_m IS NULL OR r.m < a.to_m)
        ), runs AS (
            SELECT debtor_id, MAX(m) AS last_m,
                   :last - MAX(CASE WHEN ok = 0 THEN m
                                    WHEN prev_m IS NULL OR prev_m < m - 1 THEN m - 1 END) AS months
            FROM flagged
            GROUP BY debtor_id
        )
        SELECT debtor_id, months AS effective_months
        FROM runs
        WHERE last_m = :last AND months >= :min_months
        ORDER BY debtor_id
    """
