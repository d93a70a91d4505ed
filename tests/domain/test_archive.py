"""Closed files go to the archive two years after closing (seed 003 §5.4), years counted as in
KC art. 112; the SQL bound `closed_on < archive_cutoff(as_of)` agrees with the rule on every day."""

from datetime import date, timedelta

import pytest

from app.domain.archive import archive_cutoff, archive_from, year_end_cutoff

D = date.fromisoformat


@pytest.mark.parametrize(
    ("closed_on", "expected"),
    [
        # KC art. 112: the period ends on the matching day two years later; archived from the
        # next day.
        ("2023-05-10", "2025-05-11"),
        ("2023-12-31", "2026-01-01"),
        # No 29 February in 2026: the period ends on the last day of February (KC art. 112).
        ("2024-02-29", "2026-03-01"),
        ("2024-02-28", "2026-03-01"),
        ("2024-03-01", "2026-03-02"),
        # Closed on 28 February 2026: the period ends on 28 February 2028, archive from 29 February.
        ("2026-02-28", "2028-02-29"),
    ],
)
def test_archive_from(closed_on, expected):
    assert archive_from(D(closed_on)) == D(expected)


@pytest.mark.parametrize(
    ("as_of", "expected"),
    [
        ("2025-05-10", "2023-05-10"),  # closed 2023-05-10 is not archivable yet on 2025-05-10
        ("2025-05-11", "2023-05-11"),  # ... and is from 2025-05-11
        ("2026-02-28", "2024-02-28"),
        (
            "2026-03-01",
            "2024-03-01",
        ),  # both 28 and 29 February 2024 become archivable on 1 March 2026
        ("2028-02-29", "2026-03-01"),  # closed 2026-02-28 is archivable on 29 February 2028
    ],
)
def test_archive_cutoff(as_of, expected):
    assert archive_cutoff(D(as_of)) == D(expected)


def test_cutoff_agrees_with_the_rule_on_every_day_of_four_years():
    # Every as_of over 2026-2029 (one leap year) against every closing day around its cutoff.
    day = D("2026-01-01")
    while day < D("2030-01-01"):
        cutoff = archive_cutoff(day)
        for closed in (cutoff - timedelta(days=k) for k in range(-3, 4)):
            assert (closed < cutoff) == (archive_from(closed) <= day), (day, closed)
        day += timedelta(days=1)


def test_year_end_cutoff_is_31_december():
    # Seed 003 §5.3: "na koniec roku kalendarzowego".
    assert year_end_cutoff(2025) == D("2025-12-31")
