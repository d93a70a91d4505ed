"""Limitation as data (issue 16 item 5): the kind says which events interrupt and which suspend
the period, a full payment closes without a new period, the absolute bar of art. 23 ust. 4
u.p.o.u.a., and reminder costs that prescribe on their own (u.p.e.a. art. 15 §3c)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from app.domain.kinds import (
    AllocationRule,
    InterestRegime,
    InterestStart,
    LimitationEvent,
    LimitationRule,
)
from app.domain.limitation import (
    LimitationFact,
    decision_barred_from,
    reminder_costs_barred_from,
    time_barred_from,
)
from tests.domain.seed import OPLATA_POBYT

E = LimitationEvent
# art. 23 u.p.o.u.a. (t.j. Dz.U. 2022 poz. 1205): ust. 2 — 3 years from the decision becoming
# final; ust. 3 — interrupted by a deferral, instalments, a notified enforcement measure, and the
# period runs anew from the next day; ust. 4 — no decision after 10 years from the payout.
ART_23 = replace(
    OPLATA_POBYT,
    code="nienaleznie_pobrane",
    interest_regime=InterestRegime.ODSETKI_USTAWOWE_ZA_OPOZNIENIE,
    interest_start=InterestStart.FIRST_OF_NEXT_MONTH,
    allocation_rule=AllocationRule.KC_451_TRANCHES,
    limitation_rule=LimitationRule.YEARS_FROM_DECISION,
    limitation_years=3,
    limitation_interrupted_by_payment=False,
    limitation_interrupted_by=frozenset({E.DEFERRAL, E.INSTALMENTS, E.ENFORCEMENT_MEASURE}),
    decision_bar_years=10,
)
# OP art. 70: §1 five years from the end of the year of the term; §2 pkt 1 and §3 suspended by a
# deferral or instalments until their term; §4 interrupted by a notified enforcement measure;
# a payment does not interrupt it.
ART_70 = replace(
    OPLATA_POBYT,
    limitation_rule=LimitationRule.OP_ART_70,
    limitation_years=5,
    limitation_interrupted_by_payment=False,
    limitation_interrupted_by=frozenset({E.ENFORCEMENT_MEASURE}),
    limitation_suspended_by=frozenset({E.DEFERRAL, E.INSTALMENTS}),
)
FINAL = date(2022, 5, 10)


def test_art_23_instalments_interrupt() -> None:
    # Final 2022-05-10: 3 years end 2025-05-10 (KC art. 112), time-barred from 2025-05-11.
    assert time_barred_from(ART_23, decision_final_on=FINAL) == date(2025, 5, 11)
    # Instalments granted 2023-02-01: a new period from 2023-02-02 ends 2026-02-01 → 2026-02-02.
    instalments = LimitationFact(E.INSTALMENTS, date(2023, 2, 1), until=date(2024, 1, 31))
    got = time_barred_from(ART_23, decision_final_on=FINAL, facts=[instalments])
    assert got == date(2026, 2, 2)


def test_art_23_deferral_and_measure_interrupt_a_payment_does_not() -> None:
    deferral = LimitationFact(E.DEFERRAL, date(2022, 9, 1), until=date(2022, 12, 31))
    measure = LimitationFact(E.ENFORCEMENT_MEASURE, date(2024, 11, 20))
    # the deferral gives 2025-09-02, the measure then 2027-11-21; the payment changes nothing
    got = time_barred_from(
        ART_23,
        decision_final_on=FINAL,
        payments=[date(2025, 1, 15)],
        facts=[deferral, measure],
    )
    assert got == date(2027, 11, 21)
    assert time_barred_from(ART_23, decision_final_on=FINAL, payments=[date(2025, 1, 15)]) == date(
        2025, 5, 11
    )


def test_art_23_instalments_after_the_bar_do_not_revive() -> None:
    late = LimitationFact(E.INSTALMENTS, date(2025, 5, 11), until=date(2026, 1, 31))
    assert time_barred_from(ART_23, decision_final_on=FINAL, facts=[late]) == date(2025, 5, 11)


def test_op_70_suspended_by_instalments_not_interrupted_by_payment() -> None:
    term = date(2020, 3, 10)
    # OP art. 70 §1: the period ends 2025-12-31, time-barred from 2026-01-01.
    assert time_barred_from(ART_70, term_ended_on=term) == date(2026, 1, 1)
    # A payment does not interrupt it under art. 70.
    assert time_barred_from(ART_70, term_ended_on=term, payments=[date(2022, 5, 5)]) == date(
        2026, 1, 1
    )
    # Instalments decided 2021-06-01, last instalment due 2021-12-31: suspended 2021-06-01 to
    # 2021-12-31 = 30+31+31+30+31+30+31 = 214 days; the end 2025-12-31 moves 214 days to
    # 2026-08-02 (Jan 31, Feb 28, Mar 31, Apr 30, May 31, Jun 30, Jul 31 = 212, + 2), so
    # time-barred from 2026-08-03.
    plan = LimitationFact(E.INSTALMENTS, date(2021, 6, 1), until=date(2021, 12, 31))
    assert time_barred_from(ART_70, term_ended_on=term, facts=[plan]) == date(2026, 8, 3)


def test_op_70_suspension_before_the_period_starts_delays_it() -> None:
    # Term 2020-03-10: the period would run from 2021-01-01; instalments decided 2020-06-01 with
    # the last one due 2021-03-31 keep it from starting (art. 70 §2 "nie rozpoczyna się") until
    # 2021-04-01: 90 days of 2021 (31 + 28 + 31), so it ends 2026-03-31, barred from 2026-04-01.
    plan = LimitationFact(E.INSTALMENTS, date(2020, 6, 1), until=date(2021, 3, 31))
    assert time_barred_from(ART_70, term_ended_on=date(2020, 3, 10), facts=[plan]) == date(
        2026, 4, 1
    )


def test_op_70_interrupted_by_a_notified_measure() -> None:
    # art. 70 §4: anew from 2024-09-16, 5 years end 2029-09-15 → barred from 2029-09-16
    measure = LimitationFact(E.ENFORCEMENT_MEASURE, date(2024, 9, 15))
    assert time_barred_from(ART_70, term_ended_on=date(2020, 3, 10), facts=[measure]) == date(
        2029, 9, 16
    )


def test_suspension_without_an_end_leaves_the_day_unknown() -> None:
    open_ended = LimitationFact(E.DEFERRAL, date(2021, 6, 1))
    assert time_barred_from(ART_70, term_ended_on=date(2020, 3, 10), facts=[open_ended]) is None


@pytest.mark.parametrize(
    ("payments", "settled_on", "expected"),
    [
        # seed 003 §5.2: a part payment interrupts: 2025-06-10 → barred from 2028-06-11
        ([date(2025, 6, 10)], None, date(2028, 6, 11)),
        # the same payment settling everything closes the receivable: no new period
        ([date(2025, 6, 10)], date(2025, 6, 10), date(2027, 3, 16)),
        # a part payment, then the full one: only the part payment interrupts
        ([date(2025, 6, 10), date(2026, 1, 2)], date(2026, 1, 2), date(2028, 6, 11)),
    ],
)
def test_full_payment_does_not_start_a_new_period(
    payments: list[date], settled_on: date | None, expected: date
) -> None:
    got = time_barred_from(
        OPLATA_POBYT, term_ended_on=date(2024, 3, 15), payments=payments, settled_on=settled_on
    )
    assert got == expected


def test_the_decision_bar_of_art_23_ust_4() -> None:
    # Payout 2014-03-10: 10 years end 2024-03-10; "more than 10 years" from 2024-03-11.
    assert decision_barred_from(ART_23, date(2014, 3, 10)) == date(2024, 3, 11)
    assert decision_barred_from(OPLATA_POBYT, date(2014, 3, 10)) is None


def test_reminder_costs_prescribe_on_their_own() -> None:
    # u.p.e.a. art. 15 §3c in force 20.02.2021–24.03.2024: 3 years from the end of the year in
    # which the enforced obligation expired. Written off in full 2022-05-10 → 2025-12-31 → barred
    # from 2026-01-01.
    on = date(2023, 6, 1)
    got = reminder_costs_barred_from(
        on, receivable_barred_from=None, receivable_expired_on=date(2022, 5, 10)
    )
    assert got == date(2026, 1, 1)
    # Prescribing on 2027-03-15 (barred from 2027-03-16): costs barred from 2031-01-01.
    got = reminder_costs_barred_from(
        on, receivable_barred_from=date(2027, 3, 16), receivable_expired_on=None
    )
    assert got == date(2031, 1, 1)
    # From 25.03.2024 (Dz.U. 2023 poz. 556, art. 12 also for older costs): with the receivable.
    later = date(2024, 3, 25)
    assert reminder_costs_barred_from(
        later, receivable_barred_from=date(2027, 3, 16), receivable_expired_on=None
    ) == date(2027, 3, 16)
    assert reminder_costs_barred_from(
        later, receivable_barred_from=date(2027, 3, 16), receivable_expired_on=date(2022, 5, 10)
    ) == date(2022, 5, 10)
    # Before 20.02.2021 no separate rule (OP applied "odpowiednio"): not computed.
    assert (
        reminder_costs_barred_from(
            date(2021, 2, 19), receivable_barred_from=date(2027, 3, 16), receivable_expired_on=None
        )
        is None
    )
    # Not expired and not prescribing: unknown.
    assert (
        reminder_costs_barred_from(later, receivable_barred_from=None, receivable_expired_on=None)
        is None
    )
