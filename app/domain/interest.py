"""Interest on arrears, day by day with the rate in force on each day, as of a date.

Both regimes use kwota × dni × stawka / 365 per rate period, on a 365-day year also in leap years:
- odsetki za zwłokę (OP art. 56 §1; rozporządzenie MF z 22.08.2005, t.j. Dz.U. 2021 poz. 703):
  the periods are summed unrounded and only the sum is rounded to full złoty (OP art. 63 §1);
  the not-charged threshold (OP art. 54 §1 pkt 5) is applied by the caller, see ledger.py;
- odsetki ustawowe za opóźnienie (KC art. 481 §2): each rate period rounded to the grosz, then
  summed (the practice of the public civil-interest calculators).
Days run from the first day of interest to the last day inclusive (payment day or as_of).

Rates are integer basis points of a percent (1150 = 11.50 %), so one day of interest on A grosze
is A × bp / 3 650 000 grosza: everything below is exact integer arithmetic on that fraction.
"""

from __future__ import annotations

import calendar
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta

from app.domain.kinds import InterestStart
from app.domain.money import Grosze, grosze_half_up, zloty_half_up
from app.domain.parameters import MissingParameter, ParameterTable

DAYS_IN_YEAR = 365  # rozporządzenie MF z 22.08.2005 (wzór: … / 365), also in leap years
BP_PER_UNIT = 10_000  # 1 % = 100 bp, 100 % = 10 000 bp
DENOMINATOR = DAYS_IN_YEAR * BP_PER_UNIT  # A × dni × bp / DENOMINATOR = interest in grosze
_TWICE_DEN = 2 * DENOMINATOR


@dataclass(frozen=True, slots=True)
class RatePeriod:
    """One rate period of the outstanding interest, for the calculator's breakdown.

    `interest` is the period's interest rounded to the grosz: the amount charged under KC art. 481,
    and for display only under the OP, where the total is rounded from the unrounded sum
    (OP art. 63 §1), so the displayed periods may not add up to the total to the grosz."""

    tranche: int  # index of the tranche in the order given to compute_balance
    principal: Grosze
    start: date  # first day of the period, inclusive
    end: date  # last day of the period, inclusive
    rate_bp: int
    days: int
    interest: Grosze


_NEVER = date.max.toordinal()


@dataclass(frozen=True, slots=True)
class DatedSchedule:
    """A ParameterTable compiled for fast lookups over day ordinals (date.toordinal()).

    Row i is in force on starts[i]..ends[i]; cumulative[i] is Σ value × days from starts[0] to
    the day before starts[i], so a sum over any span of days costs two bisects, whatever the
    number of rate changes."""

    code: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]
    values: tuple[int, ...]
    cumulative: tuple[int, ...]

    def value_at(self, day: int) -> int:
        return self.values[self.index(day)]

    def weight(self, first: int, last: int) -> int:
        """Σ value(day) over the days first..last inclusive (0 for an empty span)."""
        if last < first:
            return 0
        starts, values, cumulative = self.starts, self.values, self.cumulative
        i = self.index(first)
        j = bisect_right(starts, last, i) - 1  # last ≥ first, so row j ≥ row i exists
        return (
            cumulative[j] + values[j] * (last + 1 - starts[j])
            - cumulative[i] - values[i] * (first - starts[i])
        )  # fmt: skip

    def spans(self, first: int, last: int) -> Iterator[tuple[int, int, int]]:
        """(first day, last day, value) of every period of constant value within first..last."""
        i = self.index(first)
        while first <= last:
            end = min(last, self.ends[i])
            yield first, end, self.values[i]
            first, i = end + 1, i + 1

    def index(self, day: int) -> int:
        i = bisect_right(self.starts, day) - 1
        if i < 0:
            raise MissingParameter(self.code, date.fromordinal(day))
        return i


_COMPILED: dict[int, tuple[ParameterTable, DatedSchedule]] = {}


def compile_table(table: ParameterTable) -> DatedSchedule:
    """The table as a DatedSchedule. Memoised by identity (a table is immutable): the service
    passes the same table for thousands of receivables, and hashing its rows costs more than the
    interest itself."""
    hit = _COMPILED.get(id(table))
    if hit is not None and hit[0] is table:
        return hit[1]
    if len(_COMPILED) > 256:
        _COMPILED.clear()
    schedule = _compile(table)
    _COMPILED[id(table)] = (table, schedule)
    return schedule


def _compile(table: ParameterTable) -> DatedSchedule:
    starts = tuple(r.valid_from.toordinal() for r in table.rows)
    values = tuple(r.value for r in table.rows)
    ends = (*(s - 1 for s in starts[1:]), _NEVER)
    cumulative = [0]
    for i in range(1, len(starts)):
        cumulative.append(cumulative[-1] + values[i - 1] * (starts[i] - starts[i - 1]))
    return DatedSchedule(table.code, starts, ends, values, tuple(cumulative))


def interest_from(start: InterestStart, day: date) -> date:
    """The first day of interest. `day` is the last day of the payment term (DAY_AFTER_DUE) or
    the day of the payout (the other two)."""
    if start is InterestStart.FIRST_OF_NEXT_MONTH:
        # ustawa o pomocy osobom uprawnionym do alimentów art. 23 ust. 7 (nienależnie pobrane)
        last = calendar.monthrange(day.year, day.month)[1]
        return date(day.year, day.month, last) + timedelta(days=1)
    # DAY_AFTER_DUE: OP art. 53 §4 / KC art. 481 §1, from the day after the term;
    # DAY_AFTER_PAYOUT: art. 27 ust. 1a of the alimony act, from the day after each payout.
    return day + timedelta(days=1)


def exact_numerator(principal: Grosze, first: int, last: int, rates: DatedSchedule) -> int:
    """Interest on `principal` over first..last as an exact fraction: this / DENOMINATOR grosza."""
    return principal * rates.weight(first, last)


def odsetki_za_zwloke(
    principal: Grosze, first_day: date, last_day: date, rates: ParameterTable
) -> Grosze:
    """OP interest on an amount over first_day..last_day, rounded to full złoty (OP art. 63 §1).
    Without the art. 54 §1 pkt 5 threshold: that depends on the whole arrears, see ledger.py."""
    num = exact_numerator(
        principal, first_day.toordinal(), last_day.toordinal(), compile_table(rates)
    )
    return zloty_half_up(num, DENOMINATOR)


def odsetki_ustawowe(
    principal: Grosze, first_day: date, last_day: date, rates: ParameterTable
) -> Grosze:
    """KC art. 481 §2 interest over first_day..last_day: each rate period rounded to the grosz."""
    return kc_interest(principal, first_day.toordinal(), last_day.toordinal(), compile_table(rates))


def kc_interest(principal: Grosze, first: int, last: int, rates: DatedSchedule) -> Grosze:
    """Σ over rate periods of principal × days × bp / DENOMINATOR, each rounded half-up to the
    grosz (KC art. 481 §2 practice). The hot loop of the engine: the rounding is
    money.grosze_half_up written inline, (2n + D) // 2D, checked against it in the tests."""
    if last < first:
        return 0
    i = bisect_right(rates.starts, first) - 1
    if i < 0:
        raise MissingParameter(rates.code, date.fromordinal(first))
    ends, values = rates.ends, rates.values
    twice = 2 * principal
    total = 0
    while True:
        end = ends[i]
        if end >= last:
            return total + (twice * (last - first + 1) * values[i] + DENOMINATOR) // _TWICE_DEN
        total += (twice * (end - first + 1) * values[i] + DENOMINATOR) // _TWICE_DEN
        first, i = end + 1, i + 1


def rate_periods(
    principal: Grosze, first: int, last: int, rates: DatedSchedule, *, tranche: int
) -> list[RatePeriod]:
    """The breakdown of the interest on `principal` over first..last, one row per rate period."""
    rows = []
    for start, end, bp in rates.spans(first, last):
        days = end - start + 1
        rows.append(
            RatePeriod(
                tranche=tranche,
                principal=principal,
                start=date.fromordinal(start),
                end=date.fromordinal(end),
                rate_bp=bp,
                days=days,
                interest=grosze_half_up(principal * days * bp, DENOMINATOR),
            )
        )
    return rows
