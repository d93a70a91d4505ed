"""Issue 20: corrections of a receivable after its demand, each gather → decide → apply:
the reversal of a payment (storno), an amended or annulled decision. Every one keeps the old
entry, writes its event, recomputes limitation and the overpayment, and tells the enforcement
authority when a title is out (seed 003 §3.7)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy.ext.asyncio import AsyncSession

from app.bank.repository import BankRepository
from app.corrections.repository import CorrectionRepository
from app.corrections.schemas import AmendmentCreate, AnnulmentCreate, ReversalCreate
from app.domain import corrections, lifecycle
from app.domain.lifecycle import Action, State
from app.errors import Conflict, Invalid, NotFound
from app.models import BankLine, Event, Notice, Payment, Receivable, ReceivableAmendment
from app.polish import pl_amount, pl_date
from app.receivables import figures as figures_mod
from app.receivables import overpaid
from app.receivables import service as receivable_service
from app.titles import service as title_service

SET_OFF_SOURCE = "zaliczenie_nadplaty"  # app/overpayments/service.py
TO_MATCH = "do_dopasowania"  # app/bank/service.py: the line waits for manual matching again


@dataclass(frozen=True)
class Reversed:
    payment: Payment
    receivable: Receivable
    bank_line: BankLine | None
    notice: Notice | None


async def apply(
    session: AsyncSession,
    receivable: Receivable,
    transitions: tuple[lifecycle.Transition, ...],
    document_id: int | None = None,
) -> None:
    """Write the decided transitions and their events; a reopened file is no longer closed."""
    for t in transitions:
        receivable.state = t.to_state
        receivable.closed_on = t.occurred_on if t.to_state in lifecycle.CLOSED_STATES else None
        if t.to_state not in lifecycle.CLOSED_STATES:
            receivable.archived_on = None
        session.add(
            Event(
                receivable_id=receivable.id,
                occurred_on=t.occurred_on,
                action=t.action,
                from_state=t.from_state,
                to_state=t.to_state,
                cause=t.cause[:300],
                actor=t.actor,
                document_id=document_id,
            )
        )
    await session.flush()


async def decide(
    session: AsyncSession,
    receivable: Receivable,
    action: Action,
    on: date,
    cause: str,
    actor: str,
    today: date,
) -> tuple[lifecycle.Transition, ...]:
    """The lifecycle's decision on a correction from the balance after it (as of today)."""
    rules = await receivable_service.rules_of(session, receivable)
    figs = await figures_mod.figures_of(session, receivable, rules, max(today, on))
    before = await CorrectionRepository(session).state_before(receivable.id, State.ZAPLACONA)
    try:
        return lifecycle.correct(
            State(receivable.state),
            action,
            balance_after=figs.balance,
            on=on,
            cause=cause,
            actor=actor,
            state_before=State(before) if before else None,
        )
    except lifecycle.IllegalTransition as exc:
        raise Conflict(str(exc), state=exc.state.value, action=exc.action.value) from exc


async def reverse_payment(
    session: AsyncSession, payment_id: int, data: ReversalCreate, actor: str, today: date
) -> Reversed:
    """Storno: the payment counts for nothing from now on, as if never booked; its row stays."""
    repo = CorrectionRepository(session)
    found = await repo.payment(payment_id, lock=False)
    if found is None:
        raise NotFound(f"Nie ma wpłaty o identyfikatorze {payment_id}")
    # The receivable first, as a payment locks it: a concurrent storno of the same payment waits
    # here and then sees it reversed.
    receivable = await receivable_service.load(session, found.receivable_id, for_update=True)
    payment = await repo.payment(payment_id)
    assert payment is not None
    _check_reversal(payment, data, today)
    payment.reversed_on, payment.reversal_reason = data.reversed_on, data.reason
    payment.reversed_by, payment.reversed_reference = actor, payment.reference
    payment.reference = None  # the same bank line or receipt may be booked again
    await session.flush()
    cause = (
        f"storno wpłaty {pl_amount(payment.amount)} z dnia {pl_date(payment.paid_on)}: "
        f"{data.reason}"
    )
    moves = await decide(session, receivable, Action.STORNO, data.reversed_on, cause, actor, today)
    await apply(session, receivable, moves)
    await _refresh(session, receivable, today, data.reversed_on)
    line = await _unmatch(session, payment, data.reason)
    notice = await title_service.notify(
        session, receivable, "storno", data.reversed_on, actor, amount=payment.amount,
        description=f"storno wpłaty z dnia {pl_date(payment.paid_on)}: {data.reason}",
    )  # fmt: skip
    return Reversed(payment, receivable, line, notice)


def _check_reversal(payment: Payment, data: ReversalCreate, today: date) -> None:
    if payment.reversed_on is not None:
        raise Conflict(
            f"Wpłatę wycofano już (storno z dnia {pl_date(payment.reversed_on)})",
            payment_id=payment.id,
        )
    if payment.source == SET_OFF_SOURCE:
        raise Conflict(
            "To zaliczenie nadpłaty, nie wpłata: koryguje się je postanowieniem w sprawie nadpłaty"
        )
    if data.reversed_on < payment.paid_on:
        raise Invalid("Storno nie może być wcześniejsze niż wpłata", field="reversed_on")
    receivable_service.not_in_future(data.reversed_on, today, "reversed_on")


async def _refresh(session: AsyncSession, receivable: Receivable, today: date, on: date) -> None:
    """Limitation and the overpayment recomputed from the corrected facts."""
    rules = await receivable_service.rules_of(session, receivable)
    await figures_mod.refresh_limitation(session, receivable, rules)
    await overpaid.sync(session, receivable, max(today, on), on)


async def _unmatch(session: AsyncSession, payment: Payment, reason: str) -> BankLine | None:
    """A payment booked from a bank statement: its line waits for matching again."""
    line = await BankRepository(session).line_of_payment(payment.id)
    if line is None:
        return None
    line.status, line.receivable_id, line.payment_id = TO_MATCH, None, None
    line.note = f"storno wpłaty nr {payment.id}: {reason}"[:2000]
    await session.flush()
    return line


async def amend(
    session: AsyncSession, receivable_id: int, data: AmendmentCreate, actor: str, today: date
) -> Receivable:
    """Zmiana decyzji: the principal in force from `effective_on`; the old one stays in the
    amendment row and the event."""
    receivable = await receivable_service.load(session, receivable_id, for_update=True)
    try:
        corrections.check_amendment(
            receivable.principal, data.principal, data.effective_on, receivable.issued_on, today
        )
    except corrections.CorrectionError as exc:
        raise Invalid(str(exc), field=exc.field) from exc
    old = receivable.principal
    await _record_amendment(session, receivable, "zmiana", data.effective_on, data.principal,
                            data.reason, actor)  # fmt: skip
    cause = (
        f"zmiana decyzji: należność główna {pl_amount(old)} → "
        f"{pl_amount(data.principal)} ({data.reason})"
    )
    moves = await decide(
        session, receivable, Action.ZMIANA_DECYZJI, data.effective_on, cause, actor, today
    )
    await apply(session, receivable, moves)
    await _refresh(session, receivable, today, data.effective_on)
    await title_service.notify(
        session, receivable, "zmiana_decyzji", data.effective_on, actor,
        amount=data.principal, description=cause,
    )  # fmt: skip
    return receivable


async def _record_amendment(
    session: AsyncSession,
    receivable: Receivable,
    kind: str,
    effective_on: date,
    principal: int,
    reason: str,
    actor: str,
) -> None:
    session.add(
        ReceivableAmendment(
            receivable_id=receivable.id,
            kind=kind,
            effective_on=effective_on,
            old_principal=receivable.principal,
            new_principal=principal,
            reason=reason,
            created_by=actor,
        )
    )
    receivable.principal = principal
    await session.flush()


async def annul(
    session: AsyncSession, receivable_id: int, data: AnnulmentCreate, actor: str, today: date
) -> Receivable:
    """Uchylenie decyzji: nothing was owed; the receivable closes as anulowana and every payment
    on it becomes an overpayment of the debtor (OP art. 72 §1 pkt 1)."""
    receivable = await receivable_service.load(session, receivable_id, for_update=True)
    if data.effective_on < receivable.issued_on:
        raise Invalid(
            "Uchylenie nie może działać przed datą wystawienia należności", field="effective_on"
        )
    receivable_service.not_in_future(data.effective_on, today, "effective_on")
    # The notice first: it states the principal remaining before the annulment.
    await title_service.notify(
        session, receivable, "uchylenie", data.effective_on, actor, description=data.reason
    )
    cause = f"uchylenie decyzji ({data.reason})"
    moves = await decide(
        session, receivable, Action.UCHYLENIE, data.effective_on, cause, actor, today
    )
    await _record_amendment(session, receivable, "uchylenie", data.effective_on, 0, data.reason,
                            actor)  # fmt: skip
    await apply(session, receivable, moves)
    receivable.time_barred_from = None  # nothing left to prescribe
    await overpaid.sync(session, receivable, max(today, data.effective_on), data.effective_on)
    return receivable
