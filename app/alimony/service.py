"""Alimony debtors' use cases: record the facts (awards, payouts, recoveries, enforcement), keep the
art. 28 allocation of the recoveries, and read a debtor's monthly history and balance. Gather →
decide (app/domain, app/alimony/ledger.py) → apply; never commits.

year_end_write_off_list (year_end.py) is re-exported here: the year-end sweep and letters/ call
`app.alimony.service.year_end_write_off_list(session, year, as_of=…)`."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy.ext.asyncio import AsyncSession

from app.alimony import ledger
from app.alimony.facts import facts_of, fund_engine
from app.alimony.facts import gather as gather
from app.alimony.ledger import DebtorFacts, Engine
from app.alimony.repository import FUND_KIND, AlimonyRepository
from app.alimony.schemas import (
    CLAIM_OF,
    AwardCreate,
    EnforcementCreate,
    PayoutCreate,
    RecoveryCreate,
)
from app.alimony.year_end import YearEndWriteOff as YearEndWriteOff
from app.alimony.year_end import year_end_write_off_list as year_end_write_off_list
from app.domain.alimony import (
    ClaimType,
    MonthRecord,
    RecoveryAllocation,
    Register,
    WriteOffStep,
    effective_run,
    monthly_history,
)
from app.domain.alimony import Recovery as DomainRecovery
from app.domain.balance import BalanceResult
from app.domain.lifecycle import Action, State
from app.domain.parameters import ParameterCode, ParameterRow, ParameterTable
from app.errors import Conflict, Invalid, NotFound
from app.models import (
    AlimonyAllocation,
    AlimonyAward,
    AlimonyEnforcement,
    AlimonyPayout,
    AlimonyRecovery,
    Debtor,
    Event,
    Receivable,
)
from app.polish import pl_date
from app.receivables import service as receivable_service

# --- the legal numbers, from the parameter table ------------------------------------------------

P = ParameterCode


def _value(rows: Sequence[ParameterRow], code: ParameterCode, on: date) -> int:
    return ParameterTable.of(code.value, rows).value_on(on)


_STEP_CODES = (
    (1, P.ALIMENTY_UMORZENIE_PKT1_MIESIACE, P.ALIMENTY_UMORZENIE_PKT1_PROCENT),
    (2, P.ALIMENTY_UMORZENIE_PKT2_MIESIACE, P.ALIMENTY_UMORZENIE_PKT2_PROCENT),
    (3, P.ALIMENTY_UMORZENIE_PKT3_MIESIACE, P.ALIMENTY_UMORZENIE_PKT3_PROCENT),
)


def write_off_steps(rows: Sequence[ParameterRow], on: date) -> tuple[WriteOffStep, ...]:
    """art. 30 ust. 1 pkt 1–3 in force on `on`: months of effective enforcement → percent."""
    return tuple(
        WriteOffStep(_value(rows, months, on), _value(rows, percent, on), point)
        for point, months, percent in _STEP_CODES
    )


def register_months(rows: Sequence[ParameterRow], register: Register, on: date) -> int:
    """Arrears older than this many months: BIG (art. 8a ust. 1 pkt 1), KRZ (pkt 2, DOMAIN.md)."""
    code = P.ALIMENTY_BIG_MIESIACE if register is Register.BIG else P.ALIMENTY_KRZ_MIESIACE
    return _value(rows, code, on)


def evasion_rule(rows: Sequence[ParameterRow], on: date) -> tuple[int, int]:
    """art. 5 ust. 3a: (the last N months, at least P % of the current alimony)."""
    return (
        _value(rows, P.ALIMENTY_UCHYLANIE_MIESIACE, on),
        _value(rows, P.ALIMENTY_UCHYLANIE_PROCENT, on),
    )


async def debtor_or_404(session: AsyncSession, debtor_id: int) -> Debtor:
    debtor = await AlimonyRepository(session).debtor(debtor_id)
    if debtor is None:
        raise NotFound(f"Nie ma zobowiązanego o identyfikatorze {debtor_id}")
    return debtor


def not_in_future(day: date, today: date, field: str) -> None:
    receivable_service.not_in_future(day, today, field)


# --- awards and enforcement ---------------------------------------------------------------------


async def record_award(
    session: AsyncSession, debtor_id: int, data: AwardCreate, actor: str
) -> AlimonyAward:
    await debtor_or_404(session, debtor_id)
    repo = AlimonyRepository(session)
    if await repo.award_exists(debtor_id, data.entitled, data.valid_from):
        raise Conflict(
            f"Alimenty dla „{data.entitled or 'osoby uprawnionej'}” od "
            f"{pl_date(data.valid_from)} są już zapisane; zmianę zapisz od innego dnia",
            field="valid_from",
        )
    award = AlimonyAward(
        debtor_id=debtor_id,
        entitled_name=data.entitled,
        valid_from=data.valid_from,
        monthly_amount=data.monthly_amount,
        created_by=actor,
    )
    await repo.add(award)
    return award


async def record_enforcement(
    session: AsyncSession, debtor_id: int, data: EnforcementCreate, actor: str, today: date
) -> AlimonyEnforcement:
    await debtor_or_404(session, debtor_id)
    not_in_future(data.started_on, today, "started_on")
    if data.ended_on is not None:
        not_in_future(data.ended_on, today, "ended_on")
    row = AlimonyEnforcement(
        debtor_id=debtor_id,
        authority=data.authority,
        case_ref=data.case_ref,
        started_on=data.started_on,
        ended_on=data.ended_on,
        created_by=actor,
    )
    await AlimonyRepository(session).add(row)
    return row


async def end_enforcement(
    session: AsyncSession, debtor_id: int, enforcement_id: int, ended_on: date, today: date
) -> AlimonyEnforcement:
    row = await AlimonyRepository(session).enforcement(debtor_id, enforcement_id)
    if row is None:
        raise NotFound(f"Nie ma egzekucji {enforcement_id} dłużnika {debtor_id}")
    not_in_future(ended_on, today, "ended_on")
    if ended_on < row.started_on:
        raise Invalid("Zakończenie egzekucji wcześniejsze niż jej wszczęcie", field="ended_on")
    row.ended_on = ended_on
    await session.flush()
    return row


# --- payouts: the fund receivable ---------------------------------------------------------------


def _title(paid_on: date) -> str:
    return f"Świadczenia z funduszu alimentacyjnego wypłacone od {paid_on:%d.%m.%Y}"


async def _fund_receivable(
    session: AsyncSession, debtor_id: int, data: PayoutCreate, actor: str
) -> Receivable:
    """The debtor's open fund receivable, extended by the payout; a new one on the first payout
    (or after the previous one was closed)."""
    repo = AlimonyRepository(session)
    receivable = await repo.open_fund_receivable(debtor_id)
    if receivable is not None:
        receivable.principal += data.amount
        receivable.issued_on = min(receivable.issued_on, data.paid_on)
        receivable.period_from = min(receivable.period_from or data.paid_on, data.paid_on)
        receivable.period_to = max(receivable.period_to or data.paid_on, data.paid_on)
        await session.flush()
        return receivable
    receivable = Receivable(
        debtor_id=debtor_id,
        kind_code=FUND_KIND,
        title=_title(data.paid_on),
        principal=data.amount,
        period_from=data.paid_on,
        period_to=data.paid_on,
        issued_on=data.paid_on,
        state=State.WYMAGALNA,
    )
    await repo.add(receivable)
    # art. 27 ust. 1 i 1a: owed from the payout, interest from the next day: due at once.
    cause = f"wypłata świadczenia z dnia {data.paid_on:%d.%m.%Y} (art. 27 ust. 1 u.p.o.u.a.)"
    await repo.add(
        Event(
            receivable_id=receivable.id,
            occurred_on=data.paid_on,
            action=receivable_service.CREATED,
            from_state=None,
            to_state=State.WYMAGALNA,
            cause=cause,
            actor=actor,
        )
    )
    return receivable


async def record_payout(
    session: AsyncSession, debtor_id: int, data: PayoutCreate, actor: str, today: date
) -> AlimonyPayout:
    await debtor_or_404(session, debtor_id)
    not_in_future(data.paid_on, today, "paid_on")
    receivable = await _fund_receivable(session, debtor_id, data, actor)
    payout = AlimonyPayout(
        debtor_id=debtor_id,
        receivable_id=receivable.id,
        paid_on=data.paid_on,
        amount=data.amount,
        entitled_name=data.entitled,
        claim=CLAIM_OF[data.claim].value,
        created_by=actor,
    )
    await AlimonyRepository(session).add(payout)
    await reallocate(session, debtor_id, from_day=data.paid_on)
    return payout


# --- recoveries and their art. 28 allocation ----------------------------------------------------


async def record_recovery(
    session: AsyncSession, debtor_id: int, data: RecoveryCreate, actor: str, today: date
) -> AlimonyRecovery:
    await debtor_or_404(session, debtor_id)
    not_in_future(data.received_on, today, "received_on")
    repo = AlimonyRepository(session)
    if data.reference and await repo.recovery_by_reference(debtor_id, data.reference):
        raise Conflict(
            f"Kwota o referencji {data.reference!r} jest już zapisana", field="reference"
        )
    recovery = AlimonyRecovery(
        debtor_id=debtor_id,
        received_on=data.received_on,
        amount=data.amount,
        source=data.source.value,
        reference=data.reference,
        created_by=actor,
    )
    await repo.add(recovery)
    await reallocate(session, debtor_id, from_day=data.received_on)
    await close_when_paid(session, debtor_id, data.received_on, actor)
    return recovery


async def reallocate(session: AsyncSession, debtor_id: int, *, from_day: date) -> None:
    """Gather the debtor's facts, allocate every recovery from from_day on again (art. 28), and
    store the result in place of the old rows."""
    facts = await facts_of(session, debtor_id)
    decided = ledger.allocate_recoveries(facts, await fund_engine(session), from_day=from_day)
    await _apply_allocations(session, decided)


async def _apply_allocations(
    session: AsyncSession, decided: Sequence[tuple[int, RecoveryAllocation]]
) -> None:
    rows = [
        AlimonyAllocation(
            recovery_id=recovery_id,
            claim=part.claim.value,
            regime=result.regime.value,
            to_costs=part.allocation.to_costs,
            to_interest=part.allocation.to_interest,
            to_principal=part.allocation.to_principal,
        )
        for recovery_id, result in decided
        for part in result.claims
        if part.allocation.amount > 0
    ]
    await AlimonyRepository(session).replace_allocations([r for r, _ in decided], rows)
    for recovery_id, result in decided:
        recovery = await session.get(AlimonyRecovery, recovery_id)
        assert recovery is not None
        recovery.overpayment = result.overpayment
    await session.flush()


async def close_when_paid(session: AsyncSession, debtor_id: int, on: date, actor: str) -> None:
    """ZAPLATA when the recovery left nothing owed and no later recovery is known (the state
    follows the latest facts only)."""
    receivable = await AlimonyRepository(session).open_fund_receivable(debtor_id)
    facts = await facts_of(session, debtor_id)
    if receivable is None or any(r.on > on for r in facts.recoveries):
        return
    results = ledger.balances(facts.known_on(on), await fund_engine(session), on)
    if sum(r.balance for r in results.values()) == 0:
        await receivable_service.move(
            session,
            receivable,
            Action.ZAPLATA,
            on=on,
            actor=actor,
            cause="spłata należności funduszu alimentacyjnego (wyegzekwowane kwoty, art. 28)",
        )


async def recovery_allocations(
    session: AsyncSession, recovery: AlimonyRecovery
) -> list[AlimonyAllocation]:
    rows = await AlimonyRepository(session).allocations([recovery.debtor_id])
    return [a for a, _ in rows if a.recovery_id == recovery.id]


# --- the monthly history and the balance --------------------------------------------------------


@dataclass(frozen=True, slots=True)
class History:
    debtor_id: int
    as_of: date
    months: tuple[MonthRecord, ...]
    run: tuple[MonthRecord, ...]
    claims: dict[ClaimType, BalanceResult]
    written_off: int

    @property
    def principal(self) -> int:
        return sum(r.principal_remaining for r in self.claims.values())

    @property
    def interest(self) -> int:
        return sum(r.interest_due for r in self.claims.values())

    @property
    def balance(self) -> int:
        return sum(r.balance for r in self.claims.values())


def months_of(facts: DebtorFacts, as_of: date) -> tuple[MonthRecord, ...]:
    recoveries = [DomainRecovery(r.on, r.amount, r.source) for r in facts.recoveries]
    return monthly_history(facts.awards, recoveries, as_of=as_of)


def history_of(facts: DebtorFacts, eng: Engine, as_of: date) -> History:
    known = facts.known_on(as_of)
    months = months_of(known, as_of)
    return History(
        facts.debtor_id,
        as_of,
        months,
        effective_run(months, as_of),
        ledger.balances(known, eng, as_of),
        sum(w.amount for w in known.write_offs),
    )


async def history(session: AsyncSession, debtor_id: int, as_of: date) -> History:
    await debtor_or_404(session, debtor_id)
    return history_of(await facts_of(session, debtor_id), await fund_engine(session), as_of)
