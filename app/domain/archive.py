"""Closed files go to the archive, and the year-end cut-off.

Seed 003 §5.4: "Akta spraw zakończonych, tj. sprawy spłacone, umorzone, przedawnione przechowuje
się w windykacji przez okres dwóch lat. Po upływie tego okresu akta spraw pracownik windykacji
przekazuje do zakładowej składnicy akt." The two years are counted as archives count them (the
instruction on office records: the retention period runs in full years from 1 January of the year
after the case was closed; DOMAIN.md, issue 16 item 7): a file closed on 2023-05-10 is kept through
2024 and 2025 and goes to the archive from 2026-01-01. Every file closed in one year goes on the
same day.
"""

from __future__ import annotations

from datetime import date

KEEP_YEARS = 2  # seed 003 §5.4: "przez okres dwóch lat", full calendar years


def archive_from(closed_on: date) -> date:
    """The first day a file closed on `closed_on` goes to the archive: 1 January after two full
    years counted from 1 January of the year following the closing."""
    return date(closed_on.year + 1 + KEEP_YEARS, 1, 1)


def archive_cutoff(as_of: date) -> date:
    """The files closed before this day are archivable on `as_of` (`closed_on < cutoff`):
    archive_from(c) ≤ as_of ⇔ c.year + 3 ≤ as_of.year ⇔ c < 1 January of as_of.year − 2. A
    sargable bound for the SQL."""
    return date(as_of.year - KEEP_YEARS, 1, 1)


def year_end_cutoff(year: int) -> date:
    """The year-end lists are drawn up as of 31 December (seed 003 §5.3: "na koniec roku
    kalendarzowego")."""
    return date(year, 12, 31)
