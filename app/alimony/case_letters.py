"""The letter of a step of the procedure against an alimony debtor (issue 18): gathers the case,
the unit, the debtor and the art. 5 ust. 3a check, and words the step's facts for
letters/alimony_case.py. Nothing is written."""

from __future__ import annotations

from datetime import date

from sqlalchemy.ext.asyncio import AsyncSession

from app.alimony import case as case_service
from app.alimony import registers
from app.alimony import service as alimony_service
from app.alimony.case_repository import AlimonyCaseRepository
from app.debtors import service as debtor_service
from app.domain import alimony_case as rules
from app.domain.alimony_case import DecisionStage, Step
from app.errors import Conflict, NotFound
from app.models import AlimonyCase, AlimonyCaseStep
from app.teryt import service as teryt_service
from app.unit import service as unit_service
from letters.alimony_case import CaseLetter, EvasionRow
from letters.alimony_case import render as render
from letters.format import amount_zl, day

_ORGANS = {
    "gmina wiejska": "Wójt Gminy {}",
    "gmina miejska": "Burmistrz (Prezydent) Miasta {}",
    "gmina miejsko-wiejska": "Burmistrz Gminy {}",
}


def organ_name(commune: teryt_service.Commune | None) -> str:
    """The organ właściwy dłużnika: the wójt, burmistrz or prezydent of the debtor's commune
    (seed 001 zał. 9 "Pojęcia ogólne"). The register does not say which of the two a town has."""
    if commune is None:
        return "Organ właściwy dłużnika"
    return _ORGANS.get(commune.kind, "Wójt (Burmistrz) Gminy {}").format(commune.name)


def case_ref(case: AlimonyCase) -> str:
    return f"FA-D/{case.id}/{case.opened_on.year}"


def _on(steps: list[AlimonyCaseStep], step: Step, *kinds: str) -> AlimonyCaseStep | None:
    found = [s for s in steps if s.step == step and (not kinds or s.kind in kinds)]
    return found[-1] if found else None


def _d(row: AlimonyCaseStep | None) -> str:
    return day(row.done_on) if row is not None else "—"


def _ground(steps: list[AlimonyCaseStep], before: date) -> tuple[str, str]:
    refusal = _on([s for s in steps if s.done_on <= before], Step.ODMOWA)
    if refusal is None:
        return "—", ""
    text = (refusal.details or {}).get("description", "")
    return rules.GROUND_LABELS[rules.Ground(refusal.kind)], (f" {text}" if text else "")


async def document(session: AsyncSession, debtor_id: int, step_id: int) -> tuple[str, CaseLetter]:
    case = await case_service.case_or_404(session, debtor_id)
    repo = AlimonyCaseRepository(session)
    row = await repo.step(case.id, step_id)
    if row is None:
        raise NotFound(f"Nie ma kroku {step_id} w sprawie tego dłużnika")
    kind = case_service.letter_of(row)
    if kind is None:
        raise Conflict(f"Czynność „{rules.STEP_LABELS[Step(row.step)]}” nie ma pisma do wydruku")
    steps = await repo.steps([case.id])
    debtor = await alimony_service.debtor_or_404(session, debtor_id)
    commune = await teryt_service.commune(session, case.debtor_commune)
    details = dict(row.details or {})
    values: dict[str, str] = {}
    evasion: tuple[EvasionRow, ...] = ()
    addressee = tuple(line for line in details.get("addressee", "").split("\n") if line)
    match Step(row.step):
        case Step.WYWIAD:
            values = {
                "when": day(row.due_on or row.done_on),
                "place": details.get("place") or "siedziba organu",
            }
        case Step.POUCZENIE_BIG:
            entry = await repo.big_entry(debtor_id)
            values["state"] = (
                f"Informacja o zobowiązaniach została przekazana do biura informacji gospodarczej"
                f" dnia {day(entry.entered_on)} na kwotę {amount_zl(entry.amount)}."
                if entry is not None
                else "Informacja zostanie przekazana, gdy zaległość przekroczy 6 miesięcy."
            )
        case Step.ZOBOWIAZANIE_PUP:
            registration = (await case_service.terms(session, row.done_on)).registration_days
            values = {
                "pup": details.get("addressee")
                or "powiatowym urzędzie pracy właściwym dla miejsca zamieszkania",
                "deadline": day(rules.kpa_term_end(row.done_on, registration)),
            }
        case Step.INFORMACJA_PUP:
            duty = _on(steps, Step.ZOBOWIAZANIE_PUP)
            registration = (await case_service.terms(session, row.done_on)).registration_days
            values["duty"] = (
                f"zobowiązanie z dnia {_d(duty)}, termin rejestracji do dnia"
                f" {day(rules.kpa_term_end(duty.done_on, registration))}"
                if duty is not None
                else "—"
            )
        case Step.WSZCZECIE_UCHYLANIE:
            values["ground"], values["description"] = _ground(steps, row.done_on)
        case Step.DECYZJA_UCHYLANIE:
            values["ground"], values["description"] = _ground(steps, row.done_on)
            values["opened"] = _d(_on(steps, Step.WSZCZECIE_UCHYLANIE))
            check = await registers.evasion_check(session, debtor_id, row.done_on)
            evasion = tuple(
                EvasionRow(str(m.month), m.awarded, m.paid, m.met) for m in check.months
            )
            values["months_not_met"] = ", ".join(str(m) for m in check.months_not_met) or "—"
        case Step.WNIOSEK_O_SCIGANIE | Step.WNIOSEK_PRAWO_JAZDY:
            values = {
                "decided": _d(_on(steps, Step.DECYZJA_UCHYLANIE, DecisionStage.WYDANA)),
                "delivered": _d(_on(steps, Step.DECYZJA_UCHYLANIE, DecisionStage.DORECZONA)),
                "final": _d(_on(steps, Step.DECYZJA_UCHYLANIE, DecisionStage.OSTATECZNA)),
                "cepik": _d(_on(steps, Step.CEPIK)),
            }
        case Step.WNIOSEK_ZWROT_PRAWA_JAZDY:
            values["requested"] = _d(_on(steps, Step.WNIOSEK_PRAWO_JAZDY))
            if row.kind == rules.ReturnReason.WPLATY:
                check = await registers.evasion_check(session, debtor_id, row.done_on)
                evasion = tuple(
                    EvasionRow(str(m.month), m.awarded, m.paid, m.met) for m in check.months
                )
                values["reason"] = (
                    "dłużnik alimentacyjny przez okres ostatnich 6 miesięcy wywiązywał się"
                    " w każdym miesiącu ze zobowiązań alimentacyjnych w kwocie nie niższej niż"
                    " 50 % kwoty bieżąco ustalonych alimentów (art. 5 ust. 3a ustawy; wykaz"
                    " poniżej)."
                )
            else:
                revoked = _on(steps, Step.DECYZJA_UCHYLANIE, DecisionStage.UCHYLONA)
                values["reason"] = (
                    "decyzja o uznaniu dłużnika za uchylającego się od zobowiązań alimentacyjnych"
                    f" została uchylona dnia {_d(revoked)}."
                )
    letter = CaseLetter(
        kind=kind,
        creditor=await unit_service.creditor(session),
        organ=organ_name(commune),
        debtor=debtor_service.document_data(debtor),
        issued_on=row.done_on,
        case_ref=case_ref(case),
        signatory=await unit_service.signatory(session),
        addressee=addressee,
        values=values,
        evasion=evasion,
    )
    return f"{kind}-{debtor_id}-{row.done_on.isoformat()}.pdf", letter


# Letters between the two communes when they differ (issue 18 item 1; u.p.o.u.a. art. 3–4).
BETWEEN_ORGANS = ("wniosek-o-podjecie-dzialan", "informacja-o-dzialaniach")


async def between_organs(
    session: AsyncSession, debtor_id: int, kind: str, today: date
) -> tuple[str, CaseLetter]:
    """The request to act (from the creditor's commune) or the information on what was done
    (from the debtor's commune); 409 when both communes are the same."""
    if kind not in BETWEEN_ORGANS:
        raise NotFound(f"Nie ma pisma „{kind}”")
    case = await case_service.case_or_404(session, debtor_id)
    if case.creditor_commune == case.debtor_commune:
        raise Conflict(
            "Organ właściwy wierzyciela i organ właściwy dłużnika to ta sama gmina: pism między"
            " organami nie ma"
        )
    debtor = await alimony_service.debtor_or_404(session, debtor_id)
    places = await teryt_service.communes(session, [case.creditor_commune, case.debtor_commune])
    creditor_organ = organ_name(places.get(case.creditor_commune))
    debtor_organ = organ_name(places.get(case.debtor_commune))
    request = kind == "wniosek-o-podjecie-dzialan"
    rows: tuple[tuple[str, str], ...] = ()
    if not request:
        steps = await AlimonyCaseRepository(session).steps([case.id])
        rows = tuple(
            (
                day(s.done_on),
                rules.STEP_LABELS[Step(s.step)]
                + (f" ({s.kind.replace('_', ' ')})" if s.kind else ""),
            )
            for s in steps
        )
    letter = CaseLetter(
        kind=kind,
        creditor=await unit_service.creditor(session),
        organ=creditor_organ if request else debtor_organ,
        debtor=debtor_service.document_data(debtor),
        issued_on=today,
        case_ref=case_ref(case),
        signatory=await unit_service.signatory(session),
        addressee=(debtor_organ if request else creditor_organ,),
        values={
            "trigger": rules.TRIGGER_LABELS[rules.Trigger(case.trigger)],
            "opened": day(case.opened_on),
        },
        findings=rows,
    )
    return f"{kind}-{debtor_id}-{today.isoformat()}.pdf", letter
