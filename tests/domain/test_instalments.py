"""Missed instalments (OP art. 49 §1–2 via u.f.p. art. 67 §1): worked cases with exact dates.

The plan in every row: decision 2025-05-05; three instalments of 100.00 zł due 2025-05-30,
2025-06-30 and 2025-07-31 (grosze in the code)."""

from datetime import date

import pytest

from app.domain.instalments import (
    InstalmentDue,
    InstalmentPlan,
    MissedInstalment,
    PaymentMade,
    missed_instalment,
)

D = date.fromisoformat
PLAN = InstalmentPlan(
    D("2025-05-05"),
    (
        InstalmentDue(1, D("2025-05-30"), 100_00),
        InstalmentDue(2, D("2025-06-30"), 100_00),
        InstalmentDue(3, D("2025-07-31"), 100_00),
    ),
)


def pay(*rows: tuple[str, int]) -> list[PaymentMade]:
    return [PaymentMade(D(on), amount) for on, amount in rows]


@pytest.mark.parametrize(
    ("payments", "as_of", "expected"),
    [
        # The last day of the first instalment has not passed: nothing is missed yet.
        ([], "2025-05-30", None),
        # 2025-05-31: unpaid instalment 1 is missed; the receivable goes back from 2025-05-31.
        ([], "2025-05-31", (1, "2025-05-30")),
        # Paid on the due day itself is in time (OP art. 60 §1: the day of the debit).
        (pay(("2025-05-30", 100_00)), "2025-05-31", None),
        # One grosz short is a missed instalment.
        (pay(("2025-05-30", 99_99)), "2025-05-31", (1, "2025-05-30")),
        # A late payment does not cure the instalment already missed.
        (pay(("2025-05-31", 100_00)), "2025-06-02", (1, "2025-05-30")),
        # Cumulative: 200.00 paid with the first instalment also covers the second.
        (pay(("2025-05-20", 200_00)), "2025-07-01", None),
        # ... but not the third.
        (pay(("2025-05-20", 200_00)), "2025-08-01", (3, "2025-07-31")),
        # A payment before the decision was part of the balance the plan split: not counted.
        (pay(("2025-05-04", 100_00)), "2025-05-31", (1, "2025-05-30")),
        # A payment on the decision day counts (decided_on <= paid_on).
        (pay(("2025-05-05", 100_00)), "2025-05-31", None),
        # The earliest missed one is reported when a catch-up run finds several.
        ([], "2025-09-01", (1, "2025-05-30")),
        # Instalments 1 and 2 in time, 3 missed; a later payment does not move the date back.
        (
            pay(("2025-05-30", 100_00), ("2025-06-30", 100_00), ("2025-08-05", 100_00)),
            "2025-08-10",
            (3, "2025-07-31"),
        ),
        # Everything paid in time: the plan is kept.
        (
            pay(("2025-05-30", 100_00), ("2025-06-30", 100_00), ("2025-07-31", 100_00)),
            "2025-12-31",
            None,
        ),
    ],
)
def test_missed_instalment(payments, as_of, expected):
    got = missed_instalment(PLAN, payments, D(as_of))
    assert got == (MissedInstalment(expected[0], D(expected[1])) if expected else None)


def test_the_receivable_goes_back_the_day_after_the_due_date():
    # Due 2025-06-30 (Mon), unpaid → enforcement resumes from 2025-07-01.
    assert MissedInstalment(2, D("2025-06-30")).resumed_on == D("2025-07-01")


def test_instalments_are_taken_in_due_date_order_whatever_their_numbers():
    plan = InstalmentPlan(
        D("2025-05-05"),
        (InstalmentDue(2, D("2025-06-30"), 100_00), InstalmentDue(1, D("2025-05-30"), 100_00)),
    )
    assert missed_instalment(
        plan, pay(("2025-05-30", 100_00)), D("2025-07-01")
    ) == MissedInstalment(2, D("2025-06-30"))
