"""SQL for titles, notices, handoffs and enforcement reports."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.models import (
    Debtor,
    Document,
    EnforcementReport,
    Handoff,
    Notice,
    Payment,
    Receivable,
    WriteOff,
)

# Receivables per IN list: well under the bound-parameter limits of both backends.
CHUNK = 5000


@dataclass
class MoneyRows:
    """A receivable's payments, documents and write-offs in the order ReceivableRepository reads
    them (app/receivables/figures.figures_of)."""

    payments: list[Payment] = field(default_factory=list)
    documents: list[Document] = field(default_factory=list)
    write_offs: list[WriteOff] = field(default_factory=list)


class TitleRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def add(self, obj: object) -> None:
        self.session.add(obj)
        await self.session.flush()

    async def latest_title(self, receivable_id: int) -> Document | None:
        stmt = (
            select(Document)
            .where(Document.receivable_id == receivable_id, Document.kind == "tytul_wykonawczy")
            .order_by(Document.id.desc())
            .limit(1)
        )
        return await self.session.scalar(stmt)

    async def receivables(self, ids: Sequence[int]) -> dict[int, Receivable]:
        return {r.id: r for r in await self._of(select(Receivable), Receivable.id, ids)}

    async def money_rows(self, ids: Sequence[int]) -> dict[int, MoneyRows]:
        """What figures_of reads of each receivable, for many receivables at once."""
        rows: dict[int, MoneyRows] = defaultdict(MoneyRows)
        payments = select(Payment).order_by(Payment.paid_on, Payment.id)
        for p in await self._of(payments, Payment.receivable_id, ids):
            rows[p.receivable_id].payments.append(p)
        # facts_of reads only the costs of delivered documents (u.p.e.a. art. 15 §4).
        documents = (
            select(Document)
            .where(Document.costs > 0, Document.delivered_on.is_not(None))
            .order_by(Document.id)
        )
        for d in await self._of(documents, Document.receivable_id, ids):
            rows[d.receivable_id].documents.append(d)
        write_offs = select(WriteOff).order_by(WriteOff.decided_on, WriteOff.id)
        for w in await self._of(write_offs, WriteOff.receivable_id, ids):
            rows[w.receivable_id].write_offs.append(w)
        return rows

    async def _of(self, stmt: Select[Any], column: Any, ids: Sequence[int]) -> list[Any]:
        """The rows of `stmt` whose `column` is one of `ids`, read CHUNK ids at a time; the order
        within each receivable is the statement's."""
        found: list[Any] = []
        for start in range(0, len(ids), CHUNK):
            chunk = list(ids[start : start + CHUNK])
            found += list(await self.session.scalars(stmt.where(column.in_(chunk))))
        return found

    async def register(self, limit: int, offset: int) -> list[tuple[Document, Receivable, Debtor]]:
        stmt = (
            select(Document, Receivable, Debtor)
            .join(Receivable, Receivable.id == Document.receivable_id)
            .join(Debtor, Debtor.id == Receivable.debtor_id)
            .where(Document.kind == "tytul_wykonawczy")
            .order_by(Document.year, Document.scope, Document.seq)
            .limit(limit)
            .offset(offset)
        )
        return [(d, r, p) for d, r, p in (await self.session.execute(stmt)).all()]

    async def unsent_titles(self, authority_code: str, *, lock: bool = False) -> list[Document]:
        stmt = (
            select(Document)
            .where(
                Document.kind == "tytul_wykonawczy",
                Document.scope == authority_code,
                Document.handoff_id.is_(None),
            )
            .order_by(Document.year, Document.seq)
        )
        if lock:
            stmt = stmt.with_for_update()
        return list(await self.session.scalars(stmt))

    async def unsent_notices(self, authority_code: str, *, lock: bool = False) -> list[Notice]:
        stmt = (
            select(Notice)
            .join(Document, Document.id == Notice.title_document_id)
            .where(Document.scope == authority_code, Notice.handoff_id.is_(None))
            .order_by(Notice.id)
        )
        if lock:
            stmt = stmt.with_for_update(of=Notice)
        return list(await self.session.scalars(stmt))

    async def notices_of_title(self, title_id: int) -> list[Notice]:
        stmt = select(Notice).where(Notice.title_document_id == title_id).order_by(Notice.id)
        return list(await self.session.scalars(stmt))

    async def notice(self, notice_id: int) -> Notice | None:
        return await self.session.get(Notice, notice_id)

    async def pending_notices(self) -> list[Notice]:
        return list(
            await self.session.scalars(
                select(Notice).where(Notice.handoff_id.is_(None)).order_by(Notice.id)
            )
        )

    async def reports(self, title_id: int) -> list[EnforcementReport]:
        stmt = (
            select(EnforcementReport)
            .where(EnforcementReport.title_document_id == title_id)
            .order_by(EnforcementReport.reported_on, EnforcementReport.id)
        )
        return list(await self.session.scalars(stmt))

    async def handoff(self, handoff_id: int) -> Handoff | None:
        return await self.session.get(Handoff, handoff_id)

    async def handoffs(self) -> list[Handoff]:
        return list(await self.session.scalars(select(Handoff).order_by(Handoff.id.desc())))

    async def handoff_numbers(self) -> dict[int, str]:
        rows = await self.session.execute(select(Handoff.id, Handoff.number))
        return {int(i): str(n) for i, n in rows.all()}
