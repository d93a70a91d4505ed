"""After the rows are in: what follows from them, as every other use case keeps it. The terms run
from the latest demand's and reminder's delivery (seed 003 §3, OP art. 12), the limitation date
from the term and the payments (app/domain/limitation.py), the art. 28 allocation of alimony
recoveries, the instalments' running totals; a receivable with no state in the sheet gets the one
its documents and money show (app/domain/portfolio.derived_state). Each imported receivable gets
one event in its history: moved in, from which file and line. The totals are the report's."""

from __future__ import annotations

from collections import Counter as Tally
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from itertools import accumulate
from typing import Any, TypeVar

from sqlalchemy.ext.asyncio import AsyncSession

from app.alimony import service as alimony_service
from app.domain.deadlines import payment_term_end, reminder_term_end
from app.domain.enforcement import decision_term_end
from app.domain.kinds import AllocationRule, KindRules
from app.domain.lifecycle import CLOSED_STATES, State
from app.domain.parameters import ParameterRow
from app.domain.portfolio import StateFacts, derived_state
from app.domain.portfolio_sheets import Row
from app.imports.repository import ImportRepository
from app.models import (
    Document,
    Event,
    Instalment,
    Payment,
    Receivable,
    ReceivableAmendment,
    ReceivableTranche,
    WriteOff,
)
from app.receivables import figures as figures_mod
from app.receivables.repository import ReceivableRepository, kind_rules

CHUNK = 500
MAX_MISMATCHES = 100
T = TypeVar("T")


@dataclass
class Touched:
    """What this import wrote, kept as ids and small numbers only."""

    new: dict[int, int] = field(default_factory=dict)  # receivable id → line
    stated: set[int] = field(default_factory=set)  # receivables whose sheet gave the state
    declared: dict[int, tuple[int | None, int | None]] = field(default_factory=dict)
    receivables: set[int] = field(default_factory=set)
    alimony_debtors: set[int] = field(default_factory=set)

    def note(self, sheet: str, entity_id: int, values: dict[str, Any], line: int, row: Row) -> None:
        if sheet == "naleznosci":
            self.new[entity_id] = line
            self.receivables.add(entity_id)
            if row["stan"]:
                self.stated.add(entity_id)
            declared = (row["saldo_deklarowane"], row["odsetki_deklarowane"])
            if declared != (None, None):
                self.declared[entity_id] = declared  # type: ignore[assignment]
        elif sheet in ("alimenty_wyplaty", "alimenty_odzyskane"):
            self.alimony_debtors.add(int(values["debtor_id"]))
        if "receivable_id" in values:
            self.receivables.add(int(values["receivable_id"]))


@dataclass(frozen=True)
class Mismatch:
    line: int
    receivable_id: int
    declared_balance: int | None
    balance: int
    declared_interest: int | None
    interest: int


@dataclass
class Totals:
    """The portfolio's figures as of today, next to what the previous system declared."""

    receivables: int = 0
    principal: int = 0
    balance: int = 0
    interest: int = 0
    costs: int = 0
    states: Tally[str] = field(default_factory=Tally)
    time_barred: int = 0  # time-barred today or earlier
    barred_by_year_end: int = 0  # becoming time-barred by 31 December of this year
    declared_balance: int = 0
    declared_interest: int = 0
    balance_of_declared: int = 0
    interest_of_declared: int = 0
    mismatches: list[Mismatch] = field(default_factory=list)
    mismatch_count: int = 0
    # What the administrator must still act on before the year closes: (line, id, date).
    barred_soon: list[tuple[int, int, date]] = field(default_factory=list)

    def add(self, r: Receivable, figs: figures_mod.Figures, today: date, line: int) -> None:
        self.receivables += 1
        self.principal += r.principal
        self.balance += figs.balance
        self.interest += figs.interest_due
        self.costs += figs.costs_due
        self.states[str(r.state)] += 1
        barred = r.time_barred_from
        if barred is not None and r.state not in CLOSED_STATES - {State.PRZEDAWNIONA}:
            self.time_barred += barred <= today
            if today < barred <= date(today.year, 12, 31):
                self.barred_by_year_end += 1
                if len(self.barred_soon) < MAX_MISMATCHES:
                    self.barred_soon.append((line, r.id, barred))

    def compare(self, line: int, r: Receivable, figs: figures_mod.Figures, declared: Any) -> None:
        balance, interest = declared
        if balance is not None:
            self.declared_balance += balance
            self.balance_of_declared += figs.balance
        if interest is not None:
            self.declared_interest += interest
            self.interest_of_declared += figs.interest_due
        if balance not in (None, figs.balance) or interest not in (None, figs.interest_due):
            self.mismatch_count += 1
            if len(self.mismatches) < MAX_MISMATCHES:
                self.mismatches.append(
                    Mismatch(line, r.id, balance, figs.balance, interest, figs.interest_due)
                )


def _chunks(ids: Sequence[int]) -> Iterable[Sequence[int]]:
    for i in range(0, len(ids), CHUNK):
        yield ids[i : i + CHUNK]


def _by_receivable(rows: Iterable[T], key: Callable[[T], int]) -> dict[int, list[T]]:
    out: dict[int, list[T]] = defaultdict(list)
    for row in rows:
        out[key(row)].append(row)
    return out


def by_receivable(rows: Iterable[Any]) -> dict[int, list[Any]]:
    return _by_receivable(rows, lambda row: int(row.receivable_id))


async def apply(
    session: AsyncSession,
    touched: Touched,
    today: date,
    file_name: str,
    actor: str,
    progress: Callable[[str, int], None] | None = None,
) -> Totals:
    repo = ImportRepository(session)
    for debtor_id in sorted(touched.alimony_debtors):
        await alimony_service.reallocate(session, debtor_id, from_day=date.min)
    rules = {k.code: kind_rules(k) for k in await repo.kinds()}
    params = await ReceivableRepository(session).parameter_rows()
    totals = Totals()
    done = 0
    for chunk in _chunks(sorted(touched.receivables)):
        await _chunk(session, repo, chunk, rules, params, touched, totals, today, file_name, actor)
        done += len(chunk)
        if progress:
            progress("wyliczenia: należności", done)
    return totals


async def _chunk(
    session: AsyncSession,
    repo: ImportRepository,
    ids: Sequence[int],
    rules: dict[str, KindRules],
    params: list[ParameterRow],
    touched: Touched,
    totals: Totals,
    today: date,
    file_name: str,
    actor: str,
) -> None:
    docs = by_receivable(await repo.documents(ids))
    pays = by_receivable(await repo.payments(ids))
    plans = by_receivable(await repo.instalments(ids))
    offs = by_receivable(await repo.write_offs(ids))
    extra = await Extra.of(repo, ids)
    returned = await repo.returned_titles(ids)
    events, changes = [], []
    for r in await repo.receivables(ids):
        kind = rules[r.kind_code]
        _dates(r, kind, docs.get(r.id, []), r.id in returned)
        await _plans(repo, plans.get(r.id, []))
        counted = figures_mod.counted(pays.get(r.id, []))  # a reversed payment counts for nothing
        days = [p.paid_on for p in counted]
        r.time_barred_from = figures_mod.limitation_of(r, kind, days)
        figs = await figures(session, r, kind, docs, pays, offs, params, today, extra)
        facts = _Rows(
            docs.get(r.id, []),
            counted,
            plans.get(r.id, []),
            offs.get(r.id, []),
            extra.amendments.get(r.id, []),
        )
        _state(r, figs, facts, touched, today)
        totals.add(r, figs, today, touched.new.get(r.id, 0))
        if r.id in touched.declared:
            totals.compare(touched.new.get(r.id, 0), r, figs, touched.declared[r.id])
        if r.id in touched.new:
            events.append(_event(r, touched.new[r.id], file_name, actor, today))
        changes.append({"b_id": r.id} | {c: getattr(r, c) for c in DERIVED})
        session.expunge(r)  # written below, all at once
    await repo.update_receivables(changes)
    await repo.add_rows(Event, events)


DERIVED = (
    "demand_delivered_on",
    "payment_term_ends_on",
    "reminder_delivered_on",
    "reminder_term_ends_on",
    "authority_code",
    "uncollectable",
    "time_barred_from",
    "state",
    "state_before_instalments",
    "closed_on",
)


def _dates(r: Receivable, rules: KindRules, docs: list[Document], returned: bool) -> None:
    demands = [d for d in docs if d.kind == "wezwanie"]
    reminders = [d for d in docs if d.kind == "upomnienie"]
    titles = [d for d in docs if d.kind == "tytul_wykonawczy"]
    if demands and demands[-1].delivered_on:
        r.demand_delivered_on = demands[-1].delivered_on
        r.payment_term_ends_on = payment_term_end(r.demand_delivered_on, rules.payment_term_days)
    elif r.payment_term_ends_on is None and rules.decision_required and r.decision_final_on:
        # The sheet gives no term: the kind's days from the day the decision became final, as
        # app/receivables/decisions.record_decision does when the decision names no day.
        r.payment_term_ends_on = decision_term_end(r.decision_final_on, rules.payment_term_days)
    if reminders:
        delivered = reminders[-1].delivered_on
        r.reminder_delivered_on = delivered
        r.reminder_term_ends_on = (
            reminder_term_end(delivered, rules.reminder_term_days) if delivered else None
        )
    if titles:
        r.authority_code = titles[-1].scope
    r.uncollectable = r.uncollectable or returned


async def _plans(repo: ImportRepository, instalments: list[Instalment]) -> None:
    """owed_through: what is owed up to and including each instalment of its plan, in the order
    of the due dates (app/receivables/actions.grant_instalments)."""
    plans = _by_receivable(instalments, lambda i: i.decided_on.toordinal())
    for plan in plans.values():
        plan.sort(key=lambda i: (i.due_on, i.number))
        for i, owed in zip(plan, accumulate(i.amount for i in plan), strict=True):
            if i.owed_through != owed:
                await repo.set_owed_through(i.id, owed)


@dataclass(frozen=True)
class Extra:
    """The rows only some receivables have: an art. 23 receivable's payouts (issue 16 item 4)
    and the changes of its decision (issue 20), per receivable."""

    tranches: dict[int, list[ReceivableTranche]] = field(default_factory=dict)
    amendments: dict[int, list[ReceivableAmendment]] = field(default_factory=dict)

    @classmethod
    async def of(cls, repo: ImportRepository, ids: Sequence[int]) -> Extra:
        return cls(
            by_receivable(await repo.tranches(ids)), by_receivable(await repo.amendments(ids))
        )


async def figures(
    session: AsyncSession,
    r: Receivable,
    rules: KindRules,
    docs: dict[int, list[Document]],
    pays: dict[int, list[Payment]],
    offs: dict[int, list[WriteOff]],
    params: list[ParameterRow],
    today: date,
    extra: Extra | None = None,
) -> figures_mod.Figures:
    payments = pays.get(r.id, [])
    if rules.allocation_rule is AllocationRule.ART_28:
        return await figures_mod.figures_of(session, r, rules, today)
    extra = extra or Extra()
    facts = figures_mod.facts_of(
        r,
        rules,
        payments,
        docs.get(r.id, []),
        offs.get(r.id, []),
        extra.tranches.get(r.id, ()),
        amendments=extra.amendments.get(r.id, ()),
    )
    return figures_mod.compute(r, rules, facts, params, today)


@dataclass(frozen=True)
class _Rows:
    docs: list[Document]
    pays: list[Payment]  # those that count (not reversed)
    plan: list[Instalment]
    offs: list[WriteOff]
    amendments: list[ReceivableAmendment] = field(default_factory=list)


def _state(
    r: Receivable, figs: figures_mod.Figures, rows: _Rows, touched: Touched, today: date
) -> None:
    kinds = {d.kind for d in rows.docs}
    if r.id in touched.new and r.id not in touched.stated:
        facts = StateFacts(
            figs.balance,
            r.payment_term_ends_on,
            "upomnienie" in kinds,
            "tytul_wykonawczy" in kinds,
            bool(rows.plan),
            r.time_barred_from,
            any(w.full for w in rows.offs),
            bool(rows.amendments) and rows.amendments[-1].kind == "uchylenie",
        )
        r.state = derived_state(facts, today)
    elif r.id not in touched.new and figs.balance == 0 and r.state not in CLOSED_STATES:
        r.state = State.ZAPLACONA  # a later file brought the payment that settles it
    if r.state == State.RATY and r.state_before_instalments is None:
        before = State.UPOMNIENIE if "upomnienie" in kinds else State.WYMAGALNA
        r.state_before_instalments = (
            State.TYTUL_WYKONAWCZY if "tytul_wykonawczy" in kinds else before
        )
    if r.state in CLOSED_STATES and r.closed_on is None:
        r.closed_on = _closed_on(r, rows, today)
    if r.state == State.ANULOWANA:
        r.time_barred_from = None  # nothing left to prescribe (app/corrections/service.annul)


def _closed_on(r: Receivable, rows: _Rows, today: date) -> date:
    """The day the file closed: the last payment, the decision, the limitation date."""
    if r.state == State.ZAPLACONA and rows.pays:
        return max(p.paid_on for p in rows.pays)
    if r.state == State.UMORZONA and rows.offs:
        return max(w.decided_on for w in rows.offs)
    if r.state == State.ANULOWANA and rows.amendments:
        return rows.amendments[-1].effective_on
    if r.state == State.PRZEDAWNIONA and r.time_barred_from:
        return min(r.time_barred_from, today)
    return today


def _event(r: Receivable, line: int, file_name: str, actor: str, today: date) -> dict[str, Any]:
    return {
        "receivable_id": r.id,
        "occurred_on": today,
        "action": "import",
        "from_state": None,
        "to_state": str(r.state),
        "cause": f"przeniesiona z poprzedniego systemu: plik {file_name[:150]}, wiersz {line}",
        "actor": actor,
        "document_id": None,
    }
