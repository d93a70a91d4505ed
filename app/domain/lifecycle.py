"""The receivable's states and the one table of legal transitions (DOMAIN.md, "The lifecycle")."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from app.domain.labels import STATE_LABELS


class State(StrEnum):
    WYSTAWIONA = "wystawiona"
    WYMAGALNA = "wymagalna"
    UPOMNIENIE = "upomnienie"
    TYTUL_WYKONAWCZY = "tytul_wykonawczy"
    RATY = "raty"
    ZAPLACONA = "zaplacona"
    PRZEDAWNIONA = "przedawniona"
    UMORZONA = "umorzona"
    # Issue 20: the decision was annulled (uchylona); nothing was ever owed, payments are overpaid.
    ANULOWANA = "anulowana"


class Action(StrEnum):
    TERMIN_UPLYNAL = "termin_uplynal"  # the payment term passed unpaid (sweep)
    UPOMNIENIE = "upomnienie"  # a reminder was issued
    TYTUL_WYKONAWCZY = "tytul_wykonawczy"  # an executive title was issued
    RATY = "raty"  # instalments granted by decision
    RATA_NIEZAPLACONA = "rata_niezaplacona"  # an instalment was missed: back where it was
    # Issue 20 item 3: the payment term deferred by decision (OP art. 67a §1 pkt 1-2): a plan of
    # one instalment (state raty), missed like one (app/domain/deferral.py).
    ODROCZENIE = "odroczenie"
    WPLATA_CZESCIOWA = "wplata_czesciowa"  # a payment that leaves a balance
    ZAPLATA = "zaplata"  # the balance reached zero
    PRZEDAWNIENIE = "przedawnienie"  # the limitation date passed (sweep)
    UMORZENIE = "umorzenie"  # written off in full by decision
    UMORZENIE_CZESCIOWE = "umorzenie_czesciowe"  # a partial write-off lowers the balance only
    # Issue 20: corrections. Each is decided from the facts after it (the balance) by `correct`.
    STORNO = "storno"  # a payment booked by mistake or returned by the bank is reversed
    ZMIANA_DECYZJI = "zmiana_decyzji"  # the decision's amount was changed (amended decision)
    UCHYLENIE = "uchylenie"  # the decision was annulled: the receivable is closed as anulowana
    WYCOFANIE_TYTULU = "wycofanie_tytulu"  # the creditor withdrew the executive title
    # The enforcement authority's acts on the title (u.p.e.a. art. 56, 57, 59): the receivable
    # stays under its title; the event and the flags on the receivable record them.
    ZAWIESZENIE_EGZEKUCJI = "zawieszenie_egzekucji"
    PODJECIE_EGZEKUCJI = "podjecie_egzekucji"
    UMORZENIE_EGZEKUCJI = "umorzenie_egzekucji"
    # A dispute (zarzuty, u.p.e.a. art. 33; a court challenge of the decision) pauses the
    # automatic steps until it is resolved; the state does not change.
    SPOR = "spor"
    SPOR_ROZSTRZYGNIETY = "spor_rozstrzygniety"
    # A decision on the debtor's overpayment on this receivable (OP art. 76): the state stays.
    ZWROT_NADPLATY = "zwrot_nadplaty"
    ZALICZENIE_NADPLATY = "zaliczenie_nadplaty"
    # Issue 20 item 7: the debtor died (the receivable follows the estate) and an heir was
    # established (OP art. 97-98, KC art. 1034): the state stays, the pause follows the facts.
    ZGON_ZOBOWIAZANEGO = "zgon_zobowiazanego"
    SPADKOBIERCA = "spadkobierca"


ACTION_LABELS: Mapping[Action, str] = {
    Action.TERMIN_UPLYNAL: "upływ terminu płatności",
    Action.UPOMNIENIE: "wystawienie upomnienia",
    Action.TYTUL_WYKONAWCZY: "wystawienie tytułu wykonawczego",
    Action.RATY: "rozłożenie na raty",
    Action.RATA_NIEZAPLACONA: "niezapłacenie raty",
    Action.ODROCZENIE: "odroczenie terminu płatności",
    Action.WPLATA_CZESCIOWA: "wpłata częściowa",
    Action.ZAPLATA: "zapłata całości",
    Action.PRZEDAWNIENIE: "przedawnienie",
    Action.UMORZENIE: "umorzenie",
    Action.UMORZENIE_CZESCIOWE: "umorzenie części należności",
    Action.STORNO: "storno wpłaty",
    Action.ZMIANA_DECYZJI: "zmiana decyzji",
    Action.UCHYLENIE: "uchylenie decyzji",
    Action.WYCOFANIE_TYTULU: "wycofanie tytułu wykonawczego",
    Action.ZAWIESZENIE_EGZEKUCJI: "zawieszenie postępowania egzekucyjnego",
    Action.PODJECIE_EGZEKUCJI: "podjęcie postępowania egzekucyjnego",
    Action.UMORZENIE_EGZEKUCJI: "umorzenie postępowania egzekucyjnego",
    Action.SPOR: "zarzuty / skarga: wstrzymanie czynności",
    Action.SPOR_ROZSTRZYGNIETY: "rozstrzygnięcie zarzutów / skargi",
    Action.ZWROT_NADPLATY: "zwrot nadpłaty",
    Action.ZALICZENIE_NADPLATY: "zaliczenie nadpłaty na inną należność",
    Action.ZGON_ZOBOWIAZANEGO: "zgon zobowiązanego: dochodzenie od spadku",
    Action.SPADKOBIERCA: "ustalenie spadkobiercy",
}

OPEN_STATES = frozenset(
    {State.WYSTAWIONA, State.WYMAGALNA, State.UPOMNIENIE, State.TYTUL_WYKONAWCZY, State.RATY}
)
CLOSED_STATES = frozenset({State.ZAPLACONA, State.PRZEDAWNIONA, State.UMORZONA, State.ANULOWANA})

# Target RETURN means "the state before the instalments" (a missed instalment resumes enforcement).
RETURN = "__return__"
# Target BACK means "the state before the event being undone": before the title for its
# withdrawal, before the payment that closed the receivable for a correction that makes a
# balance owed again (REOPEN: BACK when a balance is owed after the correction, else unchanged).
BACK = "__back__"
REOPEN = "__reopen__"

_T: dict[tuple[State, Action], State | str] = {
    (State.WYSTAWIONA, Action.TERMIN_UPLYNAL): State.WYMAGALNA,
    (State.WYMAGALNA, Action.UPOMNIENIE): State.UPOMNIENIE,
    # A new reminder (e.g. before limitation, rozporządzenie MF z 18.11.2020 §3) keeps the state.
    (State.UPOMNIENIE, Action.UPOMNIENIE): State.UPOMNIENIE,
    (State.UPOMNIENIE, Action.TYTUL_WYKONAWCZY): State.TYTUL_WYKONAWCZY,
    # Only for kinds whose enforcement needs no reminder (rozporządzenie MF z 30.10.2014).
    (State.WYMAGALNA, Action.TYTUL_WYKONAWCZY): State.TYTUL_WYKONAWCZY,
    (State.WYMAGALNA, Action.RATY): State.RATY,
    (State.UPOMNIENIE, Action.RATY): State.RATY,
    (State.TYTUL_WYKONAWCZY, Action.RATY): State.RATY,
    (State.RATY, Action.RATA_NIEZAPLACONA): RETURN,
    # Issue 20 item 3: a deferral, also of a term that has not run out yet (wystawiona).
    (State.WYSTAWIONA, Action.ODROCZENIE): State.RATY,
    (State.WYMAGALNA, Action.ODROCZENIE): State.RATY,
    (State.UPOMNIENIE, Action.ODROCZENIE): State.RATY,
    (State.TYTUL_WYKONAWCZY, Action.ODROCZENIE): State.RATY,
    (State.PRZEDAWNIONA, Action.UMORZENIE): State.UMORZONA,
    (State.PRZEDAWNIONA, Action.UMORZENIE_CZESCIOWE): State.PRZEDAWNIONA,
    # A reversed or amended payment/decision on a paid receivable reopens it if money is owed.
    (State.ZAPLACONA, Action.STORNO): REOPEN,
    (State.ZAPLACONA, Action.ZMIANA_DECYZJI): REOPEN,
    # A reversal on a file closed otherwise changes its figures only (the overpayment).
    (State.PRZEDAWNIONA, Action.STORNO): State.PRZEDAWNIONA,
    (State.UMORZONA, Action.STORNO): State.UMORZONA,
    (State.ANULOWANA, Action.STORNO): State.ANULOWANA,
    # Paid, time-barred or written-off: an annulment still removes the debt (payments overpaid).
    (State.ZAPLACONA, Action.UCHYLENIE): State.ANULOWANA,
    (State.PRZEDAWNIONA, Action.UCHYLENIE): State.ANULOWANA,
    (State.UMORZONA, Action.UCHYLENIE): State.ANULOWANA,
    (State.TYTUL_WYKONAWCZY, Action.WYCOFANIE_TYTULU): BACK,
    (State.TYTUL_WYKONAWCZY, Action.ZAWIESZENIE_EGZEKUCJI): State.TYTUL_WYKONAWCZY,
    (State.TYTUL_WYKONAWCZY, Action.PODJECIE_EGZEKUCJI): State.TYTUL_WYKONAWCZY,
    (State.TYTUL_WYKONAWCZY, Action.UMORZENIE_EGZEKUCJI): State.TYTUL_WYKONAWCZY,
}
for _s in OPEN_STATES:
    _T[(_s, Action.WPLATA_CZESCIOWA)] = _s
    _T[(_s, Action.ZAPLATA)] = State.ZAPLACONA
    _T[(_s, Action.PRZEDAWNIENIE)] = State.PRZEDAWNIONA
    _T[(_s, Action.UMORZENIE)] = State.UMORZONA
    _T[(_s, Action.UMORZENIE_CZESCIOWE)] = _s
    _T[(_s, Action.STORNO)] = _s
    _T[(_s, Action.ZMIANA_DECYZJI)] = _s
    _T[(_s, Action.UCHYLENIE)] = State.ANULOWANA
    _T[(_s, Action.SPOR)] = _s
    _T[(_s, Action.SPOR_ROZSTRZYGNIETY)] = _s
    _T[(_s, Action.ZGON_ZOBOWIAZANEGO)] = _s
    _T[(_s, Action.SPADKOBIERCA)] = _s

for _s in State:
    _T[(_s, Action.ZWROT_NADPLATY)] = _s
    _T[(_s, Action.ZALICZENIE_NADPLATY)] = _s

TRANSITIONS: Mapping[tuple[State, Action], State | str] = dict(_T)


class IllegalTransition(Exception):
    def __init__(self, state: State, action: Action) -> None:
        self.state = state
        self.action = action
        # In words (issue 19 item 4); the codes travel in .state and .action (problem+json).
        super().__init__(
            f"Czynność „{ACTION_LABELS[action]}” jest niedozwolona "
            f"w stanie „{STATE_LABELS.get(state.value, state.value)}”"
        )


@dataclass(frozen=True, slots=True)
class Transition:
    from_state: State
    to_state: State
    action: Action
    occurred_on: date
    cause: str
    actor: str


def allowed_actions(state: State) -> frozenset[Action]:
    return frozenset(a for (s, a) in TRANSITIONS if s == state)


def transition(
    state: State,
    action: Action,
    *,
    on: date,
    cause: str,
    actor: str,
    state_before_instalments: State | None = None,
    state_before: State | None = None,
    balance_after: int | None = None,
) -> Transition:
    """The new state and the event that records it; IllegalTransition names state and action.
    `state_before`: where BACK/REOPEN lead; `balance_after`: what is owed after a correction
    (REOPEN reopens only when it is above zero)."""
    target = TRANSITIONS.get((state, action))
    if target is None:
        raise IllegalTransition(state, action)
    if target == RETURN:
        # A term deferred before it ran out (wystawiona), then missed: the original term is the
        # payment term again (OP art. 49 §2), long past, so the receivable is due (wymagalna).
        target = state_before_instalments or State.WYMAGALNA
        if target == State.WYSTAWIONA:
            target = State.WYMAGALNA
    if target == REOPEN:
        target = BACK if (balance_after or 0) > 0 else state
    if target == BACK:
        target = state_before if state_before in OPEN_STATES else State.WYMAGALNA
    return Transition(state, State(target), action, on, cause, actor)


def correct(
    state: State,
    action: Action,
    *,
    balance_after: int,
    on: date,
    cause: str,
    actor: str,
    state_before: State | None = None,
) -> tuple[Transition, ...]:
    """A correction (storno, amended decision) and what its figures decide: a paid receivable
    owing money again goes back to where it was before it was paid (REOPEN); an open one owing
    nothing after it is paid (ZAPLATA, a second event on the same day)."""
    first = transition(
        state,
        action,
        on=on,
        cause=cause,
        actor=actor,
        state_before=state_before,
        balance_after=balance_after,
    )
    if first.to_state in OPEN_STATES and balance_after == 0:
        paid = transition(first.to_state, Action.ZAPLATA, on=on, cause=cause, actor=actor)
        return (first, paid)
    return (first,)
