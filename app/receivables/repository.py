"""Every SQL statement about receivables, their documents, payments, events and parameters."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.domain.kinds import (
    AllocationRule,
    InterestRegime,
    InterestStart,
    KindRules,
    LimitationEvent,
    LimitationRule,
)
from app.domain.parameters import ParameterRow
from app.models import (
    ControlProposal,
    Debtor,
    Document,
    Event,
    Instalment,
    Parameter,
    Payment,
    Receivable,
    ReceivableAmendment,
    ReceivableChange,
    ReceivableKind,
    WriteOff,
)

PARAMETER_CACHE = "windykacja.parameter_rows"


class ReceivableRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def get(self, receivable_id: int, *, for_update: bool = False) -> Receivable | None:
        stmt = select(Receivable).where(Receivable.id == receivable_id)
        if for_update:
            stmt = stmt.with_for_update()
        return await self.session.scalar(stmt)

    async def with_kind_and_debtor(
        self, receivable_id: int
    ) -> tuple[Receivable, ReceivableKind, Debtor] | None:
        """A receivable with its kind and its debtor in one statement (the card shows all three)."""
        stmt = (
            select(Receivable, ReceivableKind, Debtor)
            .join(ReceivableKind, ReceivableKind.code == Receivable.kind_code)
            .join(Debtor, Debtor.id == Receivable.debtor_id)
            .where(Receivable.id == receivable_id)
        )
        row = (await self.session.execute(stmt)).one_or_none()
        return None if row is None else (row[0], row[1], row[2])

    async def by_reference(self, reference: str) -> Receivable | None:
        return await self.session.scalar(
            select(Receivable).where(Receivable.reference == reference)
        )

    async def add(self, obj: object) -> None:
        self.session.add(obj)
        await self.session.flush()

    async def kind(self, code: str) -> ReceivableKind | None:
        return await self.session.get(ReceivableKind, code)

    async def kinds(self) -> list[ReceivableKind]:
        return list(
            await self.session.scalars(select(ReceivableKind).order_by(ReceivableKind.code))
        )

    async def documents(self, receivable_id: int) -> list[Document]:
        stmt = select(Document).where(Document.receivable_id == receivable_id).order_by(Document.id)
        return list(await self.session.scalars(stmt))

    async def latest_document(self, receivable_id: int, kind: str) -> Document | None:
        stmt = (
            select(Document)
            .where(Document.receivable_id == receivable_id, Document.kind == kind)
            .order_by(Document.id.desc())
            .limit(1)
        )
        return await self.session.scalar(stmt)

    async def payments(self, receivable_id: int) -> list[Payment]:
        stmt = (
            select(Payment)
            .where(Payment.receivable_id == receivable_id)
            .order_by(Payment.paid_on, Payment.id)
        )
        return list(await self.session.scalars(stmt))

    async def payment_by_reference(self, receivable_id: int, reference: str) -> Payment | None:
        stmt = select(Payment).where(
            Payment.receivable_id == receivable_id, Payment.reference == reference
        )
        return await self.session.scalar(stmt)

    async def write_offs(self, receivable_id: int) -> list[WriteOff]:
        stmt = (
            select(WriteOff)
            .where(WriteOff.receivable_id == receivable_id)
            .order_by(WriteOff.decided_on, WriteOff.id)
        )
        return list(await self.session.scalars(stmt))

    async def amendments(self, receivable_id: int) -> list[ReceivableAmendment]:
        stmt = (
            select(ReceivableAmendment)
            .where(ReceivableAmendment.receivable_id == receivable_id)
            .order_by(ReceivableAmendment.effective_on, ReceivableAmendment.id)
        )
        return list(await self.session.scalars(stmt))

    async def instalments(self, receivable_id: int) -> list[Instalment]:
        stmt = (
            select(Instalment)
            .where(Instalment.receivable_id == receivable_id)
            .order_by(Instalment.number)
        )
        return list(await self.session.scalars(stmt))

    async def of_debtor(self, debtor_id: int) -> list[Receivable]:
        stmt = (
            select(Receivable)
            .where(Receivable.debtor_id == debtor_id)
            .order_by(Receivable.issued_on.desc(), Receivable.id.desc())
        )
        return list(await self.session.scalars(stmt))

    async def events(self, receivable_id: int) -> list[Event]:
        stmt = select(Event).where(Event.receivable_id == receivable_id).order_by(Event.id)
        return list(await self.session.scalars(stmt))

    async def changes(self, receivable_id: int) -> list[ReceivableChange]:
        stmt = select(ReceivableChange).where(ReceivableChange.receivable_id == receivable_id)
        return list(await self.session.scalars(stmt.order_by(ReceivableChange.id)))

    async def parameter_rows(self) -> list[ParameterRow]:
        """All dated parameters, read once per session (a request or a job): they change only by
        a new row, and app.parameters clears this cache when it adds one. The same list object
        each time, never to be changed by a caller: figures.table_of compiles a rate table once
        per list object, so a page of 50 balances compiles it once, not 50 times."""
        cached = self.session.info.get(PARAMETER_CACHE)
        if cached is None:
            cached = self.session.info[PARAMETER_CACHE] = await self._parameter_rows()
        return cached

    async def _parameter_rows(self) -> list[ParameterRow]:
        rows = await self.session.execute(
            select(Parameter.code, Parameter.valid_from, Parameter.value, Parameter.source)
        )
        return [
            ParameterRow(code, valid_from, value, source)
            for code, valid_from, value, source in rows
        ]

    async def proposals(self, receivable_id: int) -> list[ControlProposal]:
        """Issue 22 item 6: the proposals under the accountant's control, for the card."""
        stmt = select(ControlProposal).where(ControlProposal.receivable_id == receivable_id)
        return list(await self.session.scalars(stmt.order_by(ControlProposal.id)))


def kind_rules(kind: ReceivableKind) -> KindRules:
    return KindRules(
        code=kind.code,
        label=kind.label,
        legal_basis=kind.legal_basis,
        interest_regime=InterestRegime(kind.interest_regime),
        interest_start=InterestStart(kind.interest_start),
        allocation_rule=AllocationRule(kind.allocation_rule),
        payment_term_days=kind.payment_term_days,
        reminder_term_days=kind.reminder_term_days,
        limitation_rule=LimitationRule(kind.limitation_rule),
        limitation_years=kind.limitation_years,
        limitation_interrupted_by_payment=kind.limitation_interrupted_by_payment,
        reminder_required=kind.reminder_required,
        limitation_interrupted_by=_events(kind.limitation_interrupted_by),
        limitation_suspended_by=_events(kind.limitation_suspended_by),
        decision_bar_years=kind.decision_bar_years,
        decision_required=kind.decision_required,
        deduction_limit_code=kind.deduction_limit_code,
    )


def _events(text: str | None) -> frozenset[LimitationEvent]:
    return frozenset(LimitationEvent(c) for c in (text or "").split(",") if c)
