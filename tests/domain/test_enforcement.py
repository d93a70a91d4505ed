"""The road to enforcement as the kind's rules (issue 16 item 8) and the deduction limit (item 10):
pure functions, figures worked out by hand from the provisions cited."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from app.domain.enforcement import (
    DeductionRefused,
    EnforcementFacts,
    appeal_term_over,
    check_deduction,
    decision_term_end,
    deduction_limit,
    next_step,
    reminder_refusal,
)
from app.domain.lifecycle import State
from tests.domain.seed import FUNDUSZ, OPLATA_POBYT

FUND = replace(FUNDUSZ, decision_required=True)
DUE = EnforcementFacts(State.WYMAGALNA)


def test_without_a_decision_the_fund_has_no_reminder_and_the_card_asks_for_it():
    # art. 27 u.p.o.u.a.: the commune of the debtor fixes the amount by decision; u.p.e.a.
    # art. 15 §1: the reminder precedes enforcement, so it waits for that decision.
    assert next_step(FUND, DUE, date(2026, 4, 1)).code == "decyzja"
    assert "decyzj" in (reminder_refusal(FUND, DUE, date(2026, 4, 1)) or "")


def test_a_delivered_decision_is_final_at_the_earliest_after_the_appeal_term():
    # KPA art. 129 §2: 14 days from delivery on 2026-04-24 end on 2026-05-08 (a Friday): final
    # from 2026-05-09. Delivered on 2026-12-10: the term ends on 2026-12-24, a holiday since 2025,
    # moved (KPA art. 57 §5) past Christmas and the weekend to Monday 2026-12-28: final from 29th.
    f = replace(DUE, decision_ref="FA/1", decision_delivered_on=date(2026, 4, 24))
    step = next_step(FUND, f, date(2026, 4, 30))
    assert (step.code, step.from_day) == ("decyzja_ostateczna", date(2026, 5, 9))
    assert appeal_term_over(date(2026, 12, 10)) == date(2026, 12, 29)


def test_the_term_runs_from_finality_then_the_reminder_then_the_title():
    # 14 days from finality on 2026-05-09 end on Saturday 2026-05-23 → Monday 2026-05-25.
    assert decision_term_end(date(2026, 5, 9), 14) == date(2026, 5, 25)
    f = replace(DUE, decision_final_on=date(2026, 5, 9), payment_term_ends_on=date(2026, 5, 25))
    assert reminder_refusal(FUND, f, date(2026, 5, 25)) is not None  # the term's last day
    assert reminder_refusal(FUND, f, date(2026, 5, 26)) is None
    assert (next_step(FUND, f, date(2026, 5, 26)).code) == "upomnienie"
    sent = replace(f, state=State.UPOMNIENIE)
    assert next_step(FUND, sent, date(2026, 6, 1)).code == "doreczenie_upomnienia"
    # Delivered 2026-06-03: 7 days (u.p.e.a. art. 15 §1) end 2026-06-10; title from 06-11.
    running = replace(sent, reminder_term_ends_on=date(2026, 6, 10))
    assert next_step(FUND, running, date(2026, 6, 10)).code == "termin_upomnienia"
    step = next_step(FUND, running, date(2026, 6, 11))
    assert (step.code, step.from_day) == ("tytul", date(2026, 6, 11))


def test_a_kind_without_a_decision_or_reminder_goes_straight_to_its_title():
    no_reminder = replace(OPLATA_POBYT, reminder_required=False)
    f = replace(DUE, payment_term_ends_on=date(2025, 3, 19))
    assert next_step(OPLATA_POBYT, f, date(2025, 3, 20)).code == "upomnienie"
    assert next_step(no_reminder, f, date(2025, 3, 20)).code == "tytul"
    closed = replace(f, state=State.ZAPLACONA)
    assert next_step(OPLATA_POBYT, closed, date(2025, 3, 20)).code == "brak"


def test_the_deduction_limit_is_a_share_of_the_benefit_and_never_above_the_balance():
    # 100 % of a benefit of 215.84 zł; 50 % of 215.85 zł is 107.925 → 107.92 (never above the
    # share the act allows); never above the 80.00 zł still owed.
    assert deduction_limit(21_584, 100, 100_000) == 21_584
    assert deduction_limit(21_585, 50, 100_000) == 10_792
    assert deduction_limit(21_584, 100, 8_000) == 8_000


def test_no_deduction_before_the_decision_is_final_nor_above_the_limit():
    # art. 30 u.ś.r.: amounts "ustalone ostateczną decyzją" are deducted from benefits paid.
    kw = {"benefit_paid": 21_584, "percent": 100, "balance": 100_000}
    with pytest.raises(DeductionRefused):
        check_deduction(100, **kw, decision_final_on=None, deducted_on=date(2026, 3, 10))
    with pytest.raises(DeductionRefused):
        check_deduction(
            100, **kw, decision_final_on=date(2026, 3, 11), deducted_on=date(2026, 3, 10)
        )
    with pytest.raises(DeductionRefused):
        check_deduction(
            21_585, **kw, decision_final_on=date(2026, 2, 20), deducted_on=date(2026, 3, 10)
        )
    check_deduction(
        21_584, **kw, decision_final_on=date(2026, 2, 20), deducted_on=date(2026, 3, 10)
    )
