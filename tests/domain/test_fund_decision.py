"""Pure rules of issue 18 item 7 and issue 16 item 8: the equal instalments of a relief decision
(art. 30 ust. 2 u.p.o.u.a.) and what a fund decision covers (art. 27 ust. 1 u.p.o.u.a.)."""

from __future__ import annotations

from datetime import date

import pytest

from app.domain.fund_decision import DecisionRefused, PayoutLine, check_decided_amount, coverage
from app.domain.instalments import equal_plan

PAYOUTS = [
    PayoutLine(date(2026, 2, 10), 50000),
    PayoutLine(date(2026, 3, 10), 50000),
    PayoutLine(date(2026, 5, 11), 45000),
]


def test_equal_instalments_the_last_one_makes_up_the_grosze():
    # 1000.00 in 3: 333.33, 333.33 and 1000.00 − 666.66 = 333.34; monthly from 31.01.2026, the
    # month's last day where it has no 31st (KC art. 112): 28.02, 31.03.
    assert equal_plan(100000, 3, date(2026, 1, 31)) == [
        (date(2026, 1, 31), 33333),
        (date(2026, 2, 28), 33333),
        (date(2026, 3, 31), 33334),
    ]
    with pytest.raises(ValueError, match="nie daje się rozłożyć"):
        equal_plan(1, 2, date(2026, 1, 31))  # 0.01 zł cannot be split into two instalments


def test_the_decision_covers_its_period_and_the_rest_needs_a_new_one():
    c = coverage(PAYOUTS, 100000, date(2026, 2, 1), date(2026, 3, 31))
    assert (c.covered, c.after, c.after_count, c.before) == (100000, 45000, 1, 0)
    assert c.needs_new_decision
    check_decided_amount(PAYOUTS, 100000, date(2026, 2, 1), date(2026, 3, 31), date(2026, 4, 20))
    with pytest.raises(DecisionRefused, match=r"\(1000.00 zł, 2 wypłat\)"):
        check_decided_amount(
            PAYOUTS, 145000, date(2026, 2, 1), date(2026, 3, 31), date(2026, 4, 20)
        )
    with pytest.raises(DecisionRefused, match="najpóźniej w dniu wydania"):
        check_decided_amount(
            PAYOUTS, 100000, date(2026, 2, 1), date(2026, 4, 21), date(2026, 4, 20)
        )
    with pytest.raises(DecisionRefused, match="nie wypłacono"):
        check_decided_amount(PAYOUTS, 100, date(2026, 4, 1), date(2026, 4, 20), date(2026, 4, 20))
