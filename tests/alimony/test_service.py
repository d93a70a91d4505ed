"""The alimony service below the API: the legal numbers come from the parameter table, the
art. 28 regime from the payouts, and the year-end list for the chief accountant."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from app.alimony import service, write_offs
from app.alimony.ledger import benefit_periods
from app.alimony.repository import AlimonyRepository
from app.domain.alimony import (
    ART_30_STEPS,
    BIG_ARREARS_MONTHS,
    EVASION_BAR_MONTHS,
    EVASION_BAR_PERCENT,
    KRZ_ARREARS_MONTHS,
    BenefitPeriod,
    ClaimType,
    Payout,
    Register,
)
from app.domain.parameters import MissingParameter
from app.models import AlimonyAward, AlimonyPayout, AlimonyRecovery, Debtor, Parameter, Receivable
from tests.alimony.support import advance_debtor, post

F, Z = ClaimType.FUNDUSZ_ALIMENTACYJNY, ClaimType.ZALICZKA_ALIMENTACYJNA


async def test_the_seeded_parameters_are_the_statutory_numbers(session):
    rows = await AlimonyRepository(session).parameter_rows()
    on = date(2026, 11, 23)
    # art. 30 ust. 1 pkt 1–3: 36/60/84 months → 30/50/100 %
    assert service.write_off_steps(rows, on) == ART_30_STEPS
    assert service.register_months(rows, Register.BIG, on) == BIG_ARREARS_MONTHS
    assert service.register_months(rows, Register.KRZ, on) == KRZ_ARREARS_MONTHS
    assert service.evasion_rule(rows, on) == (EVASION_BAR_MONTHS, EVASION_BAR_PERCENT)


async def test_each_rule_needs_only_its_own_numbers(session):
    rows = await AlimonyRepository(session).parameter_rows()
    # KRZ since 2021-12-01 (seed 000): before it there is no KRZ rule, but art. 30 applies.
    with pytest.raises(MissingParameter):
        service.register_months(rows, Register.KRZ, date(2021, 11, 30))
    assert service.write_off_steps(rows, date(2021, 11, 30)) == ART_30_STEPS


async def test_a_changed_parameter_row_changes_the_step(session):
    """The service passes the dated rows into write_off_eligibility(steps=…): a (hypothetical)
    amendment shortening pkt 1 to 24 months from 2026-01-01 lets 24 months qualify."""
    debtor = Debtor(name="Jan Kowalski")
    session.add(debtor)
    await session.flush()
    receivable = Receivable(
        debtor_id=debtor.id,
        kind_code="fundusz_alimentacyjny",
        title="FA",
        principal=100_000,
        issued_on=date(2008, 5, 10),
        state="wymagalna",
    )
    session.add(receivable)
    await session.flush()
    session.add_all([
        AlimonyAward(debtor_id=debtor.id, valid_from=date(2008, 1, 1), monthly_amount=50_000),
        AlimonyPayout(debtor_id=debtor.id, receivable_id=receivable.id, paid_on=date(2008, 5, 10),
                      amount=100_000, claim=Z.value),
        *[AlimonyRecovery(debtor_id=debtor.id, received_on=date(y, m, 10), amount=50_000,
                          source="egzekucja_sadowa")
          for y, m in [(2024 + (10 + i) // 12, (10 + i) % 12 + 1) for i in range(24)]],
    ])  # fmt: skip
    await session.flush()
    assert [c.debtor_id for c in await write_offs.eligible(session, date(2026, 11, 23))] == []
    session.add(
        Parameter(
            code="alimenty_umorzenie_pkt1_miesiace",
            valid_from=date(2026, 1, 1),
            value=24,
            unit="miesiace",
            source="test: hipotetyczna nowelizacja",
        )
    )
    await session.flush()
    [found] = await write_offs.eligible(session, date(2026, 11, 23))
    assert (found.debtor_id, found.effective_months, found.step, found.amount) == (
        debtor.id,
        24,
        30,
        30_000,
    )


def test_benefit_periods_follow_the_fund_payouts():
    # art. 28 ust. 1 while benefits are paid: a payout covers its month and the next one.
    payouts = [
        Payout(date(2026, 2, 10), 1, ""),
        Payout(date(2026, 3, 10), 1, ""),
        Payout(date(2026, 7, 25), 1, ""),
        Payout(date(2026, 4, 1), 1, "", Z),
    ]
    assert benefit_periods(payouts) == (
        BenefitPeriod(date(2026, 2, 10), date(2026, 4, 30)),
        BenefitPeriod(date(2026, 7, 25), date(2026, 8, 31)),
    )


async def test_year_end_list_for_the_chief_accountant(api, session):
    did = await advance_debtor(api, 36)  # 2023-11 … 2026-10
    await post(
        api,
        f"/debtors/{did}/write-offs",
        {"decided_on": "2026-11-23", "decision_ref": "FA.4410.9.2026", "step": 30},
    )
    rows = [r for r in await service.year_end_write_off_list(session, 2026) if r.debtor_id == did]
    assert [
        (r.decision_on, r.decision_number, r.years, r.percent, r.balance, r.write_off,
         r.advance_principal, r.fund_principal, r.effective_from, r.effective_to, r.legal_basis)
        for r in rows
    ] == [
        (date(2026, 11, 23), "FA.4410.9.2026", 3, 30, 100_000, 30_000, 30_000, 0,
         date(2023, 11, 1), date(2026, 10, 31), "art. 30 ust. 1 pkt 1 i ust. 3 u.p.o.u.a.")
    ]  # fmt: skip
    with pytest.raises(dataclasses.FrozenInstanceError):
        rows[0].write_off = 0  # type: ignore[misc]
    # Read as a mapping, a row is JSON: amounts "123.45", dates ISO.
    assert (dict(rows[0])["write_off"], dict(rows[0])["decision_on"]) == ("300.00", "2026-11-23")
    # Drawn before the decision, or for another year, the list does not have it.
    early = await service.year_end_write_off_list(session, 2026, as_of=date(2026, 11, 22))
    assert [r for r in early if r.debtor_id == did] == []
    assert [
        r for r in await service.year_end_write_off_list(session, 2025) if r.debtor_id == did
    ] == []


async def test_the_year_end_sweep_lists_the_alimony_write_offs(api):
    did = await advance_debtor(api, 36)
    await post(
        api,
        f"/debtors/{did}/write-offs",
        {"decided_on": "2026-11-23", "decision_ref": "FA.4410.9.2026", "step": 30},
    )
    r = await api.get("/api/v1/sweeps/year-end/2026")
    assert r.status_code == 200, r.text
    mine = [row for row in r.json()["alimenty_umorzenie"] if row["debtor_id"] == did]
    assert [(row["decision_number"], row["percent"], row["write_off"]) for row in mine] == [
        ("FA.4410.9.2026", 30, "300.00")
    ]
