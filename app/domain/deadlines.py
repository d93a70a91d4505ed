"""Payment and reminder terms (seed 003 §3; OP art. 12 §5)."""

from __future__ import annotations

from datetime import date, timedelta

from app.domain.alimony_history import add_months  # KC art. 112, months
from app.domain.workdays import shift_to_working_day


def term_end(delivered_on: date, days: int) -> date:
    """The last day of a term of `days` days counted from delivery: the day of delivery is not
    counted (OP art. 12 §1), and a last day on a Saturday or a day off moves to the next working
    day (OP art. 12 §5)."""
    return shift_to_working_day(delivered_on + timedelta(days=days))


def payment_term_end(demand_delivered_on: date, term_days: int) -> date:
    """14 days from delivery of the wezwanie do zapłaty (seed 003 §3.1)."""
    return term_end(demand_delivered_on, term_days)


def due_from(term_ends_on: date) -> date:
    """The receivable is wymagalna the day after its payment term (seed 003 §3.1)."""
    return term_ends_on + timedelta(days=1)


def reminder_term_end(reminder_delivered_on: date, term_days: int) -> date:
    """7 days from delivery of the upomnienie (u.p.e.a. art. 15 §1); a title may be issued from
    the next day."""
    return term_end(reminder_delivered_on, term_days)


def title_allowed_from(reminder_term_ends_on: date) -> date:
    return reminder_term_ends_on + timedelta(days=1)


# Rozporządzenie MF z 18.11.2020 w sprawie postępowania wierzycieli należności pieniężnych
# (Dz.U. 2020 poz. 2083) §3: the reminder of a receivable not above ten times the reminder costs
# is sent "przed upływem 6 miesięcy poprzedzających upływ terminu przedawnienia", i.e. before the
# last six months before limitation begin, not inside them (issue 16 item 6). Larger receivables
# are reminded without delay.
SMALL_REMINDER_MONTHS_BEFORE_LIMITATION = 6
# How long before that deadline the worklist and the batch take a small receivable in: a month,
# so that the reminder is printed, sent and, by the deadline, on its way (our choice, no statute).
SMALL_REMINDER_LEAD_MONTHS = 1


def small_reminder_deadline(time_barred_from: date) -> date:
    """The last day to send the reminder of a small receivable: the day before the last six
    months of the limitation period. Time-barred from 2027-05-11 (the period ends 2027-05-10):
    the last six months are 2026-11-11 … 2027-05-10, the reminder goes by 2026-11-10."""
    return add_months(time_barred_from, -SMALL_REMINDER_MONTHS_BEFORE_LIMITATION) - timedelta(
        days=1
    )


def small_reminder_from(time_barred_from: date) -> date:
    """The first day the worklist and the batch take a small receivable in (a month before its
    deadline; after the deadline it stays in, late, until the limitation itself)."""
    return add_months(small_reminder_deadline(time_barred_from), -SMALL_REMINDER_LEAD_MONTHS)


def small_reminder_due(time_barred_from: date | None, day: date) -> bool:
    """Whether a small receivable needs its reminder on `day`. No limitation date (a kind that does
    not prescribe, or a term not known yet): no deadline of §3."""
    return time_barred_from is not None and small_reminder_from(time_barred_from) <= day


def small_reminder_bound(day: date) -> date:
    """The latest time_barred_from for which small_reminder_due(…, day) holds: a sargable bound
    for the worklist's SQL (small_reminder_from is monotone in time_barred_from)."""
    months = SMALL_REMINDER_MONTHS_BEFORE_LIMITATION + SMALL_REMINDER_LEAD_MONTHS
    bound = add_months(day, months) + timedelta(days=4)
    while not small_reminder_due(bound, day):
        bound -= timedelta(days=1)
    return bound
