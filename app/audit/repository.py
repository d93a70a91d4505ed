from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.models import (
    AlimonyRegisterEntry,
    AuditEvent,
    Debtor,
    DebtorChange,
    Document,
    Handoff,
    Notice,
    Receivable,
    ReceivableKind,
)


class AuditRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def add_many(self, rows: Iterable[dict[str, Any]]) -> None:
        batch = list(rows)
        if batch:  # one executemany, however many debtors a printout names
            await self.session.execute(insert(AuditEvent), batch)

    async def latest(
        self, limit: int, action: str | None = None, actor: str | None = None
    ) -> list[AuditEvent]:
        stmt = select(AuditEvent).order_by(AuditEvent.id.desc()).limit(limit)
        if action:
            stmt = stmt.where(AuditEvent.action == action)
        if actor:
            stmt = stmt.where(AuditEvent.actor == actor)
        return list(await self.session.scalars(stmt))

    async def about_user(self, username: str, limit: int = 30) -> list[AuditEvent]:
        """What the user did and what was done to their account, latest first."""
        stmt = (
            select(AuditEvent)
            .where((AuditEvent.actor == username) | (AuditEvent.subject == username))
            .order_by(AuditEvent.id.desc())
            .limit(limit)
        )
        return list(await self.session.scalars(stmt))

    async def of_debtor(self, debtor_id: int) -> list[AuditEvent]:
        stmt = select(AuditEvent).where(AuditEvent.debtor_id == debtor_id).order_by(AuditEvent.id)
        return list(await self.session.scalars(stmt))


class SubjectRepository:
    """Whose personal data a request touches, and what the unit holds about a debtor (for the
    RODO art. 15 extract). Reads across concepts, so it lives here and not in theirs."""

    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def debtors_of(self, params: Mapping[str, Any]) -> list[int]:
        """The debtors a route's path parameters name (a card, a document, a hand-over …)."""
        ids = {k: int(v) for k, v in params.items() if str(v).isdigit() and len(str(v)) < 10}
        stmt = None
        if "debtor_id" in ids:
            return [ids["debtor_id"]]
        if "receivable_id" in ids:
            stmt = select(Receivable.debtor_id).where(Receivable.id == ids["receivable_id"])
        elif "document_id" in ids:
            stmt = (
                select(Receivable.debtor_id)
                .join(Document, Document.receivable_id == Receivable.id)
                .where(Document.id == ids["document_id"])
            )
        elif "notice_id" in ids:
            stmt = (
                select(Receivable.debtor_id)
                .join(Notice, Notice.receivable_id == Receivable.id)
                .where(Notice.id == ids["notice_id"])
            )
        elif "handoff_id" in ids:
            handoff = ids["handoff_id"]
            titles = select(Document.receivable_id).where(Document.handoff_id == handoff)
            notices = select(Notice.receivable_id).where(Notice.handoff_id == handoff)
            stmt = select(Receivable.debtor_id).where(
                Receivable.id.in_(titles.union(notices).scalar_subquery())
            )
        if stmt is None:
            return []
        return sorted(set(await self.session.scalars(stmt)))

    async def debtor(self, debtor_id: int) -> Debtor | None:
        return await self.session.get(Debtor, debtor_id)

    async def changes(self, debtor_id: int) -> list[DebtorChange]:
        stmt = select(DebtorChange).where(DebtorChange.debtor_id == debtor_id)
        return list(await self.session.scalars(stmt.order_by(DebtorChange.id)))

    async def receivables(self, debtor_id: int) -> list[tuple[Receivable, str]]:
        """The debtor's receivables with their kind's label."""
        stmt = (
            select(Receivable, ReceivableKind.label)
            .join(ReceivableKind, ReceivableKind.code == Receivable.kind_code)
            .where(Receivable.debtor_id == debtor_id)
            .order_by(Receivable.issued_on, Receivable.id)
        )
        return [(r, label) for r, label in (await self.session.execute(stmt)).all()]

    async def documents(self, debtor_id: int) -> list[tuple[Document, Handoff | None]]:
        stmt = (
            select(Document, Handoff)
            .join(Receivable, Receivable.id == Document.receivable_id)
            .outerjoin(Handoff, Handoff.id == Document.handoff_id)
            .where(Receivable.debtor_id == debtor_id)
            .order_by(Document.issued_on, Document.id)
        )
        return [(d, h) for d, h in (await self.session.execute(stmt)).all()]

    async def notices(self, debtor_id: int) -> list[tuple[Notice, Handoff]]:
        stmt = (
            select(Notice, Handoff)
            .join(Receivable, Receivable.id == Notice.receivable_id)
            .join(Handoff, Handoff.id == Notice.handoff_id)
            .where(Receivable.debtor_id == debtor_id)
            .order_by(Handoff.issued_on, Notice.id)
        )
        return [(n, h) for n, h in (await self.session.execute(stmt)).all()]

    async def register_entries(self, debtor_id: int) -> list[AlimonyRegisterEntry]:
        stmt = select(AlimonyRegisterEntry).where(AlimonyRegisterEntry.debtor_id == debtor_id)
        return list(await self.session.scalars(stmt.order_by(AlimonyRegisterEntry.entered_on)))
