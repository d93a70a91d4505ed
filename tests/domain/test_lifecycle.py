"""The lifecycle table of DOMAIN.md: every legal move, and a clear refusal for the rest."""

from datetime import date

import pytest

from app.domain.labels import STATE_LABELS
from app.domain.lifecycle import (
    ACTION_LABELS,
    TRANSITIONS,
    Action,
    IllegalTransition,
    State,
    allowed_actions,
    transition,
)

ON = date(2025, 5, 5)


def _go(state: State, action: Action, before: State | None = None) -> State:
    return transition(
        state, action, on=ON, cause="test", actor="jan", state_before_instalments=before
    ).to_state


@pytest.mark.parametrize(
    ("state", "action", "target"),
    [
        (State.WYSTAWIONA, Action.TERMIN_UPLYNAL, State.WYMAGALNA),
        (State.WYMAGALNA, Action.UPOMNIENIE, State.UPOMNIENIE),
        (State.UPOMNIENIE, Action.TYTUL_WYKONAWCZY, State.TYTUL_WYKONAWCZY),
        (State.WYMAGALNA, Action.TYTUL_WYKONAWCZY, State.TYTUL_WYKONAWCZY),
        (State.TYTUL_WYKONAWCZY, Action.RATY, State.RATY),
        (State.TYTUL_WYKONAWCZY, Action.ZAPLATA, State.ZAPLACONA),
        (State.UPOMNIENIE, Action.WPLATA_CZESCIOWA, State.UPOMNIENIE),
        (State.RATY, Action.PRZEDAWNIENIE, State.PRZEDAWNIONA),
        (State.PRZEDAWNIONA, Action.UMORZENIE, State.UMORZONA),
        (State.WYSTAWIONA, Action.UMORZENIE, State.UMORZONA),
    ],
)
def test_legal_moves(state, action, target):
    assert _go(state, action) == target


@pytest.mark.parametrize("before", [State.WYMAGALNA, State.UPOMNIENIE, State.TYTUL_WYKONAWCZY])
def test_a_missed_instalment_sends_it_back_where_it_was(before):
    assert _go(State.RATY, Action.RATA_NIEZAPLACONA, before) == before


@pytest.mark.parametrize(
    ("state", "action"),
    [
        (State.WYSTAWIONA, Action.TYTUL_WYKONAWCZY),  # no title before the term passed
        (State.WYSTAWIONA, Action.UPOMNIENIE),
        (State.ZAPLACONA, Action.UPOMNIENIE),
        (State.UMORZONA, Action.ZAPLATA),
        (State.TYTUL_WYKONAWCZY, Action.UPOMNIENIE),
        (State.WYSTAWIONA, Action.RATY),
        (State.PRZEDAWNIONA, Action.TYTUL_WYKONAWCZY),
    ],
)
def test_illegal_moves_are_refused_naming_state_and_action(state, action):
    with pytest.raises(IllegalTransition) as err:
        _go(state, action)
    # In words (issue 19 item 4); the codes are the exception's attributes.
    assert f"„{STATE_LABELS[state.value]}”" in str(err.value)
    assert f"„{ACTION_LABELS[action]}”" in str(err.value)
    assert (err.value.state, err.value.action) == (state, action)


def test_the_event_carries_date_cause_and_actor():
    t = transition(
        State.WYMAGALNA, Action.UPOMNIENIE, on=ON, cause="upomnienie nr UP/1/2025", actor="jan"
    )
    assert (t.from_state, t.to_state, t.occurred_on, t.cause, t.actor) == (
        State.WYMAGALNA,
        State.UPOMNIENIE,
        ON,
        "upomnienie nr UP/1/2025",
        "jan",
    )


def test_closed_states_allow_nothing_but_what_the_table_says():
    assert allowed_actions(State.ZAPLACONA) == frozenset()
    assert allowed_actions(State.UMORZONA) == frozenset()
    assert allowed_actions(State.PRZEDAWNIONA) == {Action.UMORZENIE, Action.UMORZENIE_CZESCIOWE}
    assert all(isinstance(target, str) for target in TRANSITIONS.values())
