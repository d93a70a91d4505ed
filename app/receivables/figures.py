"""Gather the money facts of a receivable and ask the money engine for its figures on a date."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.alimony import facts as alimony_facts
from app.alimony import ledger
from app.domain import corrections, fund_decision
from app.domain import deferral as deferral_rule
from app.domain.balance import BalanceResult, CostFact, PaymentFact, Tranche, compute_balance
from app.domain.instalments import PaymentMade
from app.domain.interest import interest_from as domain_interest_from
from app.domain.kinds import RATE_CODE, AllocationRule, InterestStart, KindRules, LimitationEvent
from app.domain.limitation import LimitationFact, time_barred_from
from app.domain.parameters import ParameterCode, ParameterRow, ParameterTable
from app.models import (
    Deferral,
    Document,
    EnforcementReport,
    Instalment,
    Payment,
    Receivable,
    ReceivableAmendment,
    ReceivableTranche,
    WriteOff,
)
from app.receivables.repository import ReceivableRepository

Figures = BalanceResult

# Interest cannot start before the payment term is known (demand not delivered yet).
_NOT_YET = date.max


@dataclass(frozen=True)
class Facts:
    tranches: tuple[Tranche, ...]
    payments: tuple[PaymentFact, ...]
    costs: tuple[CostFact, ...]
    payment_days: tuple[date, ...]  # real payments only: they may interrupt limitation
    # The other events that may interrupt or suspend limitation (instalments, measures), and the
    # day of the full payment, which closes without a new period (issue 16 item 5).
    limitation: tuple[LimitationFact, ...] = ()
    settled_on: date | None = None
    # Issue 20: the amended amounts (zmiana / uchylenie decyzji) and the term of an increase.
    original: int = 0
    amendments: tuple[corrections.Amendment, ...] = ()
    term_days: int = 14
    paid: tuple[PaymentFact, ...] = ()  # the payments alone (without the write-offs)
    overpaid: tuple[PaymentFact, ...] = ()  # paid after limitation, refunded by the kind's rule
    # Issue 20 item 3: the deferrals granted, with the days of each without interest while kept.
    deferrals: tuple[tuple[deferral_rule.Deferral, tuple[date, date]], ...] = ()


@dataclass(frozen=True)
class Rows:
    """The rows of one receivable its figures are computed from (the card shows them too)."""

    payments: list[Payment]
    documents: list[Document]
    write_offs: list[WriteOff]
    tranches: list[ReceivableTranche]
    limitation: list[LimitationFact]
    amendments: list[ReceivableAmendment] = field(default_factory=list)
    deferrals: list[Deferral] = field(default_factory=list)


async def rows_of(session: AsyncSession, receivable_id: int) -> Rows:
    repo = ReceivableRepository(session)
    return Rows(
        await repo.payments(receivable_id),
        await repo.documents(receivable_id),
        await repo.write_offs(receivable_id),
        await tranches_of(session, receivable_id),
        await limitation_facts(session, receivable_id),
        await repo.amendments(receivable_id),
        await deferrals_of(session, receivable_id),
    )


async def deferrals_of(session: AsyncSession, receivable_id: int) -> list[Deferral]:
    """Issue 20 item 3: the deferrals granted by decision, in the order of their decisions."""
    stmt = (
        select(Deferral)
        .where(Deferral.receivable_id == receivable_id, Deferral.outcome == "odroczenie")
        .order_by(Deferral.decided_on, Deferral.id)
    )
    return list(await session.scalars(stmt))


async def tranches_of(session: AsyncSession, receivable_id: int) -> list[ReceivableTranche]:
    stmt = (
        select(ReceivableTranche)
        .where(ReceivableTranche.receivable_id == receivable_id)
        .order_by(ReceivableTranche.number)
    )
    return list(await session.scalars(stmt))


async def deferred_ids(session: AsyncSession, receivable_ids: Sequence[int]) -> set[int]:
    """Of these receivables, those with a deferral granted (their fee and interest window are
    read by figures_of; a batch reading payments and documents only would miss them)."""
    if not receivable_ids:
        return set()
    stmt = select(Deferral.receivable_id).where(
        Deferral.receivable_id.in_(receivable_ids), Deferral.outcome == "odroczenie"
    )
    return set(await session.scalars(stmt))


async def limitation_facts(session: AsyncSession, receivable_id: int) -> list[LimitationFact]:
    """The events besides payments that may interrupt or suspend limitation, as the kind says:
    - an instalment plan: granted on the day of its decision, lasting until its last
      instalment's term (art. 23 ust. 3 pkt 2 u.p.o.u.a. interrupts; OP art. 70 §2 pkt 1, §3
      suspends until "termin płatności raty");
    - an enforcement measure reported by the enforcement authority (enforcement_report kind
      'srodek', seed 003 §3.8), on the day it was reported. Assumption: the authority reports a
      measure it has applied and notified the debtor of (u.p.e.a. requires the notice with the
      measure, e.g. art. 72 §1 and art. 80 §1); the report's day stands for the measure's.
    - a deferral (issue 20 item 3), granted on the day of its decision until the deferred term
      (art. 23 ust. 3 pkt 1 u.p.o.u.a. interrupts; OP art. 70 §2 pkt 1, §3 suspends until "termin
      płatności odroczonego podatku"). Its one-instalment plan is the deferral, not instalments."""
    deferred = {
        d.decided_on: d.new_term
        for d in await deferrals_of(session, receivable_id)
        if d.decided_on is not None and d.new_term is not None
    }
    plans: dict[date, date] = {}
    stmt = select(Instalment.decided_on, Instalment.due_on).where(
        Instalment.receivable_id == receivable_id
    )
    for decided_on, due_on in await session.execute(stmt):
        if decided_on not in deferred:
            plans[decided_on] = max(due_on, plans.get(decided_on, due_on))
    facts = [LimitationFact(LimitationEvent.INSTALMENTS, on, until) for on, until in plans.items()]
    facts += [LimitationFact(LimitationEvent.DEFERRAL, on, until) for on, until in deferred.items()]
    measures = (
        select(EnforcementReport.reported_on)
        .join(Document, Document.id == EnforcementReport.title_document_id)
        .where(Document.receivable_id == receivable_id, EnforcementReport.kind == "srodek")
    )
    facts += [
        LimitationFact(LimitationEvent.ENFORCEMENT_MEASURE, day)
        for day in await session.scalars(measures)
    ]
    return sorted(facts, key=lambda f: f.on)


def paid_in_full_on(receivable: Receivable) -> date | None:
    """The day the receivable was paid in full: nothing from then on starts a new period."""
    return receivable.closed_on if receivable.state == "zaplacona" else None


def counted(payments: list[Payment]) -> list[Payment]:
    """Issue 20: a reversed payment (storno) counts for nothing, as if it had never been booked;
    its row stays for the history."""
    return [p for p in payments if p.reversed_on is None]


def interest_from(receivable: Receivable, rules: KindRules) -> date:
    """The first day of interest: after the payment term (unknown until the demand's delivery is
    recorded), or after the payout the receivable was issued for (alimony act art. 27, 23)."""
    if rules.interest_start is InterestStart.DAY_AFTER_DUE:
        term = receivable.payment_term_ends_on
        return domain_interest_from(rules.interest_start, term) if term else _NOT_YET
    return domain_interest_from(rules.interest_start, receivable.issued_on)


async def first_interest_day(
    session: AsyncSession, receivable: Receivable, rules: KindRules
) -> date:
    """interest_from, for a receivable of several payouts the earliest payout's start (a letter or
    a title names one day from which interest runs; the card lists each payout's)."""
    tranches = await tranches_of(session, receivable.id)
    starts = [domain_interest_from(rules.interest_start, t.paid_out_on) for t in tranches]
    return min(starts) if starts else interest_from(receivable, rules)


def facts_of(
    receivable: Receivable,
    rules: KindRules,
    payments: list[Payment],
    documents: list[Document],
    write_offs: list[WriteOff],
    tranches: Sequence[ReceivableTranche] = (),
    limitation: Sequence[LimitationFact] = (),
    amendments: Sequence[ReceivableAmendment] = (),
    deferrals: Sequence[Deferral] = (),
) -> Facts:
    payments = counted(payments)
    payments, late = _after_limitation(receivable, rules, payments)
    # A write-off by decision settles that part of the balance on its date as a payment would
    # (the interest on the written-off arrears goes with them, OP art. 67d), but it is not a
    # payment for the limitation period.
    paid = [PaymentFact(p.paid_on, p.amount, p.reference) for p in payments]
    settled = list(paid)
    settled += [
        PaymentFact(w.decided_on, w.amount, f"umorzenie {w.decision_ref}") for w in write_offs
    ]
    # u.p.e.a. art. 15 §4: the duty to pay the reminder's cost arises on its delivery. A reminder
    # delivered after the receivable was settled in full (paid or written off) demanded nothing
    # that was still owed, so its cost never arises.
    settled_on = receivable.closed_on if receivable.state in ("zaplacona", "umorzona") else None
    costs = [
        CostFact(d.delivered_on, d.costs)
        for d in documents
        if d.costs and d.delivered_on and (settled_on is None or d.delivered_on <= settled_on)
    ]
    # Issue 20 item 3: the prolongation fee set by a deferral decision is owed from that decision
    # (OP art. 57 §1, §3), payable by the deferred term (§4), and stays owed if that is missed.
    granted = _deferrals(deferrals)
    costs += [CostFact(d.decided_on, d.fee) for d, _ in granted if d.fee]
    # A receivable for several payouts (issue 16 item 4): a tranche each, with interest from the
    # kind's start after that payout (art. 23 ust. 7 u.p.o.u.a.: the first day of the next month).
    owed = tuple(
        Tranche(domain_interest_from(rules.interest_start, t.paid_out_on), t.amount)
        for t in tranches
    ) or (Tranche(interest_from(receivable, rules), receivable.principal),)
    ordered = sorted(amendments, key=lambda a: (a.effective_on, a.id))
    return Facts(
        owed,
        tuple(settled),
        tuple(costs),
        tuple(p.paid_on for p in payments),
        tuple(limitation),
        paid_in_full_on(receivable),
        original=ordered[0].old_principal if ordered else receivable.principal,
        amendments=tuple(corrections.Amendment(a.effective_on, a.new_principal) for a in ordered),
        term_days=rules.payment_term_days,
        paid=tuple(paid),
        overpaid=tuple(PaymentFact(p.paid_on, p.amount, p.reference) for p in late),
        deferrals=granted,
    )


def _deferrals(
    rows: Sequence[Deferral],
) -> tuple[tuple[deferral_rule.Deferral, tuple[date, date]], ...]:
    out = []
    for row in rows:
        if row.decided_on is None or row.new_term is None or row.old_term is None:
            continue
        fact = deferral_rule.Deferral(
            row.decided_on, row.new_term, row.applied_on, row.amount or 0, row.fee
        )
        days = deferral_rule.window(row.old_term, row.applied_on, row.decided_on, row.new_term)
        out.append((fact, days))
    return tuple(out)


def _interest_free(facts: Facts, as_of: date) -> list[tuple[date, date]]:
    """The windows without interest of the deferrals known on `as_of` and still kept on it (a
    missed deferred term makes the original term count again, OP art. 49 §2)."""
    if not facts.deferrals:
        return []
    paid = [PaymentMade(p.on, p.amount) for p in facts.paid if p.on <= as_of]
    return [
        days
        for d, days in facts.deferrals
        if d.decided_on <= as_of and deferral_rule.kept(d, paid, as_of)
    ]


def _after_limitation(
    receivable: Receivable, rules: KindRules, payments: list[Payment]
) -> tuple[list[Payment], list[Payment]]:
    """Issue 20: the payments that count, and those made on a receivable already time-barred
    whose kind refunds them (app/domain/corrections.refunded_when_time_barred)."""
    barred = receivable.time_barred_from
    if receivable.state != "przedawniona" or barred is None:
        return payments, []
    if not corrections.refunded_when_time_barred(rules):
        return payments, []
    return [p for p in payments if p.paid_on < barred], [p for p in payments if p.paid_on >= barred]


def compute(
    receivable: Receivable, rules: KindRules, facts: Facts, params: list[ParameterRow], as_of: date
) -> Figures:
    code = RATE_CODE.get(rules.interest_regime)
    rates = table_of(code, params) if code else None
    free = _interest_free(facts, as_of)
    if rates is not None and free:
        rates = deferral_rule.without_interest(rates, free)
    threshold = table_of(ParameterCode.PROG_ODSETEK, params)
    tranches = _tranches(facts, as_of)
    if not tranches:
        return _annulled(facts, as_of)
    # Facts after as_of are not known yet on that date.
    result = compute_balance(
        rules,
        tranches,
        [p for p in facts.payments if p.on <= as_of],
        [c for c in facts.costs if c.on <= as_of],
        rates,
        threshold,
        as_of,
        term_ended_on=receivable.payment_term_ends_on,
        decision_final_on=receivable.decision_final_on,
    )
    barred = limitation_of(
        receivable,
        rules,
        [d for d in facts.payment_days if d <= as_of],
        [f for f in facts.limitation if f.on <= as_of],
        facts.settled_on,
    )
    late = sum(p.amount for p in facts.overpaid if p.on <= as_of)
    return replace(result, time_barred_from=barred, overpayment=result.overpayment + late)


def _tranches(facts: Facts, as_of: date) -> tuple[Tranche, ...]:
    """The amounts owed as of the day, after the amended decisions in force on it."""
    if not facts.amendments:
        return facts.tranches
    first = facts.tranches[0].interest_from
    owed = corrections.tranches(first, facts.original, facts.amendments, facts.term_days, as_of)
    return tuple(Tranche(start, amount) for start, amount in owed)


def _annulled(facts: Facts, as_of: date) -> Figures:
    """Issue 20: the decision was annulled: nothing is owed, no interest, no reminder costs (the
    duty they enforced never existed); every payment is an overpayment (OP art. 72 §1 pkt 1)."""
    paid = sum(p.amount for p in (*facts.paid, *facts.overpaid) if p.on <= as_of)
    return BalanceResult(as_of, 0, 0, 0, 0, paid, (), (), 0, 0, None)


_TABLES: dict[int, tuple[list[ParameterRow], dict[str, ParameterTable]]] = {}


def table_of(code: str, params: list[ParameterRow]) -> ParameterTable:
    """ParameterTable.of, the same table object for the same list of rows: a batch (the notices
    of a night) computes many receivables from one list, and the money engine compiles each
    table once per object (app/domain/interest.compile_table)."""
    hit = _TABLES.get(id(params))
    if hit is None or hit[0] is not params:
        if len(_TABLES) > 64:
            _TABLES.clear()
        hit = (params, {})
        _TABLES[id(params)] = hit
    tables = hit[1]
    if code not in tables:
        tables[code] = ParameterTable.of(code, params)
    return tables[code]


def limitation_of(
    receivable: Receivable,
    rules: KindRules,
    payment_days: list[date],
    facts: Sequence[LimitationFact] = (),
    settled: date | None = None,
) -> date | None:
    return time_barred_from(
        rules,
        term_ended_on=receivable.payment_term_ends_on,
        decision_final_on=receivable.decision_final_on,
        payments=payment_days,
        facts=facts,
        settled_on=settled,
    )


async def figures_of(
    session: AsyncSession,
    receivable: Receivable,
    rules: KindRules,
    as_of: date,
    rows: Rows | None = None,
) -> Figures:
    """`rows`: the receivable's rows when the caller has read them already (the card)."""
    if rows is None:
        rows = await rows_of(session, receivable.id)
    if rules.allocation_rule is AllocationRule.ART_28:
        alimony = await _alimony_figures(session, receivable, as_of)
        if alimony is not None:
            return _with_reminder_costs(alimony, rows.documents, as_of)
    facts = facts_of(
        receivable,
        rules,
        rows.payments,
        rows.documents,
        rows.write_offs,
        rows.tranches,
        rows.limitation,
        rows.amendments,
        rows.deferrals,
    )
    params = await ReceivableRepository(session).parameter_rows()
    return compute(receivable, rules, facts, params, as_of)


def _with_reminder_costs(figs: Figures, documents: list[Document], as_of: date) -> Figures:
    """Issue 16 item 8: a fund receivable now reaches its reminder; the reminder's cost is owed
    from its delivery (u.p.e.a. art. 15 §4) on top of the fund's claims (the art. 28 ledger
    allocates recoveries between the claims only, so the cost stays owed until paid)."""
    costs = sum(d.costs for d in documents if d.delivered_on and d.delivered_on <= as_of)
    if not costs:
        return figs
    return replace(figs, costs_due=figs.costs_due + costs, balance=figs.balance + costs)


async def demand_figures(
    session: AsyncSession, receivable: Receivable, rules: KindRules, as_of: date
) -> Figures:
    """What a reminder or a title may demand on `as_of` (issue 16 item 8): for a fund receivable
    whose decision names the period of payouts it covers, only those payouts (with their interest
    and the reminder's cost), less the recoveries and write-offs of the art. 28 ledger; for any
    other receivable its figures."""
    if rules.allocation_rule is AllocationRule.ART_28 and receivable.decision_period_to:
        start = receivable.decision_period_from or date.min
        period = (start, receivable.decision_period_to)
        alimony = await _alimony_figures(session, receivable, as_of, period)
        if alimony is not None:
            documents = await ReceivableRepository(session).documents(receivable.id)
            return _with_reminder_costs(alimony, documents, as_of)
    return await figures_of(session, receivable, rules, as_of)


async def decision_coverage(
    session: AsyncSession, receivable: Receivable, rules: KindRules, as_of: date
) -> fund_decision.Coverage | None:
    """The fund decision against the payouts known on `as_of`: the card's "wypłaty po decyzji"."""
    if rules.allocation_rule is not AllocationRule.ART_28 or receivable.decision_period_to is None:
        return None
    facts = (await alimony_facts.facts_of(session, receivable.debtor_id)).known_on(as_of)
    return fund_decision.coverage(
        (fund_decision.PayoutLine(p.paid_on, p.amount) for p in facts.payouts),
        receivable.decision_amount or 0,
        receivable.decision_period_from or date.min,
        receivable.decision_period_to,
    )


async def _alimony_figures(
    session: AsyncSession,
    receivable: Receivable,
    as_of: date,
    period: tuple[date, date] | None = None,
) -> Figures | None:
    """A fund receivable built from payouts is owed payout by payout (a tranche each) and paid by
    recoveries split under art. 28 u.p.o.u.a.: its figures are the alimony ledger's, fund and
    advance claims together. `period`: only the payouts a decision covers (demand_figures)."""
    facts = await alimony_facts.facts_of(session, receivable.debtor_id)
    if period is not None:
        facts = ledger.covered_by(facts, *period)
    if not facts.payouts:
        return None
    engine = await alimony_facts.fund_engine(
        session, await ReceivableRepository(session).parameter_rows()
    )
    results = list(ledger.balances(facts.known_on(as_of), engine, as_of).values())
    if not results:
        return None
    total = results[0]
    for r in results[1:]:
        total = replace(
            total,
            principal_remaining=total.principal_remaining + r.principal_remaining,
            interest_due=total.interest_due + r.interest_due,
            costs_due=total.costs_due + r.costs_due,
            balance=total.balance + r.balance,
            overpayment=total.overpayment + r.overpayment,
            allocations=total.allocations + r.allocations,
            rate_periods=total.rate_periods + r.rate_periods,
            interest_carried=total.interest_carried + r.interest_carried,
            interest_not_charged=total.interest_not_charged + r.interest_not_charged,
        )
    return replace(total, time_barred_from=None)


async def refresh_limitation(
    session: AsyncSession, receivable: Receivable, rules: KindRules
) -> None:
    """Store time_barred_from so that the daily sweep can find time-barred receivables in SQL."""
    payments = counted(await ReceivableRepository(session).payments(receivable.id))
    barred = receivable.time_barred_from
    if receivable.state == "przedawniona" and barred is not None:
        # Issue 20: a payment on a claim already time-barred does not revive it.
        payments = [p for p in payments if p.paid_on < barred]
    receivable.time_barred_from = limitation_of(
        receivable,
        rules,
        [p.paid_on for p in payments],
        await limitation_facts(session, receivable.id),
        paid_in_full_on(receivable),
    )
