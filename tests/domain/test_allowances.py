"""Issue 22 item 6: year-end write-down allowances (ustawa o rachunkowości art. 35b ust. 1 pkt 3
and 5) by the unit's rules: 100 % of the principal overdue more than 12 months, 100 % of the
principal owed by a deceased debtor (the seeded example rules)."""

from datetime import date

import pytest

from app.domain.allowances import Facts, Rules, add_months, allowance, full_months_between

RULES = Rules(overdue_months=12, overdue_percent=100, deceased_percent=100)
YEAR_END = date(2026, 12, 31)


@pytest.mark.parametrize(
    ("term", "expected"),
    [
        (date(2025, 12, 31), None),  # 12 months end on 31.12.2026 itself: not more than 12
        (date(2025, 12, 30), 25000),  # one day more: 100 % of 250.00
        (date(2024, 3, 19), 25000),
    ],
)
def test_overdue_more_than_n_months(term, expected):
    found = allowance(Facts(25000, term, True, False), RULES, YEAR_END)
    assert (found.amount if found else None) == expected


def test_half_a_grosz_rounds_up_and_the_higher_rule_counts():
    rules = Rules(12, 50, 100)
    # 50 % of 100.01 zł = 50.005 → 50.01 zł.
    overdue = allowance(Facts(10001, date(2024, 1, 31), True, False), rules, YEAR_END)
    assert (overdue.percent, overdue.amount, overdue.overdue_months) == (50, 5001, 35)
    both = allowance(Facts(10001, date(2024, 1, 31), True, True), rules, YEAR_END)
    assert (both.percent, both.amount) == (100, 10001)
    assert "zmarły" in both.basis and "ponad 12 mies." in both.basis


def test_no_allowance_for_what_is_not_due_or_paid():
    assert allowance(Facts(25000, date(2024, 1, 31), False, False), RULES, YEAR_END) is None
    assert allowance(Facts(0, date(2024, 1, 31), True, True), RULES, YEAR_END) is None
    assert allowance(Facts(25000, None, False, True), RULES, YEAR_END).amount == 25000


def test_month_arithmetic_keeps_the_end_of_the_month():
    assert add_months(date(2025, 1, 31), 1) == date(2025, 2, 28)
    assert full_months_between(date(2025, 1, 31), date(2025, 2, 28)) == 1
    assert full_months_between(date(2025, 3, 19), date(2025, 4, 18)) == 0
