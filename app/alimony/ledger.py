"""One alimony debtor's account with the fund, computed from the facts: no I/O here.

The debtor owes two claims we hold (u.p.o.u.a. art. 28 ust. 1 pkt 1 and 2): the fund benefits and
the advances (zaliczki). Each claim is settled by the money engine (compute_balance) with one
Tranche per payout (art. 27 ust. 1: the fund's tranches carry odsetki ustawowe za opóźnienie from
the day after the payout, ust. 1a; advances carry none, alimony_claims.tranche_of). A recovery is
split between the claims by allocate_art_28 on its own day, against what each claim asks for that
day; what a claim got is then a payment on that claim (within it KC art. 451: costs, interest,
principal — the KC ledger's own order, so replaying it gives the same split).

A write-off decision settles its parts on the decision day as a payment would (as
app/receivables/figures.py books write-offs): the engine has no fact that writes off principal and
interest apart, so within a claim it goes to interest first. The decision's own split (proportional,
alimony_write_off.split_write_off) is recorded on alimony_write_off.

Under art. 28 ust. 2 (and after the fund's claims under ust. 1) the alimony creditor's current
alimony is a claim too: up to the month's awarded alimony, less what the month's earlier
recoveries already paid of it. The creditor's other claims (ust. 1 pkt 3, ust. 2 pkt 4) are not
known here: what would go to them stays as the recovery's overpayment.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from app.domain.alimony import (
    Award,
    BenefitPeriod,
    ClaimDue,
    ClaimType,
    Month,
    Payout,
    ReceivableTotal,
    RecoveryAllocation,
    RecoverySource,
    allocate_art_28,
    art_28_regime,
    awarded_for_month,
    tranche_of,
)
from app.domain.balance import BalanceResult, PaymentFact, Tranche, compute_balance
from app.domain.kinds import InterestRegime, KindRules
from app.domain.money import Grosze
from app.domain.parameters import ParameterTable

F = ClaimType.FUNDUSZ_ALIMENTACYJNY
Z = ClaimType.ZALICZKA_ALIMENTACYJNA
WB = ClaimType.WIERZYCIEL_BIEZACE
OUR_CLAIMS = (F, Z)  # art. 28 ust. 1 pkt 1 and 2: the claims this unit holds


@dataclass(frozen=True, slots=True)
class RecoveryFact:
    id: int
    on: date
    amount: Grosze
    source: RecoverySource


@dataclass(frozen=True, slots=True)
class AllocationFact:
    recovery_id: int
    on: date
    claim: ClaimType
    amount: Grosze  # costs + interest + principal applied to the claim


@dataclass(frozen=True, slots=True)
class WriteOffFact:
    decided_on: date
    decision_ref: str
    step: int
    base: Grosze
    amount: Grosze
    parts: tuple[tuple[ClaimType, Grosze, Grosze], ...]  # (claim, principal, interest)


@dataclass(frozen=True, slots=True)
class DebtorFacts:
    debtor_id: int
    awards: tuple[Award, ...] = ()
    payouts: tuple[Payout, ...] = ()
    recoveries: tuple[RecoveryFact, ...] = ()
    allocations: tuple[AllocationFact, ...] = ()
    write_offs: tuple[WriteOffFact, ...] = ()

    def known_on(self, as_of: date) -> DebtorFacts:
        """The facts as they stood at the end of as_of (later ones are not known yet)."""
        return replace(
            self,
            payouts=tuple(p for p in self.payouts if p.paid_on <= as_of),
            recoveries=tuple(r for r in self.recoveries if r.on <= as_of),
            allocations=tuple(a for a in self.allocations if a.on <= as_of),
            write_offs=tuple(w for w in self.write_offs if w.decided_on <= as_of),
        )


def covered_by(facts: DebtorFacts, period_from: date, period_to: date) -> DebtorFacts:
    """The facts as a decision covering the payouts of [period_from, period_to] sees them (issue
    16 item 8): only those payouts are owed, and every recovery and write-off of the claims is set
    against them. The recoveries go to the oldest debt first (KC art. 451 § 3; within a claim the
    tranches are settled oldest first), and a decision covers the oldest payouts not yet decided,
    so what the covered payouts still ask is what the reminder and the title may demand."""
    return replace(
        facts,
        payouts=tuple(p for p in facts.payouts if period_from <= p.paid_on <= period_to),
    )


@dataclass(frozen=True, slots=True)
class Engine:
    """The fund kind's rules and the interest table, read once per request."""

    rules: KindRules
    rates: ParameterTable
    advance_interest: bool = False  # alimony_claims.tranche_of: no rule found for advances

    def rules_for(self, claim: ClaimType) -> KindRules:
        if claim is Z and not self.advance_interest:
            return replace(self.rules, interest_regime=InterestRegime.BRAK)
        return self.rules

    def rates_for(self, claim: ClaimType) -> ParameterTable | None:
        return None if self.rules_for(claim).interest_regime is InterestRegime.BRAK else self.rates


# --- balances ----------------------------------------------------------------------------------


def tranches(facts: DebtorFacts, claim: ClaimType, engine: Engine, on: date) -> list[Tranche]:
    out = []
    for payout in sorted(facts.payouts, key=lambda p: p.paid_on):
        if payout.claim is claim and payout.paid_on <= on:
            t = tranche_of(payout, advance_interest=engine.advance_interest)
            # With no interest (InterestRegime.BRAK) the engine uses the date only for the order.
            out.append(Tranche(t.interest_from or t.paid_on + timedelta(days=1), t.amount))
    return out


def write_off_payments(
    write_offs: Iterable[WriteOffFact], claim: ClaimType, *, on: date, same_day: bool
) -> list[PaymentFact]:
    """The write-offs decided up to `on` (that day itself only when same_day) as payments."""
    return [
        PaymentFact(w.decided_on, principal + interest, f"umorzenie {w.decision_ref}")
        for w in write_offs
        if w.decided_on < on or (same_day and w.decided_on == on)
        for c, principal, interest in w.parts
        if c is claim and principal + interest > 0
    ]


def claim_balance(
    facts: DebtorFacts,
    claim: ClaimType,
    engine: Engine,
    as_of: date,
    settled: Sequence[PaymentFact],
) -> BalanceResult | None:
    """None when nothing was ever paid out on the claim by as_of."""
    owed = tranches(facts, claim, engine, as_of)
    if not owed:
        return None
    rules, rates = engine.rules_for(claim), engine.rates_for(claim)
    payments = [p for p in settled if p.on <= as_of]
    return compute_balance(rules, owed, payments, (), rates, None, as_of, detail=False)


def settlements(facts: DebtorFacts, claim: ClaimType, as_of: date) -> list[PaymentFact]:
    """What the stored allocations and the write-offs paid on the claim up to as_of."""
    paid = [
        PaymentFact(a.on, a.amount, f"wyegzekwowano {a.recovery_id}")
        for a in facts.allocations
        if a.claim is claim and a.amount > 0 and a.on <= as_of
    ]
    return paid + write_off_payments(facts.write_offs, claim, on=as_of, same_day=True)


def balances(facts: DebtorFacts, engine: Engine, as_of: date) -> dict[ClaimType, BalanceResult]:
    found = {}
    for claim in OUR_CLAIMS:
        result = claim_balance(facts, claim, engine, as_of, settlements(facts, claim, as_of))
        if result is not None:
            found[claim] = result
    return found


def receivable_totals(results: dict[ClaimType, BalanceResult]) -> tuple[ReceivableTotal, ...]:
    """art. 30 ust. 1 base: principal plus interest (costs are not "należności z tytułu
    świadczeń", alimony_write_off.py)."""
    return tuple(
        ReceivableTotal(claim, r.principal_remaining, r.interest_due)
        for claim, r in results.items()
    )


# --- art. 28: recovered money between the claims --------------------------------------------


def benefit_periods(payouts: Iterable[Payout]) -> tuple[BenefitPeriod, ...]:
    """art. 28 ust. 1 applies "w okresie, w którym osoba uprawniona otrzymuje świadczenia". We
    read it from the payouts: benefits are paid monthly, so a fund payout in month M means the
    person receives benefits from that payout through the end of month M + 1 (the next payout may
    come late in M + 1); spans that touch merge. Advances (zaliczki) ended in 2008 and do not
    count."""
    periods: list[BenefitPeriod] = []
    for day in sorted(p.paid_on for p in payouts if p.claim is F):
        end = Month.of(day).plus(1).last_day
        last = periods[-1] if periods else None
        if last is not None and last.end is not None and day <= last.end + timedelta(days=1):
            periods[-1] = BenefitPeriod(last.start, max(end, last.end))
        else:
            periods.append(BenefitPeriod(day, end))
    return tuple(periods)


@dataclass
class _Replay:
    settled: dict[ClaimType, list[PaymentFact]] = field(default_factory=dict)
    creditor_paid: dict[Month, Grosze] = field(default_factory=dict)

    def book(self, on: date, claim: ClaimType, amount: Grosze, ref: str) -> None:
        if amount <= 0:
            return
        if claim is WB:
            month = Month.of(on)
            self.creditor_paid[month] = self.creditor_paid.get(month, 0) + amount
        else:
            self.settled.setdefault(claim, []).append(PaymentFact(on, amount, ref))


def _dues(facts: DebtorFacts, engine: Engine, replay: _Replay, on: date) -> list[ClaimDue]:
    dues = []
    for claim in OUR_CLAIMS:
        written_off = write_off_payments(facts.write_offs, claim, on=on, same_day=False)
        paid = replay.settled.get(claim, []) + written_off
        result = claim_balance(facts, claim, engine, on, paid)
        if result is not None:
            first = min(p.paid_on for p in facts.payouts if p.claim is claim)
            due = ClaimDue(
                claim,
                result.costs_due,
                result.interest_due,
                result.principal_remaining,
                ref=claim.value,
                due_on=first,
            )
            dues.append(due)
    month = Month.of(on)
    current = awarded_for_month(facts.awards, month) - replay.creditor_paid.get(month, 0)
    if current > 0:
        dues.append(ClaimDue(WB, 0, 0, current, ref=WB.value))
    return dues


def allocate_recoveries(
    facts: DebtorFacts, engine: Engine, *, from_day: date
) -> list[tuple[int, RecoveryAllocation]]:
    """Allocate again every recovery dated from_day or later, in date order; the stored
    allocations of earlier recoveries stand. A write-off decided on a day counts for the
    recoveries of later days (on its own day the recoveries came first: the decision's balance
    already included them)."""
    replay = _Replay()
    for a in facts.allocations:
        if a.on < from_day:
            replay.book(a.on, a.claim, a.amount, f"wyegzekwowano {a.recovery_id}")
    periods = benefit_periods(facts.payouts)
    out = []
    for rec in sorted(facts.recoveries, key=lambda r: (r.on, r.id)):
        if rec.on < from_day:
            continue
        allocation = allocate_art_28(
            rec.amount,
            on=rec.on,
            claims=_dues(facts, engine, replay, rec.on),
            regime=art_28_regime(rec.on, periods),
            source=rec.source,
        )
        for part in allocation.claims:
            replay.book(rec.on, part.claim, part.allocation.amount, f"wyegzekwowano {rec.id}")
        out.append((rec.id, allocation))
    return out
