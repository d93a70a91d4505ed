"""Closed files go to the archive, and the year-end cut-off.

Seed 003 §5.4: "Akta spraw zakończonych, tj. sprawy spłacone, umorzone, przedawnione przechowuje
się w windykacji przez okres dwóch lat. Po upływie tego okresu akta spraw pracownik windykacji
przekazuje do zakładowej składnicy akt." The two years are counted as KC art. 112 counts years: the
period runs from the closing day (not counted, KC art. 111 §2) and ends on the day that matches it
by date two years later, or on the last day of the month when there is no such day (29 February).
The file goes to the archive from the next day: closed 2023-05-10 → period ends 2025-05-10 →
archive from 2025-05-11; closed 2024-02-29 → ends 2026-02-28 → archive from 2026-03-01.
"""

from __future__ import annotations

from datetime import date, timedelta

from app.domain.limitation import add_years

KEEP_YEARS = 2  # seed 003 §5.4: "przez okres dwóch lat"
_DAY = timedelta(days=1)


def archive_from(closed_on: date) -> date:
    """The first day a file closed on `closed_on` goes to the archive."""
    return add_years(closed_on, KEEP_YEARS) + _DAY


def archive_cutoff(as_of: date) -> date:
    """The files closed before this day are archivable on `as_of` (`closed_on < cutoff`): the
    earliest closing day whose archive_from is still after `as_of`. archive_from is monotone, so
    this is a sargable bound for the SQL. KC art. 112 maps 28 and 29 February of a leap year to the
    same end day, which a plain "as_of minus two years" would get wrong around 29 February."""
    cutoff = add_years(as_of, -KEEP_YEARS) - 2 * _DAY
    while archive_from(cutoff) <= as_of:
        cutoff += _DAY
    return cutoff


def year_end_cutoff(year: int) -> date:
    """The year-end lists are drawn up as of 31 December (seed 003 §5.3: "na koniec roku
    kalendarzowego")."""
    return date(year, 12, 31)
