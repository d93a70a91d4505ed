"""Terms on real Polish calendars (seed 003 §3.1; OP art. 12 §1 and §5)."""

from datetime import date, timedelta

import pytest

from app.domain.deadlines import (
    due_from,
    payment_term_end,
    reminder_term_end,
    small_reminder_bound,
    small_reminder_deadline,
    small_reminder_due,
    small_reminder_from,
    title_allowed_from,
)
from app.domain.workdays import is_public_holiday, shift_to_working_day


@pytest.mark.parametrize(
    ("delivered", "term_ends", "due"),
    [
        # 2025-03-03 (Mon) + 14 = 2025-03-17 (Mon), an ordinary working day: no shift.
        (date(2025, 3, 3), date(2025, 3, 17), date(2025, 3, 18)),
        # 2025-03-01 + 14 = 2025-03-15, a Saturday → Monday 2025-03-17 (OP art. 12 §5).
        (date(2025, 3, 1), date(2025, 3, 17), date(2025, 3, 18)),
        # 2025-10-18 + 14 = 2025-11-01, Wszystkich Świętych on a Saturday → Sun 11-02 → Mon 11-03.
        (date(2025, 10, 18), date(2025, 11, 3), date(2025, 11, 4)),
        # 2025-04-07 + 14 = 2025-04-21, Poniedziałek Wielkanocny → Tue 2025-04-22.
        (date(2025, 4, 7), date(2025, 4, 22), date(2025, 4, 23)),
        # 2025-12-10 + 14 = 2025-12-24, Wigilia: a day off from 2025 (ustawa z 6.12.2024), then
        # 25–26 XII, Sat 27, Sun 28 → Mon 2025-12-29.
        (date(2025, 12, 10), date(2025, 12, 29), date(2025, 12, 30)),
        # 2024-12-10 + 14 = 2024-12-24: in 2024 Wigilia was still a working day → no shift.
        (date(2024, 12, 10), date(2024, 12, 24), date(2024, 12, 25)),
        # 2026-04-22 + 14 = 2026-05-06 (Wed): no shift; 2026-04-17 + 14 = 05-01 Święto Pracy (Fri)
        # → Sat 05-02 → Sun 05-03 Święto Konstytucji → Mon 2026-05-04.
        (date(2026, 4, 17), date(2026, 5, 4), date(2026, 5, 5)),
    ],
)
def test_payment_term_of_14_days_moves_off_saturdays_and_holidays(delivered, term_ends, due):
    assert payment_term_end(delivered, 14) == term_ends
    assert due_from(term_ends) == due


def test_reminder_term_of_7_days_and_the_first_day_for_a_title():
    # Delivered Thu 2025-06-12 + 7 = 2025-06-19, Boże Ciało → Fri 2025-06-20 (OP art. 12 §5);
    # the title may be issued from Sat 2025-06-21 (u.p.e.a. art. 15 §1: after the 7 days ran out).
    term = reminder_term_end(date(2025, 6, 12), 7)
    assert term == date(2025, 6, 20)
    assert title_allowed_from(term) == date(2025, 6, 21)


def test_wigilia_is_a_holiday_only_from_2025():
    assert is_public_holiday(date(2025, 12, 24))
    assert not is_public_holiday(date(2024, 12, 24))


def test_sunday_moves_to_monday():
    assert shift_to_working_day(date(2025, 3, 16)) == date(2025, 3, 17)


@pytest.mark.parametrize(
    ("barred", "deadline", "first_day"),
    [
        # Rozporządzenie MF z 18.11.2020 §3: time-barred from 2027-05-11, the period ends
        # 2027-05-10; its last six months are 2026-11-11 … 2027-05-10, so the reminder of a small
        # receivable goes by 2026-11-10; the worklist and the batch take it in a month before.
        ("2027-05-11", "2026-11-10", "2026-10-10"),
        # KC art. 112 at a month's end: barred from 2027-08-31 → six months back 2027-02-28
        # → deadline 2027-02-27, taken in from 2027-01-27
        ("2027-08-31", "2027-02-27", "2027-01-27"),
        # barred from 2028-03-01 → 2027-09-01 → deadline 2027-08-31 → from 2027-07-31
        ("2028-03-01", "2027-08-31", "2027-07-31"),
    ],
)
def test_small_receivable_reminder_before_the_last_six_months(barred, deadline, first_day) -> None:
    barred, deadline, first_day = map(date.fromisoformat, (barred, deadline, first_day))
    assert small_reminder_deadline(barred) == deadline
    assert small_reminder_from(barred) == first_day
    assert not small_reminder_due(barred, first_day - timedelta(days=1))
    assert small_reminder_due(barred, first_day)
    assert small_reminder_due(barred, deadline + timedelta(days=30))  # late: still in
    assert not small_reminder_due(None, deadline)  # no limitation, no deadline


def test_small_reminder_bound_agrees_with_the_rule_on_every_day() -> None:
    # The SQL bound time_barred_from <= small_reminder_bound(day) selects exactly the receivables
    # small_reminder_due takes, for every day of 2026-2028 (one leap year).
    day = date(2026, 1, 1)
    while day < date(2029, 1, 1):
        bound = small_reminder_bound(day)
        for k in range(-3, 4):
            barred = bound + timedelta(days=k)
            assert small_reminder_due(barred, day) == (barred <= bound), (day, barred)
        day += timedelta(days=1)
