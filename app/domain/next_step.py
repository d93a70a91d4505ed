"""What the receivable card shows as true today, and the one next step (issue 19 item 1).

The nightly sweep persists the moves that time alone makes (app/sweeps/rules.py): the payment
term passing (seed 003 §3.1) and the limitation date (OP art. 70 §1, app/domain/limitation.py).
Between two sweeps the card must not lag behind: `state_as_of` derives the state from the same
stored facts and the date, and says which moves the sweep has not recorded yet (`Pending`); the
service records them before an action that rests on them (a reminder after the term).

`next_step` then tells the specialist what may be done now, by when and why, and which of the
card's forms make sense; the others are hidden."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from app.domain.deadlines import due_from, title_allowed_from
from app.domain.lifecycle import CLOSED_STATES, Action, State


@dataclass(frozen=True, slots=True)
class StateFacts:
    """The stored facts the sweep's time rules read (columns of receivable)."""

    state: State
    payment_term_ends_on: date | None
    time_barred_from: date | None


@dataclass(frozen=True, slots=True)
class Pending:
    """A move that time made and the sweep has not recorded yet, on the day it happened."""

    action: Action
    to_state: State
    on: date
    cause: str


def _date(day: date) -> str:
    return day.strftime("%d.%m.%Y")


def state_as_of(facts: StateFacts, as_of: date) -> tuple[State, tuple[Pending, ...]]:
    """The state as of `as_of`, and the moves since the stored one, in the sweep's order (a term
    passed, then limitation). Same tests as the sweep: wymagalna the day after the payment term
    (term < as_of); time-barred from time_barred_from (<= as_of)."""
    state, moves = facts.state, []
    term = facts.payment_term_ends_on
    if state == State.WYSTAWIONA and term is not None and term < as_of:
        state = State.WYMAGALNA
        moves.append(
            Pending(
                Action.TERMIN_UPLYNAL,
                state,
                due_from(term),
                f"upływ terminu płatności {_date(term)}",
            )
        )
    barred = facts.time_barred_from
    if state not in CLOSED_STATES and barred is not None and barred <= as_of:
        state = State.PRZEDAWNIONA
        moves.append(
            Pending(Action.PRZEDAWNIENIE, state, barred, f"przedawnienie z dniem {_date(barred)}")
        )
    return state, tuple(moves)


@dataclass(frozen=True, slots=True)
class CardFacts:
    """What the next step depends on, besides the state derived as of today."""

    state: State
    as_of: date
    balance: int  # grosze
    reminder_required: bool
    demand_delivered_on: date | None
    payment_term_ends_on: date | None
    reminder_issued: bool  # an upomnienie exists
    reminder_delivered_on: date | None
    reminder_term_ends_on: date | None
    title_issued: bool
    next_instalment_on: date | None = None


@dataclass(frozen=True, slots=True)
class NextStep:
    """`what` may be done now (or is awaited), `when` is its date (from or by), `why` the rule;
    `forms`: the card's action forms that make sense in this situation."""

    what: str
    why: str
    when: date | None = None
    when_label: str = ""
    forms: frozenset[str] = field(default_factory=frozenset)


# The forms every open receivable keeps: a payment can come at any time; a write-off is a decision
# of the head of the unit (shown only to those who sign).
_ALWAYS = frozenset({"wplata", "umorzenie"})


def next_step(f: CardFacts) -> NextStep:
    s = f.state
    if s == State.ZAPLACONA:
        return NextStep("Należność zapłacona — sprawa zakończona.", "Saldo wynosi 0,00 zł.")
    if s == State.UMORZONA:
        return NextStep("Należność umorzona — sprawa zakończona.", "Decyzja o umorzeniu.")
    if s == State.PRZEDAWNIONA:
        return NextStep(
            "Należność przedawniona: przygotuj decyzję o umorzeniu lub odpisie.",
            "Po upływie terminu przedawnienia nie wystawia się upomnień ani tytułów; "
            "należność publicznoprawna wygasa (Ordynacja podatkowa art. 59 § 1 pkt 9).",
            forms=frozenset({"umorzenie"}),
        )
    if s == State.WYSTAWIONA:
        return _issued(f)
    if s == State.WYMAGALNA:
        return _due(f)
    if s == State.UPOMNIENIE:
        return _reminded(f)
    if s == State.TYTUL_WYKONAWCZY:
        return NextStep(
            "Tytuł wykonawczy jest w organie egzekucyjnym: zapisuj jego informacje i wpłaty.",
            "Egzekucję prowadzi organ egzekucyjny (u.p.e.a. art. 26 § 1); zwrot tytułu "
            "przenosi należność do teczki nieściągalnych.",
            forms=_ALWAYS | {"organ", "raty"},
        )
    return NextStep(  # State.RATY
        "Pilnuj terminów rat"
        + (f": najbliższa rata do {_date(f.next_instalment_on)}." if f.next_instalment_on else "."),
        "Niezapłacenie raty w terminie przywraca stan sprzed rozłożenia na raty "
        "(Ordynacja podatkowa art. 49 § 2); przegląd dzienny sprawdza to sam.",
        f.next_instalment_on,
        "termin raty",
        forms=_ALWAYS,
    )


def _issued(f: CardFacts) -> NextStep:
    if f.demand_delivered_on is None or f.payment_term_ends_on is None:
        return NextStep(
            "Zapisz doręczenie wezwania do zapłaty.",
            "Termin płatności biegnie od dnia doręczenia wezwania; bez niego nie można "
            "wystawić upomnienia.",
            forms=_ALWAYS | {"doreczenie"},
        )
    return NextStep(
        f"Czekaj na wpłatę do {_date(f.payment_term_ends_on)}.",
        f"Termin płatności upływa {_date(f.payment_term_ends_on)}; upomnienie można wystawić "
        f"od {_date(due_from(f.payment_term_ends_on))} (u.p.e.a. art. 15 § 1).",
        due_from(f.payment_term_ends_on),
        "upomnienie możliwe od",
        forms=_ALWAYS | {"doreczenie"},
    )


def _due(f: CardFacts) -> NextStep:
    if not f.reminder_required:
        return NextStep(
            "Wystaw tytuł wykonawczy.",
            "Termin płatności upłynął, a dla tego rodzaju należności egzekucję wszczyna się bez "
            "upomnienia (rozporządzenie MF z 30.10.2014).",
            f.as_of,
            "możliwe od dziś",
            forms=_ALWAYS | {"tytul", "raty"},
        )
    term = f.payment_term_ends_on
    return NextStep(
        "Wystaw upomnienie.",
        (f"Termin płatności upłynął {_date(term)}" if term else "Termin płatności upłynął")
        + "; przed wszczęciem egzekucji wierzyciel doręcza upomnienie (u.p.e.a. art. 15 § 1).",
        due_from(term) if term else None,
        "możliwe od",
        forms=_ALWAYS | {"upomnienie", "raty"},
    )


def _reminded(f: CardFacts) -> NextStep:
    if f.reminder_delivered_on is None or f.reminder_term_ends_on is None:
        return NextStep(
            "Zapisz doręczenie upomnienia.",
            "7-dniowy termin z upomnienia biegnie od jego doręczenia (u.p.e.a. art. 15 § 1); "
            "koszty upomnienia są należne od doręczenia (art. 15 § 4).",
            forms=_ALWAYS | {"doreczenie", "raty"},
        )
    allowed = title_allowed_from(f.reminder_term_ends_on)
    if f.as_of < allowed:
        return NextStep(
            f"Czekaj na wpłatę do {_date(f.reminder_term_ends_on)}.",
            f"Termin z upomnienia upływa {_date(f.reminder_term_ends_on)}; tytuł wykonawczy "
            f"można wystawić od {_date(allowed)} (u.p.e.a. art. 15 § 1, art. 26 § 1).",
            allowed,
            "tytuł wykonawczy możliwy od",
            forms=_ALWAYS | {"doreczenie", "raty"},
        )
    return NextStep(
        "Wystaw tytuł wykonawczy.",
        f"Termin z upomnienia upłynął {_date(f.reminder_term_ends_on)} "
        f"(doręczone {_date(f.reminder_delivered_on)}); u.p.e.a. art. 26 § 1.",
        allowed,
        "możliwe od",
        forms=_ALWAYS | {"tytul", "raty"},
    )
