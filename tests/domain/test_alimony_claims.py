"""Fund receivables from payouts (art. 27) and recovered money between the claims (art. 28).

u.p.o.u.a. = ustawa z dnia 7 września 2007 r. o pomocy osobom uprawnionym do alimentów."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.alimony import (
    ART_28_ORDER,
    Art28Regime,
    BenefitPeriod,
    ClaimDue,
    ClaimType,
    FundTranche,
    Payout,
    RecoveryAllocation,
    RecoverySource,
    allocate_art_28,
    art_28_regime,
    outstanding_tranches,
    tranche_of,
    tranches_from_payouts,
)

F = ClaimType.FUNDUSZ_ALIMENTACYJNY
Z = ClaimType.ZALICZKA_ALIMENTACYJNA
WB = ClaimType.WIERZYCIEL_BIEZACE
WP = ClaimType.WIERZYCIEL_POZOSTALE
F74 = ClaimType.FUNDUSZ_1974
ON = date(2026, 10, 12)


# --- payouts → tranches (art. 27 ust. 1 i 1a) ---------------------------------------------------


@pytest.mark.parametrize(
    ("paid_on", "interest_from"),
    [
        # art. 27 ust. 1a: interest "od pierwszego dnia następującego po dniu wypłaty"
        (date(2025, 1, 31), date(2025, 2, 1)),
        (date(2024, 12, 31), date(2025, 1, 1)),
        (date(2024, 2, 28), date(2024, 2, 29)),
    ],
)
def test_fund_payout_tranche_bears_interest_from_the_day_after(
    paid_on: date, interest_from: date
) -> None:
    tranche = tranche_of(Payout(paid_on, 50_000, "Ala"))
    assert tranche == FundTranche(F, "Ala", paid_on, 50_000, interest_from)


def test_advance_is_a_separate_claim_without_interest_unless_the_unit_says_so() -> None:
    payout = Payout(date(2008, 5, 20), 30_000, "Ala", claim=Z)
    assert tranche_of(payout).interest_from is None
    assert tranche_of(payout, advance_interest=True).interest_from == date(2008, 5, 21)
    assert tranche_of(payout).claim is Z


def test_only_the_units_payouts_make_tranches() -> None:
    with pytest.raises(ValueError, match="nie tworzy"):
        tranche_of(Payout(ON, 10_000, "Ala", claim=WB))
    with pytest.raises(ValueError, match="dodatnia"):
        tranche_of(Payout(ON, 0, "Ala"))


def test_tranches_are_ordered_by_payout_date() -> None:
    payouts = [Payout(date(2025, 3, 25), 50_000, "Ala"), Payout(date(2025, 2, 25), 40_000, "Olek")]
    assert [t.paid_on for t in tranches_from_payouts(payouts)] == [
        date(2025, 2, 25),
        date(2025, 3, 25),
    ]


def test_outstanding_tranches_oldest_repaid_first() -> None:
    # KC art. 451 § 3: without an indication, the oldest due debt is paid first.
    tranches = tranches_from_payouts([Payout(date(2025, m, 25), 50_000, "Ala") for m in (3, 1, 2)])
    left = outstanding_tranches(tranches, 70_000)
    assert [(t.paid_on, t.amount) for t in left] == [
        (date(2025, 2, 25), 30_000),
        (date(2025, 3, 25), 50_000),
    ]
    assert outstanding_tranches(tranches, 150_000) == ()
    with pytest.raises(ValueError, match="przekracza"):
        outstanding_tranches(tranches, 150_001)


# --- art. 28 ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("on", "regime"),
    [
        (date(2025, 10, 1), Art28Regime.UST_1),  # first day of the period
        (date(2026, 9, 30), Art28Regime.UST_1),  # last day
        (date(2026, 10, 1), Art28Regime.UST_2),  # payouts stopped
        (date(2025, 9, 30), Art28Regime.UST_2),
    ],
)
def test_regime_follows_the_benefit_periods(on: date, regime: Art28Regime) -> None:
    periods = [BenefitPeriod(date(2025, 10, 1), date(2026, 9, 30))]
    assert art_28_regime(on, periods) is regime


def test_open_benefit_period_is_ust_1() -> None:
    assert art_28_regime(ON, [BenefitPeriod(date(2026, 10, 1))]) is Art28Regime.UST_1


CLAIMS = (
    ClaimDue(WB, 0, 0, 50_000, ref="biezace"),
    ClaimDue(F, 1_600, 2_345, 100_000, ref="fa"),
    ClaimDue(Z, 0, 1_000, 30_000, ref="zal"),
    ClaimDue(WP, 0, 0, 200_000, ref="zalegle"),
    ClaimDue(F74, 0, 0, 10_000, ref="fa74"),
)


def _split(result: RecoveryAllocation) -> dict[str, tuple[int, int, int]]:
    return {
        c.ref: (c.allocation.to_costs, c.allocation.to_interest, c.allocation.to_principal)
        for c in result.claims
    }


def test_ust_1_fund_first_then_advances_then_creditor() -> None:
    # art. 28 ust. 1 pkt 1–4; within the fund claim KC art. 451: costs, interest, principal.
    result = allocate_art_28(120_000, on=ON, claims=CLAIMS, regime=Art28Regime.UST_1)
    assert [c.ref for c in result.claims] == ["fa", "zal", "biezace", "zalegle", "fa74"]
    assert _split(result) == {
        "fa": (1_600, 2_345, 100_000),  # 1 039.45 zł: the fund in full
        "zal": (0, 1_000, 15_055),  # the remaining 160.55 zł: interest, then principal
        "biezace": (0, 0, 0),
        "zalegle": (0, 0, 0),
        "fa74": (0, 0, 0),
    }
    assert result.applied_to(F) == 103_945
    assert result.overpayment == 0


def test_ust_2_current_alimony_first_then_fund() -> None:
    # art. 28 ust. 2: after payouts stop, the creditor's alimony up to the monthly award first.
    result = allocate_art_28(60_000, on=ON, claims=CLAIMS, regime=Art28Regime.UST_2)
    assert [c.ref for c in result.claims] == ["biezace", "fa", "zal", "zalegle", "fa74"]
    assert _split(result)["biezace"] == (0, 0, 50_000)
    assert _split(result)["fa"] == (1_600, 2_345, 6_055)
    assert result.applied_to(Z) == 0


def test_everything_satisfied_leaves_an_overpayment() -> None:
    owed = 50_000 + 103_945 + 31_000 + 200_000 + 10_000
    result = allocate_art_28(owed + 1_234, on=ON, claims=CLAIMS, regime=Art28Regime.UST_1)
    assert result.applied_to(F74) == 10_000
    assert result.overpayment == 1_234


def test_voluntary_payment_to_the_unit_skips_the_creditors_claims() -> None:
    result = allocate_art_28(
        60_000,
        on=ON,
        claims=CLAIMS,
        regime=Art28Regime.UST_2,
        source=RecoverySource.WPLATA_DOBROWOLNA,
    )
    assert [c.ref for c in result.claims] == ["fa", "zal", "fa74"]
    assert result.applied_to(F) == 60_000


def test_oldest_receivable_of_one_claim_type_first() -> None:
    # KC art. 451 § 3: two fund decisions (two benefit periods), the older one first.
    claims = [
        ClaimDue(F, 0, 500, 40_000, ref="2025/26", due_on=date(2026, 10, 30)),
        ClaimDue(F, 0, 900, 40_000, ref="2024/25", due_on=date(2025, 10, 30)),
    ]
    result = allocate_art_28(45_000, on=ON, claims=claims, regime=Art28Regime.UST_1)
    assert _split(result) == {"2024/25": (0, 900, 40_000), "2025/26": (0, 500, 3_600)}


def test_negative_amounts_are_refused() -> None:
    with pytest.raises(ValueError, match="ujemna"):
        allocate_art_28(-1, on=ON, claims=CLAIMS, regime=Art28Regime.UST_1)
    with pytest.raises(ValueError, match="ujemna"):
        ClaimDue(F, 0, -1, 0)


_money = st.integers(min_value=0, max_value=10**9)
_claims = st.lists(
    st.builds(ClaimDue, st.sampled_from(list(ClaimType)), _money, _money, _money),
    max_size=8,
)


@given(
    amount=_money,
    raw=_claims,
    regime=st.sampled_from(list(Art28Regime)),
    source=st.sampled_from(list(RecoverySource)),
)
def test_art_28_allocations_sum_to_the_amount(
    amount: int, raw: list[ClaimDue], regime: Art28Regime, source: RecoverySource
) -> None:
    claims = [replace(c, ref=str(i)) for i, c in enumerate(raw)]
    due = {c.ref: c for c in claims}
    result = allocate_art_28(amount, on=ON, claims=claims, regime=regime, source=source)
    assert sum(c.allocation.amount for c in result.claims) + result.overpayment == amount
    full = []
    for c in result.claims:
        a, d = c.allocation, due[c.ref]
        assert a.amount == a.to_costs + a.to_interest + a.to_principal
        assert (a.to_costs, a.to_interest, a.to_principal) <= (
            d.costs_due,
            d.interest_due,
            d.principal_due,
        ) or (
            a.to_costs <= d.costs_due
            and a.to_interest <= d.interest_due
            and a.to_principal <= d.principal_due
        )
        full.append(a.amount == d.costs_due + d.interest_due + d.principal_due)
    # Priority: a claim gets money only when every claim before it is fully satisfied, and the
    # claims come in the order of art. 28 for the regime.
    for i, c in enumerate(result.claims):
        if c.allocation.amount > 0:
            assert all(full[:i])
    if result.overpayment > 0:
        assert all(full)
    ranks = [ART_28_ORDER[regime].index(c.claim) for c in result.claims]
    assert ranks == sorted(ranks)
