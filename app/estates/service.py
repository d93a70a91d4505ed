"""Issue 20 item 7, the debtor's death: gather → decide (app/domain/estate.py) → apply.
- record_death: the debtor is marked deceased with the date (the one the PESEL register gave the
  address search is reused); each open receivable follows the estate (event zgon_zobowiazanego)
  and its automatic steps pause while no heir is known.
- add_heir: an heir, a debtor himself, with his share; the pause lifts. divide: the estate's
  division, after which each heir answers by share (KC art. 1034 § 2).
- write_off: the decision writing off every open receivable for lack of an estate (u.f.p.
  art. 64 ust. 1 pkt 1 w zw. z art. 56 ust. 1 pkt 1), printed from letters/spadek.py."""

from __future__ import annotations

from datetime import date
from fractions import Fraction
from typing import TYPE_CHECKING

from sqlalchemy.ext.asyncio import AsyncSession

from app.debtors import service as debtor_service
from app.domain import estate as rules
from app.domain.lifecycle import Action
from app.domain.parameters import ParameterCode, ParameterTable
from app.errors import Conflict, Invalid, NotFound
from app.estates import pause
from app.estates.repository import EstateRepository
from app.estates.schemas import (
    DeathCreate,
    DivisionCreate,
    EstateRead,
    EstateReceivable,
    EstateWriteOffCreate,
    HeirCreate,
    HeirRead,
)
from app.models import Debtor, EstateHeir, EstateWriteOff
from app.receivables import actions as receivable_actions
from app.receivables import service as receivable_service
from app.receivables.repository import ReceivableRepository
from app.receivables.schemas import WriteOffCreate
from app.unit import service as unit_service

if TYPE_CHECKING:
    from letters.spadek import EstateDecision


async def _debtor(session: AsyncSession, debtor_id: int, *, lock: bool = False) -> Debtor:
    debtor = await EstateRepository(session).debtor(debtor_id, lock=lock)
    if debtor is None:
        raise NotFound(f"Nie ma dłużnika o identyfikatorze {debtor_id}")
    if debtor.anonymised_on is not None:
        raise Conflict("Dane dłużnika zanonimizowano: sprawa jest zamknięta")
    return debtor


def _deceased(debtor: Debtor) -> date:
    if not debtor.deceased or debtor.deceased_on is None:
        raise Conflict("Najpierw odnotuj zgon zobowiązanego z datą")
    return debtor.deceased_on


async def _mark_all(
    session: AsyncSession, debtor: Debtor, action: Action, on: date, cause: str, actor: str
) -> None:
    for r in await EstateRepository(session).open_receivables(debtor.id):
        await receivable_service.move(session, r, action, on=on, cause=cause[:300], actor=actor)
        await pause.refresh(session, r)


async def record_death(
    session: AsyncSession, debtor_id: int, data: DeathCreate, actor: str, today: date
) -> Debtor:
    debtor = await _debtor(session, debtor_id, lock=True)
    if debtor.deceased and debtor.deceased_on is not None and data.died_on is None:
        died_on = debtor.deceased_on  # from the PESEL register's answer (app/addresses)
    elif data.died_on is not None:
        died_on = data.died_on
    else:
        raise Invalid("Podaj datę zgonu", field="died_on")
    if problem := rules.death_error(died_on, today):
        raise Invalid(problem, field="died_on")
    repo = EstateRepository(session)
    if await repo.heir_count(debtor.id) or await repo.death_recorded(debtor.id):
        raise Conflict("Zgon zobowiązanego odnotowano już wcześniej")
    debtor.deceased, debtor.deceased_on = True, died_on
    cause = (
        f"zgon zobowiązanego {died_on.strftime('%d.%m.%Y')}: należność dochodzona od spadku "
        "(OP art. 97 § 1, art. 98 § 1 w zw. z art. 67 ust. 1 u.f.p.)"
    )
    await _mark_all(session, debtor, Action.ZGON_ZOBOWIAZANEGO, today, cause, actor)
    return debtor


async def add_heir(
    session: AsyncSession, deceased_id: int, data: HeirCreate, actor: str, today: date
) -> EstateHeir:
    debtor = await _debtor(session, deceased_id, lock=True)
    died_on = _deceased(debtor)
    heir = await _debtor(session, data.heir_id)
    if heir.id == debtor.id:
        raise Invalid("Spadkobiercą nie może być sam zmarły", field="heir_id")
    if heir.deceased:
        raise Invalid("Wskazany spadkobierca jest oznaczony jako zmarły", field="heir_id")
    receivable_service.not_in_future(data.established_on, today, "established_on")
    if data.established_on < died_on:
        raise Invalid("Stwierdzenie nabycia spadku przed datą zgonu", field="established_on")
    repo = EstateRepository(session)
    existing = await repo.heirs(debtor.id)
    if any(h.heir_id == heir.id for h, _ in existing):
        raise Conflict("Ten spadkobierca jest już wpisany")
    share = Fraction(data.share)
    shares = [Fraction(h.share_num, h.share_den) for h, _ in existing] + [share]
    if problem := rules.shares_error(shares):
        raise Invalid(problem, field="share")
    row = EstateHeir(
        deceased_id=debtor.id,
        heir_id=heir.id,
        share_num=share.numerator,
        share_den=share.denominator,
        basis=data.basis,
        established_on=data.established_on,
        created_by=actor,
    )
    await repo.add(row)
    cause = f"spadkobierca: {heir.name}, udział {data.share} ({data.basis})"
    await _mark_all(session, debtor, Action.SPADKOBIERCA, data.established_on, cause, actor)
    return row


async def divide(
    session: AsyncSession, deceased_id: int, data: DivisionCreate, today: date
) -> Debtor:
    debtor = await _debtor(session, deceased_id, lock=True)
    died_on = _deceased(debtor)
    receivable_service.not_in_future(data.divided_on, today, "divided_on")
    if data.divided_on < died_on:
        raise Invalid("Dział spadku przed datą zgonu", field="divided_on")
    if not await EstateRepository(session).heir_count(debtor.id):
        raise Conflict("Dział spadku dopiero po ustaleniu spadkobierców")
    debtor.estate_divided_on = data.divided_on
    await session.flush()
    return debtor


async def read(session: AsyncSession, deceased_id: int, as_of: date) -> EstateRead:
    debtor = await _debtor(session, deceased_id)
    repo = EstateRepository(session)
    heirs = await repo.heirs(debtor.id)
    shares = [rules.HeirShare(h.heir_id, Fraction(h.share_num, h.share_den)) for h, _ in heirs]
    divided = debtor.estate_divided_on is not None and debtor.estate_divided_on <= as_of
    rows = []
    for r, figs in await receivable_service.of_debtor(session, debtor.id, as_of):
        rows.append(
            EstateReceivable(
                receivable_id=r.id,
                reference=r.reference,
                state=r.state,
                balance=figs.balance,
                paused_reason=r.paused_reason,
                liability=rules.liability(figs.balance, shares, divided) if figs.balance else {},
            )
        )
    return EstateRead(
        debtor_id=debtor.id,
        deceased=debtor.deceased,
        died_on=debtor.deceased_on,
        divided_on=debtor.estate_divided_on,
        liability_basis=rules.LIABILITY_BASIS,
        heirs=[
            HeirRead(
                heir_id=h.heir_id,
                name=d.name,
                share=f"{h.share_num}/{h.share_den}",
                basis=h.basis,
                established_on=h.established_on,
            )
            for h, d in heirs
        ],
        receivables=rows,
        write_offs=[w.id for w in await repo.write_offs(debtor.id)],
    )


async def write_off(
    session: AsyncSession, deceased_id: int, data: EstateWriteOffCreate, actor: str, today: date
) -> EstateWriteOff:
    debtor = await _debtor(session, deceased_id, lock=True)
    receivable_service.not_in_future(data.decided_on, today, "decided_on")
    params = await ReceivableRepository(session).parameter_rows()
    threshold = ParameterTable.of(ParameterCode.SPADEK_PRZEDMIOTY_CODZIENNEGO_UZYTKU, params)
    died_on = _deceased(debtor)
    problem = rules.write_off_error(
        data.ground,
        died_on,
        data.decided_on,
        data.household_value,
        threshold.value_on(data.decided_on),
    )
    if problem:
        field = "decided_on" if data.decided_on < died_on else "household_value"
        raise Invalid(problem, field=field)
    repo = EstateRepository(session)
    open_ones = await repo.open_receivables(debtor.id)
    if not open_ones:
        raise Conflict("Zmarły zobowiązany nie ma należności do umorzenia")
    for r in open_ones:
        body = WriteOffCreate(decided_on=data.decided_on, decision_ref=data.decision_ref)
        await receivable_actions.write_off(session, r.id, body, actor, today)
        await pause.refresh(session, r)
    parts = await repo.parts(debtor.id, data.decision_ref)
    row = EstateWriteOff(
        debtor_id=debtor.id,
        decided_on=data.decided_on,
        decision_ref=data.decision_ref,
        ground=data.ground,
        household_value=data.household_value,
        total=sum(w.amount for _, w in parts),
        created_by=actor,
    )
    await repo.add(row)
    return row


async def decision(session: AsyncSession, write_off_id: int, today: date) -> EstateDecision:
    from letters.spadek import EstateDecision, EstatePart

    repo = EstateRepository(session)
    row = await repo.write_off(write_off_id)
    if row is None:
        raise NotFound(f"Nie ma decyzji o umorzeniu o identyfikatorze {write_off_id}")
    debtor = await repo.debtor(row.debtor_id)
    assert debtor is not None
    assert debtor.deceased_on is not None
    parts = await repo.parts(debtor.id, row.decision_ref)
    return EstateDecision(
        creditor=await unit_service.creditor(session),
        debtor=debtor_service.document_data(debtor),
        died_on=debtor.deceased_on,
        decision_ref=row.decision_ref,
        decided_on=row.decided_on,
        ground=rules.GROUND_LABELS[rules.Ground(row.ground)],
        household_value=row.household_value,
        legal_basis=rules.WRITE_OFF_BASIS,
        parts=tuple(EstatePart(r.reference or f"nr {r.id}", r.title, w.amount) for r, w in parts),
        total=row.total,
        signatory=await unit_service.signatory(session),
        drafted_on=today,
    )
