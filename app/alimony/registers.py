"""The six-month rules and the registers (u.p.o.u.a. art. 5 ust. 3a, art. 8a ust. 1): the evasion
check a specialist sees, the BIG list with the debtor's notice, the KRZ list; and recording that a
list was passed to its register, so that the next plan knows whom to update or remove."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import TypeVar

from sqlalchemy.ext.asyncio import AsyncSession

from app.alimony import ledger
from app.alimony import service as alimony_service
from app.alimony.ledger import DebtorFacts, Engine
from app.alimony.repository import AlimonyRepository
from app.debtors import service as debtor_service
from app.domain.alimony import (
    Arrear,
    ClaimType,
    DebtorArrears,
    EvasionCheck,
    Register,
    RegisterPlan,
    big_plan,
    evasion_decision_check,
    krz_plan,
    outstanding_tranches,
    tranches_from_payouts,
)
from app.domain.balance import BalanceResult
from app.domain.parameters import ParameterRow
from app.models import AlimonyEnforcement, AlimonyRegisterEntry, Debtor

ACT = "ustawy z dnia 7 września 2007 r. o pomocy osobom uprawnionym do alimentów"
EVASION_BASIS = f"art. 5 ust. 3a {ACT}"
_R = TypeVar("_R", AlimonyRegisterEntry, AlimonyEnforcement)


# --- art. 5 ust. 3a ------------------------------------------------------------------------------


async def evasion_check(session: AsyncSession, debtor_id: int, as_of: date) -> EvasionCheck:
    await alimony_service.debtor_or_404(session, debtor_id)
    facts = await alimony_service.facts_of(session, debtor_id)
    return evasion_of(facts, await AlimonyRepository(session).parameter_rows(), as_of)


def evasion_of(facts: DebtorFacts, rows: Sequence[ParameterRow], as_of: date) -> EvasionCheck:
    """The art. 5 ust. 3a check from facts already gathered."""
    months, percent = alimony_service.evasion_rule(rows, as_of)
    known = facts.known_on(as_of)
    return evasion_decision_check(
        alimony_service.months_of(known, as_of), as_of, months=months, percent=percent
    )


# --- the facts both registers read ------------------------------------------------------------


def arrears_of(facts: DebtorFacts, results: dict[ClaimType, BalanceResult]) -> tuple[Arrear, ...]:
    """What is unpaid of each tranche, oldest first repaid (KC art. 451 § 3, as the ledger
    settles them). The claim's interest is put on its oldest unpaid tranche (it is owed since
    then at the latest), or on the latest payout when only interest is left."""
    found: list[Arrear] = []
    for claim, result in results.items():
        mine = tranches_from_payouts(p for p in facts.payouts if p.claim is claim)
        repaid = sum(t.amount for t in mine) - result.principal_remaining
        left = outstanding_tranches(mine, repaid)
        rows = [Arrear(claim, t.paid_on, t.amount) for t in left]
        if result.interest_due:
            if rows:
                first = rows[0]
                rows[0] = Arrear(claim, first.due_on, first.principal, result.interest_due)
            else:
                rows.append(Arrear(claim, mine[-1].paid_on, 0, result.interest_due))
        found += rows
    return tuple(found)


def _listed(entries: Sequence[AlimonyRegisterEntry], register: Register, as_of: date) -> int | None:
    """The amount last reported while the debtor is listed on as_of, or None."""
    for e in entries:
        if e.register == register.value and e.entered_on <= as_of:
            if e.removed_on is None or e.removed_on > as_of:
                return e.amount
    return None


def _enforcement(rows: Sequence[AlimonyEnforcement], as_of: date) -> AlimonyEnforcement | None:
    pending = [r for r in rows if r.started_on <= as_of and (r.ended_on or date.max) > as_of]
    return max(pending, key=lambda r: r.started_on, default=None)


def debtor_arrears(
    debtor: Debtor,
    facts: DebtorFacts,
    eng: Engine,
    as_of: date,
    entries: Sequence[AlimonyRegisterEntry],
    enforcements: Sequence[AlimonyEnforcement],
) -> DebtorArrears:
    known = facts.known_on(as_of)
    results = ledger.balances(known, eng, as_of)
    big, krz = _listed(entries, Register.BIG, as_of), _listed(entries, Register.KRZ, as_of)
    enforcement = _enforcement(enforcements, as_of)
    authority = None
    if enforcement is not None:
        authority = enforcement.authority + (
            f", sygn. {enforcement.case_ref}" if enforcement.case_ref else ""
        )
    return DebtorArrears(
        debtor_id=str(debtor.id),
        debtor=debtor_service.document_data(debtor),
        arrears=arrears_of(known, results),
        in_big=big is not None,
        big_amount=big,
        in_krz=krz is not None,
        krz_amount=krz,
        enforcement_pending=enforcement is not None,
        enforcement_authority=authority,
        written_off=bool(known.write_offs),
    )


# --- the plans ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Plan:
    plan: RegisterPlan
    debtors: dict[int, Debtor]


async def plan(session: AsyncSession, register: Register, as_of: date) -> Plan:
    """Whom to enter, update and remove on as_of, every debtor the fund paid for."""
    repo = AlimonyRepository(session)
    ids = await repo.alimony_debtor_ids(as_of)
    debtors = await repo.debtors(ids)
    facts = await alimony_service.gather(session, ids)
    rows = await repo.parameter_rows()
    eng = await alimony_service.fund_engine(session, rows)
    months = alimony_service.register_months(rows, register, as_of)
    entries = _by_debtor(await repo.register_entries(ids))
    enforcements = _by_debtor(await repo.enforcements(ids))
    arrears = [
        debtor_arrears(
            debtors[i], facts[i], eng, as_of, entries.get(i, []), enforcements.get(i, [])
        )
        for i in ids
    ]
    if register is Register.BIG:
        decided = big_plan(arrears, as_of, months=months)
    else:
        decided = krz_plan(arrears, as_of, months=months)
    return Plan(decided, debtors)


def _by_debtor(rows: Sequence[_R]) -> dict[int, list[_R]]:
    grouped: dict[int, list[_R]] = {}
    for row in rows:
        grouped.setdefault(row.debtor_id, []).append(row)
    return grouped


async def submit(session: AsyncSession, register: Register, as_of: date, actor: str) -> Plan:
    """Record that the plan as of as_of was passed to the register: entries opened, amounts
    updated, entries closed with their reason."""
    made = await plan(session, register, as_of)
    repo = AlimonyRepository(session)
    ids = [int(e.debtor_id) for e in made.plan.update] + [
        int(r.debtor_id) for r in made.plan.remove
    ]
    open_rows = {
        e.debtor_id: e
        for e in await repo.register_entries(ids)
        if e.register == register.value and e.removed_on is None
    }
    for entry in made.plan.enter:
        await repo.add(
            AlimonyRegisterEntry(
                debtor_id=int(entry.debtor_id),
                register=register.value,
                entered_on=as_of,
                amount=entry.amount,
                created_by=actor,
            )
        )
    for entry in made.plan.update:
        row = open_rows[int(entry.debtor_id)]
        row.amount, row.updated_on = entry.amount, as_of
    for removal in made.plan.remove:
        row = open_rows[int(removal.debtor_id)]
        row.removed_on, row.removal_reason = as_of, removal.reason.value
    await session.flush()
    return made
