"""An alimony debtor's facts, read from the database for the ledger (app/alimony/ledger.py): the
awards, payouts, recoveries with their stored art. 28 allocations, and the write-offs; and the fund
kind's engine. Only gathering, no decision.

Below the alimony use cases (service.py) and the receivable figures (app/receivables/figures.py),
which both read a fund receivable's account through it: it imports neither."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import date

from sqlalchemy.ext.asyncio import AsyncSession

from app.alimony import ledger
from app.alimony.ledger import AllocationFact, DebtorFacts, Engine, RecoveryFact, WriteOffFact
from app.alimony.repository import AlimonyRepository
from app.domain.alimony import Award, ClaimType, Payout, RecoverySource
from app.domain.parameters import ParameterCode, ParameterRow, ParameterTable
from app.receivables import repository as receivable_repository


async def fund_engine(session: AsyncSession, rows: Sequence[ParameterRow] | None = None) -> Engine:
    """The fund kind's rules and the odsetki ustawowe za opóźnienie table, once per use case."""
    repo = AlimonyRepository(session)
    kind = await repo.fund_kind()
    assert kind is not None  # seeded by migration 0001
    rows = rows if rows is not None else await repo.parameter_rows()
    rates = ParameterTable.of(ParameterCode.ODSETKI_USTAWOWE_ZA_OPOZNIENIE.value, rows)
    return Engine(receivable_repository.kind_rules(kind), rates)


# --- gather --------------------------------------------------------------------------------------


async def gather(session: AsyncSession, ids: Sequence[int]) -> dict[int, DebtorFacts]:
    """Every debtor's facts, a few queries for any number of debtors."""
    repo = AlimonyRepository(session)
    awards: dict[int, list[Award]] = defaultdict(list)
    payouts: dict[int, list[Payout]] = defaultdict(list)
    recoveries: dict[int, list[RecoveryFact]] = defaultdict(list)
    allocations: dict[int, list[AllocationFact]] = defaultdict(list)
    write_offs: dict[int, list[WriteOffFact]] = defaultdict(list)
    for a in await repo.awards(ids):
        awards[a.debtor_id].append(Award(a.valid_from, a.monthly_amount, a.entitled_name))
    for p in await repo.payouts(ids):
        claim = ClaimType(p.claim)
        payouts[p.debtor_id].append(Payout(p.paid_on, p.amount, p.entitled_name, claim))
    received: dict[int, date] = {}
    for r in await repo.recoveries(ids):
        received[r.id] = r.received_on
        fact = RecoveryFact(r.id, r.received_on, r.amount, RecoverySource(r.source))
        recoveries[r.debtor_id].append(fact)
    for row, debtor_id in await repo.allocations(ids):
        amount = row.to_costs + row.to_interest + row.to_principal
        on = received[row.recovery_id]
        allocations[debtor_id].append(
            AllocationFact(row.recovery_id, on, ClaimType(row.claim), amount)
        )
    for w, aw in await repo.write_offs(ids):
        parts = (
            (ledger.F, aw.fund_principal, aw.fund_interest),
            (ledger.Z, aw.advance_principal, aw.advance_interest),
        )
        write_offs[aw.debtor_id].append(
            WriteOffFact(w.decided_on, w.decision_ref, aw.step, aw.base, w.amount, parts)
        )
    # Art. 30 ust. 2 u.p.o.u.a.: a relief write-off on the debtor's request covers "należności z
    # tytułu wypłaconych świadczeń z funduszu alimentacyjnego łącznie z odsetkami": the fund's
    # claim only (step 0: not a step of art. 30 ust. 1; app/alimony/relief.py).
    for w, debtor_id in await repo.relief_write_offs(ids):
        write_offs[debtor_id].append(
            WriteOffFact(w.decided_on, w.decision_ref, 0, 0, w.amount, ((ledger.F, w.amount, 0),))
        )
    for found in write_offs.values():
        found.sort(key=lambda w: w.decided_on)
    return {
        i: DebtorFacts(
            i,
            tuple(awards[i]),
            tuple(payouts[i]),
            tuple(recoveries[i]),
            tuple(allocations[i]),
            tuple(write_offs[i]),
        )
        for i in ids
    }


async def facts_of(session: AsyncSession, debtor_id: int) -> DebtorFacts:
    return (await gather(session, [debtor_id]))[debtor_id]
