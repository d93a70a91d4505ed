"""Issue 20 item 7 in the lifecycle table: the debtor's death and an established heir keep an
open receivable's state (it follows the estate: OP art. 97 § 1 via u.f.p. art. 67 ust. 1); a
closed file takes neither."""

from datetime import date

import pytest

from app.domain.lifecycle import (
    CLOSED_STATES,
    OPEN_STATES,
    Action,
    IllegalTransition,
    transition,
)

ESTATE = (Action.ZGON_ZOBOWIAZANEGO, Action.SPADKOBIERCA)


@pytest.mark.parametrize("state", sorted(OPEN_STATES))
@pytest.mark.parametrize("action", ESTATE)
def test_an_open_receivable_follows_the_estate_in_its_state(state, action):
    t = transition(state, action, on=date(2026, 11, 23), cause="zgon", actor="jan")
    assert t.to_state == state


@pytest.mark.parametrize("state", sorted(CLOSED_STATES))
@pytest.mark.parametrize("action", ESTATE)
def test_a_closed_file_does_not(state, action):
    with pytest.raises(IllegalTransition):
        transition(state, action, on=date(2026, 11, 23), cause="zgon", actor="jan")
