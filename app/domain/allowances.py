"""Issue 22 item 6: the year-end write-down allowances (odpisy aktualizujące) the unit's rules
propose for doubtful receivables. Pure: the service gathers each receivable's facts and the rules
in force on the balance-sheet day and calls `allowance`.

Ustawa z 29.09.1994 o rachunkowości art. 35b ust. 1: the value of receivables is updated by the
probability of their payment, by a write-down allowance, among others for receivables the debtor
is late with where payment is not probable given the debtor's situation (pkt 3), and for
receivables overdue with a significant probability of being uncollectable (pkt 5). The unit sets
the criteria in its accounting policy (art. 10 ust. 1 pkt 2): here, dated parameters with their
source (app/domain/parameters.py ODPIS_*): a percentage of the principal overdue more than N
months, and of the principal owed by a deceased debtor. The list is a proposal the chief
accountant checks and signs, not an entry of the books."""

from __future__ import annotations

from calendar import monthrange
from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class Rules:
    overdue_months: int
    overdue_percent: int
    deceased_percent: int


@dataclass(frozen=True)
class Facts:
    principal: int  # grosze owed on the balance-sheet day (nominal value)
    term: date | None  # the payment term; due from the next day
    due: bool  # należność wymagalna that day (not in instalments)
    deceased: bool


@dataclass(frozen=True)
class Allowance:
    basis: str
    percent: int
    amount: int  # grosze
    overdue_months: int | None


def add_months(day: date, months: int) -> date:
    y, m = divmod(day.month - 1 + months, 12)
    year, month = day.year + y, m + 1
    return date(year, month, min(day.day, monthrange(year, month)[1]))


def full_months_between(start: date, end: date) -> int:
    """Whole months from `start` to `end` (0 if end is before start + 1 month)."""
    months = (end.year - start.year) * 12 + end.month - start.month
    while months > 0 and add_months(start, months) > end:
        months -= 1
    return max(months, 0)


def percent_of(principal: int, percent: int) -> int:
    """percent % of the principal, rounded half up to the grosz."""
    return (principal * percent + 50) // 100


def allowance(f: Facts, rules: Rules, as_of: date) -> Allowance | None:
    """The allowance the rules propose for one receivable on `as_of`, or None.

    Overdue more than N months: the day N months after the term lies before `as_of` (a term of
    19.03.2025 with N = 12 is overdue more than 12 months from 20.03.2026). Where both rules
    apply, the higher percentage counts (one allowance per receivable, ustawa o rachunkowości
    art. 35b ust. 1: up to the amount of the receivable)."""
    if f.principal <= 0:
        return None
    found: list[tuple[int, str]] = []
    months = full_months_between(f.term, as_of) if f.term and f.due else None
    if f.term and f.due and add_months(f.term, rules.overdue_months) < as_of:
        found.append(
            (
                rules.overdue_percent,
                f"przeterminowana ponad {rules.overdue_months} mies. (art. 35b ust. 1 pkt 3 i 5)",
            )
        )
    if f.deceased:
        found.append((rules.deceased_percent, "dłużnik zmarły (art. 35b ust. 1 pkt 3)"))
    found = [x for x in found if x[0] > 0]
    if not found:
        return None
    percent = max(p for p, _ in found)
    basis = "; ".join(b for _, b in found)
    return Allowance(basis, percent, percent_of(f.principal, percent), months)
