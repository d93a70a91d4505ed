"""The procedure against an alimony debtor as a case on the debtor (issue 18; seed 001, annex 9;
u.p.o.u.a. art. 3–5, 8, 8a; art. 209 k.k.): open the case, record a step (gather → the domain
decides whether it may follow → apply), and the case as the card and the API show it, with the
next step, its deadline, the art. 5 ust. 3a check and the BIG entry."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy.ext.asyncio import AsyncSession

from app.alimony import registers, relief
from app.alimony import service as alimony_service
from app.alimony.case_repository import AlimonyCaseRepository
from app.alimony.case_schemas import CaseCreate, StepCreate
from app.alimony.facts import fund_engine, gather
from app.alimony.repository import AlimonyRepository
from app.deferrals.repository import DeferralRepository
from app.domain import alimony_case as rules
from app.domain.alimony import EvasionCheck, Register, big_plan
from app.domain.alimony_case import CaseFacts, NextStep, Step, StepRecord
from app.domain.parameters import ParameterCode as P
from app.domain.parameters import ParameterRow, ParameterTable
from app.errors import Conflict, Invalid, NotFound
from app.models import AlimonyCase, AlimonyCaseStep, AlimonyRegisterEntry, Debtor, Receivable
from app.models import Deferral as DeferralRow
from app.teryt import service as teryt_service

ACT = registers.ACT

# Which steps print a letter, and under which name (letters/alimony_case.py renders them).
LETTERS: dict[tuple[Step, str], str] = {
    (Step.WYWIAD, rules.WYWIAD_WEZWANIE): "wezwanie-na-wywiad",
    (Step.POUCZENIE_BIG, ""): "pouczenie-big",
    (Step.ZOBOWIAZANIE_PUP, ""): "zobowiazanie-pup",
    (Step.INFORMACJA_PUP, ""): "informacja-pup",
    (Step.WSZCZECIE_UCHYLANIE, ""): "zawiadomienie-o-wszczeciu",
    (Step.DECYZJA_UCHYLANIE, rules.DecisionStage.WYDANA): "projekt-decyzji-uchylanie",
    (Step.WNIOSEK_O_SCIGANIE, ""): "wniosek-o-sciganie",
    (Step.WNIOSEK_PRAWO_JAZDY, ""): "wniosek-zatrzymanie-prawa-jazdy",
    (Step.WNIOSEK_ZWROT_PRAWA_JAZDY, rules.ReturnReason.WPLATY): "wniosek-zwrot-prawa-jazdy",
    (Step.WNIOSEK_ZWROT_PRAWA_JAZDY, rules.ReturnReason.UCHYLENIE): "wniosek-zwrot-prawa-jazdy",
}


def letter_of(row: AlimonyCaseStep) -> str | None:
    return LETTERS.get((Step(row.step), row.kind))


def record_of(row: AlimonyCaseStep) -> StepRecord:
    return StepRecord(Step(row.step), row.done_on, row.kind, row.due_on)


def facts(
    case: AlimonyCase, steps: list[AlimonyCaseStep], terms: rules.Terms = rules.TERMS
) -> CaseFacts:
    return rules.facts_of(
        case.trigger,
        case.opened_on,
        case.creditor_commune,
        case.debtor_commune,
        [record_of(s) for s in steps],
        terms,
    )


def terms_of(rows: Sequence[ParameterRow], on: date) -> rules.Terms:
    """The procedure's terms in force on `on`, from the dated parameter table."""

    def value(code: P) -> int:
        return ParameterTable.of(code.value, rows).value_on(on)

    return rules.Terms(
        case_months=value(P.ALIMENTY_SPRAWA_MIESIACE),
        appeal_days=value(P.ALIMENTY_ODWOLANIE_DNI),
        letter_days=value(P.ALIMENTY_PISMO_DNI),
        registration_days=value(P.ALIMENTY_REJESTRACJA_PUP_DNI),
    )


async def terms(session: AsyncSession, on: date) -> rules.Terms:
    return terms_of(await AlimonyRepository(session).parameter_rows(), on)


async def case_or_404(session: AsyncSession, debtor_id: int) -> AlimonyCase:
    await alimony_service.debtor_or_404(session, debtor_id)
    case = await AlimonyCaseRepository(session).case_of(debtor_id)
    if case is None:
        raise NotFound(f"Wobec zobowiązanego {debtor_id} nie wszczęto sprawy alimentacyjnej")
    return case


async def open_case(
    session: AsyncSession, debtor_id: int, data: CaseCreate, actor: str, today: date
) -> AlimonyCase:
    """Seed 001, annex 9, pt 1: the case opens on a trigger (u.p.o.u.a. art. 3 ust. 1, art. 4)."""
    await alimony_service.debtor_or_404(session, debtor_id)
    alimony_service.not_in_future(data.opened_on, today, "opened_on")
    repo = AlimonyCaseRepository(session)
    existing = await repo.case_of(debtor_id)
    if existing is not None:
        raise Conflict(
            "Sprawa wobec tego dłużnika jest już wszczęta (dnia "
            f"{existing.opened_on.strftime('%d.%m.%Y')})"
        )
    await teryt_service.require_commune(
        session, data.creditor_commune_terc, "creditor_commune_terc"
    )
    await teryt_service.require_commune(session, data.debtor_commune_terc, "debtor_commune_terc")
    case = AlimonyCase(
        debtor_id=debtor_id,
        trigger=data.trigger,
        opened_on=data.opened_on,
        creditor_commune=data.creditor_commune_terc,
        debtor_commune=data.debtor_commune_terc,
        created_by=actor,
    )
    await repo.add(case)
    return case


async def record_step(
    session: AsyncSession, debtor_id: int, data: StepCreate, actor: str, today: date
) -> AlimonyCaseStep:
    """Gather the case (and the art. 5 ust. 3a check when the decision is issued or the licence
    is to come back), let the domain decide whether the step may follow, then write it."""
    case = await case_or_404(session, debtor_id)
    alimony_service.not_in_future(data.on, today, "on")
    repo = AlimonyCaseRepository(session)
    steps = await repo.steps([case.id])
    current = facts(case, steps)
    due = data.scheduled_for if data.step == Step.WYWIAD else None
    if data.step == Step.WYWIAD and data.kind == rules.WYWIAD_WEZWANIE and due is None:
        raise Invalid("Wezwanie na wywiad wymaga terminu wywiadu", field="scheduled_for")
    if due is not None and due < data.on:
        raise Invalid("Termin wywiadu przed datą wezwania", field="scheduled_for")
    _relief_details(data)
    _interview_findings(data)
    record = StepRecord(Step(data.step), data.on, data.kind, due)
    evasion = None
    if record.step in (Step.DECYZJA_UCHYLANIE, Step.WNIOSEK_ZWROT_PRAWA_JAZDY):
        evasion = await registers.evasion_check(session, debtor_id, data.on)
    try:
        rules.check_step(current, record, evasion)
    except rules.EvasionBarred as exc:
        raise Conflict(str(exc), months=[str(m) for m in exc.months]) from exc
    except rules.IllegalStep as exc:
        raise Conflict(str(exc), field="step") from exc
    if record.step is Step.WNIOSEK_ZWROT_PRAWA_JAZDY:
        assert evasion is not None
        held = rules.licence_return_reasons(current, evasion)
        if rules.ReturnReason(record.kind) not in held:
            raise Conflict(
                "Warunek zwrotu prawa jazdy nie jest spełniony: "
                + (
                    "dłużnik nie wpłacał co najmniej 50 % alimentów w każdym z miesięcy "
                    + ", ".join(str(m) for m in evasion.months_not_met)
                    if record.kind == rules.ReturnReason.WPLATY
                    else "decyzja nie została uchylona"
                ),
                field="kind",
            )
    # Issue 18 item 7: the relief decision takes effect on the fund receivable first; a refusal
    # there leaves the step unwritten.
    await relief.apply(session, debtor_id, data, actor, today)
    entry = await repo.big_entry(debtor_id) if record.step is Step.POUCZENIE_BIG else None
    row = AlimonyCaseStep(
        case_id=case.id,
        step=record.step.value,
        done_on=record.on,
        kind=record.kind,
        due_on=due,
        details=data.details(),
        register_entry_id=entry.id if entry is not None else None,
        created_by=actor,
    )
    await repo.add(row)
    return row


# Seed 001 zał. 9 pkt 2 a–c: what the interview establishes (art. 5 ust. 1 u.p.o.u.a.).
INTERVIEW_FINDINGS = {
    "family": "sytuacja rodzinna",
    "income": "sytuacja dochodowa i zawodowa",
    "health": "stan zdrowia",
    "reasons": "przyczyny nieponoszenia kosztów utrzymania",
}


def _interview_findings(data: StepCreate) -> None:
    if data.step != Step.WYWIAD or data.kind != rules.WYWIAD_PRZEPROWADZONY:
        return
    for name, label in INTERVIEW_FINDINGS.items():
        if not getattr(data, name):
            raise Invalid(f"Wywiad alimentacyjny ustala także: {label}", field=name)


_RELIEF_NEEDS: dict[str, tuple[str, str]] = {
    rules.Relief.UMORZENIE: ("amount", "kwota umorzenia"),
    rules.Relief.RATY: ("instalments", "liczba rat"),
    rules.Relief.ODROCZENIE: ("deferred_to", "dzień, do którego odroczono termin"),
}


def _relief_details(data: StepCreate) -> None:
    """A relief decision names what it grants (art. 30 ust. 2): the amount written off, the
    number of instalments, or the day the payment is deferred to; and it is justified."""
    if data.step != Step.DECYZJA_ULGA:
        return
    need = _RELIEF_NEEDS.get(data.kind)
    if need is not None and getattr(data, need[0]) is None:
        raise Invalid(f"Decyzja o uldze wymaga pola: {need[1]}", field=need[0])
    if data.kind == rules.Relief.ODROCZENIE and data.deferred_to and data.deferred_to <= data.on:
        raise Invalid("Odroczony termin musi przypadać po dniu decyzji", field="deferred_to")
    if not data.description:
        raise Invalid("Decyzja o uldze wymaga uzasadnienia", field="description")


@dataclass(frozen=True, slots=True)
class BigStatus:
    entry: AlimonyRegisterEntry | None
    action: str  # wpisac | aktualizowac | usunac | bez_zmian | brak


BIG_ACTION_LABELS = {
    "wpisac": "przekazać informację do BIG (zaległość ponad 6 miesięcy) i wysłać pouczenie",
    "aktualizowac": "zaktualizować kwotę wpisu w BIG",
    "usunac": "usunąć wpis z BIG",
    "bez_zmian": "wpis w BIG aktualny",
    "brak": "brak podstaw do wpisu w BIG",
}


async def big_status(session: AsyncSession, debtor: Debtor, as_of: date) -> BigStatus:
    """What the BIG plan of art. 8a ust. 1 pkt 1 asks for this debtor today."""
    repo = AlimonyRepository(session)
    rows = await repo.parameter_rows()
    facts_ = (await gather(session, [debtor.id]))[debtor.id]
    eng = await fund_engine(session, rows)
    arrears = registers.debtor_arrears(
        debtor,
        facts_,
        eng,
        as_of,
        await repo.register_entries([debtor.id]),
        await repo.enforcements([debtor.id]),
    )
    plan = big_plan(
        [arrears], as_of, months=alimony_service.register_months(rows, Register.BIG, as_of)
    )
    action = "brak"
    if plan.enter:
        action = "wpisac"
    elif plan.update:
        action = "aktualizowac"
    elif plan.remove:
        action = "usunac"
    elif plan.keep:
        action = "bez_zmian"
    return BigStatus(await AlimonyCaseRepository(session).big_entry(debtor.id), action)


@dataclass(frozen=True, slots=True)
class CaseView:
    debtor: Debtor
    case: AlimonyCase
    steps: list[AlimonyCaseStep]
    facts: CaseFacts
    pending: tuple[NextStep, ...]
    evasion: EvasionCheck
    return_reasons: tuple[rules.ReturnReason, ...]
    big: BigStatus
    communes: dict[str, teryt_service.Commune]
    fund_receivables: list[Receivable]
    # Issue 18 item 7: the deferral granted on each fund receivable (app/alimony/relief.py), the
    # latest, by receivable id.
    receivable_deferrals: dict[int, DeferralRow]

    @property
    def next(self) -> NextStep | None:
        return self.pending[0] if self.pending else None

    @property
    def deferral(self) -> Deferral | None:
        """The term set by the latest relief decision deferring the payment (art. 30 ust. 2)."""
        return deferral_of(self.steps)


@dataclass(frozen=True, slots=True)
class Deferral:
    decided_on: date
    decision_ref: str
    deferred_to: date


def deferral_of(steps: Sequence[AlimonyCaseStep]) -> Deferral | None:
    """The latest relief decision decides: a later one (raty, umorzenie, odmowa) ends the
    deferral shown. The receivable carries the deferral itself (app/alimony/relief.py); this is
    the decision as recorded on the case."""
    decisions = [s for s in steps if s.step == Step.DECYZJA_ULGA]
    if not decisions:
        return None
    last = max(decisions, key=lambda s: (s.done_on, s.id))
    details = last.details or {}
    if last.kind != rules.Relief.ODROCZENIE or not details.get("deferred_to"):
        return None
    return Deferral(
        last.done_on, str(details.get("case_ref", "")), date.fromisoformat(details["deferred_to"])
    )


async def view(session: AsyncSession, debtor_id: int, today: date) -> CaseView:
    case = await case_or_404(session, debtor_id)
    debtor = await alimony_service.debtor_or_404(session, debtor_id)
    steps = await AlimonyCaseRepository(session).steps([case.id])
    current = facts(case, steps, await terms(session, today))
    evasion = await registers.evasion_check(session, debtor_id, today)
    fund = await AlimonyCaseRepository(session).fund_receivables(debtor_id)
    return CaseView(
        debtor=debtor,
        case=case,
        steps=steps,
        facts=current,
        pending=rules.next_steps(current),
        evasion=evasion,
        return_reasons=rules.licence_return_reasons(current, evasion),
        big=await big_status(session, debtor, today),
        communes=await teryt_service.communes(
            session, [case.creditor_commune, case.debtor_commune]
        ),
        fund_receivables=fund,
        receivable_deferrals=await _receivable_deferrals(session, fund),
    )


async def _receivable_deferrals(
    session: AsyncSession, receivables: Sequence[Receivable]
) -> dict[int, DeferralRow]:
    out: dict[int, DeferralRow] = {}
    for r in receivables:
        granted = [
            d for d in await DeferralRepository(session).of_receivable(r.id)
            if d.outcome == "odroczenie"
        ]  # fmt: skip
        if granted:
            out[r.id] = granted[0]  # newest first
    return out


async def case_or_none(session: AsyncSession, debtor_id: int) -> AlimonyCase | None:
    return await AlimonyCaseRepository(session).case_of(debtor_id)


@dataclass(frozen=True, slots=True)
class WorkItem:
    debtor_id: int
    debtor_name: str
    next: NextStep
    status: rules.Status


async def worklist(session: AsyncSession, today: date, limit: int) -> list[WorkItem]:
    """Issue 18 item 8: the cases with what is due, overdue or awaited, the earliest first."""
    repo = AlimonyCaseRepository(session)
    cases = await repo.open_cases(limit * 10)
    steps = await repo.steps([c.id for c, _ in cases])
    by_case: dict[int, list[AlimonyCaseStep]] = {}
    for s in steps:
        by_case.setdefault(s.case_id, []).append(s)
    found = []
    in_force = await terms(session, today)
    for case, debtor in cases:
        n = rules.next_step(facts(case, by_case.get(case.id, []), in_force))
        if n is not None:
            found.append(WorkItem(debtor.id, debtor.name, n, n.status(today)))
    found.sort(key=lambda w: (w.next.due_on is None, w.next.due_on or date.max))
    return found[:limit]
