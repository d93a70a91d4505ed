"""The state the card shows as of a date and its one next step (issue 19 item 1), worked by hand.

Demand delivered 05.03.2025 (a Wednesday): the 14-day payment term ends 19.03.2025 (OP art. 12
§1, seed 003 §3.1); wymagalna from 20.03.2025. Reminder delivered 03.04.2025: 7 days end
10.04.2025 (u.p.e.a. art. 15 §1); a title from 11.04.2025 (art. 26 §1)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from app.domain.lifecycle import Action, State
from app.domain.next_step import CardFacts, StateFacts, next_step, state_as_of

TERM = date(2025, 3, 19)


@pytest.mark.parametrize(
    ("as_of", "state", "moves"),
    [
        (date(2025, 3, 19), State.WYSTAWIONA, []),  # the last day of the term: not yet due
        (date(2025, 3, 20), State.WYMAGALNA, [(Action.TERMIN_UPLYNAL, date(2025, 3, 20))]),
        (
            date(2031, 1, 1),  # and time-barred from 01.01.2031 (the stored limitation date)
            State.PRZEDAWNIONA,
            [
                (Action.TERMIN_UPLYNAL, date(2025, 3, 20)),
                (Action.PRZEDAWNIENIE, date(2031, 1, 1)),
            ],
        ),
    ],
)
def test_the_state_follows_the_term_and_limitation_as_the_sweep_would(as_of, state, moves):
    got, pending = state_as_of(StateFacts(State.WYSTAWIONA, TERM, date(2031, 1, 1)), as_of)
    assert got == state
    assert [(p.action, p.on) for p in pending] == moves


def test_no_term_known_no_move_and_a_later_state_is_kept():
    assert state_as_of(StateFacts(State.WYSTAWIONA, None, None), date(2030, 1, 1)) == (
        State.WYSTAWIONA,
        (),
    )
    # A reminder already issued: the term rule does not apply to it (from_state wystawiona only).
    assert state_as_of(StateFacts(State.UPOMNIENIE, TERM, None), date(2025, 5, 1)) == (
        State.UPOMNIENIE,
        (),
    )


BASE = CardFacts(
    state=State.WYSTAWIONA,
    as_of=date(2025, 3, 10),
    balance=25000,
    reminder_required=True,
    demand_delivered_on=date(2025, 3, 5),
    payment_term_ends_on=TERM,
    reminder_issued=False,
    reminder_delivered_on=None,
    reminder_term_ends_on=None,
    title_issued=False,
)


def test_before_the_term_wait_and_no_reminder_form():
    step = next_step(BASE)
    assert step.what == "Czekaj na wpłatę do 19.03.2025."
    assert (step.when_label, step.when) == ("upomnienie możliwe od", date(2025, 3, 20))
    assert "upomnienie" not in step.forms
    assert "wplata" in step.forms


def test_no_delivery_recorded_asks_for_it():
    step = next_step(replace(BASE, demand_delivered_on=None, payment_term_ends_on=None))
    assert step.what == "Zapisz doręczenie wezwania do zapłaty."
    assert "doreczenie" in step.forms


def test_after_the_term_the_reminder():
    step = next_step(replace(BASE, state=State.WYMAGALNA, as_of=date(2025, 4, 1)))
    assert step.what == "Wystaw upomnienie."
    assert "u.p.e.a. art. 15 § 1" in step.why
    assert step.forms == {"wplata", "umorzenie", "upomnienie", "raty"}


def test_a_kind_without_reminder_goes_to_the_title():
    step = next_step(replace(BASE, state=State.WYMAGALNA, reminder_required=False))
    assert step.what == "Wystaw tytuł wykonawczy."
    assert "tytul" in step.forms
    assert "upomnienie" not in step.forms


def test_the_reminders_seven_days_then_the_title():
    reminded = replace(
        BASE,
        state=State.UPOMNIENIE,
        reminder_issued=True,
        reminder_delivered_on=date(2025, 4, 3),
        reminder_term_ends_on=date(2025, 4, 10),
        as_of=date(2025, 4, 10),
    )
    waiting = next_step(reminded)
    assert waiting.what == "Czekaj na wpłatę do 10.04.2025."
    assert waiting.when == date(2025, 4, 11)
    assert "tytul" not in waiting.forms
    due = next_step(replace(reminded, as_of=date(2025, 4, 11)))
    assert due.what == "Wystaw tytuł wykonawczy."
    assert "tytul" in due.forms
    undelivered = next_step(
        replace(reminded, reminder_delivered_on=None, reminder_term_ends_on=None)
    )
    assert undelivered.what == "Zapisz doręczenie upomnienia."


def test_closed_states_offer_nothing_but_a_time_barred_write_off():
    assert next_step(replace(BASE, state=State.ZAPLACONA)).forms == frozenset()
    barred = next_step(replace(BASE, state=State.PRZEDAWNIONA))
    assert barred.forms == {"umorzenie"}
    assert "art. 59 § 1 pkt 9" in barred.why
