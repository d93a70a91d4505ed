"""An alimony debtor's monthly history: the alimony awarded for each calendar month against what was
recovered from the debtor in it.

"u.p.o.u.a." below is the ustawa z dnia 7 września 2007 r. o pomocy osobom uprawnionym do alimentów
(t.j. Dz.U. 2024 poz. 1289; a newer consolidated text, Dz.U. 2026 poz. 79, is published: check the
article numbers cited here against it).

Two rules read this history: the write-off of art. 30 ust. 1 (alimony_write_off.py) and the bar on
the "evading" decision of art. 5 ust. 3a (below).

Decisions taken here, each tested in tests/domain/test_alimony_history.py:
- A month's awarded amount is the award in force on the FIRST day of the month. Alimony is awarded
  payable monthly in advance ("płatne z góry do dnia 10. każdego miesiąca"), so what is due for a
  month is fixed when the month begins; a change dated the 15th applies from the next month, and one
  dated the 1st applies to that month. With several entitled persons the month's amount is the sum
  of each person's award in force; an award row of 0 ends that person's alimony.
- A month's recovered amount is everything recovered from the debtor with a date in that month, from
  every source (bailiff, administrative enforcement, voluntary payment): art. 30 ust. 1 asks whether
  "egzekucja … jest skuteczna … w wysokości miesięcznej", and art. 5 ust. 3a whether the debtor
  "wywiązywał się w każdym miesiącu". The date is the day the money was recovered from the debtor,
  not the day the bailiff passed it on. Nothing carries over: a double payment in one month does
  not cover the next one.
- A month is effective when awarded > 0 and recovered >= awarded (equal counts).
- Periods are consecutive calendar months ending with the last complete month before as_of (the
  month before as_of's month; as_of's own month is never complete, even on its last day). A month
  that is not effective, or missing from the history, ends the run. Months before the first award
  are not in the history, so they never count.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from app.domain.money import Grosze


@dataclass(frozen=True, slots=True, order=True)
class Month:
    year: int
    month: int

    def __post_init__(self) -> None:
        if not 1 <= self.month <= 12:
            raise ValueError(f"Miesiąc spoza zakresu 1–12: {self.month}")

    @classmethod
    def of(cls, day: date) -> Month:
        return cls(day.year, day.month)

    @classmethod
    def from_index(cls, index: int) -> Month:
        year, month0 = divmod(index, 12)
        return cls(year, month0 + 1)

    @property
    def index(self) -> int:
        """year * 12 + month - 1: consecutive months differ by one (the SQL sketch uses it too)."""
        return self.year * 12 + self.month - 1

    def plus(self, months: int) -> Month:
        return Month.from_index(self.index + months)

    @property
    def first_day(self) -> date:
        return date(self.year, self.month, 1)

    @property
    def last_day(self) -> date:
        return date(self.year, self.month, calendar.monthrange(self.year, self.month)[1])

    def __str__(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"


def months_between(first: Month, last: Month) -> Iterator[Month]:
    """first..last inclusive; nothing when last < first."""
    return (Month.from_index(i) for i in range(first.index, last.index + 1))


def add_months(day: date, months: int) -> date:
    """KC art. 112: a period in months ends on the day matching the start by date, or on the last
    day of the month when there is no such day (31 August + 6 months → 28/29 February)."""
    target = Month.of(day).plus(months)
    return date(target.year, target.month, min(day.day, target.last_day.day))


def last_complete_month(as_of: date) -> Month:
    return Month.of(as_of).plus(-1)


class RecoverySource(StrEnum):
    EGZEKUCJA_SADOWA = "egzekucja_sadowa"  # komornik sądowy (k.p.c.)
    EGZEKUCJA_ADMINISTRACYJNA = "egzekucja_administracyjna"  # organ egzekucyjny (u.p.e.a.)
    WPLATA_DOBROWOLNA = "wplata_dobrowolna"  # the debtor paid without enforcement


@dataclass(frozen=True, slots=True)
class Recovery:
    on: date  # the day the money was recovered from the debtor
    amount: Grosze
    source: RecoverySource = RecoverySource.EGZEKUCJA_SADOWA

    def __post_init__(self) -> None:
        if self.amount < 0:
            raise ValueError("Kwota wyegzekwowana nie może być ujemna")


@dataclass(frozen=True, slots=True)
class Award:
    """Alimony awarded (zasądzone alimenty) to one entitled person from valid_from on."""

    valid_from: date
    monthly_amount: Grosze  # 0 ends the obligation towards this person
    entitled: str = ""  # osoba uprawniona; one debtor may owe several

    def __post_init__(self) -> None:
        if self.monthly_amount < 0:
            raise ValueError("Kwota alimentów nie może być ujemna")


@dataclass(frozen=True, slots=True)
class MonthRecord:
    month: Month
    awarded: Grosze
    recovered: Grosze

    @property
    def effective(self) -> bool:
        # art. 30 ust. 1: "w wysokości miesięcznej nie niższej niż wysokość zasądzonych alimentów"
        return self.awarded > 0 and self.recovered >= self.awarded


def awarded_for_month(awards: Iterable[Award], month: Month) -> Grosze:
    """The sum over entitled persons of each one's award in force on the month's first day."""
    in_force: dict[str, Award] = {}
    for award in sorted(awards, key=lambda a: a.valid_from):
        if award.valid_from <= month.first_day:
            in_force[award.entitled] = award
    return sum(a.monthly_amount for a in in_force.values())


def recovered_by_month(recoveries: Iterable[Recovery]) -> dict[Month, Grosze]:
    totals: dict[Month, Grosze] = {}
    for recovery in recoveries:
        month = Month.of(recovery.on)
        totals[month] = totals.get(month, 0) + recovery.amount
    return totals


def monthly_history(
    awards: Sequence[Award], recoveries: Iterable[Recovery], *, as_of: date
) -> tuple[MonthRecord, ...]:
    """One record per month from the month of the first award through the last complete month
    before as_of. Recoveries outside that range are ignored."""
    if not awards:
        return ()
    first = Month.of(min(a.valid_from for a in awards))
    recovered = recovered_by_month(recoveries)
    return tuple(
        MonthRecord(month, awarded_for_month(awards, month), recovered.get(month, 0))
        for month in months_between(first, last_complete_month(as_of))
    )


def effective_run(history: Iterable[MonthRecord], as_of: date) -> tuple[MonthRecord, ...]:
    """The unbroken run of effective months ending with the last complete month before as_of,
    oldest first; empty when that month is not effective."""
    by_month = {record.month: record for record in history}
    run: list[MonthRecord] = []
    month = last_complete_month(as_of)
    while (record := by_month.get(month)) is not None and record.effective:
        run.append(record)
        month = month.plus(-1)
    return tuple(reversed(run))


# --- art. 5 ust. 3a: no decision that the debtor evades alimony ----------------------------------

# u.p.o.u.a. art. 5 ust. 3a; seed 001, annex 9 pt 5: "Nie wydaje się decyzji o uznaniu dłużnika
# alimentacyjnego za uchylającego się od zobowiązań alimentacyjnych, w przypadku gdy przez okres
# ostatnich 6 miesięcy dłużnik wywiązywał się w każdym miesiącu ze zobowiązań alimentacyjnych w
# kwocie nie niższej niż 50 % kwoty bieżąco ustalonych alimentów."
EVASION_BAR_MONTHS = 6
EVASION_BAR_PERCENT = 50


@dataclass(frozen=True, slots=True)
class EvasionMonth:
    month: Month
    awarded: Grosze  # the alimony "bieżąco ustalone" for that month (first-day rule)
    paid: Grosze
    met: bool  # awarded > 0 and paid >= 50 % of awarded


@dataclass(frozen=True, slots=True)
class EvasionCheck:
    as_of: date
    months: tuple[EvasionMonth, ...]  # the last 6 complete months, oldest first
    decision_barred: bool  # True: art. 5 ust. 3a forbids the "uchylający się" decision

    @property
    def months_not_met(self) -> tuple[Month, ...]:
        return tuple(m.month for m in self.months if not m.met)


def _half_paid(record: MonthRecord, percent: int) -> bool:
    # Integer comparison, no rounding: paid >= awarded * percent / 100. A month with no alimony
    # in force is not met: there is nothing "bieżąco ustalone" the debtor could have paid.
    return record.awarded > 0 and record.recovered * 100 >= record.awarded * percent


def evasion_decision_check(
    history: Iterable[MonthRecord],
    as_of: date,
    *,
    months: int = EVASION_BAR_MONTHS,
    percent: int = EVASION_BAR_PERCENT,
) -> EvasionCheck:
    """Lists the last `months` complete months before as_of with what was due and paid, so the
    specialist sees why; a month missing from the history counts as nothing awarded, nothing
    paid."""
    by_month = {record.month: record for record in history}
    last = last_complete_month(as_of)
    rows = []
    for month in months_between(last.plus(1 - months), last):
        record = by_month.get(month, MonthRecord(month, 0, 0))
        met = _half_paid(record, percent)
        rows.append(EvasionMonth(month, record.awarded, record.recovered, met))
    return EvasionCheck(as_of, tuple(rows), all(row.met for row in rows))
