"""Receivable use cases: gather facts → call the domain → apply the result and its event."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from app.domain import enforcement, fund_decision, lifecycle
from app.domain import next_step as steps
from app.domain.allocation import Allocation
from app.domain.deadlines import due_from, title_allowed_from
from app.domain.interest import interest_from
from app.domain.kinds import AllocationRule, InterestStart, KindRules
from app.domain.lifecycle import Action, State
from app.domain.limitation import decision_barred_from, reminder_costs_barred_from
from app.errors import Conflict, Invalid, NotFound
from app.models import Debtor, Document, Event, Payment, Receivable, ReceivableTranche, WriteOff
from app.numbering import next_number
from app.polish import pl_date
from app.receivables import figures as figures_mod
from app.receivables.repository import ReceivableRepository, kind_rules
from app.receivables.schemas import ReceivableCreate
from app.unit import authorities

CREATED = "wystawienie"


@dataclass(frozen=True)
class Card:
    receivable: Receivable
    debtor: Debtor
    rules: KindRules
    figures: figures_mod.Figures
    documents: list[Document]
    payments: list[Payment]
    write_offs: list[WriteOff]
    events: list[Event]
    as_of: date
    # Issue 19 item 1: the state as of `as_of` (the sweep persists it at night), the moves it
    # has not recorded yet, and the one next step.
    state: State
    pending: tuple[steps.Pending, ...]
    step: steps.NextStep
    splits: list[Split]
    costs_awaiting_delivery: list[Document]

    @property
    def costs_awaiting(self) -> int:
        """Costs demanded by reminders not delivered yet: due from delivery (u.p.e.a. art. 15
        §4), so not in the balance, but the letter already names them."""
        return sum(d.costs for d in self.costs_awaiting_delivery)

    @property
    def costs_paid(self) -> int:
        """What the payments paid of the reminder costs (the split of each, OP art. 62 §1a)."""
        return sum(s.allocation.to_costs for s in self.splits if s.allocation)
    tranches: tuple[ReceivableTranche, ...] = ()
    # Issue 16 item 8: a fund decision against the payouts ("wypłaty po decyzji").
    decision_cover: fund_decision.Coverage | None = None

    @property
    def tranche_starts(self) -> list[tuple[ReceivableTranche, date]]:
        """Each payout with its first day of interest (art. 23 ust. 7 u.p.o.u.a.)."""
        return [(t, interest_from(self.rules.interest_start, t.paid_out_on)) for t in self.tranches]

    @property
    def costs_time_barred_from(self) -> date | None:
        """Reminder costs prescribe on their own (u.p.e.a. art. 15 §3c, in the wording in force on
        the card's day); None when no reminder cost was charged."""
        if not any(d.costs and d.delivered_on for d in self.documents):
            return None
        r = self.receivable
        expired = r.closed_on if r.state in ("zaplacona", "umorzona") else None
        return reminder_costs_barred_from(
            self.as_of,
            receivable_barred_from=self.figures.time_barred_from,
            receivable_expired_on=expired,
        )

    @property
    def due_from(self) -> date | None:
        term = self.receivable.payment_term_ends_on
        return due_from(term) if term else None

    @property
    def title_allowed_from(self) -> date | None:
        term = self.receivable.reminder_term_ends_on
        return title_allowed_from(term) if term else None

    @property
    def next_step(self) -> enforcement.NextStep:
        """The next legal step (issue 16 item 8): decision, delivery, term, reminder, title."""
        kinds = {d.kind for d in self.documents}
        facts = replace(
            enforcement_facts(self.receivable),
            demand_issued="wezwanie" in kinds,
            reminder_issued="upomnienie" in kinds,
            reminder_term_ends_on=self.receivable.reminder_term_ends_on,
        )
        return enforcement.next_step(self.rules, facts, self.as_of)

    @property
    def allowed_actions(self) -> list[str]:
        return sorted(a.value for a in lifecycle.allowed_actions(self.state))


@dataclass(frozen=True)
class Split:
    """One payment or write-off and how it was settled (costs, interest, principal)."""

    on: date
    kind: str  # wpłata | umorzenie
    amount: int
    reference: str | None
    created_by: str | None
    allocation: Allocation | None
    full: bool = False
    reversed_on: date | None = None  # issue 20: a storno; the payment counts for nothing


def _splits(
    payments: list[Payment], write_offs: list[WriteOff], allocations: tuple[Allocation, ...]
) -> list[Split]:
    """Pair each payment and write-off with its allocation (figures.facts_of gives a write-off
    the reference "umorzenie <decision>"), in date order."""
    left = list(allocations)

    def take(on: date, amount: int, reference: str | None) -> Allocation | None:
        for i, a in enumerate(left):
            if (a.on, a.amount, a.reference) == (on, amount, reference):
                return left.pop(i)
        return None

    rows = [
        Split(
            p.paid_on,
            "wpłata",
            p.amount,
            p.reference or p.reversed_reference,
            p.created_by,
            None if p.reversed_on else take(p.paid_on, p.amount, p.reference),
            reversed_on=p.reversed_on,
        )
        for p in payments
    ]
    rows += [
        Split(
            w.decided_on,
            "umorzenie",
            w.amount,
            w.decision_ref,
            w.created_by,
            take(w.decided_on, w.amount, f"umorzenie {w.decision_ref}"),
            w.full,
        )
        for w in write_offs
    ]
    return sorted(rows, key=lambda r: r.on)


def state_facts(receivable: Receivable) -> steps.StateFacts:
    return steps.StateFacts(
        State(receivable.state), receivable.payment_term_ends_on, receivable.time_barred_from
    )


def state_today(receivable: Receivable, as_of: date) -> State:
    """The state as of a date, derived from the stored facts (the sweep persists it at night)."""
    return steps.state_as_of(state_facts(receivable), as_of)[0]


async def catch_up(session: AsyncSession, receivable: Receivable, on: date, actor: str) -> None:
    """Record the moves time made up to `on` that the nightly sweep has not recorded yet (a
    reminder the day after the term must not wait for the night); each event on its own day, as
    the sweep would date it. The sweep, run later for those days, finds nothing left to move."""
    _state, pending = steps.state_as_of(state_facts(receivable), on)
    for move_ in pending:
        await move(session, receivable, move_.action, on=move_.on, cause=move_.cause, actor=actor)


def enforcement_facts(receivable: Receivable) -> enforcement.EnforcementFacts:
    """The facts the road to enforcement depends on, from the receivable's row."""
    return enforcement.EnforcementFacts(
        state=State(receivable.state),
        decision_ref=receivable.decision_ref,
        decision_issued_on=receivable.decision_issued_on,
        decision_delivered_on=receivable.decision_delivered_on,
        decision_final_on=receivable.decision_final_on,
        payment_term_ends_on=receivable.payment_term_ends_on,
        reminder_term_ends_on=receivable.reminder_term_ends_on,
    )


def _not_found(receivable_id: int) -> NotFound:
    return NotFound(f"Nie ma należności o identyfikatorze {receivable_id}")


async def load(
    session: AsyncSession, receivable_id: int, *, for_update: bool = False
) -> Receivable:
    receivable = await ReceivableRepository(session).get(receivable_id, for_update=for_update)
    if receivable is None:
        raise _not_found(receivable_id)
    return receivable


async def rules_of(session: AsyncSession, receivable: Receivable) -> KindRules:
    kind = await ReceivableRepository(session).kind(receivable.kind_code)
    assert kind is not None  # a foreign key guarantees it
    return kind_rules(kind)


async def create(
    session: AsyncSession, data: ReceivableCreate, actor: str, today: date
) -> Receivable:
    repo = ReceivableRepository(session)
    kind = await repo.kind(data.kind)
    if kind is None:
        known = ", ".join(k.code for k in await repo.kinds())
        raise Invalid(f"Nieznany rodzaj należności {data.kind!r} (dostępne: {known})", field="kind")
    debtor = await session.get(Debtor, data.debtor_id)
    if debtor is None:
        raise Invalid(f"Nie ma zobowiązanego o identyfikatorze {data.debtor_id}", field="debtor_id")
    if (
        debtor.anonymised_on is not None
    ):  # issue 20 item 8: the data went with the archive's consent
        raise Conflict("Dane tego zobowiązanego usunięto po upływie okresu przechowywania akt")
    not_in_future(data.issue_date, today, "issue_date")
    taken = Invalid(f"Należność o numerze {data.reference!r} już istnieje", field="reference")
    if data.reference and await repo.by_reference(data.reference) is not None:
        raise taken
    if data.authority_code:  # issue 15 item 10: only an authority that exists
        await authorities.known(session, data.authority_code, "authority_code")
    if data.tranches:
        _check_tranches(kind_rules(kind), data)
    receivable = Receivable(
        debtor_id=data.debtor_id,
        kind_code=kind.code,
        reference=data.reference,
        title=data.title,
        principal=data.principal,
        period_from=data.period_from,
        period_to=data.period_to,
        issued_on=data.issue_date,
        decision_final_on=data.decision_final_on,
        state=State.WYSTAWIONA,
        authority_code=data.authority_code,
    )
    try:
        # Issue 15 item 9: two requests with one reference at the same moment both pass the
        # check above; PostgreSQL's unique index refuses the second, which is the same 422.
        async with session.begin_nested():
            await repo.add(receivable)
    except IntegrityError:
        raise taken from None
    for number, t in enumerate(sorted(data.tranches or (), key=lambda t: t.paid_out_on), 1):
        session.add(
            ReceivableTranche(
                receivable_id=receivable.id,
                number=number,
                paid_out_on=t.paid_out_on,
                amount=t.amount,
            )
        )
    # The wezwanie do zapłaty / rachunek starts the receivable (seed 003 §2.1).
    demand = await issue_document(session, receivable, "wezwanie", data.issue_date, actor)
    await repo.add(
        Event(
            receivable_id=receivable.id,
            occurred_on=data.issue_date,
            action=CREATED,
            from_state=None,
            to_state=State.WYSTAWIONA,
            actor=actor,
            cause=f"wezwanie do zapłaty nr {demand.number}",
            document_id=demand.id,
        )
    )
    return receivable


def _check_tranches(rules: KindRules, data: ReceivableCreate) -> None:
    """Issue 16 item 4: payouts as tranches, only for a kind whose interest runs per payout (the
    alimony fund's receivables are settled by their own ledger, art. 28 u.p.o.u.a.); none older
    than the kind's bar on the decision (art. 23 ust. 4 u.p.o.u.a.)."""
    if (
        rules.interest_start is InterestStart.DAY_AFTER_DUE
        or rules.allocation_rule is AllocationRule.ART_28
    ):
        raise Invalid(
            f"Rodzaj należności {rules.code!r} nie przyjmuje wypłat osobno (tranches): odsetki "
            "biegną od terminu płatności całej należności",
            field="tranches",
        )
    for t in data.tranches or ():
        barred = decision_barred_from(rules, t.paid_out_on)
        if barred is not None and data.issue_date >= barred:
            raise Invalid(
                f"Wypłata z dnia {t.paid_out_on.isoformat()}: od jej pobrania upłynęło więcej niż "
                f"{rules.decision_bar_years} lat, decyzji o zwrocie się nie wydaje (art. 23 ust. 4 "
                "ustawy o pomocy osobom uprawnionym do alimentów)",
                field="tranches",
            )


_PREFIX = {"wezwanie": "WZ", "upomnienie": "UP", "tytul_wykonawczy": "TW", "zawiadomienie": "ZW"}


async def issue_document(
    session: AsyncSession,
    receivable: Receivable,
    kind: str,
    issued_on: date,
    actor: str,
    *,
    scope: str = "",
    costs: int = 0,
) -> Document:
    seq = await next_number(session, kind, scope, issued_on.year)
    label = f"{_PREFIX[kind]}/{scope + '/' if scope else ''}{seq}/{issued_on.year}"
    doc = Document(
        receivable_id=receivable.id,
        kind=kind,
        scope=scope,
        year=issued_on.year,
        seq=seq,
        number=label,
        issued_on=issued_on,
        costs=costs,
        created_by=actor,
    )
    await ReceivableRepository(session).add(doc)
    return doc


async def move(
    session: AsyncSession,
    receivable: Receivable,
    action: Action,
    *,
    on: date,
    cause: str,
    actor: str,
    document_id: int | None = None,
) -> lifecycle.Transition:
    """Apply one transition of the lifecycle table and write its event; refuse with 409."""
    before = (
        State(receivable.state_before_instalments) if receivable.state_before_instalments else None
    )
    try:
        t = lifecycle.transition(
            State(receivable.state),
            action,
            on=on,
            cause=cause,
            actor=actor,
            state_before_instalments=before,
        )
    except lifecycle.IllegalTransition as exc:
        raise Conflict(str(exc), state=exc.state.value, action=exc.action.value) from exc
    if t.to_state == State.RATY and t.from_state != State.RATY:
        receivable.state_before_instalments = t.from_state
    receivable.state = t.to_state
    if t.to_state in lifecycle.CLOSED_STATES:
        receivable.closed_on = on
    await ReceivableRepository(session).add(
        Event(
            receivable_id=receivable.id,
            occurred_on=on,
            action=action,
            from_state=t.from_state,
            to_state=t.to_state,
            cause=cause,
            actor=actor,
            document_id=document_id,
        )
    )
    return t


def not_in_future(day: date, today: date, field: str) -> None:
    if day > today:
        raise Invalid(
            f"Data {pl_date(day)} jest późniejsza niż dzisiejsza ({pl_date(today)})",
            field=field,
        )


async def card(session: AsyncSession, receivable_id: int, as_of: date) -> Card:
    """The receivable as of a date with everything its card shows; each row is read once."""
    repo = ReceivableRepository(session)
    found = await repo.with_kind_and_debtor(receivable_id)
    if found is None:
        raise _not_found(receivable_id)
    receivable, kind, debtor = found
    rules = kind_rules(kind)
    rows = await figures_mod.rows_of(session, receivable.id)
    figures = await figures_mod.figures_of(session, receivable, rules, as_of, rows)
    state, pending = steps.state_as_of(state_facts(receivable), as_of)
    instalments = await repo.instalments(receivable.id) if state == State.RATY else []
    step = steps.next_step(
        steps.CardFacts(
            state=state,
            as_of=as_of,
            balance=figures.balance,
            reminder_required=rules.reminder_required,
            demand_delivered_on=receivable.demand_delivered_on,
            payment_term_ends_on=receivable.payment_term_ends_on,
            reminder_issued=any(d.kind == "upomnienie" for d in rows.documents),
            reminder_delivered_on=receivable.reminder_delivered_on,
            reminder_term_ends_on=receivable.reminder_term_ends_on,
            title_issued=any(d.kind == "tytul_wykonawczy" for d in rows.documents),
            next_instalment_on=next((i.due_on for i in instalments if i.due_on >= as_of), None),
        )
    )
    awaiting = [
        d
        for d in rows.documents
        if d.costs and d.delivered_on is None and state not in lifecycle.CLOSED_STATES
    ]
    return Card(
        receivable=receivable,
        debtor=debtor,
        rules=rules,
        figures=figures,
        documents=rows.documents,
        payments=rows.payments,
        write_offs=rows.write_offs,
        events=await repo.events(receivable.id),
        as_of=as_of,
        state=state,
        pending=pending,
        step=step,
        splits=_splits(rows.payments, rows.write_offs, figures.allocations),
        costs_awaiting_delivery=awaiting,
        tranches=tuple(rows.tranches),
        decision_cover=await figures_mod.decision_coverage(session, receivable, rules, as_of),
    )


async def kinds(session: AsyncSession) -> list[KindRules]:
    return [kind_rules(k) for k in await ReceivableRepository(session).kinds()]


async def of_debtor(
    session: AsyncSession, debtor_id: int, as_of: date
) -> list[tuple[Receivable, figures_mod.Figures]]:
    """A debtor's receivables with their figures as of a date (the debtor card)."""
    rows = []
    for receivable in await ReceivableRepository(session).of_debtor(debtor_id):
        rules = await rules_of(session, receivable)
        rows.append((receivable, await figures_mod.figures_of(session, receivable, rules, as_of)))
    return rows
