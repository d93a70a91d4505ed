"""The rules of the chief accountant's statements (app/domain/statements.py), worked by hand."""

from __future__ import annotations

from datetime import date

import pytest

from app.domain.parameters import ParameterRow, ParameterTable
from app.domain.statements import (
    Movements,
    aging_buckets,
    month_ends,
    quarter_end,
    rb27_cells,
    share_periods,
    split_recovery,
)


def test_aging_buckets_count_days_and_years_as_kc_112():
    # 2025-06-30: 30 days back is 2025-05-31; one year back 2024-06-30 (KC art. 112: same date);
    # three years back 2022-06-30.
    got = [(b.label, b.oldest, b.newest) for b in aging_buckets(date(2025, 6, 30))]
    assert got == [
        ("0–30 dni", date(2025, 5, 31), date(2025, 6, 30)),
        ("31–90 dni", date(2025, 4, 1), date(2025, 5, 30)),
        ("91–180 dni", date(2025, 1, 1), date(2025, 3, 31)),
        ("181–365 dni", date(2024, 6, 30), date(2024, 12, 31)),
        ("1–3 lata", date(2022, 6, 30), date(2024, 6, 29)),
        ("powyżej 3 lat", None, date(2022, 6, 29)),
    ]


def test_a_29_february_year_back_is_the_28th():
    # KC art. 112: with no matching day, the period ends on the last day of the month.
    buckets = aging_buckets(date(2028, 2, 29))
    assert (buckets[3].oldest, buckets[4].oldest) == (date(2027, 2, 28), date(2025, 2, 28))


def test_month_ends():
    assert month_ends(date(2025, 3, 15), 4) == (
        date(2024, 12, 31),
        date(2025, 1, 31),
        date(2025, 2, 28),
        date(2025, 3, 15),
    )


@pytest.mark.parametrize(
    ("day", "expected"),
    [(date(2025, 3, 31), True), (date(2025, 6, 30), True), (date(2025, 5, 31), False),
     (date(2025, 12, 31), True), (date(2025, 9, 29), False)],
)  # fmt: skip
def test_quarter_end(day, expected):
    assert quarter_end(day) is expected


@pytest.mark.parametrize(
    ("amount", "state", "commune"),
    [
        (30000, 18000, 12000),  # art. 27 ust. 3 u.p.o.u.a.: 60 % / 40 %
        (101274, 60764, 40510),  # 607.644 → 607.64 (half up), the commune the rest
        (1, 1, 0),  # 0.6 gr → 1 gr to the state
        (0, 0, 0),
    ],
)
def test_split_recovery(amount, state, commune):
    assert split_recovery(amount, 60, 40) == (state, commune)
    assert sum(split_recovery(amount, 60, 40)) == amount


def test_shares_must_add_up():
    with pytest.raises(ValueError, match="nie sumują się do 100"):
        split_recovery(100, 60, 50)


def test_share_periods_cut_where_the_parameter_changes():
    rows = [
        ParameterRow("s", date(2008, 10, 1), 50),
        ParameterRow("s", date(2025, 5, 1), 60),
        ParameterRow("c", date(2008, 10, 1), 50),
        ParameterRow("c", date(2025, 5, 1), 40),
    ]
    got = share_periods(
        date(2025, 4, 1),
        date(2025, 6, 30),
        ParameterTable.of("s", rows),
        ParameterTable.of("c", rows),
    )
    assert [(p.valid_from, p.valid_to, p.state_percent, p.commune_percent) for p in got] == [
        (date(2025, 4, 1), date(2025, 4, 30), 50, 50),
        (date(2025, 5, 1), date(2025, 6, 30), 60, 40),
    ]


def test_rb27_cells_from_the_movements():
    # The quarter of tests/reports/test_rb27s.py: 1,000 + 700 − 350 − 100 − 1,000 + 50 = 300.
    m = Movements(100000, 70000, 35000, 10000, 100000, 5000, 30000)
    assert m.balanced
    cells = rb27_cells(m, overdue=30000)
    assert (cells.due, cells.collected, cells.remaining, cells.arrears_net, cells.overpayments) == (
        60000, 35000, 30000, 25000, 5000,
    )  # fmt: skip
