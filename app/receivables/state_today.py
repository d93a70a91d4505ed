"""The state as of today in SQL, for the lists (issue 19 item 1): what the card derives per
receivable with app.domain.next_step.state_as_of, the lists derive set-based in one expression,
so a list and the card never disagree between two nightly sweeps.

The same two time rules as the sweep (app/sweeps/rules.py) and the card:
- "wystawiona" whose payment term ended before today is "wymagalna" (seed 003 §3.1: due from the
  day after the term);
- an open receivable whose time_barred_from is today or earlier is "przedawniona" (OP art. 70 §1,
  app/domain/limitation.py); this one wins, as in state_as_of.

`in_state` is the same test written as plain column conditions, so that a filter on a state can
still use the indexes on the stored columns (ix_receivable_state_barred and the partial index
of the payment terms); `state_today` is the expression shown and sorted on."""

from __future__ import annotations

from datetime import date

from sqlalchemy import ColumnElement, and_, case, false, literal, or_

from app.domain.lifecycle import OPEN_STATES, State
from app.models import Receivable

_OPEN = [s.value for s in OPEN_STATES]


def not_barred(today: date) -> ColumnElement[bool]:
    """Limitation has not run as of today (no date, or a later one)."""
    r = Receivable
    return or_(r.time_barred_from.is_(None), r.time_barred_from > today)


def term_passed(today: date) -> ColumnElement[bool]:
    r = Receivable
    return and_(r.state == State.WYSTAWIONA, r.payment_term_ends_on < today)


def state_today(today: date) -> ColumnElement[str]:
    """The state a receivable has as of `today` (the card's state_as_of, in SQL)."""
    r = Receivable
    return case(
        (and_(r.state.in_(_OPEN), r.time_barred_from <= today), literal(State.PRZEDAWNIONA.value)),
        (term_passed(today), literal(State.WYMAGALNA.value)),
        else_=r.state,
    )


def in_state(state: str, today: date) -> ColumnElement[bool]:
    """`state_today(today) == state`, written so that the stored columns' indexes serve it."""
    r = Receivable
    if state == State.PRZEDAWNIONA:
        return or_(
            r.state == State.PRZEDAWNIONA,
            and_(r.state.in_(_OPEN), r.time_barred_from <= today),
        )
    if state == State.WYMAGALNA:
        return and_(or_(r.state == State.WYMAGALNA, term_passed(today)), not_barred(today))
    if state == State.WYSTAWIONA:
        term_runs = or_(r.payment_term_ends_on.is_(None), r.payment_term_ends_on >= today)
        return and_(r.state == State.WYSTAWIONA, term_runs, not_barred(today))
    if state in _OPEN:
        return and_(r.state == state, not_barred(today))
    if state:
        return r.state == state
    return false()


def open_today(today: date) -> ColumnElement[bool]:
    """Open as of today: an open state and not time-barred."""
    return and_(Receivable.state.in_(_OPEN), not_barred(today))
