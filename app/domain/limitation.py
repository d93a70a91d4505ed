"""Limitation (przedawnienie): the first day on which a receivable is time-barred.

The rule is data on the kind (KindRules.limitation_rule / limitation_years /
limitation_interrupted_by_payment), because the law for these receivables is not settled
(DOMAIN.md, "Limitation"). Periods in years are counted as KC art. 112 (and OP art. 12 §4) does:
a period counted from an event ends on the day of the last year that matches the event by date,
and when there is no such day (29 February) on the last day of that month. The result is the day
AFTER the period's last day: `time_barred_from`.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

from app.domain.kinds import KindRules, LimitationRule

_DAY = timedelta(days=1)


class LimitationRuleError(ValueError):
    """The kind's limitation data cannot be applied (a rule with years but no number of years)."""


def add_years(day: date, years: int) -> date:
    """KC art. 112: the day matching `day` by date `years` later; 29 Feb → 28 Feb (last day)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February in a year that has none
        return date(day.year + years, 2, 28)


def time_barred_from(
    rules: KindRules,
    *,
    term_ended_on: date | None = None,
    decision_final_on: date | None = None,
    payments: Iterable[date] = (),
    interruptions: Iterable[date] = (),
) -> date | None:
    """The first time-barred day, or None when the kind does not prescribe or the anchor (end of
    the payment term, final decision) is not known yet.

    `payments` are the days of (partial) payments: they interrupt the period only when the kind
    says so. `interruptions` are other interrupting events passed in by the caller, e.g. a notified
    enforcement measure (OP art. 70 §4; art. 23 of the alimony act), deferral or instalments.
    """
    rule = rules.limitation_rule
    if rule is LimitationRule.NONE:
        return None
    years = _years(rules)
    anchor = decision_final_on if rule is LimitationRule.YEARS_FROM_DECISION else term_ended_on
    if anchor is None:
        return None
    barred = _first_barred_day(rule, anchor, years)
    events = list(interruptions)
    if rules.limitation_interrupted_by_payment:
        events.extend(payments)
    return _interrupt(barred, anchor, years, sorted(events))


def _first_barred_day(rule: LimitationRule, anchor: date, years: int) -> date:
    if rule is LimitationRule.OP_ART_70:
        # OP art. 70 §1: "z upływem 5 lat, licząc od końca roku kalendarzowego, w którym upłynął
        # termin płatności" → the period ends on 31 Dec of year + 5; barred from 1 Jan of year + 6.
        return date(anchor.year + years + 1, 1, 1)
    # YEARS_FROM_TERM (seed 003 §5: "3 lata od dnia, w którym upłynął termin płatności") and
    # YEARS_FROM_DECISION (art. 23 ust. 5 of the alimony act: from the decision becoming final):
    # the anchor day is the event, not counted (KC art. 111 §2); the period ends on its
    # anniversary (KC art. 112) and the receivable is time-barred from the next day.
    return add_years(anchor, years) + _DAY


def _interrupt(barred: date, anchor: date, years: int, events: list[date]) -> date:
    # An interruption makes a new full period run from the day after the event: seed 003 §5.2
    # ("przerywa się na kolejne 3 lata w przypadku uzyskania wpłaty częściowej"); OP art. 70 §4
    # ("biegnie na nowo od dnia następującego po dniu, w którym zastosowano środek egzekucyjny").
    # A period running from the day after event E ends on the anniversary of E (KC art. 112).
    # Only events while the period runs count: nothing runs before the anchor, and a receivable
    # already time-barred is not revived. We keep the later of the two ends: an interruption
    # early in a calendar year could otherwise shorten an OP art. 70 period, which runs from the
    # end of the year (our reading; see the report — not settled case law).
    # (Events are sorted and add_years is monotone: an event followed by another one that also
    # falls within the running period is superseded by it, so only the last of a run counts.)
    last = len(events) - 1
    for k, event in enumerate(events):
        if anchor < event < barred and (k == last or events[k + 1] >= barred):
            barred = max(barred, add_years(event, years) + _DAY)
    return barred


def _years(rules: KindRules) -> int:
    years = rules.limitation_years
    if years is None or years <= 0:
        raise LimitationRuleError(
            f"Rodzaj należności {rules.code!r}: reguła przedawnienia"
            f" {rules.limitation_rule.value!r} wymaga dodatniej liczby lat (limitation_years)"
        )
    return years
