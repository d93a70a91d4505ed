"""Write-off from the debtor's payment history: art. 30 ust. 1 of the ustawa z dnia 7 września
2007 r. o pomocy osobom uprawnionym do alimentów (u.p.o.u.a.).

"Organ właściwy dłużnika może umorzyć należności, o których mowa w art. 28 ust. 1 pkt 1, 2 i 4,
w łącznej wysokości:
 1) 30 %, jeżeli egzekucja wobec dłużnika alimentacyjnego jest skuteczna przez okres 3 lat
    w wysokości miesięcznej nie niższej niż wysokość zasądzonych alimentów;
 2) 50 %, … przez okres 5 lat …;  3) 100 %, … przez okres 7 lat …"
(seed 001, annex 9, "Kolejność zaspokojenia" pt 3). Art. 30 ust. 3: the write-off is an
administrative decision. The decision is discretionary ("może"): this module finds who qualifies and
for how much; a person decides.

Periods (alimony_history.py): 3/5/7 years = 36/60/84 consecutive effective calendar months ending
with the last complete month before as_of.

The base, and "w łącznej wysokości". The percentages are totals, not additions: a debtor written off
30 % who reaches 5 years gets the difference up to 50 %, i.e. another 20 % of the same base.
- With no earlier art. 30 write-off, the base is what the debtor owes as of as_of on the claims of
  art. 28 ust. 1 pkt 1, 2 and 4: principal plus interest (the debtor returns the benefits "łącznie z
  odsetkami", art. 27 ust. 1). Costs are not "należności z tytułu świadczeń" and are left out.
- After an earlier art. 30 write-off, the base is the one fixed by the FIRST of them (it is recorded
  on the decision: PriorWriteOff.base). So the 50 % step gives 50 % × base − what was written off,
  and paying in the meantime does not shrink the later write-off (with a base recomputed from the
  balance, a debtor who paid more would get less).
- The amount never exceeds what is owed now; the 100 % step writes off everything owed now,
  including interest that ran after the first decision ("100 %" leaves nothing).
Rounding: percent × base is rounded to the grosz, half up (money.round_to_grosz); the amount is then
split between the claims in proportion to what each owes (principal and interest separately), the
remainder grosze going to the largest fractions, ties in art. 28 ust. 1 order, so the parts add up
to the amount exactly.

Set-based SQL for 300,000 debtors (this module is its oracle; compare both on one sample). With
month_idx = year * 12 + month - 1 and :last = the last complete month before as_of, an unbroken run
is an "island" of effective months; a missing month or a non-effective one is a gap:

    WITH eff AS (                        -- effective months only, up to :last
      SELECT debtor_id, month_idx FROM alimony_month
      WHERE awarded > 0 AND recovered >= awarded AND month_idx <= :last
    ), islands AS (
      SELECT debtor_id, month_idx,
             month_idx - row_number() OVER (PARTITION BY debtor_id ORDER BY month_idx) AS island
      FROM eff
    )
    SELECT debtor_id, count(*) AS effective_months
    FROM islands GROUP BY debtor_id, island
    HAVING max(month_idx) = :last AND count(*) >= 36;

alimony_month itself is a GROUP BY over recoveries (date_trunc('month', recovered_on)) joined to the
award in force on the month's first day (a LATERAL … ORDER BY valid_from DESC LIMIT 1 per entitled
person, summed). The step, base and amount are then computed per candidate as below.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from app.domain.alimony_claims import WRITE_OFF_CLAIMS, ClaimType
from app.domain.alimony_history import MonthRecord, effective_run
from app.domain.money import Grosze, round_to_grosz

ACT = "ustawy z dnia 7 września 2007 r. o pomocy osobom uprawnionym do alimentów"


@dataclass(frozen=True, slots=True)
class WriteOffStep:
    months: int
    percent: int
    point: int  # art. 30 ust. 1 pkt …


# art. 30 ust. 1 pkt 1–3: 3, 5 and 7 years of effective enforcement.
ART_30_STEPS: tuple[WriteOffStep, ...] = (
    WriteOffStep(36, 30, 1),
    WriteOffStep(60, 50, 2),
    WriteOffStep(84, 100, 3),
)


@dataclass(frozen=True, slots=True)
class ReceivableTotal:
    """What the debtor owes on one claim type as of as_of (from the interest engine)."""

    claim: ClaimType
    principal: Grosze
    interest: Grosze

    def __post_init__(self) -> None:
        if self.claim not in WRITE_OFF_CLAIMS:
            raise ValueError(f"Art. 30 ust. 1 nie obejmuje należności {self.claim.value}")
        if min(self.principal, self.interest) < 0:
            raise ValueError("Należność nie może być ujemna")


@dataclass(frozen=True, slots=True)
class PriorWriteOff:
    decided_on: date
    percent: int  # the step reached: 30 or 50
    base: Grosze  # the base the decision used
    amount: Grosze  # what it wrote off


@dataclass(frozen=True, slots=True)
class WriteOffPart:
    claim: ClaimType
    principal: Grosze
    interest: Grosze

    @property
    def total(self) -> Grosze:
        return self.principal + self.interest


@dataclass(frozen=True, slots=True)
class Eligibility:
    step: int  # 30 | 50 | 100 (percent, in total)
    point: int  # art. 30 ust. 1 pkt 1 | 2 | 3
    effective_months: int
    months: tuple[MonthRecord, ...]  # the run counted, oldest first
    base: Grosze
    already_written_off: Grosze
    balance: Grosze  # owed now on the art. 28 ust. 1 pkt 1, 2, 4 claims
    amount: Grosze  # to write off now
    parts: tuple[WriteOffPart, ...]  # the amount by claim, principal and interest

    @property
    def legal_basis(self) -> str:
        return f"art. 30 ust. 1 pkt {self.point} i ust. 3 {ACT}"


def _step_reached(months: int, steps: Sequence[WriteOffStep]) -> WriteOffStep | None:
    reached = [s for s in steps if s.months <= months]
    return max(reached, key=lambda s: s.percent) if reached else None


def _base(balance: Grosze, prior: Sequence[PriorWriteOff]) -> Grosze:
    if not prior:
        return balance
    return min(prior, key=lambda p: p.decided_on).base


def _amount(step: WriteOffStep, base: Grosze, already: Grosze, balance: Grosze) -> Grosze:
    if step.percent >= 100:
        return balance
    target = round_to_grosz(Decimal(base) * step.percent / 100)
    return min(balance, target - already)


def write_off_eligibility(
    history: Sequence[MonthRecord],
    prior_write_offs: Sequence[PriorWriteOff],
    receivable_totals: Sequence[ReceivableTotal],
    as_of: date,
    *,
    steps: Sequence[WriteOffStep] = ART_30_STEPS,
) -> Eligibility | None:
    """None when no step is reached, the step was already granted, or nothing is left to write
    off."""
    run = effective_run(history, as_of)
    step = _step_reached(len(run), steps)
    if step is None or step.percent <= max((p.percent for p in prior_write_offs), default=0):
        return None
    balance = sum(t.principal + t.interest for t in receivable_totals)
    already = sum(p.amount for p in prior_write_offs)
    base = _base(balance, prior_write_offs)
    amount = _amount(step, base, already, balance)
    if amount <= 0:
        return None
    parts = split_write_off(amount, receivable_totals)
    return Eligibility(
        step.percent, step.point, len(run), run, base, already, balance, amount, parts
    )


_CLAIM_ORDER = (
    ClaimType.FUNDUSZ_ALIMENTACYJNY,
    ClaimType.ZALICZKA_ALIMENTACYJNA,
    ClaimType.FUNDUSZ_1974,
)


def split_write_off(amount: Grosze, totals: Sequence[ReceivableTotal]) -> tuple[WriteOffPart, ...]:
    """`amount` in proportion to each claim's principal and interest (largest remainder)."""
    ordered = sorted(totals, key=lambda t: _CLAIM_ORDER.index(t.claim))
    owed = [v for t in ordered for v in (t.principal, t.interest)]
    total = sum(owed)
    if not 0 <= amount <= total:
        raise ValueError("Kwota umorzenia przekracza należność")
    if amount == 0:
        return tuple(WriteOffPart(t.claim, 0, 0) for t in ordered)
    shares = [amount * v // total for v in owed]
    fractions = sorted(range(len(owed)), key=lambda i: (-(amount * owed[i] % total), i))
    for i in fractions[: amount - sum(shares)]:
        shares[i] += 1
    return tuple(
        WriteOffPart(t.claim, shares[2 * k], shares[2 * k + 1]) for k, t in enumerate(ordered)
    )


# --- the decision's facts (rendered elsewhere) ----------------------------------------------------


@dataclass(frozen=True, slots=True)
class WriteOffDecisionDraft:
    """Projekt decyzji o umorzeniu należności (art. 30 ust. 1 i 3): every fact the decision
    states."""

    debtor_id: str
    drafted_on: date
    legal_basis: str  # "art. 30 ust. 1 pkt 2 i ust. 3 ustawy z dnia 7 września 2007 r. …"
    step: int  # percent written off in total after this decision
    effective_months: int
    period_from: date  # first day of the first month counted
    period_to: date  # last day of the last month counted
    months: tuple[MonthRecord, ...]  # each month counted: awarded and recovered
    base: Grosze
    already_written_off: Grosze
    prior_write_offs: tuple[PriorWriteOff, ...]
    balance_before: Grosze
    amount: Grosze
    parts: tuple[WriteOffPart, ...]
    balance_after: Grosze
    authority: str = "organ właściwy dłużnika"  # art. 30 ust. 1


def draft_write_off_decision(
    debtor_id: str,
    eligibility: Eligibility,
    prior_write_offs: Sequence[PriorWriteOff],
    as_of: date,
) -> WriteOffDecisionDraft:
    months = eligibility.months
    return WriteOffDecisionDraft(
        debtor_id=debtor_id,
        drafted_on=as_of,
        legal_basis=eligibility.legal_basis,
        step=eligibility.step,
        effective_months=eligibility.effective_months,
        period_from=months[0].month.first_day,
        period_to=months[-1].month.last_day,
        months=months,
        base=eligibility.base,
        already_written_off=eligibility.already_written_off,
        prior_write_offs=tuple(sorted(prior_write_offs, key=lambda p: p.decided_on)),
        balance_before=eligibility.balance,
        amount=eligibility.amount,
        parts=eligibility.parts,
        balance_after=eligibility.balance - eligibility.amount,
    )
