"""Limitation: the first time-barred day, per the kind's rule (years counted as KC art. 112)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from app.domain.deadlines import payment_term_end
from app.domain.kinds import LimitationRule
from app.domain.limitation import LimitationRuleError, add_years, time_barred_from
from tests.domain.seed import FUNDUSZ, OPLATA_POBYT

ART_70 = replace(
    OPLATA_POBYT,
    limitation_rule=LimitationRule.OP_ART_70,
    limitation_years=5,
    limitation_interrupted_by_payment=False,
)
NIENALEZNE = replace(
    OPLATA_POBYT,
    code="nienaleznie_pobrane",
    limitation_rule=LimitationRule.YEARS_FROM_DECISION,
    limitation_interrupted_by_payment=False,
)


@pytest.mark.parametrize(
    ("term_ended_on", "payments", "expected"),
    [
        # Seed 003 §5: 3 years from the day the term ran out; time-barred from the next day
        (date(2024, 3, 15), [], date(2027, 3, 16)),
        # A partial payment interrupts: a new 3-year period from the payment (seed 003 §5.2)
        (date(2024, 3, 15), [date(2025, 6, 10)], date(2028, 6, 11)),
        # Two payments: the later one counts
        (date(2024, 3, 15), [date(2026, 1, 2), date(2025, 6, 10)], date(2029, 1, 3)),
        # A payment within the term (on its last day) does not interrupt a period not yet running
        (date(2024, 3, 15), [date(2024, 3, 15)], date(2027, 3, 16)),
        # A payment after the receivable is time-barred does not revive it
        (date(2024, 3, 15), [date(2027, 3, 16)], date(2027, 3, 16)),
        # ... but one on the period's last day does
        (date(2024, 3, 15), [date(2027, 3, 15)], date(2030, 3, 16)),
        # KC art. 112: from 29 Feb, the period ends on the last day of February
        (date(2024, 2, 29), [], date(2027, 3, 1)),
        # interrupted on a 29 Feb: 2024-02-29 + 3 years → 2027-02-28, barred from 2027-03-01
        (date(2023, 12, 1), [date(2024, 2, 29)], date(2027, 3, 1)),
    ],
)
def test_years_from_term(term_ended_on: date, payments: list[date], expected: date) -> None:
    got = time_barred_from(OPLATA_POBYT, term_ended_on=term_ended_on, payments=payments)
    assert got == expected


def test_term_ending_on_a_holiday() -> None:
    # Delivered 2025-10-28 + 14 days = 2025-11-11 (holiday) → the term ran out on 2025-11-12
    # (OP art. 12 §5); 3 years from then → time-barred from 2028-11-13.
    term = payment_term_end(date(2025, 10, 28), 14)
    assert time_barred_from(OPLATA_POBYT, term_ended_on=term) == date(2028, 11, 13)


def test_payment_does_not_interrupt_when_the_kind_says_so() -> None:
    rules = replace(OPLATA_POBYT, limitation_interrupted_by_payment=False)
    got = time_barred_from(rules, term_ended_on=date(2024, 3, 15), payments=[date(2025, 6, 10)])
    assert got == date(2027, 3, 16)


@pytest.mark.parametrize(
    ("term_ended_on", "payments", "measures", "expected"),
    [
        # OP art. 70 §1: 5 years from the end of the year of the term → barred from 1 Jan of +6
        (date(2024, 3, 15), [], [], date(2030, 1, 1)),
        (date(2024, 12, 31), [], [], date(2030, 1, 1)),
        # not interrupted by a partial payment
        (date(2024, 3, 15), [date(2025, 6, 10)], [], date(2030, 1, 1)),
        # OP art. 70 §4: a notified enforcement measure on 2026-05-20 → a new period from
        # 2026-05-21, ending 2031-05-20 → barred from 2031-05-21
        (date(2024, 3, 15), [], [date(2026, 5, 20)], date(2031, 5, 21)),
        # An early measure would end the new period before the old one: the later end is kept
        (date(2024, 12, 20), [], [date(2024, 12, 30)], date(2030, 1, 1)),
    ],
)
def test_op_art_70(
    term_ended_on: date, payments: list[date], measures: list[date], expected: date
) -> None:
    got = time_barred_from(
        ART_70, term_ended_on=term_ended_on, payments=payments, interruptions=measures
    )
    assert got == expected


@pytest.mark.parametrize(
    ("decision", "measures", "expected"),
    [
        # art. 23 of the alimony act: 3 years from the decision becoming final
        (date(2023, 5, 10), [], date(2026, 5, 11)),
        (date(2023, 5, 10), [date(2025, 1, 15)], date(2028, 1, 16)),
        (None, [], None),  # no final decision yet: nothing runs
    ],
)
def test_years_from_decision(decision: date | None, measures: list[date], expected: date) -> None:
    got = time_barred_from(
        NIENALEZNE,
        term_ended_on=date(2023, 1, 1),
        decision_final_on=decision,
        interruptions=measures,
    )
    assert got == expected


def test_no_limitation() -> None:
    assert time_barred_from(FUNDUSZ, term_ended_on=date(2020, 1, 1)) is None


def test_no_term_yet() -> None:
    assert time_barred_from(OPLATA_POBYT, term_ended_on=None) is None


def test_rule_without_years_is_refused() -> None:
    with pytest.raises(LimitationRuleError, match="limitation_years"):
        time_barred_from(
            replace(OPLATA_POBYT, limitation_years=None), term_ended_on=date(2024, 3, 15)
        )


@pytest.mark.parametrize(
    ("day", "years", "expected"),
    [
        (date(2024, 2, 29), 1, date(2025, 2, 28)),
        (date(2024, 2, 29), 4, date(2028, 2, 29)),
        (date(2023, 12, 31), 3, date(2026, 12, 31)),
    ],
)
def test_add_years(day: date, years: int, expected: date) -> None:
    assert add_years(day, years) == expected
