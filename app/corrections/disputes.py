"""Issue 20: objections to the enforcement (zarzut, u.p.e.a. art. 33) and a court challenge of
the decision pause the receivable's automatic steps until resolved: receivable.paused_reason,
which the reminder batch and the list of titles due read in SQL (the sweeps stay set-based)."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy.ext.asyncio import AsyncSession

from app.corrections.repository import CorrectionRepository
from app.corrections.schemas import DisputeCreate, DisputeResolve
from app.corrections.service import apply
from app.debtors import service as debtor_service
from app.domain import disputes as rules
from app.domain import lifecycle
from app.domain.lifecycle import Action, State
from app.domain.parameters import ParameterCode, ParameterTable
from app.errors import Conflict, Invalid, NotFound
from app.estates import pause as estate_pause
from app.models import Debtor, Dispute, Receivable
from app.polish import pl_date
from app.receivables import service as receivable_service
from app.receivables.repository import ReceivableRepository
from app.titles.repository import TitleRepository
from app.unit import service as unit_service

if TYPE_CHECKING:
    from letters.postanowienie import ZarzutDraft


async def _move(
    session: AsyncSession, receivable: Receivable, action: Action, on: date, cause: str, actor: str
) -> None:
    try:
        t = lifecycle.transition(State(receivable.state), action, on=on, cause=cause, actor=actor)
    except lifecycle.IllegalTransition as exc:
        raise Conflict(str(exc), state=exc.state.value, action=exc.action.value) from exc
    await apply(session, receivable, (t,))


async def _pause(session: AsyncSession, receivable: Receivable) -> None:
    # The open disputes and, issue 20 item 7, a deceased debtor without a known heir.
    await estate_pause.refresh(session, receivable)


async def answer_days(session: AsyncSession, on: date) -> int:
    rows = await ReceivableRepository(session).parameter_rows()
    return ParameterTable.of(ParameterCode.ZARZUT_STANOWISKO_DNI, rows).value_on(on)


async def open_dispute(
    session: AsyncSession, receivable_id: int, data: DisputeCreate, actor: str, today: date
) -> Dispute:
    receivable = await receivable_service.load(session, receivable_id, for_update=True)
    receivable_service.not_in_future(data.received_on, today, "received_on")
    if data.received_on < receivable.issued_on:
        raise Invalid("Data wcześniejsza niż wystawienie należności", field="received_on")
    due = None
    if data.kind == "zarzut":
        if await TitleRepository(session).latest_title(receivable.id) is None:
            raise Conflict(
                "Zarzut w sprawie egzekucji administracyjnej dotyczy tytułu wykonawczego"
            )
        due = rules.answer_due(data.received_on, await answer_days(session, data.received_on))
    dispute = Dispute(
        receivable_id=receivable.id,
        kind=data.kind,
        received_on=data.received_on,
        answer_due_on=due,
        description=data.description,
        created_by=actor,
    )
    cause = f"{rules.PAUSE_LABELS[data.kind]} z dnia {pl_date(data.received_on)}" + (
        f"; postanowienie wierzyciela do {pl_date(due)}" if due else ""
    )
    await _move(session, receivable, Action.SPOR, data.received_on, cause, actor)
    await CorrectionRepository(session).add(dispute)
    await _pause(session, receivable)
    return dispute


async def resolve(
    session: AsyncSession, dispute_id: int, data: DisputeResolve, actor: str, today: date
) -> Dispute:
    dispute = await CorrectionRepository(session).dispute(dispute_id)
    if dispute is None:
        raise NotFound(f"Nie ma sporu o identyfikatorze {dispute_id}")
    if dispute.resolved_on is not None:
        raise Conflict(f"Spór rozstrzygnięto już {pl_date(dispute.resolved_on)}")
    receivable_service.not_in_future(data.resolved_on, today, "resolved_on")
    if data.resolved_on < dispute.received_on:
        raise Invalid("Rozstrzygnięcie wcześniejsze niż wniesienie", field="resolved_on")
    receivable = await receivable_service.load(session, dispute.receivable_id, for_update=True)
    dispute.resolved_on, dispute.resolution = data.resolved_on, data.resolution
    cause = f"{rules.PAUSE_LABELS[dispute.kind]}: {data.resolution}"
    await _move(session, receivable, Action.SPOR_ROZSTRZYGNIETY, data.resolved_on, cause, actor)
    await _pause(session, receivable)
    return dispute


async def of_receivable(session: AsyncSession, receivable_id: int) -> list[Dispute]:
    return await CorrectionRepository(session).disputes(receivable_id)


async def draft(session: AsyncSession, dispute_id: int, today: date) -> ZarzutDraft:
    """What the printed draft postanowienie on a zarzut needs (only a zarzut has one)."""
    from letters.postanowienie import ZarzutDraft

    dispute = await CorrectionRepository(session).dispute(dispute_id)
    if dispute is None:
        raise NotFound(f"Nie ma sporu o identyfikatorze {dispute_id}")
    title = await TitleRepository(session).latest_title(dispute.receivable_id)
    if dispute.kind != "zarzut" or dispute.answer_due_on is None or title is None:
        raise Conflict("Projekt postanowienia sporządza się tylko dla zarzutu")
    receivable = await receivable_service.load(session, dispute.receivable_id)
    debtor = await session.get(Debtor, receivable.debtor_id)
    assert debtor is not None
    return ZarzutDraft(
        creditor=await unit_service.creditor(session),
        debtor=debtor_service.document_data(debtor),
        title_number=title.number,
        title_issued_on=title.issued_on,
        received_on=dispute.received_on,
        answer_due_on=dispute.answer_due_on,
        description=dispute.description,
        drafted_on=today,
        signatory=await unit_service.signatory(session),
    )
