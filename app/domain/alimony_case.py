"""The procedure against an alimony debtor as a case on the debtor (seed 001, annex 9 "Działania
podejmowane wobec dłużnika alimentacyjnego"; issue 18).

"u.p.o.u.a." is the ustawa z dnia 7 września 2007 r. o pomocy osobom uprawnionym do alimentów
(t.j. Dz.U. 2024 poz. 1289); "k.k." the Kodeks karny (ustawa z 6.06.1997); "k.p.a." the Kodeks
postępowania administracyjnego. The procedure, as the seed gives it and the act orders it:

- Opening (seed pt 1; u.p.o.u.a. art. 3 ust. 1, art. 4): enforcement ineffective and the entitled
  person applied, fund benefits granted, or the child placed in foster care. The creditor's commune
  (organ właściwy wierzyciela, it pays the benefits) and the debtor's commune (organ właściwy
  dłużnika, the debtor's residence) are recorded; when they differ, the request to act and the
  information on what was done pass between them (art. 3 ust. 2, art. 4).
- Wywiad alimentacyjny and oświadczenie majątkowe, with the BIG pouczenie (seed pt 2; art. 5
  ust. 1; art. 8a ust. 1 pkt 1 for the BIG report itself).
- Work (seed pt 3; art. 5 ust. 2): the obligation to register at the PUP and the information to
  the PUP.
- The "uchylający się" decision (seed pt 4–5; art. 5 ust. 3 and 3a): proceedings opened on a
  ground a–e; barred while the 50 %-in-6-months rule holds (alimony_history.evasion_decision_check).
- After a final decision (seed pt 6; art. 5 ust. 3b): the request to prosecute under art. 209 § 1
  k.k., the CEPiK answer, the request to the starosta to retain the licence, and its return.
- BIG (seed pt 7; art. 8, art. 8a ust. 1 pkt 1): the notice to the debtor.
- Relief on the debtor's request (seed, order of satisfaction pt 4; art. 30 ust. 2).

Which step may follow which is data (REQUIRES); the next step and its deadline are a pure function
of the case and a date (next_steps). Terms are computed as k.p.a. art. 57 counts them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from app.domain.alimony_history import EvasionCheck, Month, add_months
from app.domain.workdays import shift_to_working_day


class Trigger(StrEnum):
    """Seed 001, annex 9, pt 1 a–c."""

    BEZSKUTECZNA_EGZEKUCJA = "bezskuteczna_egzekucja"  # a) and the entitled person applied
    FUNDUSZ_ALIMENTACYJNY = "fundusz_alimentacyjny"  # b) fund benefits granted
    PIECZA_ZASTEPCZA = "piecza_zastepcza"  # c) the child placed in foster care


TRIGGER_LABELS: dict[Trigger, str] = {
    Trigger.BEZSKUTECZNA_EGZEKUCJA: "bezskuteczna egzekucja alimentów i wniosek osoby uprawnionej",
    Trigger.FUNDUSZ_ALIMENTACYJNY: "przyznanie świadczenia z funduszu alimentacyjnego",
    Trigger.PIECZA_ZASTEPCZA: "umieszczenie osoby uprawnionej w pieczy zastępczej",
}


class Step(StrEnum):
    WYWIAD = "wywiad"
    OSWIADCZENIE = "oswiadczenie"
    ODMOWA = "odmowa"
    ZOBOWIAZANIE_PUP = "zobowiazanie_pup"
    INFORMACJA_PUP = "informacja_pup"
    WSZCZECIE_UCHYLANIE = "wszczecie_uchylanie"
    DECYZJA_UCHYLANIE = "decyzja_uchylanie"
    WNIOSEK_O_SCIGANIE = "wniosek_o_sciganie"
    CEPIK = "cepik"
    WNIOSEK_PRAWO_JAZDY = "wniosek_prawo_jazdy"
    WNIOSEK_ZWROT_PRAWA_JAZDY = "wniosek_zwrot_prawa_jazdy"
    POUCZENIE_BIG = "pouczenie_big"
    WNIOSEK_ULGA = "wniosek_ulga"
    DECYZJA_ULGA = "decyzja_ulga"


STEP_LABELS: dict[Step, str] = {
    Step.WYWIAD: "Wywiad alimentacyjny",
    Step.OSWIADCZENIE: "Oświadczenie majątkowe",
    Step.ODMOWA: "Odmowa lub utrudnianie",
    Step.ZOBOWIAZANIE_PUP: "Zobowiązanie do rejestracji w PUP",
    Step.INFORMACJA_PUP: "Informacja dla PUP o potrzebie aktywizacji",
    Step.WSZCZECIE_UCHYLANIE: "Wszczęcie postępowania (uchylanie się)",
    Step.DECYZJA_UCHYLANIE: "Decyzja o uznaniu za uchylającego się",
    Step.WNIOSEK_O_SCIGANIE: "Wniosek o ściganie (art. 209 § 1 k.k.)",
    Step.CEPIK: "Odpowiedź z centralnej ewidencji kierowców",
    Step.WNIOSEK_PRAWO_JAZDY: "Wniosek do starosty o zatrzymanie prawa jazdy",
    Step.WNIOSEK_ZWROT_PRAWA_JAZDY: "Wniosek o zwrot prawa jazdy",
    Step.POUCZENIE_BIG: "Pouczenie/informacja o przekazaniu do BIG",
    Step.WNIOSEK_ULGA: "Wniosek dłużnika o ulgę",
    Step.DECYZJA_ULGA: "Decyzja w sprawie ulgi",
}


# --- the kinds inside a step (StepRecord.kind) --------------------------------------------------

# wywiad: the summons (planned for `due`) or the interview held on `on`.
WYWIAD_WEZWANIE = "wezwanie"
WYWIAD_PRZEPROWADZONY = "przeprowadzony"


class Ground(StrEnum):
    """Seed 001, annex 9, pt 4; u.p.o.u.a. art. 5 ust. 3. The seed's text lists a), c), d), e):
    its point b) is lost in the scan; we keep the seed's letters."""

    WYWIAD = "a"  # uniemożliwia przeprowadzenie wywiadu alimentacyjnego
    OSWIADCZENIE = "c"  # odmówił złożenia oświadczenia majątkowego
    REJESTRACJA = "d"  # odmówił zarejestrowania się w PUP
    PRACA = "e"  # bez uzasadnionej przyczyny odmówił pracy, prac, robót, szkolenia, stażu


GROUND_LABELS: dict[Ground, str] = {
    Ground.WYWIAD: "a) uniemożliwia przeprowadzenie wywiadu alimentacyjnego",
    Ground.OSWIADCZENIE: "c) odmówił złożenia oświadczenia majątkowego",
    Ground.REJESTRACJA: "d) odmówił zarejestrowania się w powiatowym urzędzie pracy jako bezrobotny"
    " albo poszukujący pracy",
    Ground.PRACA: "e) bez uzasadnionej przyczyny odmówił przyjęcia odpowiedniego zatrudnienia lub"
    " innej pracy zarobkowej, prac społecznie użytecznych, interwencyjnych, robót publicznych,"
    " szkolenia, stażu lub przygotowania zawodowego dorosłych",
}


class DecisionStage(StrEnum):
    """The "uchylający się" decision: issued, delivered, final (k.p.a. art. 16 § 1), revoked."""

    WYDANA = "wydana"
    DORECZONA = "doreczona"
    OSTATECZNA = "ostateczna"
    UCHYLONA = "uchylona"


class Licence(StrEnum):
    """The CEPiK answer (u.p.o.u.a. art. 5 ust. 3b pkt 2)."""

    POSIADA = "posiada"
    NIE_POSIADA = "nie_posiada"


class ReturnReason(StrEnum):
    """Why the licence may come back: the 50 % rule of art. 5 ust. 3a holds again (the cause of
    the retention ceased), or the decision was revoked."""

    WPLATY = "wplaty"
    UCHYLENIE = "uchylenie"


class Relief(StrEnum):
    """u.p.o.u.a. art. 30 ust. 2; seed 001, order of satisfaction pt 4."""

    UMORZENIE = "umorzenie"
    ODROCZENIE = "odroczenie"
    RATY = "raty"
    ODMOWA = "odmowa"  # only as a decision


RELIEF_LABELS: dict[Relief, str] = {
    Relief.UMORZENIE: "umorzenie",
    Relief.ODROCZENIE: "odroczenie terminu płatności",
    Relief.RATY: "rozłożenie na raty",
    Relief.ODMOWA: "odmowa udzielenia ulgi",
}

KINDS: dict[Step, frozenset[str]] = {
    Step.WYWIAD: frozenset({WYWIAD_WEZWANIE, WYWIAD_PRZEPROWADZONY}),
    Step.ODMOWA: frozenset(Ground),
    Step.DECYZJA_UCHYLANIE: frozenset(DecisionStage),
    Step.CEPIK: frozenset(Licence),
    Step.WNIOSEK_ZWROT_PRAWA_JAZDY: frozenset(ReturnReason),
    Step.WNIOSEK_ULGA: frozenset({Relief.UMORZENIE, Relief.ODROCZENIE, Relief.RATY}),
    Step.DECYZJA_ULGA: frozenset(Relief),
}


# --- terms ----------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Terms:
    """The terms of the procedure, from the dated parameter table (migration i18_alimony_case
    names the sources); the defaults are the values in force since the statutes took effect."""

    # k.p.a. art. 35 § 3: a case that needs explanation is dealt with within a month; used for the
    # interview after opening, the decision after its proceedings are opened, and the relief.
    case_months: int = 1
    # k.p.a. art. 129 § 2: 14 days for an appeal from the delivery of the decision; with no appeal
    # the decision is final (ostateczna) the day after (k.p.a. art. 16 § 1).
    appeal_days: int = 14
    # The unit's own term, no statute (the act says the organ acts; a specialist sends these
    # letters within a week): the information to the PUP after the obligation, the notice of
    # opening after a refusal, the requests of art. 5 ust. 3b after the decision is final or
    # CEPiK answers.
    letter_days: int = 7
    # The term for the debtor to register at the PUP, set by the organ on the obligation (the act
    # sets none).
    registration_days: int = 14


TERMS = Terms()


def kpa_term_end(start: date, days: int) -> date:
    """k.p.a. art. 57 § 1: a term in days starts the day after the event; § 4 (and § 5 by
    analogy for the organ): a last day on a Saturday or a statutory day off moves to the next
    working day."""
    return shift_to_working_day(start + timedelta(days=days))


def kpa_month_term_end(start: date, months: int) -> date:
    """k.p.a. art. 57 § 3: a term in months ends on the day of the last month that corresponds to
    the start day, the last day of the month when there is none; § 4 shifts it off a day off."""
    return shift_to_working_day(add_months(start, months))


def final_from(delivered_on: date, appeal_days: int = TERMS.appeal_days) -> date:
    """The first day the decision is final when no appeal comes: the day after the 14-day appeal
    term (k.p.a. art. 129 § 2, art. 57 § 1 and § 4)."""
    return kpa_term_end(delivered_on, appeal_days) + timedelta(days=1)


# --- the case as facts -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class StepRecord:
    step: Step
    on: date
    kind: str = ""  # see KINDS
    due: date | None = None  # wywiad: the interview day of the summons


@dataclass(frozen=True, slots=True)
class CaseFacts:
    trigger: Trigger
    opened_on: date
    creditor_commune: str  # TERC
    debtor_commune: str
    steps: tuple[StepRecord, ...] = ()
    terms: Terms = TERMS

    @property
    def communes_differ(self) -> bool:
        return self.creditor_commune != self.debtor_commune

    def of(self, step: Step, *kinds: str) -> tuple[StepRecord, ...]:
        return tuple(s for s in self.steps if s.step is step and (not kinds or s.kind in kinds))

    def last(self, step: Step, *kinds: str) -> StepRecord | None:
        found = self.of(step, *kinds)
        return max(found, key=lambda s: s.on) if found else None

    def decision_stage(self) -> DecisionStage | None:
        last = self.last(Step.DECYZJA_UCHYLANIE)
        return DecisionStage(last.kind) if last else None


class IllegalStep(Exception):
    def __init__(self, step: Step, reason: str) -> None:
        self.step = step
        self.reason = reason
        super().__init__(f"Czynności „{STEP_LABELS[step]}” nie można teraz zapisać: {reason}")


class EvasionBarred(Exception):
    """u.p.o.u.a. art. 5 ust. 3a: the decision may not be issued; names the months."""

    def __init__(self, check: EvasionCheck) -> None:
        self.check = check
        months = ", ".join(str(m.month) for m in check.months)
        super().__init__(
            "Decyzji o uznaniu dłużnika za uchylającego się nie wydaje się: w każdym z ostatnich"
            f" {len(check.months)} miesięcy ({months}) dłużnik wpłacił co najmniej 50 % bieżąco"
            " ustalonych alimentów (art. 5 ust. 3a ustawy o pomocy osobom uprawnionym do"
            " alimentów)."
        )

    @property
    def months(self) -> tuple[Month, ...]:
        return tuple(m.month for m in self.check.months)


# --- which step may follow which ----------------------------------------------------------------

_DECISION_ORDER = {
    DecisionStage.WYDANA: None,
    DecisionStage.DORECZONA: DecisionStage.WYDANA,
    DecisionStage.OSTATECZNA: DecisionStage.DORECZONA,
    DecisionStage.UCHYLONA: DecisionStage.OSTATECZNA,
}
# Which refusals need which step first: a refusal to register needs the obligation; refusing
# work or training presupposes the PUP (the obligation was given).
_GROUND_NEEDS: dict[Ground, Step] = {
    Ground.WYWIAD: Step.WYWIAD,
    Ground.OSWIADCZENIE: Step.WYWIAD,
    Ground.REJESTRACJA: Step.ZOBOWIAZANIE_PUP,
    Ground.PRACA: Step.ZOBOWIAZANIE_PUP,
}


def _held(case: CaseFacts) -> bool:
    return bool(case.of(Step.WYWIAD, WYWIAD_PRZEPROWADZONY))


def _requires(case: CaseFacts, record: StepRecord) -> str | None:
    """None when the step may follow; otherwise the reason, in Polish."""
    step, kind = record.step, record.kind
    final = case.decision_stage() in (DecisionStage.OSTATECZNA,)
    match step:
        case Step.OSWIADCZENIE | Step.ZOBOWIAZANIE_PUP if not _held(case):
            return "najpierw trzeba zapisać przeprowadzony wywiad alimentacyjny (art. 5 ust. 1)"
        case Step.INFORMACJA_PUP if not case.of(Step.ZOBOWIAZANIE_PUP):
            return "najpierw zobowiązanie dłużnika do rejestracji w PUP (art. 5 ust. 2)"
        case Step.ODMOWA:
            need = _GROUND_NEEDS[Ground(kind)]
            if not case.of(need):
                return f"ta odmowa wymaga wcześniejszej czynności „{STEP_LABELS[need]}”"
        case Step.WSZCZECIE_UCHYLANIE:
            if not case.of(Step.ODMOWA):
                return "brak zapisanej odmowy lub utrudniania (podstawy z art. 5 ust. 3)"
            if case.of(Step.WSZCZECIE_UCHYLANIE) and case.decision_stage() in (
                None,
                DecisionStage.WYDANA,
                DecisionStage.DORECZONA,
                DecisionStage.OSTATECZNA,
            ):
                return "postępowanie w sprawie uchylania się jest już wszczęte"
        case Step.DECYZJA_UCHYLANIE:
            if not case.of(Step.WSZCZECIE_UCHYLANIE):
                return "najpierw wszczęcie postępowania z zawiadomieniem (art. 61 § 4 k.p.a.)"
            before = _DECISION_ORDER[DecisionStage(kind)]
            stage = case.decision_stage()
            previous = case.last(Step.DECYZJA_UCHYLANIE) or case.last(Step.WSZCZECIE_UCHYLANIE)
            if previous is not None and record.on < previous.on:
                return f"data wcześniejsza niż poprzednia czynność ({previous.on.isoformat()})"
            if stage != before and not (
                kind == DecisionStage.WYDANA and stage is DecisionStage.UCHYLONA
            ):
                return "decyzja jest na innym etapie (kolejno: wydana, doręczona, ostateczna)"
        case Step.WNIOSEK_O_SCIGANIE | Step.CEPIK if not final:
            return "decyzja o uznaniu za uchylającego się nie jest ostateczna (art. 5 ust. 3b)"
        case Step.WNIOSEK_PRAWO_JAZDY:
            if not final:
                return "decyzja o uznaniu za uchylającego się nie jest ostateczna (art. 5 ust. 3b)"
            cepik = case.last(Step.CEPIK)
            if cepik is None or cepik.kind != Licence.POSIADA:
                return "centralna ewidencja kierowców nie potwierdziła prawa jazdy dłużnika"
        case Step.WNIOSEK_ZWROT_PRAWA_JAZDY if not case.of(Step.WNIOSEK_PRAWO_JAZDY):
            return "nie wnioskowano o zatrzymanie prawa jazdy"
        case Step.DECYZJA_ULGA if not case.of(Step.WNIOSEK_ULGA):
            return "brak wniosku dłużnika o ulgę (art. 30 ust. 2)"
    return None


def check_step(case: CaseFacts, record: StepRecord, evasion: EvasionCheck | None = None) -> None:
    """Raises IllegalStep when the step may not follow the case as it stands, or its kind is not
    one of the step's kinds; EvasionBarred when the decision is to be issued while art. 5 ust. 3a
    bars it (`evasion` is the check as of the decision's day, required for that step)."""
    allowed = KINDS.get(record.step)
    if allowed is not None and record.kind not in allowed:
        raise IllegalStep(record.step, f"nieznany rodzaj „{record.kind}”")
    if allowed is None and record.kind:
        raise IllegalStep(record.step, "ta czynność nie ma rodzaju")
    if record.on < case.opened_on:
        raise IllegalStep(record.step, "data wcześniejsza niż wszczęcie sprawy")
    reason = _requires(case, record)
    if reason is not None:
        raise IllegalStep(record.step, reason)
    if record.step is Step.DECYZJA_UCHYLANIE and record.kind == DecisionStage.WYDANA:
        if evasion is None:
            raise ValueError("the art. 5 ust. 3a check is needed to issue the decision")
        if evasion.decision_barred:
            raise EvasionBarred(evasion)


def licence_return_reasons(case: CaseFacts, evasion: EvasionCheck) -> tuple[ReturnReason, ...]:
    """Which conditions for the request to return the licence hold (the card shows them): the
    decision revoked, or the debtor paid at least 50 % in each of the last 6 months (art. 5
    ust. 3a, the same check that bars the decision)."""
    found = []
    if evasion.decision_barred:
        found.append(ReturnReason.WPLATY)
    if case.decision_stage() is DecisionStage.UCHYLONA:
        found.append(ReturnReason.UCHYLENIE)
    return tuple(found)


# --- the next step and its deadline -------------------------------------------------------------


class Status(StrEnum):
    DUE = "do_zrobienia"  # deadline ahead
    OVERDUE = "po_terminie"
    WAITING = "oczekuje"  # on an answer or the delivery, nothing to do but watch


STATUS_LABELS = {
    Status.DUE: "do zrobienia",
    Status.OVERDUE: "po terminie",
    Status.WAITING: "oczekuje",
}


@dataclass(frozen=True, slots=True)
class NextStep:
    step: Step
    kind: str
    label: str  # what to do, in Polish
    due_on: date | None
    basis: str
    waiting: bool = False

    def status(self, as_of: date) -> Status:
        if self.waiting:
            return Status.WAITING
        if self.due_on is not None and as_of > self.due_on:
            return Status.OVERDUE
        return Status.DUE


def _next(step: Step, kind: str, label: str, due: date | None, basis: str) -> NextStep:
    return NextStep(step, kind, label, due, basis)


def _wait(step: Step, kind: str, label: str, due: date | None, basis: str) -> NextStep:
    return NextStep(step, kind, label, due, basis, waiting=True)


def _work_steps(case: CaseFacts) -> list[NextStep]:
    duty = case.last(Step.ZOBOWIAZANIE_PUP)
    if duty is None:
        return []
    found = []
    if not [s for s in case.of(Step.INFORMACJA_PUP) if s.on >= duty.on]:
        found.append(
            _next(
                Step.INFORMACJA_PUP,
                "",
                "Poinformować PUP o potrzebie aktywizacji zawodowej dłużnika",
                kpa_term_end(duty.on, case.terms.letter_days),
                "art. 5 ust. 2 pkt 2 u.p.o.u.a.",
            )
        )
    if not case.of(Step.ODMOWA, Ground.REJESTRACJA, Ground.PRACA) and not case.of(
        Step.WSZCZECIE_UCHYLANIE
    ):
        found.append(
            _wait(
                Step.ODMOWA,
                Ground.REJESTRACJA,
                "Sprawdzić w PUP rejestrację dłużnika",
                kpa_term_end(duty.on, case.terms.registration_days),
                "art. 5 ust. 2 pkt 1 u.p.o.u.a.",
            )
        )
    return found


def _decision_steps(case: CaseFacts) -> list[NextStep]:
    stage = case.decision_stage()
    opened = case.last(Step.WSZCZECIE_UCHYLANIE)
    if opened is None:
        refusal = case.last(Step.ODMOWA)
        if refusal is None:
            return []
        return [
            _next(
                Step.WSZCZECIE_UCHYLANIE,
                "",
                "Wszcząć postępowanie o uznanie za uchylającego się (zawiadomienie)",
                kpa_term_end(refusal.on, case.terms.letter_days),
                "art. 5 ust. 3 u.p.o.u.a.; art. 61 § 4 k.p.a.",
            )
        ]
    last = case.last(Step.DECYZJA_UCHYLANIE)
    if stage is None:
        return [
            _next(
                Step.DECYZJA_UCHYLANIE,
                DecisionStage.WYDANA,
                "Wydać decyzję o uznaniu za uchylającego się (po sprawdzeniu wpłat 50 %)",
                kpa_month_term_end(opened.on, case.terms.case_months),
                "art. 5 ust. 3 i 3a u.p.o.u.a.; art. 35 § 3 k.p.a.",
            )
        ]
    assert last is not None
    if stage is DecisionStage.WYDANA:
        return [
            _wait(
                Step.DECYZJA_UCHYLANIE,
                DecisionStage.DORECZONA,
                "Zapisać doręczenie decyzji (zwrotne potwierdzenie odbioru)",
                None,
                "art. 39 k.p.a.",
            )
        ]
    if stage is DecisionStage.DORECZONA:
        return [
            _wait(
                Step.DECYZJA_UCHYLANIE,
                DecisionStage.OSTATECZNA,
                "Zapisać dzień, w którym decyzja stała się ostateczna (brak odwołania)",
                final_from(last.on, case.terms.appeal_days),
                "art. 129 § 2 i art. 16 § 1 k.p.a.",
            )
        ]
    if stage is DecisionStage.OSTATECZNA:
        return _after_final(case, last.on)
    return []


def _after_final(case: CaseFacts, final_on: date) -> list[NextStep]:
    found = []
    if not case.of(Step.WNIOSEK_O_SCIGANIE):
        found.append(
            _next(
                Step.WNIOSEK_O_SCIGANIE,
                "",
                "Złożyć wniosek o ściganie (art. 209 § 1 k.k.)",
                kpa_term_end(final_on, case.terms.letter_days),
                "art. 5 ust. 3b pkt 1 u.p.o.u.a.; art. 209 § 1 i § 2 k.k.",
            )
        )
    cepik = case.last(Step.CEPIK)
    if cepik is None:
        found.append(
            _next(
                Step.CEPIK,
                "",
                "Zapisać odpowiedź z centralnej ewidencji kierowców",
                kpa_term_end(final_on, case.terms.letter_days),
                "art. 5 ust. 3b pkt 2 u.p.o.u.a.",
            )
        )
    elif cepik.kind == Licence.POSIADA and not case.of(Step.WNIOSEK_PRAWO_JAZDY):
        found.append(
            _next(
                Step.WNIOSEK_PRAWO_JAZDY,
                "",
                "Skierować do starosty wniosek o zatrzymanie prawa jazdy",
                kpa_term_end(cepik.on, case.terms.letter_days),
                "art. 5 ust. 3b pkt 2 u.p.o.u.a.",
            )
        )
    return found


def _interview_steps(case: CaseFacts) -> list[NextStep]:
    held = case.last(Step.WYWIAD, WYWIAD_PRZEPROWADZONY)
    if held is None:
        if case.of(Step.ODMOWA, Ground.WYWIAD):
            return []
        summons = case.last(Step.WYWIAD, WYWIAD_WEZWANIE)
        if summons is None:
            return [
                _next(
                    Step.WYWIAD,
                    WYWIAD_WEZWANIE,
                    "Wezwać dłużnika na wywiad alimentacyjny",
                    kpa_month_term_end(case.opened_on, case.terms.case_months),
                    "art. 5 ust. 1 u.p.o.u.a.; art. 35 § 3 k.p.a.",
                )
            ]
        return [
            _next(
                Step.WYWIAD,
                WYWIAD_PRZEPROWADZONY,
                "Przeprowadzić wywiad (albo zapisać, że dłużnik go uniemożliwił)",
                summons.due or summons.on,
                "art. 5 ust. 1 u.p.o.u.a.",
            )
        ]
    found = []
    if not case.of(Step.OSWIADCZENIE) and not case.of(Step.ODMOWA, Ground.OSWIADCZENIE):
        found.append(
            _next(
                Step.OSWIADCZENIE,
                "",
                "Odebrać oświadczenie majątkowe",
                held.on,
                "art. 5 ust. 1 u.p.o.u.a.",
            )
        )
    if not case.of(Step.POUCZENIE_BIG):
        found.append(
            _next(
                Step.POUCZENIE_BIG,
                "",
                "Pouczyć dłużnika o przekazaniu informacji do BIG",
                held.on,
                "seed 001 zał. 9 pkt 2 i 7; art. 8a ust. 1 pkt 1 u.p.o.u.a.",
            )
        )
    return found


def _relief_steps(case: CaseFacts) -> list[NextStep]:
    applied = case.last(Step.WNIOSEK_ULGA)
    decided = case.last(Step.DECYZJA_ULGA)
    if applied is None or (decided is not None and decided.on >= applied.on):
        return []
    return [
        _next(
            Step.DECYZJA_ULGA,
            "",
            "Rozpatrzyć wniosek dłużnika o ulgę (decyzja)",
            kpa_month_term_end(applied.on, case.terms.case_months),
            "art. 30 ust. 2 u.p.o.u.a.; art. 35 § 3 k.p.a.",
        )
    ]


def next_steps(case: CaseFacts) -> tuple[NextStep, ...]:
    """Everything the case waits for, the earliest deadline first (None last)."""
    found = _interview_steps(case) + _work_steps(case) + _decision_steps(case) + _relief_steps(case)
    return tuple(sorted(found, key=lambda n: (n.due_on is None, n.due_on or date.max)))


def next_step(case: CaseFacts) -> NextStep | None:
    found = next_steps(case)
    return found[0] if found else None


def facts_of(
    trigger: str,
    opened_on: date,
    creditor_commune: str,
    debtor_commune: str,
    steps: Iterable[StepRecord],
    terms: Terms = TERMS,
) -> CaseFacts:
    ordered: Sequence[StepRecord] = sorted(steps, key=lambda s: s.on)
    return CaseFacts(
        Trigger(trigger), opened_on, creditor_commune, debtor_commune, tuple(ordered), terms
    )
