"""What the specialist does to a receivable: deliveries, payments, reminders, titles, instalments,
write-offs. Each use case: gather → domain decision → apply (state, event, document)."""

from __future__ import annotations

from datetime import date
from itertools import accumulate

from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from app.deliveries import service as delivery_service
from app.domain import enforcement
from app.domain.deadlines import title_allowed_from
from app.domain.delivery import DeliveryFacts, Method
from app.domain.kinds import KindRules
from app.domain.labels import STATE_LABELS
from app.domain.lifecycle import Action, State
from app.domain.parameters import ParameterCode, ParameterTable
from app.domain.workdays import shift_to_working_day
from app.errors import Conflict, Invalid
from app.models import Document, Instalment, Payment, Receivable, WriteOff
from app.polish import pl_amount, pl_date
from app.receivables import figures as figures_mod
from app.receivables import overpaid, service
from app.receivables.repository import ReceivableRepository
from app.receivables.schemas import (
    DeliveryCreate,
    InstalmentPlanCreate,
    PaymentCreate,
    WriteOffCreate,
)
from app.titles import service as title_service
from app.titles import tw1_5


async def record_delivery(
    session: AsyncSession, receivable_id: int, data: DeliveryCreate, actor: str, today: date
) -> Receivable:
    """The older form of a delivery: "osobiście / ZPO on this date" (KPA art. 42 §1), recorded
    through the deliveries service like every other way (app/deliveries)."""
    receivable = await service.load(session, receivable_id)
    doc = await ReceivableRepository(session).latest_document(receivable.id, data.document)
    if doc is None:
        raise Conflict(f"Dla tej należności nie wystawiono dokumentu „{data.document}”")
    facts = DeliveryFacts(Method.ZPO, signed_on=data.delivered_on)
    try:
        done = await delivery_service.record(session, doc.id, facts, actor, today)
    except Invalid as exc:  # this API names the date delivered_on
        raise Invalid(exc.detail, field="delivered_on" if exc.field else None) from exc
    return done.receivable


async def record_payment(
    session: AsyncSession,
    receivable_id: int,
    data: PaymentCreate,
    actor: str,
    today: date,
    *,
    source: str = "wplata",
) -> tuple[Payment, bool]:
    """Book a payment once (a repeated reference returns the first booking) and move the state.
    `source`: "wplata", or "potracenie" for a deduction from benefits (receivables/decisions)."""
    receivable = await service.load(session, receivable_id, for_update=True)
    service.not_in_future(data.paid_on, today, "paid_on")
    if data.paid_on < receivable.issued_on:
        raise Invalid("Wpłata przed datą wystawienia należności", field="paid_on")
    repo = ReceivableRepository(session)
    if data.reference:
        earlier = await repo.payment_by_reference(receivable.id, data.reference)
        if earlier is not None:
            return _same_payment(earlier, data), False
    payment = Payment(
        receivable_id=receivable.id,
        paid_on=data.paid_on,
        amount=data.amount,
        reference=data.reference,
        source=source,
        created_by=actor,
    )
    try:
        async with session.begin_nested():
            await repo.add(payment)
    except IntegrityError:  # a concurrent import of the same reference won the race
        earlier = await repo.payment_by_reference(receivable.id, data.reference or "")
        assert earlier is not None
        return _same_payment(earlier, data), False
    await _after_payment(session, receivable, payment, actor)
    await overpaid.sync(session, receivable, max(today, payment.paid_on), payment.paid_on)
    return payment, True


def _same_payment(earlier: Payment, data: PaymentCreate) -> Payment:
    if (earlier.paid_on, earlier.amount) != (data.paid_on, data.amount):
        raise Conflict(
            f"Wpłata o tytule/referencji {data.reference!r} jest już zaksięgowana "
            "z inną datą lub kwotą"
        )
    return earlier


async def _after_payment(
    session: AsyncSession, receivable: Receivable, payment: Payment, actor: str
) -> None:
    rules = await service.rules_of(session, receivable)
    figs = await figures_mod.figures_of(session, receivable, rules, payment.paid_on)
    await figures_mod.refresh_limitation(session, receivable, rules)
    if receivable.state not in {
        s.value
        for s in (
            State.WYSTAWIONA,
            State.WYMAGALNA,
            State.UPOMNIENIE,
            State.TYTUL_WYKONAWCZY,
            State.RATY,
        )
    }:
        return  # money on a closed file is kept as an overpayment, state unchanged
    action = Action.ZAPLATA if figs.balance == 0 else Action.WPLATA_CZESCIOWA
    await service.move(
        session,
        receivable,
        action,
        on=payment.paid_on,
        actor=actor,
        cause=f"wpłata {pl_amount(payment.amount)} z dnia {pl_date(payment.paid_on)}",
    )
    if action is Action.ZAPLATA:  # a full payment closes: it starts no new period (issue 16)
        await figures_mod.refresh_limitation(session, receivable, rules)
    change = "wplata_calkowita" if action is Action.ZAPLATA else "wplata_czesciowa"
    await title_service.notify(
        session, receivable, change, payment.paid_on, actor, amount=payment.amount
    )


async def issue_reminder(
    session: AsyncSession, receivable_id: int, issued_on: date, actor: str, today: date
) -> Document:
    receivable = await service.load(session, receivable_id, for_update=True)
    service.not_in_future(issued_on, today, "issued_on")
    rules = await service.rules_of(session, receivable)
    # Issue 16 item 8: a kind fixed by decision gets its reminder only once the decision is final
    # and its term has run out (app/domain/enforcement.py).
    if rules.decision_required and receivable.decision_final_on is None:
        refusal = enforcement.reminder_refusal(
            rules, service.enforcement_facts(receivable), issued_on
        )
        raise Conflict(f"Upomnienie niedozwolone: {refusal}", state=receivable.state)
    await service.catch_up(session, receivable, issued_on, actor)  # wymagalna since the term
    term = receivable.payment_term_ends_on
    if term is None or issued_on <= term:
        raise Conflict(
            "Upomnienie można wystawić dopiero po upływie terminu płatności"
            + (f" ({pl_date(term)})" if term else " (nie zapisano doręczenia wezwania)")
        )
    await _check_no_reminder_running(session, receivable, issued_on)
    await _check_decision_covers(session, receivable, rules, issued_on, "Upomnienie")
    table = ParameterTable.of(
        ParameterCode.KOSZTY_UPOMNIENIA, await ReceivableRepository(session).parameter_rows()
    )
    # u.p.e.a. art. 15 §4 (koszty upomnienia in force on the day the reminder is issued).
    cost = table.value_on(issued_on)
    doc = await service.issue_document(
        session, receivable, "upomnienie", issued_on, actor, costs=cost
    )
    await service.move(
        session,
        receivable,
        Action.UPOMNIENIE,
        on=issued_on,
        actor=actor,
        cause=f"upomnienie nr {doc.number}",
        document_id=doc.id,
    )
    receivable.reminder_delivered_on = None
    receivable.reminder_term_ends_on = None
    return doc


async def _check_decision_covers(
    session: AsyncSession, receivable: Receivable, rules: KindRules, on: date, what: str
) -> None:
    """Issue 16 item 8: a fund receivable's reminder and title demand only what its final
    decision covers (figures_mod.demand_figures); when that is paid, the payouts after the
    decision are owed but not yet demandable: they need a new decision."""
    if receivable.decision_period_to is None:
        return
    demand = await figures_mod.demand_figures(session, receivable, rules, on)
    if demand.balance > 0:
        return
    cover = await figures_mod.decision_coverage(session, receivable, rules, on)
    after = f" ({pl_amount(cover.after)})" if cover and cover.after else ""
    raise Conflict(
        f"{what} niedozwolone: kwota objęta decyzją {receivable.decision_ref} jest spłacona;"
        f" wypłaty po decyzji{after} wymagają nowej decyzji",
        state=receivable.state,
    )


async def _check_no_reminder_running(
    session: AsyncSession, receivable: Receivable, issued_on: date
) -> None:
    """A repeated reminder (e.g. to a new address, or before limitation) is allowed, but not while
    the previous one still runs: not on the same day (a double click, a concurrent request), and
    not before the 7 days after its delivery have run out."""
    previous = await ReceivableRepository(session).latest_document(receivable.id, "upomnienie")
    if previous is None:
        return
    if previous.issued_on >= issued_on:
        raise Conflict(
            f"Upomnienie nr {previous.number} wystawiono już {pl_date(previous.issued_on)}"
        )
    term = receivable.reminder_term_ends_on
    if term is not None and issued_on <= term:
        raise Conflict(
            f"Termin z upomnienia nr {previous.number} upływa {pl_date(term)}: "
            "kolejne upomnienie dopiero po nim"
        )


async def issue_title(
    session: AsyncSession,
    receivable_id: int,
    issued_on: date,
    actor: str,
    today: date,
) -> Document:
    """Issue 14 item 4: the state and the terms are checked, then the title is built and its XML
    validated (title_service.prepare_title), and only then is its number taken, per authority
    and year; any refusal leaves nothing changed and no number used."""
    receivable = await service.load(session, receivable_id, for_update=True)
    rules = await service.rules_of(session, receivable)
    service.not_in_future(issued_on, today, "issued_on")
    if rules.decision_required and receivable.decision_final_on is None:
        raise Conflict(
            "Tytuł wykonawczy dopiero na podstawie ostatecznej decyzji ustalającej należność:"
            " zapisz decyzję i dzień, w którym stała się ostateczna",
            state=receivable.state,
        )
    await service.catch_up(session, receivable, issued_on, actor)
    if receivable.state == State.UPOMNIENIE or rules.reminder_required:
        _check_reminder_term(receivable, issued_on)
    await _check_decision_covers(session, receivable, rules, issued_on, "Tytuł wykonawczy")
    authority = await title_service.prepare_title(session, receivable, rules, issued_on)
    scope = authority.code
    doc = await service.issue_document(
        session, receivable, "tytul_wykonawczy", issued_on, actor, scope=scope
    )
    await service.move(
        session,
        receivable,
        Action.TYTUL_WYKONAWCZY,
        on=issued_on,
        actor=actor,
        cause=f"tytuł wykonawczy nr {doc.number}",
        document_id=doc.id,
    )
    receivable.authority_code = scope
    doc.form_version = tw1_5.FORM_CODE  # the XML form version this title is issued on
    return doc


def _check_reminder_term(receivable: Receivable, issued_on: date) -> None:
    if receivable.state != State.UPOMNIENIE:
        raise Conflict(
            "Tytuł wykonawczy wymaga wcześniejszego upomnienia "
            f"(stan: „{STATE_LABELS.get(receivable.state, receivable.state)}”)",
            state=receivable.state,
            action=Action.TYTUL_WYKONAWCZY.value,
        )
    if receivable.reminder_term_ends_on is None:
        raise Conflict("Tytuł wykonawczy dopiero po doręczeniu upomnienia: zapisz datę doręczenia")
    allowed = title_allowed_from(receivable.reminder_term_ends_on)
    if issued_on < allowed:
        raise Conflict(
            f"Tytuł wykonawczy dopiero po 7 dniach od doręczenia upomnienia "
            f"({pl_date(receivable.reminder_delivered_on)}): najwcześniej {pl_date(allowed)}",
            allowed_from=allowed.isoformat(),
        )


async def grant_instalments(
    session: AsyncSession, receivable_id: int, data: InstalmentPlanCreate, actor: str, today: date
) -> Receivable:
    receivable = await service.load(session, receivable_id, for_update=True)
    rules = await service.rules_of(session, receivable)
    service.not_in_future(data.decided_on, today, "decided_on")
    await service.catch_up(session, receivable, data.decided_on, actor)
    dues = [i.due_on for i in data.instalments]
    if dues != sorted(set(dues)) or dues[0] < data.decided_on:
        raise Invalid(
            "Terminy rat muszą być rosnące i nie wcześniejsze niż data decyzji", field="instalments"
        )
    figs = await figures_mod.figures_of(session, receivable, rules, data.decided_on)
    total = sum(i.amount for i in data.instalments)
    if total != figs.balance:
        raise Invalid(
            f"Suma rat ({pl_amount(total)}) musi równać się saldu na dzień decyzji "
            f"({pl_amount(figs.balance)})",
            field="instalments",
        )
    await service.move(
        session,
        receivable,
        Action.RATY,
        on=data.decided_on,
        actor=actor,
        cause=f"decyzja o rozłożeniu na raty {data.decision_ref}",
    )
    await title_service.notify(
        session,
        receivable,
        "raty",
        data.decided_on,
        actor,
        description=f"decyzja {data.decision_ref}: zawieszenie postępowania",
    )
    repo = ReceivableRepository(session)
    for old in await repo.instalments(receivable.id):
        await session.delete(old)
    await session.flush()
    # The dues are increasing and the shift keeps their order, so the cumulative sum in the order
    # of the numbers is the one the sweep's test needs (app/domain/instalments.py).
    owed = accumulate(i.amount for i in data.instalments)
    for n, (i, owed_through) in enumerate(zip(data.instalments, owed, strict=True), start=1):
        # OP art. 12 §5: an instalment due on a Saturday or a day off is due the next working day.
        session.add(
            Instalment(
                receivable_id=receivable.id,
                number=n,
                due_on=shift_to_working_day(i.due_on),
                amount=i.amount,
                decided_on=data.decided_on,
                owed_through=owed_through,
                recorded_on=today,
            )
        )
    await session.flush()
    # Instalments interrupt (art. 23 ust. 3 u.p.o.u.a.) or suspend (OP art. 70 §2) limitation,
    # as the kind says (issue 16 item 5).
    await figures_mod.refresh_limitation(session, receivable, rules)
    return receivable


async def write_off(
    session: AsyncSession, receivable_id: int, data: WriteOffCreate, actor: str, today: date
) -> Receivable:
    receivable = await service.load(session, receivable_id, for_update=True)
    rules = await service.rules_of(session, receivable)
    service.not_in_future(data.decided_on, today, "decided_on")
    figs = await figures_mod.figures_of(session, receivable, rules, data.decided_on)
    # The write-off settles that much of the balance on its date (see figures.facts_of).
    amount = figs.balance if data.full else (data.amount or 0)
    if not data.full and amount >= figs.balance:
        raise Invalid(
            "Kwota umorzenia części musi być mniejsza od salda na dzień decyzji "
            f"({pl_amount(figs.balance)}); inaczej umórz w całości",
            field="amount",
        )
    action = Action.UMORZENIE if data.full else Action.UMORZENIE_CZESCIOWE
    await service.move(
        session,
        receivable,
        action,
        on=data.decided_on,
        actor=actor,
        cause=f"decyzja o umorzeniu {data.decision_ref}",
    )
    await ReceivableRepository(session).add(
        WriteOff(
            receivable_id=receivable.id,
            decided_on=data.decided_on,
            amount=amount,
            full=data.full,
            decision_ref=data.decision_ref,
            created_by=actor,
        )
    )
    await title_service.notify(
        session,
        receivable,
        "umorzenie",
        data.decided_on,
        actor,
        amount=amount,
        description=f"decyzja {data.decision_ref}",
    )
    return receivable
