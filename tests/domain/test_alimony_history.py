"""Monthly history of an alimony debtor: months, awards in force, effective months, art. 5 ust. 3a.

u.p.o.u.a. = ustawa z dnia 7 września 2007 r. o pomocy osobom uprawnionym do alimentów."""

from __future__ import annotations

from datetime import date

import pytest

from app.domain.alimony import (
    Award,
    Month,
    MonthRecord,
    Recovery,
    RecoverySource,
    add_months,
    awarded_for_month,
    effective_run,
    evasion_decision_check,
    last_complete_month,
    monthly_history,
)

AS_OF = date(2026, 11, 23)  # last complete month: 2026-10


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (date(2025, 1, 15), 6, date(2025, 7, 15)),  # KC art. 112: same day number
        (date(2025, 8, 31), 6, date(2026, 2, 28)),  # no 31 February → last day of the month
        (date(2023, 8, 31), 6, date(2024, 2, 29)),  # leap year
        (date(2025, 11, 30), 3, date(2026, 2, 28)),
        (date(2025, 12, 31), -1, date(2025, 11, 30)),
    ],
)
def test_add_months_counts_as_kc_art_112(start: date, months: int, expected: date) -> None:
    assert add_months(start, months) == expected


@pytest.mark.parametrize(
    ("as_of", "expected"),
    [
        (date(2026, 11, 23), Month(2026, 10)),
        (date(2026, 11, 30), Month(2026, 10)),  # as_of's own month is never complete
        (date(2026, 12, 1), Month(2026, 11)),
        (date(2026, 1, 5), Month(2025, 12)),  # across the year
    ],
)
def test_last_complete_month(as_of: date, expected: Month) -> None:
    assert last_complete_month(as_of) == expected


def test_month_arithmetic_and_bounds() -> None:
    assert Month(2025, 12).plus(1) == Month(2026, 1)
    assert Month(2025, 1).plus(-1) == Month(2024, 12)
    assert Month(2024, 2).last_day == date(2024, 2, 29)
    assert str(Month(2026, 3)) == "2026-03"
    with pytest.raises(ValueError, match="1–12"):
        Month(2026, 13)


# The month's award is the one in force on its first day (alimony is payable monthly in advance).
AWARDS_CHANGED_ON_1ST = [Award(date(2020, 1, 1), 50_000), Award(date(2025, 3, 1), 60_000)]
AWARDS_CHANGED_ON_15TH = [Award(date(2020, 1, 1), 50_000), Award(date(2025, 3, 15), 60_000)]


@pytest.mark.parametrize(
    ("awards", "month", "expected"),
    [
        (AWARDS_CHANGED_ON_1ST, Month(2025, 2), 50_000),
        (AWARDS_CHANGED_ON_1ST, Month(2025, 3), 60_000),  # a change on the 1st: that month
        (AWARDS_CHANGED_ON_15TH, Month(2025, 3), 50_000),  # a change on the 15th: next month
        (AWARDS_CHANGED_ON_15TH, Month(2025, 4), 60_000),
        (AWARDS_CHANGED_ON_1ST, Month(2019, 12), 0),  # before the first award
    ],
)
def test_awarded_for_month_is_the_award_in_force_on_the_first_day(
    awards: list[Award], month: Month, expected: int
) -> None:
    assert awarded_for_month(awards, month) == expected


def test_awarded_for_month_sums_entitled_persons_and_zero_ends_one() -> None:
    awards = [
        Award(date(2020, 1, 1), 40_000, entitled="Ala"),
        Award(date(2021, 6, 1), 35_000, entitled="Olek"),
        Award(date(2024, 9, 1), 0, entitled="Ala"),  # Ala's alimony ends
    ]
    assert awarded_for_month(awards, Month(2021, 5)) == 40_000
    assert awarded_for_month(awards, Month(2021, 6)) == 75_000
    assert awarded_for_month(awards, Month(2024, 9)) == 35_000


def test_monthly_history_starts_at_first_award_and_ends_before_as_of_month() -> None:
    awards = [Award(date(2026, 7, 1), 50_000)]
    recoveries = [
        Recovery(date(2026, 6, 10), 50_000),  # before the first award: ignored
        Recovery(date(2026, 7, 10), 30_000),
        Recovery(date(2026, 7, 28), 20_000, RecoverySource.WPLATA_DOBROWOLNA),  # sources add up
        Recovery(date(2026, 9, 10), 60_000),
        Recovery(date(2026, 11, 10), 50_000),  # as_of's month is not complete: ignored
    ]
    history = monthly_history(awards, recoveries, as_of=AS_OF)
    assert history == (
        MonthRecord(Month(2026, 7), 50_000, 50_000),
        MonthRecord(Month(2026, 8), 50_000, 0),
        MonthRecord(Month(2026, 9), 50_000, 60_000),  # no carry-over into October
        MonthRecord(Month(2026, 10), 50_000, 0),
    )
    assert monthly_history([], recoveries, as_of=AS_OF) == ()


@pytest.mark.parametrize(
    ("awarded", "recovered", "effective"),
    [
        (50_000, 50_000, True),  # art. 30 ust. 1 "nie niższej niż": equal counts
        (50_000, 49_999, False),
        (50_000, 80_000, True),
        (0, 10_000, False),  # nothing awarded: not effective
    ],
)
def test_month_is_effective_when_recovered_at_least_awarded(
    awarded: int, recovered: int, effective: bool
) -> None:
    assert MonthRecord(Month(2026, 1), awarded, recovered).effective is effective


def test_effective_run_ends_with_last_complete_month_and_a_gap_resets_it() -> None:
    history = [
        MonthRecord(Month(2026, 6), 50_000, 50_000),
        MonthRecord(Month(2026, 7), 50_000, 10_000),  # not effective: resets
        MonthRecord(Month(2026, 8), 50_000, 50_000),
        MonthRecord(Month(2026, 9), 50_000, 50_000),
        MonthRecord(Month(2026, 10), 50_000, 50_000),
    ]
    assert [r.month for r in effective_run(history, AS_OF)] == [
        Month(2026, 8),
        Month(2026, 9),
        Month(2026, 10),
    ]
    # A month missing from the history is a gap too.
    assert effective_run([history[0], history[3], history[4]], AS_OF) == tuple(history[3:])
    # The last complete month (2026-11 for as_of 2026-12-01) is missing: no run at all.
    assert effective_run(history, date(2026, 12, 1)) == ()


# --- art. 5 ust. 3a ------------------------------------------------------------------------------


def _six_months(paid: list[int], awarded: int = 50_001) -> list[MonthRecord]:
    months = [Month(2026, 5).plus(i) for i in range(6)]  # 2026-05 … 2026-10
    return [MonthRecord(m, awarded, p) for m, p in zip(months, paid, strict=True)]


@pytest.mark.parametrize(
    ("paid", "barred", "not_met"),
    [
        # u.p.o.u.a. art. 5 ust. 3a: at least 50 % of the current alimony in EACH of the last 6
        # months. 50 % of 500.01 zł is 250.005 zł: 250.01 zł meets it, 250.00 zł does not.
        ([25_001] * 6, True, ()),
        ([50_001] * 5 + [25_000], False, (Month(2026, 10),)),
        ([0] + [60_000] * 5, False, (Month(2026, 5),)),
    ],
)
def test_evasion_decision_barred_when_each_of_last_6_months_half_paid(
    paid: list[int], barred: bool, not_met: tuple[Month, ...]
) -> None:
    check = evasion_decision_check(_six_months(paid), AS_OF)
    assert check.decision_barred is barred
    assert check.months_not_met == not_met
    assert [m.month for m in check.months] == [Month(2026, 5).plus(i) for i in range(6)]


def test_evasion_check_missing_month_and_no_award_are_not_met() -> None:
    history = _six_months([50_001] * 6)
    history[2] = MonthRecord(Month(2026, 7), 0, 10_000)  # no alimony in force that month
    del history[4]  # 2026-09 missing from the history
    check = evasion_decision_check(history, AS_OF)
    assert check.decision_barred is False
    assert check.months_not_met == (Month(2026, 7), Month(2026, 9))
    assert check.months[4].awarded == 0
    assert check.months[4].paid == 0
