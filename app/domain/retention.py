"""Issue 20 item 8: how long a closed file's personal data are kept, by the archival category of
the unit's file plan (jednolity rzeczowy wykaz akt, JRWA), and when they may go.

- Kategoria A: materiały archiwalne, kept for ever and handed to the state archive (ustawa
  z 14.07.1983 o narodowym zasobie archiwalnym i archiwach, art. 3 and art. 5 ust. 1): never
  destroyed here.
- B<n> (and BE<n>, which the state archive reviews first): dokumentacja niearchiwalna kept n
  years; Bc: of short-lived use (0 years). After the period it may be destroyed only with the
  consent of the director of the competent state archive (art. 5 ust. 2 of that act; the
  zarządzenie NDAP of 20.05.1988, M.P. 1988 nr 17 poz. 145, issued on art. 5 ust. 2: "brakują
  [...] dokumentację niearchiwalną wyłącznie na podstawie zezwolenia", on a list "spis
  dokumentacji niearchiwalnej przeznaczonej na makulaturę lub zniszczenie").
- The period runs in full calendar years from 1 January of the year after the case was closed
  (the instruction on office records; the same count as app/domain/archive.py): a B5 file closed
  on 2019-06-10 may go from 2025-01-01.
Here the file is not destroyed: its personal data are anonymised and the figures kept for the
reports (RODO art. 5 ust. 1 lit. e, storage limitation).
"""

from __future__ import annotations

import re
from datetime import date

CATEGORY_PATTERN = r"^(A|Bc|BE?[1-9][0-9]?)$"
_CATEGORY = re.compile(CATEGORY_PATTERN)
DEFAULT_CATEGORY = "B5"


def years(category: str) -> int | None:
    """The years a file of this category is kept; None: for ever (A)."""
    if not _CATEGORY.match(category):
        raise ValueError(f"Nieznana kategoria archiwalna „{category}” (A, B5, BE10, Bc …)")
    if category == "A":
        return None
    if category == "Bc":
        return 0
    return int(category.lstrip("BE"))


def due_from(closed_on: date, category: str) -> date | None:
    """The first day the personal data of a file closed on `closed_on` may go (with consent)."""
    n = years(category)
    return None if n is None else date(closed_on.year + 1 + n, 1, 1)


def cutoff(as_of: date, category: str) -> date | None:
    """Files of this category closed before this day are due on `as_of` (closed_on < cutoff):
    due_from(c) ≤ as_of ⇔ c.year + 1 + n ≤ as_of.year. A sargable bound for the SQL."""
    n = years(category)
    return None if n is None else date(as_of.year - n, 1, 1)


def consent_error(drawn_on: date, consent_on: date, today: date) -> str | None:
    if consent_on > today:
        return "Data zgody archiwum państwowego jest późniejsza niż dzisiejsza"
    if consent_on < drawn_on:
        return "Zgoda archiwum nie może poprzedzać sporządzenia spisu"
    return None


def anonymous_name(debtor_id: int) -> str:
    return f"[dane usunięte – zobowiązany nr {debtor_id}]"
