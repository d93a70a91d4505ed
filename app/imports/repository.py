"""Every SQL statement of the portfolio import and export."""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from datetime import date
from typing import Any, cast

from sqlalchemy import Table, bindparam, insert, select, text, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased

from app.domain.portfolio import ReceivableFacts
from app.models import (
    Authority,
    Counter,
    Debtor,
    Document,
    EnforcementReport,
    ImportKey,
    Instalment,
    Payment,
    Receivable,
    ReceivableAmendment,
    ReceivableKind,
    ReceivableTranche,
    WriteOff,
)
from app.models.base import Base

BATCH = 1000
_IMPORT_LOCK = 0x77696E64_706F7274  # "windport": the advisory-lock key of portfolio imports


class ImportRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def lock_imports(self) -> None:
        """One portfolio import at a time: a second import of the same file waits for the first
        to commit, then finds its keys known and skips them, instead of failing on the unique
        key. A transaction-level advisory lock; SQLite has one writer already."""
        if self.session.get_bind().dialect.name == "postgresql":
            lock = text("SELECT pg_advisory_xact_lock(:key)")
            await self.session.execute(lock, {"key": _IMPORT_LOCK})

    async def kinds(self) -> list[ReceivableKind]:
        return list((await self.session.scalars(select(ReceivableKind))).all())

    async def authorities(self) -> frozenset[str]:
        return frozenset((await self.session.scalars(select(Authority.code))).all())

    async def keys(self, sheet: str) -> dict[str, int]:
        rows = await self.session.execute(
            select(ImportKey.source_key, ImportKey.entity_id).where(ImportKey.sheet == sheet)
        )
        return {a: b for a, b in rows}  # noqa: C416 (a Result is not a mapping)

    async def receivable_facts(self) -> dict[str, ReceivableFacts]:
        """Receivables imported before, by source key, with what later rows are checked against."""
        debtor = aliased(ImportKey)
        debtor_key = (
            select(debtor.source_key)
            .where(debtor.sheet == "dluznicy", debtor.entity_id == Receivable.debtor_id)
            .correlate(Receivable)
            .scalar_subquery()
        )
        rows = await self.session.execute(
            select(ImportKey.source_key, Receivable.issued_on, Receivable.kind_code, debtor_key)
            .join(Receivable, Receivable.id == ImportKey.entity_id)
            .where(ImportKey.sheet == "naleznosci")
        )
        return {k: ReceivableFacts(d, kind, dk or "") for k, d, kind, dk in rows}

    async def pesels(self) -> dict[str, str]:
        rows = await self.session.execute(
            select(Debtor.pesel, Debtor.id).where(Debtor.pesel.is_not(None))
        )
        return {str(p): f"#{i} (już w bazie)" for p, i in rows}

    async def numbers(self) -> set[str]:
        return set((await self.session.scalars(select(Document.number))).all())

    async def references(self) -> set[str]:
        stmt = select(Receivable.reference).where(Receivable.reference.is_not(None))
        return {str(r) for r in (await self.session.scalars(stmt)).all()}

    async def insert(self, model: type[Base], rows: Sequence[dict[str, Any]]) -> list[int]:
        """Many rows in one statement (Core: no ORM object per row); their ids in the order of
        the rows."""
        if not rows:
            return []
        table = _table(model)
        stmt = insert(table).returning(table.c.id, sort_by_parameter_order=True)
        return list((await self.session.scalars(stmt, list(rows))).all())

    async def add_rows(self, model: type[Base], rows: Sequence[dict[str, Any]]) -> None:
        if rows:
            await self.session.execute(insert(_table(model)), list(rows))

    async def add_keys(self, rows: Sequence[dict[str, Any]]) -> None:
        await self.add_rows(ImportKey, rows)

    async def update_receivables(self, rows: Sequence[dict[str, Any]]) -> None:
        """The derived columns of many receivables in one executemany, by id (Core: the ORM
        would send one UPDATE per row to check each version). The version moves on, so that a
        card open meanwhile refuses its stale write."""
        if not rows:
            return
        table = _table(Receivable)
        columns = [c for c in rows[0] if c != "b_id"]
        stmt = (
            update(table)
            .where(table.c.id == bindparam("b_id"))
            .values({c: bindparam(c) for c in columns} | {"version": table.c.version + 1})
        )
        await self.session.execute(stmt, list(rows))

    async def raise_counter(self, kind: str, scope: str, year: int, value: int) -> int:
        """The counter of a series continues after the highest number imported; returns the
        value it had (0: none)."""
        found = await self.session.scalar(
            select(Counter).where(
                Counter.kind == kind, Counter.scope == scope, Counter.year == year
            )
        )
        if found is None:
            self.session.add(Counter(kind=kind, scope=scope, year=year, value=value))
            await self.session.flush()
            return 0
        before = found.value
        found.value = max(found.value, value)
        await self.session.flush()
        return before

    # --- what the derived figures need, per batch of receivables -----------------------------

    async def receivables(self, ids: Sequence[int]) -> list[Receivable]:
        stmt = select(Receivable).where(Receivable.id.in_(ids)).order_by(Receivable.id)
        return list((await self.session.scalars(stmt)).all())

    async def documents(self, ids: Sequence[int]) -> list[Document]:
        stmt = (
            select(Document)
            .where(Document.receivable_id.in_(ids))
            .order_by(Document.issued_on, Document.seq)
        )
        return list((await self.session.scalars(stmt)).all())

    async def payments(self, ids: Sequence[int]) -> list[Payment]:
        stmt = (
            select(Payment)
            .where(Payment.receivable_id.in_(ids))
            .order_by(Payment.paid_on, Payment.id)
        )
        return list((await self.session.scalars(stmt)).all())

    async def instalments(self, ids: Sequence[int]) -> list[Instalment]:
        stmt = (
            select(Instalment)
            .where(Instalment.receivable_id.in_(ids))
            .order_by(Instalment.receivable_id, Instalment.decided_on, Instalment.number)
        )
        return list((await self.session.scalars(stmt)).all())

    async def write_offs(self, ids: Sequence[int]) -> list[WriteOff]:
        stmt = (
            select(WriteOff)
            .where(WriteOff.receivable_id.in_(ids))
            .order_by(WriteOff.decided_on, WriteOff.id)
        )
        return list((await self.session.scalars(stmt)).all())

    async def tranches(self, ids: Sequence[int]) -> list[ReceivableTranche]:
        stmt = (
            select(ReceivableTranche)
            .where(ReceivableTranche.receivable_id.in_(ids))
            .order_by(ReceivableTranche.receivable_id, ReceivableTranche.number)
        )
        return list((await self.session.scalars(stmt)).all())

    async def amendments(self, ids: Sequence[int]) -> list[ReceivableAmendment]:
        stmt = (
            select(ReceivableAmendment)
            .where(ReceivableAmendment.receivable_id.in_(ids))
            .order_by(ReceivableAmendment.effective_on, ReceivableAmendment.id)
        )
        return list((await self.session.scalars(stmt)).all())

    async def debtors_of(self, kind: str) -> dict[int, int]:
        """Receivable id → debtor id, for the receivables of one kind (the fund's)."""
        rows = await self.session.execute(
            select(Receivable.id, Receivable.debtor_id).where(Receivable.kind_code == kind)
        )
        return {a: b for a, b in rows}  # noqa: C416 (a Result is not a mapping)

    async def returned_titles(self, ids: Sequence[int]) -> set[int]:
        stmt = (
            select(Document.receivable_id)
            .join(EnforcementReport, EnforcementReport.title_document_id == Document.id)
            .where(
                Document.receivable_id.in_(ids),
                EnforcementReport.kind == "zwrot_nieegzekwowalny",
            )
        )
        return set((await self.session.scalars(stmt)).all())

    async def set_owed_through(self, instalment_id: int, owed: int) -> None:
        await self.session.execute(
            update(Instalment).where(Instalment.id == instalment_id).values(owed_through=owed)
        )

    # --- export --------------------------------------------------------------------------------

    async def stream(self, stmt: Any) -> AsyncIterator[Any]:
        result = await self.session.stream(stmt.execution_options(yield_per=BATCH))
        async for row in result:
            yield row

    async def source_keys(self, sheet: str) -> dict[int, str]:
        rows = await self.session.execute(
            select(ImportKey.entity_id, ImportKey.source_key).where(ImportKey.sheet == sheet)
        )
        return {a: b for a, b in rows}  # noqa: C416 (a Result is not a mapping)


def _table(model: type[Base]) -> Table:
    return cast(Table, model.__table__)


def parse_day(value: object) -> date:
    assert isinstance(value, date)
    return value
