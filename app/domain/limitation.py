"""Limitation (przedawnienie): the first day on which a receivable is time-barred.

The rule is data on the kind, because the law for these receivables is not settled (DOMAIN.md,
"Limitation"; issue 16 item 5): the period in years (limitation_years), its anchor
(limitation_rule: the term ran out, the decision became final, the end of the year of the term),
the events that interrupt it (limitation_interrupted_by, and limitation_interrupted_by_payment for
a part payment), the events that suspend it (limitation_suspended_by) and the absolute bar on the
decision (decision_bar_years, art. 23 ust. 4 u.p.o.u.a.). Periods in years are counted as KC
art. 112 (and OP art. 12 §4) does: a period counted from an event ends on the day of the last year
that matches the event by date, and when there is no such day (29 February) on the last day of
that month. The result is the day AFTER the period's last day: `time_barred_from`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from app.domain.kinds import KindRules, LimitationEvent, LimitationRule

_DAY = timedelta(days=1)


@dataclass(frozen=True, slots=True)
class LimitationFact:
    """An event of the receivable that may interrupt or suspend its limitation, per the kind.

    `on` is the day of the event (the decision granting a deferral or instalments, the day the
    enforcement measure was applied, the day of a part payment). `until` is, for an event that
    suspends, the last day of the suspension: the deferred term or the term of the last instalment
    (OP art. 70 §3: the period "biegnie dalej od dnia następującego po dniu, w którym upłynął
    termin płatności odroczonego podatku … albo terminu płatności raty")."""

    kind: LimitationEvent
    on: date
    until: date | None = None


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
    facts: Iterable[LimitationFact] = (),
    settled_on: date | None = None,
) -> date | None:
    """The first time-barred day, or None when the kind does not prescribe, the anchor (end of
    the payment term, final decision) is not known yet, or a suspension has no known end.

    `payments` are the days of part payments and `facts` the receivable's other events: each
    interrupts or suspends the period only when the kind says so (rules.interrupting,
    rules.limitation_suspended_by). `interruptions` are days that interrupt whatever the kind.
    `settled_on` is the day the receivable was paid in full: a full payment closes the receivable
    and does not start a new period, so nothing from that day on counts (issue 16 item 5)."""
    rule = rules.limitation_rule
    if rule is LimitationRule.NONE:
        return None
    years = _years(rules)
    anchor = decision_final_on if rule is LimitationRule.YEARS_FROM_DECISION else term_ended_on
    if anchor is None:
        return None
    events = [LimitationFact(LimitationEvent.PARTIAL_PAYMENT, day) for day in payments]
    events += facts
    interrupt, suspend = rules.interrupting, rules.limitation_suspended_by
    forced = [LimitationFact(LimitationEvent.ENFORCEMENT_MEASURE, day) for day in interruptions]
    timeline = [(e.on, e, True) for e in forced]
    for e in events:
        if e.kind in interrupt:
            timeline.append((e.on, e, True))
        elif e.kind in suspend:
            timeline.append((e.on, e, False))
    if settled_on is not None:
        timeline = [t for t in timeline if t[0] < settled_on]
    timeline.sort(key=lambda t: (t[0], not t[2]))
    barred = _first_barred_day(rule, anchor, years)
    # The first day the period runs: the day after the event (KC art. 111 §2), for OP art. 70
    # the first day of the year after the term ran out.
    runs_from = date(anchor.year + 1, 1, 1) if rule is LimitationRule.OP_ART_70 else anchor + _DAY
    for on, event, interrupts in timeline:
        if on >= barred:
            break  # a receivable already time-barred is not revived
        if interrupts:
            barred, runs_from = _interrupt(barred, runs_from, anchor, years, on)
        else:
            shifted = _suspend(barred, runs_from, event)
            if shifted is None:
                return None
            barred = shifted
    return barred


def decision_barred_from(rules: KindRules, paid_out_on: date) -> date | None:
    """The first day on which no decision may establish the return of a payout, or None when the
    kind has no such bar. Art. 23 ust. 4 u.p.o.u.a. (t.j. Dz.U. 2022 poz. 1205): "Decyzja
    o ustaleniu i zwrocie nienależnie pobranych świadczeń nie jest wydawana, jeżeli od terminu ich
    pobrania upłynęło więcej niż 10 lat": the 10 years end on the anniversary of the payout
    (KC art. 112); more than 10 years have passed from the next day."""
    years = rules.decision_bar_years
    if not years:
        return None
    return add_years(paid_out_on, years) + _DAY


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


def _interrupt(
    barred: date, runs_from: date, anchor: date, years: int, on: date
) -> tuple[date, date]:
    # An interruption makes a new full period run from the day after the event: seed 003 §5.2
    # ("przerywa się na kolejne 3 lata w przypadku uzyskania wpłaty częściowej"); OP art. 70 §4
    # ("biegnie na nowo od dnia następującego po dniu, w którym zastosowano środek egzekucyjny");
    # art. 23 ust. 3 u.p.o.u.a. ("biegnie on na nowo … od dnia następującego po dniu odroczenia
    # terminu płatności należności, rozłożenia spłaty należności na raty lub zastosowania środka
    # egzekucyjnego"). A period running from the day after event E ends on the anniversary of E
    # (KC art. 112). Only events after the anchor count: nothing runs before it. We keep the later
    # of the two ends: an interruption early in a calendar year could otherwise shorten an OP
    # art. 70 period, which runs from the end of the year (our reading; not settled case law).
    if on <= anchor:
        return barred, runs_from
    renewed = add_years(on, years) + _DAY
    if renewed > barred:
        return renewed, on + _DAY
    return barred, runs_from


def _suspend(barred: date, runs_from: date, event: LimitationFact) -> date | None:
    # OP art. 70 §2 pkt 1: the period "nie rozpoczyna się, a rozpoczęty ulega zawieszeniu z dniem
    # wydania decyzji o odroczeniu terminu płatności … lub rozłożeniu … na raty", and §3: it runs
    # on from the day after the deferred term or the instalment's term ran out. The days from the
    # decision (inclusive) to that term (inclusive) do not count: the end moves by the number of
    # those days that fall within the running period (days before it starts only delay its start,
    # by the same count). A suspension with no end known leaves the day unknown (None).
    if event.until is None:
        return None
    first = max(event.on, runs_from)
    if event.until < first:
        return barred
    return barred + timedelta(days=(event.until - first).days + 1)


def _years(rules: KindRules) -> int:
    years = rules.limitation_years
    if years is None or years <= 0:
        raise LimitationRuleError(
            f"Rodzaj należności {rules.code!r}: reguła przedawnienia"
            f" {rules.limitation_rule.value!r} wymaga dodatniej liczby lat (limitation_years)"
        )
    return years


@dataclass(frozen=True, slots=True)
class CostsRule:
    """One wording of u.p.e.a. art. 15 §3c (the limitation of reminder costs), from its day."""

    valid_from: date
    with_receivable: bool  # True: with the receivable; False: 3 years from the end of the year
    source: str


# u.p.e.a. art. 15 §3c, as dated data. The costs of a reminder prescribe on their own, never
# interrupted or suspended. Before 20.02.2021 the Ordynacja podatkowa applied "odpowiednio" (not
# modelled: None).
COSTS_RULES: tuple[CostsRule, ...] = (
    CostsRule(
        date(2021, 2, 20),
        False,
        "art. 15 § 3c u.p.e.a. dodany ustawą z 4.07.2019 r. (Dz.U. 2019 poz. 1553, 2070), w mocy"
        " od 20.02.2021: 3 lata od końca roku kalendarzowego, w którym wygasł egzekwowany"
        " obowiązek; bieg nie ulega przerwaniu ani zawieszeniu",
    ),
    CostsRule(
        date(2024, 3, 25),
        True,
        "art. 15 § 3c u.p.e.a. w brzmieniu ustawy z 9.03.2023 r. (Dz.U. 2023 poz. 556), w mocy"
        " od 25.03.2024 (art. 29), także do kosztów powstałych wcześniej (art. 12): przedawniają"
        " się wraz z wygaśnięciem należności objętej upomnieniem",
    ),
)
_COSTS_YEARS = 3  # art. 15 § 3c u.p.e.a. in the wording of 20.02.2021–24.03.2024


def reminder_costs_barred_from(
    on: date, *, receivable_barred_from: date | None, receivable_expired_on: date | None
) -> date | None:
    """The first day on which the reminder costs are time-barred, under the wording of u.p.e.a.
    art. 15 §3c in force on `on` (COSTS_RULES), or None when that day is not known yet (the
    receivable has not expired and does not prescribe) or no wording applies.

    `receivable_expired_on` is the day the receivable expired otherwise than by limitation (paid or
    written off in full); `receivable_barred_from` its first time-barred day (it expires by
    limitation at the end of the day before). Issue 16 item 5 says "3 years from the end of the
    year in which the duty to pay them arose"; the statute's words are "w którym wygasł egzekwowany
    obowiązek" (sources in COSTS_RULES), which is what is computed here."""
    rule = next((r for r in reversed(COSTS_RULES) if r.valid_from <= on), None)
    if rule is None:
        return None
    # (first day it is gone, the day it expired): paid or written off on a day, it is gone that
    # day; by limitation it expires "z upływem" the period's last day, gone from the next.
    ends = []
    if receivable_expired_on is not None:
        ends.append((receivable_expired_on, receivable_expired_on))
    if receivable_barred_from is not None:
        ends.append((receivable_barred_from, receivable_barred_from - _DAY))
    if not ends:
        return None
    gone_from, expired = min(ends)
    if rule.with_receivable:
        return gone_from
    return date(expired.year + _COSTS_YEARS + 1, 1, 1)
