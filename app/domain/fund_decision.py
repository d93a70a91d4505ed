"""What a decision on the reimbursement of fund benefits covers (issue 16 item 8, remainder).
Pure: the caller passes the payouts and the decision's facts.

The debtor's fund receivable grows with each payout (art. 27 ust. 1 u.p.o.u.a.: the debtor
returns the benefits paid out), while the decision of the debtor's commune fixes one amount: the
benefits paid out in the period it names (in practice the benefit period that ended; e.g. the
procedure published by GOPS Modliborzyce: "Po zakończeniu okresu świadczeniowego dłużnik
alimentacyjny otrzymuje decyzję ustalającą wysokość jego zadłużenia … oraz zobowiązującą do zwrotu
wskazanej kwoty w określonym terminie", cited in app/domain/enforcement.py). Hence:

- the decided amount is the sum of the payouts in its period (a decision cannot fix more than was
  paid out, nor leave out a payout of its period without saying so: the specialist records the
  period the decision names, and the amount must agree with it to the grosz);
- the reminder and the title demand only what a final decision covers (u.p.e.a. art. 3 § 1: the
  obligation enforced must follow from a decision; art. 27 § 1 pkt 3: the title states the amount
  of that obligation);
- a payout after the period needs a new decision before it can be demanded.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from app.domain.money import Grosze, format_amount


@dataclass(frozen=True, slots=True)
class PayoutLine:
    paid_on: date
    amount: Grosze


@dataclass(frozen=True, slots=True)
class Coverage:
    """The decision against the payouts known on a day."""

    decided: Grosze  # the amount the decision fixed
    period_from: date
    period_to: date
    covered: Grosze  # the payouts within the period
    after: Grosze  # the payouts after the period: they need a new decision
    after_count: int
    before: Grosze = 0  # payouts before the period (an earlier decision should cover them)

    @property
    def needs_new_decision(self) -> bool:
        return self.after > 0


class DecisionRefused(ValueError):
    """A decided amount or period that does not agree with the payouts; Polish, for the user."""


def in_period(paid_on: date, period_from: date, period_to: date) -> bool:
    return period_from <= paid_on <= period_to


def coverage(
    payouts: Iterable[PayoutLine], decided: Grosze, period_from: date, period_to: date
) -> Coverage:
    lines = list(payouts)
    after = [p for p in lines if p.paid_on > period_to]
    return Coverage(
        decided=decided,
        period_from=period_from,
        period_to=period_to,
        covered=sum(p.amount for p in lines if in_period(p.paid_on, period_from, period_to)),
        after=sum(p.amount for p in after),
        after_count=len(after),
        before=sum(p.amount for p in lines if p.paid_on < period_from),
    )


def check_decided_amount(
    payouts: Iterable[PayoutLine],
    decided: Grosze,
    period_from: date,
    period_to: date,
    issued_on: date,
) -> None:
    """The decision fixes the benefits paid out in its period (art. 27 ust. 1 u.p.o.u.a.): the
    period ends no later than the decision was issued, holds at least one payout, and the amount
    is their sum to the grosz."""
    if period_from > period_to:
        raise DecisionRefused("Początek okresu objętego decyzją jest późniejszy niż jego koniec")
    if period_to > issued_on:
        raise DecisionRefused(
            "Decyzja obejmuje tylko świadczenia już wypłacone: okres kończy się najpóźniej w dniu"
            f" wydania decyzji ({issued_on:%d.%m.%Y})"
        )
    lines = [p for p in payouts if in_period(p.paid_on, period_from, period_to)]
    if not lines:
        raise DecisionRefused(
            f"W okresie {period_from:%d.%m.%Y} – {period_to:%d.%m.%Y} nie wypłacono świadczeń"
        )
    paid = sum(p.amount for p in lines)
    if decided != paid:
        raise DecisionRefused(
            f"Kwota decyzji ({format_amount(decided)} zł) różni się od sumy świadczeń wypłaconych"
            f" w okresie {period_from:%d.%m.%Y} – {period_to:%d.%m.%Y} ({format_amount(paid)} zł,"
            f" {len(lines)} wypłat): decyzja ustala zwrot świadczeń wypłaconych (art. 27 ust. 1"
            " u.p.o.u.a.)"
        )
