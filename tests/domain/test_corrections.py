"""Issue 20: the money of a correction, decided from the facts and a date (app/domain/corrections.py,
app/domain/disputes.py)."""

from datetime import date

import pytest

from app.domain.corrections import (
    Amendment,
    CorrectionError,
    SetOff,
    increase_interest_from,
    refund_allowed,
    set_off,
    tranches,
)
from app.domain.disputes import answer_due, paused_reason

START = date(2024, 3, 16)


@pytest.mark.parametrize(
    ("amendments", "as_of", "expected"),
    [
        # Not in force yet on the day asked: the original amount.
        ([Amendment(date(2024, 6, 3), 80_000)], date(2024, 6, 2), [(START, 100_000)]),
        # Lowered: from the start (the surplus was never owed).
        ([Amendment(date(2024, 6, 3), 80_000)], date(2024, 6, 3), [(START, 80_000)]),
        # Raised: the difference due 14 days after the decision (OP art. 47 §1): 2024-06-17 is a
        # Monday; interest from the next day (OP art. 53 §1).
        (
            [Amendment(date(2024, 6, 3), 120_000)],
            date(2025, 1, 1),
            [(START, 100_000), (date(2024, 6, 18), 20_000)],
        ),
        # Raised, then lowered below the original: the increase is taken back first.
        (
            [Amendment(date(2024, 6, 3), 120_000), Amendment(date(2024, 9, 2), 90_000)],
            date(2025, 1, 1),
            [(START, 90_000)],
        ),
        # Annulled: nothing owed.
        ([Amendment(date(2024, 7, 1), 0)], date(2025, 1, 1), []),
    ],
)
def test_tranches_after_amendments(amendments, as_of, expected):
    assert list(tranches(START, 100_000, amendments, 14, as_of)) == expected


def test_an_increase_term_ending_on_a_holiday_moves_to_the_next_working_day():
    # 2024-12-11 + 14 = Wed 2024-12-25 (Boże Narodzenie), 26th a holiday too → Fri 2024-12-27
    # (OP art. 12 §5); interest from Sat 2024-12-28.
    assert increase_interest_from(date(2024, 12, 11), 14) == date(2024, 12, 28)


@pytest.mark.parametrize(
    ("available", "arisen", "issued", "balance", "expected"),
    [
        # OP art. 76a §2 pkt 1: on the day the overpayment arose, up to the balance.
        (30_000, date(2024, 7, 1), date(2024, 3, 1), 12_000, SetOff(date(2024, 7, 1), 12_000)),
        # Not before the receivable it pays was issued.
        (30_000, date(2024, 7, 1), date(2024, 8, 1), 25_000, SetOff(date(2024, 8, 1), 25_000)),
        (5_000, date(2024, 7, 1), date(2024, 3, 1), 25_000, SetOff(date(2024, 7, 1), 5_000)),
    ],
)
def test_set_off(available, arisen, issued, balance, expected):
    assert set_off(available, arisen, issued, balance) == expected


@pytest.mark.parametrize(
    ("available", "balance", "field"), [(0, 100, "overpayment"), (100, 0, "receivable_id")]
)
def test_set_off_refusals(available, balance, field):
    with pytest.raises(CorrectionError) as err:
        set_off(available, date(2024, 7, 1), date(2024, 3, 1), balance)
    assert err.value.field == field


def test_no_refund_while_arrears_remain():
    refund_allowed([])
    with pytest.raises(CorrectionError, match="OP art. 76 § 1"):
        refund_allowed(["należność nr 7"])


@pytest.mark.parametrize(
    ("received", "days", "due"),
    [
        (date(2025, 4, 22), 30, date(2025, 5, 22)),  # Thursday
        # KPA art. 57 §4: 2025-04-01 + 30 = Thu 2025-05-01 (Święto Pracy) → Fri 2025-05-02.
        (date(2025, 4, 1), 30, date(2025, 5, 2)),
        # 2025-10-02 + 30 = Sat 2025-11-01 (Wszystkich Świętych) → Mon 2025-11-03.
        (date(2025, 10, 2), 30, date(2025, 11, 3)),
    ],
)
def test_the_creditors_deadline_on_a_zarzut(received, days, due):
    assert answer_due(received, days) == due


def test_paused_reason_lists_the_open_disputes_oldest_first():
    assert paused_reason([]) is None
    assert paused_reason([("skarga", date(2025, 5, 1)), ("zarzut", date(2025, 4, 22))]) == (
        "wstrzymane: zarzut w sprawie egzekucji administracyjnej z dnia 22.04.2025; "
        "skarga na decyzję (sąd administracyjny) z dnia 01.05.2025"
    )


def test_a_payment_on_a_time_barred_claim_follows_the_kinds_law():
    from dataclasses import replace

    from app.domain.corrections import refunded_when_time_barred
    from app.domain.kinds import AllocationRule
    from tests.domain.seed import OPLATA_POBYT

    # OP art. 59 §1 pkt 9 / art. 72 §1 pkt 1: refunded; KC art. 411 pkt 3: kept.
    assert refunded_when_time_barred(OPLATA_POBYT) is True
    kc = replace(OPLATA_POBYT, allocation_rule=AllocationRule.KC_451)
    assert refunded_when_time_barred(kc) is False
