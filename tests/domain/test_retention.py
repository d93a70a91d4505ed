"""Issue 20 item 8: when a closed file's personal data may go, by its JRWA category. The period
runs in full calendar years from 1 January of the year after the case was closed; kategoria A is
kept for ever (ustawa o narodowym zasobie archiwalnym i archiwach art. 3, art. 5 ust. 1); B-files
go only with the state archive's consent (art. 5 ust. 2)."""

from datetime import date

import pytest

from app.domain.retention import consent_error, cutoff, due_from, years


@pytest.mark.parametrize(
    ("category", "closed_on", "due"),
    [
        # B5, closed 10.06.2019: 2020-2024 kept, may go from 1.01.2025.
        ("B5", date(2019, 6, 10), date(2025, 1, 1)),
        # Closed on 31.12.2019, the same: the year of closing never counts.
        ("B5", date(2019, 12, 31), date(2025, 1, 1)),
        ("B10", date(2015, 1, 2), date(2026, 1, 1)),
        ("BE5", date(2019, 6, 10), date(2025, 1, 1)),
        ("Bc", date(2019, 6, 10), date(2020, 1, 1)),
        ("A", date(2019, 6, 10), None),
    ],
)
def test_due_from(category, closed_on, due):
    assert due_from(closed_on, category) == due


def test_the_cutoff_agrees_with_due_from():
    # As of 1.01.2025 a B5 file closed before 1.01.2020 is due; as of 31.12.2024, before 2019.
    assert cutoff(date(2025, 1, 1), "B5") == date(2020, 1, 1)
    assert cutoff(date(2024, 12, 31), "B5") == date(2019, 1, 1)
    assert cutoff(date(2025, 1, 1), "A") is None


def test_unknown_category_is_refused():
    assert years("B25") == 25
    with pytest.raises(ValueError, match="kategoria"):
        years("C5")


def test_consent_after_the_list_and_not_in_the_future():
    drawn = date(2025, 2, 3)
    assert consent_error(drawn, date(2025, 3, 1), date(2025, 3, 2)) is None
    assert consent_error(drawn, date(2025, 2, 2), date(2025, 3, 2))
    assert consent_error(drawn, date(2025, 3, 3), date(2025, 3, 2))
