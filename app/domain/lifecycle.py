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


class Action(StrEnum):
    TERMIN_UPLYNAL = "termin_uplynal"  # the payment term passed unpaid (sweep)
    UPOMNIENIE = "upomnienie"  # a reminder was issued
    TYTUL_WYKONAWCZY = "tytul_wykonawczy"  # an executive title was issued
    RATY = "raty"  # instalments granted by decision
    RATA_NIEZAPLACONA = "rata_niezaplacona"  # an instalment was missed: back where it was
    WPLATA_CZESCIOWA = "wplata_czesciowa"  # a payment that leaves a balance
    ZAPLATA = "zaplata"  # the balance reached zero
    PRZEDAWNIENIE = "przedawnienie"  # the limitation date passed (sweep)
    UMORZENIE = "umorzenie"  # written off in full by decision
    UMORZENIE_CZESCIOWE = "umorzenie_czesciowe"  # a partial write-off lowers the balance only


ACTION_LABELS: Mapping[Action, str] = {
    Action.TERMIN_UPLYNAL: "upływ terminu płatności",
    Action.UPOMNIENIE: "wystawienie upomnienia",
    Action.TYTUL_WYKONAWCZY: "wystawienie tytułu wykonawczego",
    Action.RATY: "rozłożenie na raty",
    Action.RATA_NIEZAPLACONA: "niezapłacenie raty",
    Action.WPLATA_CZESCIOWA: "wpłata częściowa",
    Action.ZAPLATA: "zapłata całości",
    Action.PRZEDAWNIENIE: "przedawnienie",
    Action.UMORZENIE: "umorzenie",
    Action.UMORZENIE_CZESCIOWE: "umorzenie części należności",
}

OPEN_STATES = frozenset(
    {State.WYSTAWIONA, State.WYMAGALNA, State.UPOMNIENIE, State.TYTUL_WYKONAWCZY, State.RATY}
)
CLOSED_STATES = frozenset({State.ZAPLACONA, State.PRZEDAWNIONA, State.UMORZONA})

# Target RETURN means "the state before the instalments" (a missed instalment resumes enforcement).
RETURN = "__return__"

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
    (State.PRZEDAWNIONA, Action.UMORZENIE): State.UMORZONA,
    (State.PRZEDAWNIONA, Action.UMORZENIE_CZESCIOWE): State.PRZEDAWNIONA,
}
for _s in OPEN_STATES:
    _T[(_s, Action.WPLATA_CZESCIOWA)] = _s
    _T[(_s, Action.ZAPLATA)] = State.ZAPLACONA
    _T[(_s, Action.PRZEDAWNIENIE)] = State.PRZEDAWNIONA
    _T[(_s, Action.UMORZENIE)] = State.UMORZONA
    _T[(_s, Action.UMORZENIE_CZESCIOWE)] = _s

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
) -> Transition:
    """The new state and the event that records it; IllegalTransition names state and action."""
    target = TRANSITIONS.get((state, action))
    if target is None:
        raise IllegalTransition(state, action)
    if target == RETURN:
        target = state_before_instalments or State.WYMAGALNA
    return Transition(state, State(target), action, on, cause, actor)
