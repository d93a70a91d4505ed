"""Issue 20: decisions on a debtor's overpayments (nadpłaty): refunded, or set off against the
debtor's other receivables (OP art. 76 §1, 76a, applied to non-tax receivables through u.f.p.
art. 60 and art. 67 §1). Each leaves a settlement row and an event on the receivable the money
came from; a set-off books a payment on the receivable it pays (source zaliczenie_nadplaty)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy.ext.asyncio import AsyncSession

from app.domain import corrections, lifecycle
from app.domain.lifecycle import Action, State
from app.domain.money import format_amount
from app.errors import Conflict, Invalid, NotFound
from app.models import Event, Overpayment, OverpaymentSettlement, Receivable
from app.overpayments.repository import OverpaymentRepository
from app.overpayments.schemas import RefundCreate, SetOffCreate
from app.polish import pl_amount, pl_date
from app.receivables import actions
from app.receivables import figures as figures_mod
from app.receivables import service as receivable_service
from app.receivables.repository import ReceivableRepository
from app.receivables.schemas import PaymentCreate

SET_OFF_SOURCE = "zaliczenie_nadplaty"
ARREARS = (State.WYMAGALNA, State.UPOMNIENIE, State.TYTUL_WYKONAWCZY)


@dataclass(frozen=True)
class Listed:
    overpayment: Overpayment
    available: int
    settlements: list[OverpaymentSettlement]


async def listed(session: AsyncSession, row: Overpayment) -> Listed:
    repo = OverpaymentRepository(session)
    settlements = await repo.settlements(row.id)
    return Listed(row, row.amount - sum(s.amount for s in settlements), settlements)


async def of_debtor(session: AsyncSession, debtor_id: int) -> list[Listed]:
    rows = await OverpaymentRepository(session).of_debtor(debtor_id)
    return [await listed(session, r) for r in rows]


async def _load(session: AsyncSession, overpayment_id: int) -> Overpayment:
    row = await OverpaymentRepository(session).get(overpayment_id, for_update=True)
    if row is None:
        raise NotFound(f"Nie ma nadpłaty o identyfikatorze {overpayment_id}")
    return row


def _decided(exc: corrections.CorrectionError) -> Conflict | Invalid:
    if exc.field == "receivable_id":
        return Invalid(str(exc), field=exc.field)
    return Conflict(str(exc))


async def _event(
    session: AsyncSession, receivable: Receivable, action: Action, on: date, cause: str, actor: str
) -> None:
    t = lifecycle.transition(State(receivable.state), action, on=on, cause=cause, actor=actor)
    session.add(
        Event(
            receivable_id=receivable.id,
            occurred_on=on,
            action=action,
            from_state=t.from_state,
            to_state=t.to_state,
            cause=cause[:300],
            actor=actor,
        )
    )


async def arrears_of(session: AsyncSession, debtor_id: int) -> list[str]:
    out = []
    for r in await ReceivableRepository(session).of_debtor(debtor_id):
        if r.state in ARREARS:
            out.append(f"należność nr {r.id}" + (f" ({r.reference})" if r.reference else ""))
    return out


async def refund(
    session: AsyncSession, overpayment_id: int, data: RefundCreate, actor: str, today: date
) -> Listed:
    """Zwrot nadpłaty by decision, of everything still to settle; refused while the debtor has
    arrears (OP art. 76 §1: they are paid from it first)."""
    row = await _load(session, overpayment_id)
    receivable_service.not_in_future(data.decided_on, today, "decided_on")
    if data.decided_on < row.arisen_on:
        raise Invalid("Decyzja wcześniejsza niż powstanie nadpłaty", field="decided_on")
    current = await listed(session, row)
    try:
        if current.available <= 0:
            raise corrections.CorrectionError("overpayment", "Nadpłata jest już rozliczona")
        corrections.refund_allowed(await arrears_of(session, row.debtor_id))
    except corrections.CorrectionError as exc:
        raise _decided(exc) from exc
    source = await receivable_service.load(session, row.receivable_id, for_update=True)
    session.add(
        OverpaymentSettlement(
            overpayment_id=row.id,
            kind="zwrot",
            decided_on=data.decided_on,
            amount=current.available,
            decision_ref=data.decision_ref,
            created_by=actor,
        )
    )
    cause = f"zwrot nadpłaty {pl_amount(current.available)}, {data.decision_ref}"
    await _event(session, source, Action.ZWROT_NADPLATY, data.decided_on, cause, actor)
    await session.flush()
    return await listed(session, row)


async def set_off(
    session: AsyncSession, overpayment_id: int, data: SetOffCreate, actor: str, today: date
) -> Listed:
    """Zaliczenie nadpłaty on another receivable of the same debtor (OP art. 76a §2 pkt 1: on
    the day the overpayment arose), for no more than that receivable owes on that day."""
    row = await _load(session, overpayment_id)
    receivable_service.not_in_future(data.decided_on, today, "decided_on")
    target = await _target(session, row, data.receivable_id)
    rules = await receivable_service.rules_of(session, target)
    day = max(row.arisen_on, target.issued_on)
    figs = await figures_mod.figures_of(session, target, rules, day)
    current = await listed(session, row)
    try:
        decided = corrections.set_off(
            current.available, row.arisen_on, target.issued_on, figs.balance
        )
    except corrections.CorrectionError as exc:
        raise _decided(exc) from exc
    n = len(current.settlements) + 1
    payment, _ = await actions.record_payment(
        session,
        target.id,
        PaymentCreate.model_validate(
            {
                "paid_on": decided.on,
                "amount": format_amount(decided.amount),
                "reference": f"nadpłata nr {row.id}/{n}",
            }
        ),
        actor,
        max(today, decided.on),
    )
    payment.source = SET_OFF_SOURCE
    session.add(
        OverpaymentSettlement(
            overpayment_id=row.id,
            kind="zaliczenie",
            decided_on=data.decided_on,
            amount=decided.amount,
            decision_ref=data.decision_ref,
            target_receivable_id=target.id,
            payment_id=payment.id,
            created_by=actor,
        )
    )
    source = await receivable_service.load(session, row.receivable_id, for_update=True)
    cause = (
        f"zaliczenie nadpłaty {pl_amount(decided.amount)} na należność nr {target.id} "
        f"z dniem {pl_date(decided.on)}, {data.decision_ref}"
    )
    await _event(session, source, Action.ZALICZENIE_NADPLATY, data.decided_on, cause, actor)
    await session.flush()
    return await listed(session, row)


async def _target(session: AsyncSession, row: Overpayment, receivable_id: int) -> Receivable:
    target = await ReceivableRepository(session).get(receivable_id, for_update=True)
    if target is None or target.debtor_id != row.debtor_id:
        raise Invalid("Wskaż należność tego samego zobowiązanego", field="receivable_id")
    if target.id == row.receivable_id:
        raise Invalid("Nadpłaty nie zalicza się na tę samą należność", field="receivable_id")
    if target.state in {s.value for s in lifecycle.CLOSED_STATES}:
        raise Conflict(f"Należność nr {target.id} jest zamknięta (stan „{target.state}”)")
    return target


async def open_at_year_end(session: AsyncSession, year: int) -> list[tuple[Overpayment, str, int]]:
    """Issue 20: the overpayments the year-end list shows: arisen by 31 December and not settled
    by decisions of that day or earlier (what the books owe the debtors at the balance date)."""
    rows = await OverpaymentRepository(session).open_at(date(year, 12, 31))
    return [(o, d.name, o.amount - settled) for o, d, settled in rows if o.amount > settled]
