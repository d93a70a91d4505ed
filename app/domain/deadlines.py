"""Payment and reminder terms (seed 003 §3; OP art. 12 §5)."""

from __future__ import annotations

from datetime import date, timedelta

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
