"""Closed files go to the archive two full years after 1 January of the year following closing
(seed 003 §5.4, as archives count); the SQL bound `closed_on < archive_cutoff(as_of)` agrees with
the rule on every day."""

from datetime import date, timedelta

import pytest

from app.domain.archive import archive_cutoff, archive_from, year_end_cutoff

D = date.fromisoformat


@pytest.mark.parametrize(
    ("closed_on", "expected"),
    [
        # Seed 003 §5.4 counted as archives count: two full years from 1 January of the year after
        # closing (issue 16 item 7: closed 2023-05-10 → archived from 2026-01-01).
        ("2023-05-10", "2026-01-01"),
        ("2023-01-01", "2026-01-01"),  # the whole year 2023 goes on the same day
        ("2023-12-31", "2026-01-01"),
        ("2024-02-29", "2027-01-01"),
        ("2026-02-28", "2029-01-01"),
    ],
)
def test_archive_from(closed_on, expected):
    assert archive_from(D(closed_on)) == D(expected)


@pytest.mark.parametrize(
    ("as_of", "expected"),
    [
        ("2025-12-31", "2023-01-01"),  # closed 2023-05-10 is not archivable yet on 2025-12-31
        ("2026-01-01", "2024-01-01"),  # ... and is from 2026-01-01 (closed_on < 2024-01-01)
        ("2026-06-30", "2024-01-01"),
    ],
)
def test_archive_cutoff(as_of, expected):
    assert archive_cutoff(D(as_of)) == D(expected)


def test_cutoff_agrees_with_the_rule_on_every_day_of_four_years():
    # Every as_of over 2026-2029 (one leap year) against closing days around year boundaries.
    day = D("2026-01-01")
    while day < D("2030-01-01"):
        cutoff = archive_cutoff(day)
        for closed in (cutoff + timedelta(days=k) for k in range(-3, 4)):
            assert (closed < cutoff) == (archive_from(closed) <= day), (day, closed)
        day += timedelta(days=1)


def test_year_end_cutoff_is_31_december():
    # Seed 003 §5.3: "na koniec roku kalendarzowego".
    assert year_end_cutoff(2025) == D("2025-12-31")
