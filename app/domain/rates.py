"""The two interest rates derived from the NBP rates, under the formula in force on the day.

- Odsetki za zwłokę, OP art. 56 §1: multiplier × the lombard rate + addition, never below the
  minimum (200 % of the lombard rate until 2010-11-08, 200 % + 2 points from 2010-11-09, at least
  8 %); the rate changes on the day the lombard rate changes (art. 56c).
- Odsetki ustawowe za opóźnienie, KC art. 481 §2 as in force from 2016-01-01: the reference rate
  + 5.5 points, changing with it. Before 2016 the civil rate was set by regulation (KC art. 359
  §3, old wording), not by a formula: those rows are history, never derived.

The formulas are dated parameter rows (codes ZWLOKA_*, OPOZNIENIE_DODATEK) passed in; a day with no
formula in force derives nothing for that rate. `plan_import` compares the NBP decisions of a file
with the rows the table already has and says which rows are missing and which disagree: the
import adds the former and reports the latter, never rewriting a row.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from app.domain.parameters import MissingParameter, ParameterCode, ParameterRow, ParameterTable

C = ParameterCode


@dataclass(frozen=True, slots=True, order=True)
class NbpDecision:
    """One row of the NBP archive: rates in force from `valid_from`, in basis points."""

    valid_from: date
    reference: int
    lombard: int


@dataclass(frozen=True, slots=True)
class DerivedRate:
    code: str
    valid_from: date
    value: int
    basis: str  # how the value follows from the NBP rates, for the row's source


@dataclass(frozen=True, slots=True)
class RateConflict:
    """A row the table has on an NBP day whose value differs from what the file implies."""

    code: str
    valid_from: date
    stored: int
    derived: int


@dataclass(frozen=True)
class ImportPlan:
    added: tuple[DerivedRate, ...]
    conflicts: tuple[RateConflict, ...]
    decisions: int  # NBP decisions of the file the formulas cover
    latest: date | None  # the newest decision in the file


def pct(bp: int) -> str:
    """1450 → "14,50 %"."""
    return f"{bp // 100},{bp % 100:02d} %"


def derive(decision: NbpDecision, rows: Iterable[ParameterRow]) -> list[DerivedRate]:
    """Every rate the decision fixes: the two NBP rates and the interest rates whose formula is in
    force on its day."""
    rows = list(rows)
    day = decision.valid_from
    out = [
        DerivedRate(C.NBP_STOPA_REFERENCYJNA, day, decision.reference, "stopa NBP"),
        DerivedRate(C.NBP_STOPA_LOMBARDOWA, day, decision.lombard, "stopa NBP"),
    ]
    try:
        multiplier = _value(C.ZWLOKA_MNOZNIK_LOMBARDOWEJ, rows, day)
        plus = _value(C.ZWLOKA_DODATEK, rows, day)
        minimum = _value(C.ZWLOKA_MINIMUM, rows, day)
    except MissingParameter:
        pass
    else:
        raw = decision.lombard * multiplier // 10_000 + plus
        value = max(minimum, raw)
        basis = f"OP art. 56 §1: {pct(multiplier)} × {pct(decision.lombard)} + {pct(plus)}"
        basis += f" = {pct(raw)}" + (f", nie mniej niż {pct(minimum)}" if raw < minimum else "")
        out.append(DerivedRate(C.ODSETKI_ZA_ZWLOKE, day, value, basis))
    try:
        plus = _value(C.OPOZNIENIE_DODATEK, rows, day)
    except MissingParameter:
        pass
    else:
        value = decision.reference + plus
        basis = f"KC art. 481 §2: {pct(decision.reference)} + {pct(plus)} = {pct(value)}"
        out.append(DerivedRate(C.ODSETKI_USTAWOWE_ZA_OPOZNIENIE, day, value, basis))
    return out


def plan_import(decisions: Sequence[NbpDecision], rows: Sequence[ParameterRow]) -> ImportPlan:
    """The rows missing from `rows` for the decisions that the formulas cover (from the first day
    a formula is in force), and the rows that disagree with them. A row is missing when the value
    in force on the decision's day differs from the derived one and no row sits on that day; a
    row on that day with another value is a conflict. Decisions are taken in date order and each
    added row counts for the next ones, so a repeated import adds nothing."""
    start = min(
        (r.valid_from for r in rows if r.code == C.ZWLOKA_MNOZNIK_LOMBARDOWEJ), default=None
    )
    covered = sorted(d for d in decisions if start is not None and d.valid_from >= start)
    table = {code: {r.valid_from: r.value for r in rows if r.code == code} for code in _RATE_CODES}
    added: list[DerivedRate] = []
    conflicts: list[RateConflict] = []
    for decision in covered:
        for rate in derive(decision, rows):
            days = table[rate.code]
            if rate.valid_from in days:
                if days[rate.valid_from] != rate.value:
                    conflicts.append(
                        RateConflict(rate.code, rate.valid_from, days[rate.valid_from], rate.value)
                    )
            elif _in_force(days, rate.valid_from) != rate.value:
                days[rate.valid_from] = rate.value
                added.append(rate)
    latest = max((d.valid_from for d in decisions), default=None)
    return ImportPlan(tuple(added), tuple(conflicts), len(covered), latest)


_RATE_CODES = (
    C.NBP_STOPA_REFERENCYJNA,
    C.NBP_STOPA_LOMBARDOWA,
    C.ODSETKI_ZA_ZWLOKE,
    C.ODSETKI_USTAWOWE_ZA_OPOZNIENIE,
)


def _value(code: ParameterCode, rows: list[ParameterRow], day: date) -> int:
    return ParameterTable.of(code, rows).value_on(day)


def _in_force(days: dict[date, int], day: date) -> int | None:
    before = [d for d in days if d <= day]
    return days[max(before)] if before else None
