"""Write-off from the payment history (art. 30 ust. 1 u.p.o.u.a.): who qualifies, the draft of the
decision, and recording a decision (the year's list for the chief accountant: year_end.py).

The candidate set comes from one set-based SQL pass (AlimonyRepository.effective_runs, gaps and
islands); the step and the amount of each candidate come from the pure rule
(alimony_write_off.write_off_eligibility), which is also the SQL pass's oracle in the tests."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from app.alimony import ledger
from app.alimony import service as alimony_service
from app.alimony.ledger import DebtorFacts, Engine
from app.alimony.repository import AlimonyRepository
from app.alimony.schemas import WriteOffCreate
from app.domain.alimony import (
    Eligibility,
    Month,
    PriorWriteOff,
    WriteOffDecisionDraft,
    WriteOffStep,
    draft_write_off_decision,
    last_complete_month,
    write_off_eligibility,
)
from app.domain.lifecycle import Action
from app.domain.money import Grosze
from app.domain.parameters import ParameterRow
from app.errors import Conflict
from app.models import AlimonyWriteOff, Debtor, WriteOff
from app.receivables import service as receivable_service


@dataclass(frozen=True, slots=True)
class Candidate:
    debtor_id: int
    effective_months: int
    step: int
    amount: Grosze
    eligibility: Eligibility


def prior_write_offs(facts: DebtorFacts) -> tuple[PriorWriteOff, ...]:
    # A relief of art. 30 ust. 2 (step 0) is no step of ust. 1: its amount lowers the balance, but
    # it neither fixes the base nor counts as a percentage already granted.
    return tuple(
        PriorWriteOff(w.decided_on, w.step, w.base, w.amount) for w in facts.write_offs if w.step
    )


def eligibility_of(
    facts: DebtorFacts, eng: Engine, as_of: date, steps: Sequence[WriteOffStep]
) -> Eligibility | None:
    known = facts.known_on(as_of)
    totals = ledger.receivable_totals(ledger.balances(known, eng, as_of))
    months = alimony_service.months_of(known, as_of)
    return write_off_eligibility(months, prior_write_offs(known), totals, as_of, steps=steps)


async def eligible(session: AsyncSession, as_of: date) -> list[Candidate]:
    """Debtors who qualify on as_of, with the step and the amount to write off now."""
    repo = AlimonyRepository(session)
    rows = await repo.parameter_rows()
    steps = alimony_service.write_off_steps(rows, as_of)
    runs = await repo.effective_runs(
        last_month=last_complete_month(as_of).index,
        month_start=Month.of(as_of).first_day,
        min_months=min(s.months for s in steps),
    )
    facts = await alimony_service.gather(session, [debtor_id for debtor_id, _ in runs])
    eng = await alimony_service.fund_engine(session, rows)
    found = []
    for debtor_id, _months in runs:
        result = eligibility_of(facts[debtor_id], eng, as_of, steps)
        if result is not None:
            found.append(
                Candidate(debtor_id, result.effective_months, result.step, result.amount, result)
            )
    return found


@dataclass(frozen=True, slots=True)
class Draft:
    debtor: Debtor
    draft: WriteOffDecisionDraft
    point: int  # art. 30 ust. 1 pkt …


async def draft(session: AsyncSession, debtor_id: int, as_of: date) -> Draft:
    """Projekt decyzji o umorzeniu: every fact the decision states (letters/ renders it)."""
    debtor = await alimony_service.debtor_or_404(session, debtor_id)
    facts = await alimony_service.facts_of(session, debtor_id)
    rows = await AlimonyRepository(session).parameter_rows()
    made = draft_of(debtor, facts, rows, await alimony_service.fund_engine(session, rows), as_of)
    if made is None:
        raise Conflict(
            f"Dłużnik {debtor_id} nie spełnia na dzień {as_of:%d.%m.%Y} warunków umorzenia z"
            " art. 30 ust. 1 (brak wymaganego okresu skutecznej egzekucji, stopień już przyznany"
            " albo nic do umorzenia)"
        )
    return made


def draft_of(
    debtor: Debtor,
    facts: DebtorFacts,
    rows: Sequence[ParameterRow],
    eng: Engine,
    as_of: date,
) -> Draft | None:
    """The draft from facts already gathered; None when the debtor does not qualify."""
    result = eligibility_of(facts, eng, as_of, alimony_service.write_off_steps(rows, as_of))
    if result is None:
        return None
    prior = prior_write_offs(facts.known_on(as_of))
    return Draft(
        debtor, draft_write_off_decision(str(debtor.id), result, prior, as_of), result.point
    )


@dataclass(frozen=True, slots=True)
class Decision:
    write_off: WriteOff
    draft: Draft
    balance: Grosze


def _part(result: WriteOffDecisionDraft, claim: object, what: str) -> Grosze:
    return sum(getattr(p, what) for p in result.parts if p.claim is claim)


async def decide(
    session: AsyncSession, debtor_id: int, data: WriteOffCreate, actor: str, today: date
) -> Decision:
    """Record the decision: the write-off on the fund receivable, its art. 30 facts (the base of
    the first decision included), the state change, and the art. 28 allocation of any later
    recovery again."""
    alimony_service.not_in_future(data.decided_on, today, "decided_on")
    made = await draft(session, debtor_id, data.decided_on)
    d = made.draft
    if d.step != data.step:
        raise Conflict(
            f"Na dzień {data.decided_on:%d.%m.%Y} przysługuje umorzenie {d.step} % (art. 30"
            f" ust. 1), nie {data.step} %",
            field="step",
        )
    receivable = await AlimonyRepository(session).open_fund_receivable(debtor_id)
    if receivable is None:
        raise Conflict(f"Dłużnik {debtor_id} nie ma otwartej należności funduszu")
    full = d.balance_after == 0
    await receivable_service.move(
        session,
        receivable,
        Action.UMORZENIE if full else Action.UMORZENIE_CZESCIOWE,
        on=data.decided_on,
        actor=actor,
        cause=f"decyzja {data.decision_ref}: umorzenie {d.step} % (art. 30 ust. 1 u.p.o.u.a.)",
    )
    write_off = WriteOff(
        receivable_id=receivable.id,
        decided_on=data.decided_on,
        amount=d.amount,
        full=full,
        decision_ref=data.decision_ref,
        created_by=actor,
    )
    repo = AlimonyRepository(session)
    await repo.add(write_off)
    await repo.add(_facts_row(write_off, debtor_id, d, made.point))
    await alimony_service.reallocate(
        session, debtor_id, from_day=data.decided_on + timedelta(days=1)
    )
    return Decision(write_off, made, d.balance_after)


def _facts_row(
    write_off: WriteOff, debtor_id: int, d: WriteOffDecisionDraft, point: int
) -> AlimonyWriteOff:
    return AlimonyWriteOff(
        write_off_id=write_off.id,
        debtor_id=debtor_id,
        step=d.step,
        point=point,
        effective_months=d.effective_months,
        period_from=d.period_from,
        period_to=d.period_to,
        base=d.base,
        already_written_off=d.already_written_off,
        balance_before=d.balance_before,
        fund_principal=_part(d, ledger.F, "principal"),
        fund_interest=_part(d, ledger.F, "interest"),
        advance_principal=_part(d, ledger.Z, "principal"),
        advance_interest=_part(d, ledger.Z, "interest"),
    )
