"""The chief accountant's statements, the parts that are rules rather than sums: the aging
buckets, the month ends of a history, the split of alimony-fund recoveries, and the arithmetic of
the Rb-27S columns. The sums themselves are SQL (app/reports/repository.py); this module decides
what they mean. Amounts are integer grosze."""

from __future__ import annotations

import calendar
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from app.domain.limitation import add_years
from app.domain.money import Grosze
from app.domain.parameters import ParameterTable

# Shares of alimony-fund recoveries (ustawa o pomocy osobom uprawnionym do alimentów art. 27
# ust. 4), in percent, dated parameters seeded by migration i22_statements: of the principal, and
# of the interest.
FA_STATE_SHARE = "fa_udzial_budzet_panstwa"
FA_COMMUNE_SHARE = "fa_udzial_gmina"
FA_STATE_SHARE_INTEREST = "fa_udzial_budzet_panstwa_odsetki"
FA_COMMUNE_SHARE_INTEREST = "fa_udzial_gmina_odsetki"


@dataclass(frozen=True, slots=True)
class Bucket:
    """Due receivables whose payment term ended between `oldest` and `newest` (inclusive; None:
    open-ended): the days past due on `as_of` are as_of − term end (the receivable is due from the
    day after its term, DOMAIN.md "Deadlines"), so a term that ended yesterday is 1 day overdue."""

    label: str
    oldest: date | None
    newest: date


def aging_buckets(as_of: date) -> tuple[Bucket, ...]:
    """0–30, 31–90, 91–180, 181–365 days, 1–3 years, over 3 years. The year boundaries are counted
    as KC art. 112 counts years (same date, or the last day of the month), not as 365 days."""
    one_year, three_years = add_years(as_of, -1), add_years(as_of, -3)

    def days(n: int) -> date:
        return as_of - timedelta(days=n)

    return (
        Bucket("0–30 dni", days(30), days(0)),
        Bucket("31–90 dni", days(90), days(31)),
        Bucket("91–180 dni", days(180), days(91)),
        Bucket("181–365 dni", one_year, days(181)),
        Bucket("1–3 lata", three_years, one_year - timedelta(days=1)),
        Bucket("powyżej 3 lat", None, three_years - timedelta(days=1)),
    )


def month_ends(until: date, months: int) -> tuple[date, ...]:
    """The last days of the `months` calendar months up to `until` (the last one is `until`
    itself when it is not a month end), oldest first."""
    ends = [until]
    year, month = until.year, until.month
    for _ in range(months - 1):
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
        ends.append(date(year, month, calendar.monthrange(year, month)[1]))
    return tuple(reversed(ends))


def quarter_end(day: date) -> bool:
    """Rb-N is drawn as of the end of a quarter (rozporządzenie MF z 17.12.2020 w sprawie
    sprawozdawczości budżetowej, § 9: kwartalne sprawozdania Rb-N)."""
    return (day + timedelta(days=1)).day == 1 and day.month in (3, 6, 9, 12)


@dataclass(frozen=True, slots=True)
class Share:
    valid_from: date
    valid_to: date
    state_percent: int
    commune_percent: int


def share_periods(
    start: date, end: date, state: ParameterTable, commune: ParameterTable
) -> tuple[Share, ...]:
    """The sub-periods of [start, end] in which the shares of art. 27 ust. 4 did not change."""
    cuts = sorted(
        {start}
        | {r.valid_from for r in state.changes_between(start, end)}
        | {r.valid_from for r in commune.changes_between(start, end)}
    )
    cuts = [c for c in cuts if start <= c <= end]
    bounds = [*cuts[1:], end + timedelta(days=1)]
    return tuple(
        Share(a, b - timedelta(days=1), state.value_on(a), commune.value_on(a))
        for a, b in zip(cuts, bounds, strict=True)
    )


def split_recovery(amount: Grosze, state_percent: int, commune_percent: int) -> tuple[int, int]:
    """(state budget, commune) parts of recovered alimony-fund money. The state's part is rounded
    half-up to the grosz and the commune gets the rest, so the parts always add up to what was
    recovered (art. 27 ust. 4 names the shares, not a rounding; the unit's remittance practice)."""
    if state_percent + commune_percent != 100:
        raise ValueError(
            f"Udziały budżetu państwa ({state_percent} %) i gminy ({commune_percent} %) "
            "nie sumują się do 100 %"
        )
    state = (
        (2 * amount * state_percent + 100) // 200
        if amount >= 0
        else -split_recovery(-amount, state_percent, commune_percent)[0]
    )
    return state, amount - state


@dataclass(frozen=True, slots=True)
class Movements:
    """Opening + charges − payments − write-offs − time-barred + corrections = closing."""

    opening: Grosze
    charges: Grosze
    payments: Grosze
    write_offs: Grosze
    time_barred: Grosze
    corrections: Grosze
    closing: Grosze

    @property
    def balanced(self) -> bool:
        return (
            self.opening
            + self.charges
            - self.payments
            - self.write_offs
            - self.time_barred
            + self.corrections
            == self.closing
        )


@dataclass(frozen=True, slots=True)
class Rb27Cells:
    """The columns of Rb-27S for one classification (rozporządzenie MF z 17.12.2020, załącznik
    nr 37 – instrukcja do Rb-27S): należności, dochody wykonane, należności pozostałe do zapłaty,
    w tym zaległości netto, nadpłaty."""

    due: Grosze  # należności: opening balance + charges − write-offs − time-barred
    collected: Grosze  # dochody wykonane: the money received
    remaining: Grosze  # należności pozostałe do zapłaty = należności − dochody + nadpłaty
    arrears_net: Grosze  # zaległości netto: the overdue part of the remaining, less overpayments
    overpayments: Grosze  # nadpłaty


def rb27_cells(m: Movements, overdue: Grosze) -> Rb27Cells:
    due = m.opening + m.charges - m.write_offs - m.time_barred
    remaining = due - m.payments + m.corrections
    return Rb27Cells(due, m.payments, remaining, overdue - m.corrections, m.corrections)


def total(rows: Sequence[Movements]) -> Movements:
    return Movements(*(sum(getattr(r, f) for r in rows) for f in Movements.__slots__))
