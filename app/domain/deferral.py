"""Deferral of the payment term by decision (odroczenie terminu płatności), issue 20 item 3.

The relief. OP art. 67a §1 pkt 1–2 (the reliefs of dział III rozdział 7a, in force since
1.09.2005; the former art. 48 was moved there by the act of 30.06.2005, Dz.U. 2005 nr 143 poz.
1199): on the debtor's application, in a case justified by an important interest of the debtor or
the public interest, the organ may defer the payment term or the payment of the arrears with
their interest. For the non-tax budget receivables of a local unit (the stay fee) dział III of the
OP applies through u.f.p. art. 67 §1; the organ that decides is the kind's (seed 003 §4: the
Prezydent Miasta), so the unit refers the application and records the decision received back.

What a kept deferral changes, computed here from the facts and a date (no clock, no I/O):

* The prolongation fee (opłata prolongacyjna), OP art. 57 (t.j. Dz.U. 2023 poz. 2383):
  §1 it is set in the decision, on the amount of the tax or of the arrears (K: the principal, not
  the interest deferred with it); §2 its rate equals the reduced rate of default interest (art.
  56a: 50 % of the rate of art. 56 §1); §3 the rate in force on the day of the decision applies;
  §5 it is not set when the cause was a natural disaster or an accident (klęska żywiołowa,
  wypadek losowy); §6 the organ may waive it (postępowanie układowe, separate acts). Art. 57 §1
  makes it compulsory only for taxes that are state budget income; for a local unit's receivable
  the unit's kind says whether the fee is charged (`prolongation_fee_code` on the kind, None: not
  charged) and the decision may waive it.
  The amount: rozporządzenie MF z 22.08.2005 w sprawie naliczania odsetek za zwłokę oraz opłaty
  prolongacyjnej (t.j. Dz.U. 2021 poz. 703) §3: OP = K × L × S / 365, rounded to full złoty
  (OP art. 63 §1); §11: counted from the day after the payment term ran out (deferral of the term
  itself, pkt 1) or from the day after the application was filed (deferral of the arrears, pkt
  2); §12 ust. 2: up to and including the deferred term; §12 ust. 3: paying early does not lower
  it.
* Interest (odsetki za zwłokę). For the period the prolongation fee is charged for, no default
  interest runs: the fee is the price of the deferred term (prawo.pl, "Rozłożenie płatności
  podatku na raty i odroczenie terminu płatności podatku": the fee replaces the interest at half
  its rate). The interest of the arrears runs up to and including the day of the application and
  is deferred with them. Our reading, not found in one article's words: the window without
  interest is exactly the fee's window of §11–12 of the rozporządzenie (from the day after the
  term or the application, to the deferred term inclusive), and it applies whether or not a fee
  is charged. When the deferred term is missed, OP art. 49 §2 (applied to the fee by art. 57 §4)
  makes the original term the payment term again: interest runs from it as if there had been no
  deferral (the window is dropped), and the fee set by the decision stays owed.
* Limitation: the deferral is a LimitationFact(DEFERRAL, decided_on, new_term) that interrupts
  or suspends as the kind says (app/domain/limitation.py).
* A missed deferred term brings enforcement back: the deferral is stored as a plan of one
  instalment (the amount owed by the new term), and the daily sweep's instalment rule (app/sweeps/
  rules.py, app/domain/instalments.py) sends the receivable back from the day after that term.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from app.domain.instalments import InstalmentDue, InstalmentPlan, PaymentMade, missed_instalment
from app.domain.interest import DAYS_IN_YEAR
from app.domain.money import Grosze, zloty_half_up
from app.domain.parameters import ParameterRow, ParameterTable

_DAY = timedelta(days=1)
_BP = 10_000  # basis points of a percent (1150 = 11.50 %) and shares in bp (5000 = 50 %)


class DeferralRefused(ValueError):
    """The deferral cannot be recorded as asked; `field` names the input, the message is Polish."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


@dataclass(frozen=True, slots=True)
class Deferral:
    """A deferral granted by decision, as recorded: the day of the decision, the deferred term
    (already shifted to a working day), the day of the debtor's application (None: not known,
    then the decision's day stands for it), what is owed by the new term (the deferred balance and
    the fee) and the fee itself."""

    decided_on: date
    new_term: date
    applied_on: date | None
    amount: Grosze
    fee: Grosze = 0


def window(
    term_ended_on: date, applied_on: date | None, decided_on: date, new_term: date
) -> tuple[date, date]:
    """(first, last) day of the deferred period: from the day after the later of the original
    term's last day and the application (rozporządzenie MF z 22.08.2005 §11 pkt 1 and 2), to the
    deferred term inclusive (§12 ust. 2). Empty (first > last) when the new term is not later."""
    filed = applied_on if applied_on is not None else decided_on
    return max(filed, term_ended_on) + _DAY, new_term


def check(term_ended_on: date | None, decided_on: date, new_term: date,
          applied_on: date | None) -> None:  # fmt: skip
    """Refuse what no deferral can be: no payment term yet, a new term not after the original
    term and the decision, an application after the decision."""
    if term_ended_on is None:
        raise DeferralRefused(
            "new_term", "Należność nie ma jeszcze terminu płatności: nie ma czego odroczyć"
        )
    if new_term <= max(term_ended_on, decided_on):
        raise DeferralRefused(
            "new_term",
            f"Odroczony termin ({new_term.isoformat()}) musi być późniejszy niż pierwotny termin"
            f" płatności ({term_ended_on.isoformat()}) i dzień decyzji ({decided_on.isoformat()})",
        )
    if applied_on is not None and applied_on > decided_on:
        raise DeferralRefused(
            "applied_on",
            f"Wniosek dłużnika ({applied_on.isoformat()}) nie może być późniejszy niż decyzja"
            f" ({decided_on.isoformat()})",
        )


Fraction2 = tuple[int, int]


def fee_rate_bp(decided_on: date, interest: ParameterTable, share: ParameterTable) -> Fraction2:
    """The fee's rate on the day of the decision (OP art. 57 §2, §3) as (numerator, denominator)
    of basis points: the default-interest rate × the kind's share (art. 56a §1: 50 %)."""
    return interest.value_on(decided_on) * share.value_on(decided_on), _BP


def prolongation_fee(principal: Grosze, first: date, last: date, rate: Fraction2) -> Grosze:
    """OP = K × L × S / 365 rounded to full złoty (rozporządzenie MF z 22.08.2005 §3; OP art. 63
    §1). K in grosze, L the days first..last inclusive, S = rate[0]/rate[1] basis points."""
    days = (last - first).days + 1
    if days <= 0 or principal <= 0:
        return 0
    num, den = rate
    return zloty_half_up(principal * days * num, DAYS_IN_YEAR * _BP * den)


def kept(deferral: Deferral, payments: Iterable[PaymentMade], as_of: date) -> bool:
    """Whether the deferral still holds on `as_of`: the amount owed by the new term was paid from
    the decision up to that term (the sweep's test, app/domain/instalments.py: a one-instalment
    plan)."""
    plan = InstalmentPlan(
        deferral.decided_on, (InstalmentDue(1, deferral.new_term, deferral.amount),)
    )
    return missed_instalment(plan, payments, as_of) is None


def without_interest(table: ParameterTable, windows: Sequence[tuple[date, date]]) -> ParameterTable:
    """The rate table with a rate of 0 on the days of each window (first..last inclusive) and the
    table's own rate again from the day after: the interest engine then counts no interest on
    those days, with every other rule (rate periods, rounding, threshold) unchanged."""
    rows = list(table.rows)
    for first, last in sorted(windows):
        if last < first:
            continue
        after = last + _DAY
        resume = _row_on(rows, after)
        kept_rows = [r for r in rows if not first <= r.valid_from <= last]
        kept_rows = [r for r in kept_rows if r.valid_from != after]
        kept_rows.append(ParameterRow(table.code, first, 0, "odroczenie: bez odsetek"))
        if resume is not None:
            kept_rows.append(ParameterRow(table.code, after, resume.value, resume.source))
        rows = sorted(kept_rows, key=lambda r: r.valid_from)
    return ParameterTable(table.code, tuple(rows))


def _row_on(rows: list[ParameterRow], day: date) -> ParameterRow | None:
    before = [r for r in rows if r.valid_from <= day]
    return max(before, key=lambda r: r.valid_from) if before else None
