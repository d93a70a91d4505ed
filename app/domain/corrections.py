"""Issue 20: what a correction does to the money, decided from the facts and a date.

- An amended decision (zmiana decyzji) changes the principal. A lower amount was never owed: the
  tranche is lowered from the start, so the interest is as if the decision had always said so
  (the surplus paid becomes an overpayment, OP art. 72 §1 pkt 1). A higher amount is a new
  tranche due after its own payment term (OP art. 47 §1: 14 days from the delivery of the
  decision that sets the amount; the kind's term is used, shifted to a working day, OP art. 12
  §5), with interest from the day after (OP art. 53 §1).
- An annulled decision (uchylenie) leaves nothing owed: every payment on it is an overpayment.
- An overpayment set off against another receivable (OP art. 76 §1, 76a §2 pkt 1) is booked on
  the day it arose, but not before the receivable it pays was issued, and for no more than the
  balance of that receivable on that day.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from app.domain.kinds import AllocationRule, KindRules
from app.domain.money import Grosze
from app.domain.workdays import shift_to_working_day


@dataclass(frozen=True, slots=True)
class Amendment:
    effective_on: date  # the day the amending decision took effect (was delivered)
    new_principal: Grosze  # 0: annulled


class CorrectionError(ValueError):
    """A correction the facts do not allow; `field` names the input."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


def increase_interest_from(effective_on: date, term_days: int) -> date:
    """The first day of interest on an increase: the day after its payment term."""
    return shift_to_working_day(effective_on + timedelta(days=term_days)) + timedelta(days=1)


def tranches(
    interest_from: date,
    original: Grosze,
    amendments: Sequence[Amendment],
    term_days: int,
    as_of: date,
) -> tuple[tuple[date, Grosze], ...]:
    """The amounts owed as of `as_of` and the first day of interest on each, after the
    amendments in force on that day (in date order). Empty: nothing is owed (annulled)."""
    owed: list[tuple[date, Grosze]] = [(interest_from, original)]
    for a in sorted(amendments, key=lambda a: a.effective_on):
        if a.effective_on > as_of:
            break
        current = sum(amount for _, amount in owed)
        if a.new_principal > current:
            start = increase_interest_from(a.effective_on, term_days)
            owed.append((start, a.new_principal - current))
        else:
            owed = _lowered(owed, current - a.new_principal)
    return tuple(owed)


def _lowered(owed: list[tuple[date, Grosze]], by: Grosze) -> list[tuple[date, Grosze]]:
    """The latest amounts are lowered first: an earlier increase is taken back before the
    original amount is."""
    out = list(owed)
    while by > 0 and out:
        start, amount = out.pop()
        if amount > by:
            out.append((start, amount - by))
            by = 0
        else:
            by -= amount
    return out


def check_amendment(
    current: Grosze, new_principal: Grosze, effective_on: date, issued_on: date, today: date
) -> None:
    if effective_on < issued_on:
        raise CorrectionError(
            "effective_on", "Zmiana decyzji nie może działać przed datą wystawienia należności"
        )
    if effective_on > today:
        raise CorrectionError("effective_on", "Data zmiany decyzji jest z przyszłości")
    if new_principal <= 0:
        raise CorrectionError(
            "principal",
            "Nowa kwota musi być większa od zera; decyzję uchyloną zapisz jako uchylenie",
        )
    if new_principal == current:
        raise CorrectionError("principal", "Nowa kwota jest równa dotychczasowej")


@dataclass(frozen=True, slots=True)
class SetOff:
    on: date
    amount: Grosze


def set_off(
    available: Grosze, arisen_on: date, target_issued_on: date, balance_on: Grosze
) -> SetOff:
    """OP art. 76a §2 pkt 1: the set-off takes effect on the day the overpayment arose (not
    before the receivable it pays existed); `balance_on` is that receivable's balance on that
    day. Refused when nothing is available or nothing is owed."""
    if available <= 0:
        raise CorrectionError("overpayment", "Nadpłata została już w całości rozliczona")
    if balance_on <= 0:
        raise CorrectionError("receivable_id", "Na wskazanej należności nie ma nic do zapłaty")
    return SetOff(max(arisen_on, target_issued_on), min(available, balance_on))


def refund_allowed(arrears: Sequence[str]) -> None:
    """OP art. 76 §1: an overpayment is first set off against the debtor's arrears; only what
    is left without arrears is refunded. `arrears`: the debtor's receivables past due."""
    if arrears:
        raise CorrectionError(
            "overpayment",
            "Zobowiązany ma zaległości (" + ", ".join(arrears) + "): nadpłatę zalicza się najpierw"
            " na ich poczet (OP art. 76 § 1)",
        )


def refunded_when_time_barred(rules: KindRules) -> bool:
    """A payment on a receivable that is already time-barred. Under the Ordynacja (kinds settled
    under OP art. 55 §2) the liability expired with limitation (OP art. 59 §1 pkt 9): what is paid
    on it is undue, an overpayment to refund or set off (OP art. 72 §1 pkt 1). Under the civil
    rules (KC art. 451 kinds) the claim survives, only unenforceable (KC art. 117 §2): what is
    paid on it is kept (KC art. 411 pkt 3)."""
    return rules.allocation_rule is AllocationRule.OP_PROPORTIONAL
