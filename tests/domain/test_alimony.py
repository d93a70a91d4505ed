"""Write-off from the payment history: art. 30 ust. 1 of the ustawa z dnia 7 września 2007 r.
o pomocy osobom uprawnionym do alimentów (u.p.o.u.a.); seed 001, annex 9, "Kolejność
zaspokojenia" pt 3.

Timeline of every case: as_of 2026-11-23, so the last complete month is 2026-10; the debtor owes
500.00 zł a month from 2019-01-01 and the bailiff recovers on the 10th of the month."""

from __future__ import annotations

from datetime import date

import pytest

from app.domain.alimony import (
    Award,
    ClaimType,
    Eligibility,
    Month,
    MonthRecord,
    PriorWriteOff,
    ReceivableTotal,
    Recovery,
    WriteOffPart,
    draft_write_off_decision,
    monthly_history,
    write_off_eligibility,
)

F = ClaimType.FUNDUSZ_ALIMENTACYJNY
Z = ClaimType.ZALICZKA_ALIMENTACYJNA
F74 = ClaimType.FUNDUSZ_1974
AS_OF = date(2026, 11, 23)
LAST = Month(2026, 10)
AWARDS = [Award(date(2019, 1, 1), 50_000)]
TOTALS = (ReceivableTotal(F, 1_000_000, 123_456),)  # 10 000.00 zł + 1 234.56 zł interest
ACT = "ustawy z dnia 7 września 2007 r. o pomocy osobom uprawnionym do alimentów"


def _recoveries(months: int, amount: int = 50_000, *, skip: Month | None = None) -> list[Recovery]:
    """`amount` recovered on the 10th of each of the `months` months up to 2026-10."""
    paid = (LAST.plus(-i) for i in range(months))
    return [Recovery(date(m.year, m.month, 10), amount) for m in paid if m != skip]


def _eligibility(
    months: int,
    *,
    prior: tuple[PriorWriteOff, ...] = (),
    totals: tuple[ReceivableTotal, ...] = TOTALS,
) -> Eligibility | None:
    history = monthly_history(AWARDS, _recoveries(months), as_of=AS_OF)
    return write_off_eligibility(history, prior, totals, AS_OF)


@pytest.mark.parametrize(
    ("months", "step", "amount"),
    [
        (35, None, None),  # 2 years 11 months: not yet
        (36, 30, 337_037),  # pkt 1: 3 years; 30 % of 11 234.56 zł = 3 370.368 → 3 370.37 zł
        (59, 30, 337_037),
        (60, 50, 561_728),  # pkt 2: 5 years; 50 % = 5 617.28 zł
        (83, 50, 561_728),
        (84, 100, 1_123_456),  # pkt 3: 7 years; everything
        (94, 100, 1_123_456),  # every month since the first award, 2019-01
    ],
)
def test_step_follows_consecutive_effective_months(
    months: int, step: int | None, amount: int | None
) -> None:
    result = _eligibility(months)
    assert (result and result.step, result and result.amount) == (step, amount)
    if result is not None:
        assert result.effective_months == months


def test_three_years_worked_case() -> None:
    # 36 months 2023-11 … 2026-10, each with exactly the awarded 500.00 zł ("nie niższej").
    result = _eligibility(36)
    assert result is not None
    assert result.months[0] == MonthRecord(Month(2023, 11), 50_000, 50_000)
    assert result.months[-1].month == LAST
    assert (result.base, result.already_written_off, result.balance) == (1_123_456, 0, 1_123_456)
    # The split is proportional: 3 000.00 zł principal, 370.37 zł interest.
    assert result.parts == (WriteOffPart(F, 300_000, 37_037),)
    assert result.legal_basis == f"art. 30 ust. 1 pkt 1 i ust. 3 {ACT}"


def test_rounding_is_half_up_to_the_grosz() -> None:
    # 30 % of 1 234.55 zł = 370.365 zł → 370.37 zł (half up; half-even would give 370.36 zł).
    totals = (ReceivableTotal(F, 100_000, 23_455),)
    result = _eligibility(36, totals=totals)
    assert result is not None
    assert result.amount == 37_037
    # 30 000.405 + 7 036.595 grosze: the remainder grosz goes to the larger fraction.
    assert result.parts == (WriteOffPart(F, 30_000, 7_037),)


def test_all_three_claims_of_art_28_ust_1_pkt_1_2_4_are_written_off_in_proportion() -> None:
    totals = (
        ReceivableTotal(F74, 23_456, 0),
        ReceivableTotal(F, 800_000, 100_000),
        ReceivableTotal(Z, 200_000, 0),
    )
    result = _eligibility(36, totals=totals)
    assert result is not None
    assert result.amount == 337_037
    assert result.parts == (
        WriteOffPart(F, 240_000, 30_000),
        WriteOffPart(Z, 60_000, 0),
        WriteOffPart(F74, 7_037, 0),
    )
    assert sum(p.total for p in result.parts) == result.amount


def test_creditors_own_claims_are_not_in_the_base() -> None:
    with pytest.raises(ValueError, match="nie obejmuje"):
        ReceivableTotal(ClaimType.WIERZYCIEL_POZOSTALE, 1_000, 0)


def test_a_gap_month_resets_the_run() -> None:
    # 40 months paid but nothing in 2025-06: the run is 2025-07 … 2026-10, 16 months.
    gap = _recoveries(40, skip=Month(2025, 6))
    history = monthly_history(AWARDS, gap, as_of=AS_OF)
    assert write_off_eligibility(history, (), TOTALS, AS_OF) is None
    # The gap in 2023-10 leaves exactly 36 months after it.
    gap = _recoveries(40, skip=Month(2023, 10))
    result = write_off_eligibility(monthly_history(AWARDS, gap, as_of=AS_OF), (), TOTALS, AS_OF)
    assert result is not None
    assert (result.step, result.effective_months) == (30, 36)


def test_award_raised_mid_run_a_month_at_the_old_amount_breaks_it() -> None:
    awards = [Award(date(2019, 1, 1), 50_000), Award(date(2025, 3, 1), 60_000)]
    before = [r for r in _recoveries(48) if r.on < date(2025, 3, 1)]  # 2022-11 … 2025-02
    march = [Recovery(date(2025, 3, 10), 50_000)]  # >= the old award, < the new one
    after = _recoveries(19, 60_000)  # 2025-04 … 2026-10 at the new amount
    history = monthly_history(awards, before + march + after, as_of=AS_OF)
    assert write_off_eligibility(history, (), TOTALS, AS_OF) is None  # run: 19 months
    # The same payments, but the award changed on 15 March: March is still due at 500.00 zł.
    awards_15th = [Award(date(2019, 1, 1), 50_000), Award(date(2025, 3, 15), 60_000)]
    history = monthly_history(awards_15th, before + march + after, as_of=AS_OF)
    result = write_off_eligibility(history, (), TOTALS, AS_OF)
    assert result is not None
    assert (result.step, result.effective_months) == (30, 48)


def test_months_before_the_first_award_do_not_count() -> None:
    # Paid for 60 months, but alimony was only awarded from 2024-01-01: 34 months count.
    history = monthly_history([Award(date(2024, 1, 1), 50_000)], _recoveries(60), as_of=AS_OF)
    assert len(history) == 34
    assert write_off_eligibility(history, (), TOTALS, AS_OF) is None


FIRST = PriorWriteOff(date(2023, 12, 4), 30, base=1_123_456, amount=337_037)
SECOND = PriorWriteOff(date(2025, 12, 1), 50, base=1_123_456, amount=224_691)


def test_debtor_at_30_percent_reaching_5_years_gets_the_difference_up_to_50() -> None:
    # "w łącznej wysokości": 50 % of the base fixed at the first write-off, less the 30 % already
    # written off: 5 617.28 zł − 3 370.37 zł = 2 246.91 zł, although less is owed by now.
    now = (ReceivableTotal(F, 700_000, 20_000),)
    result = _eligibility(60, prior=(FIRST,), totals=now)
    assert result is not None
    assert (result.step, result.base, result.already_written_off) == (50, 1_123_456, 337_037)
    assert result.amount == 224_691
    assert result.parts == (WriteOffPart(F, 218_450, 6_241),)
    assert result.legal_basis == f"art. 30 ust. 1 pkt 2 i ust. 3 {ACT}"


def test_step_already_granted_gives_nothing() -> None:
    now = (ReceivableTotal(F, 700_000, 20_000),)
    assert _eligibility(59, prior=(FIRST,), totals=now) is None
    assert _eligibility(83, prior=(FIRST, SECOND), totals=now) is None


def test_amount_never_exceeds_what_is_owed_now() -> None:
    prior = (PriorWriteOff(date(2023, 12, 4), 30, base=1_000_000, amount=300_000),)
    now = (ReceivableTotal(F, 150_000, 0),)  # 50 % − 30 % of the base would be 2 000.00 zł
    result = _eligibility(60, prior=prior, totals=now)
    assert result is not None
    assert result.amount == 150_000


def test_seven_years_writes_off_everything_owed_now() -> None:
    # pkt 3: 100 % in total, including interest that ran after the first decision.
    now = (ReceivableTotal(F, 300_000, 4_567), ReceivableTotal(Z, 10_000, 0))
    result = _eligibility(84, prior=(FIRST, SECOND), totals=now)
    assert result is not None
    assert (result.step, result.amount, result.already_written_off) == (100, 314_567, 561_728)
    assert result.parts == (WriteOffPart(F, 300_000, 4_567), WriteOffPart(Z, 10_000, 0))


def test_nothing_owed_nothing_to_write_off() -> None:
    assert _eligibility(84, totals=(ReceivableTotal(F, 0, 0),)) is None
    assert _eligibility(84, totals=()) is None


def test_decision_draft_carries_the_facts() -> None:
    now = (ReceivableTotal(F, 700_000, 20_000),)
    result = _eligibility(60, prior=(FIRST,), totals=now)
    assert result is not None
    draft = draft_write_off_decision("D-17", result, (FIRST,), AS_OF)
    assert draft.debtor_id == "D-17"
    assert draft.drafted_on == AS_OF
    assert (draft.period_from, draft.period_to) == (date(2021, 11, 1), date(2026, 10, 31))
    assert len(draft.months) == draft.effective_months == 60
    assert (draft.step, draft.base, draft.amount) == (50, 1_123_456, 224_691)
    assert (draft.balance_before, draft.balance_after) == (720_000, 495_309)
    assert draft.prior_write_offs == (FIRST,)
    assert draft.legal_basis == f"art. 30 ust. 1 pkt 2 i ust. 3 {ACT}"
    assert draft.authority == "organ właściwy dłużnika"
