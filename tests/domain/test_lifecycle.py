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
    correct,
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
    # Issue 20: a closed file still takes corrections of its facts (storno, amended or annulled
    # decision); an annulled one only the reversal of a payment booked on it by mistake.
    corrections = {
        Action.STORNO,
        Action.UCHYLENIE,
        Action.ZWROT_NADPLATY,
        Action.ZALICZENIE_NADPLATY,
    }
    assert allowed_actions(State.ZAPLACONA) == {*corrections, Action.ZMIANA_DECYZJI}
    assert allowed_actions(State.UMORZONA) == corrections
    assert allowed_actions(State.PRZEDAWNIONA) == {
        Action.UMORZENIE,
        Action.UMORZENIE_CZESCIOWE,
        *corrections,
    }
    assert allowed_actions(State.ANULOWANA) == corrections - {Action.UCHYLENIE}
    assert all(isinstance(target, str) for target in TRANSITIONS.values())


# --- Issue 20: corrections decided from the balance after them ---------------------------------


@pytest.mark.parametrize(
    ("state", "action", "balance", "before", "expected"),
    [
        # A reversed payment on an open receivable leaves it where it is.
        (State.UPOMNIENIE, Action.STORNO, 30000, None, [State.UPOMNIENIE]),
        # The payment that closed it is reversed: back to the state it was paid in.
        (State.ZAPLACONA, Action.STORNO, 30000, State.TYTUL_WYKONAWCZY, [State.TYTUL_WYKONAWCZY]),
        # Two payments, one reversed, the other still covers everything: stays paid.
        (State.ZAPLACONA, Action.STORNO, 0, State.WYMAGALNA, [State.ZAPLACONA]),
        # The amount lowered to what was paid: the receivable is paid (a second event, ZAPLATA).
        (State.WYMAGALNA, Action.ZMIANA_DECYZJI, 0, None, [State.WYMAGALNA, State.ZAPLACONA]),
        # The amount raised on a paid receivable: it is owed again where it was.
        (State.ZAPLACONA, Action.ZMIANA_DECYZJI, 5000, State.UPOMNIENIE, [State.UPOMNIENIE]),
        (State.RATY, Action.UCHYLENIE, 0, None, [State.ANULOWANA]),
        (State.ZAPLACONA, Action.UCHYLENIE, 0, None, [State.ANULOWANA]),
    ],
)
def test_a_correction_is_decided_by_the_balance_after_it(state, action, balance, before, expected):
    ts = correct(
        state, action, balance_after=balance, on=ON, cause="x", actor="jan", state_before=before
    )
    assert [t.to_state for t in ts] == expected


@pytest.mark.parametrize(
    ("before", "expected"),
    [(State.UPOMNIENIE, State.UPOMNIENIE), (State.WYMAGALNA, State.WYMAGALNA)],
)
def test_a_withdrawn_title_goes_back_to_where_the_title_was_issued_from(before, expected):
    t = transition(
        State.TYTUL_WYKONAWCZY,
        Action.WYCOFANIE_TYTULU,
        on=ON,
        cause="x",
        actor="jan",
        state_before=before,
    )
    assert t.to_state == expected


def test_an_annulled_receivable_refuses_payments_and_titles():
    for action in (Action.ZAPLATA, Action.TYTUL_WYKONAWCZY, Action.ZMIANA_DECYZJI):
        with pytest.raises(IllegalTransition):
            _go(State.ANULOWANA, action)
