"""BIG (art. 8a ust. 1 pkt 1) and KRZ (art. 8a ust. 1 pkt 2) lists of the ustawa z dnia 7 września
2007 r. o pomocy osobom uprawnionym do alimentów; seed 001 annexes 8–9, seed 000."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from app.domain.alimony import (
    Arrear,
    ClaimType,
    DebtorArrears,
    Register,
    RemovalReason,
    arrears_older_than,
    big_plan,
    krz_plan,
)
from app.domain.documents import Address, DebtorData

F = ClaimType.FUNDUSZ_ALIMENTACYJNY
Z = ClaimType.ZALICZKA_ALIMENTACYJNA
F74 = ClaimType.FUNDUSZ_1974
ACT = "ustawy z dnia 7 września 2007 r. o pomocy osobom uprawnionym do alimentów"
KOWALSKI = DebtorData(
    "Jan Kowalski",
    Address("ul. Długa 5 m. 3", "97-371", "Wola Krzysztoporska"),
    first_name="Jan",
    last_name="Kowalski",
    pesel="44051401359",
)


def _debtor(*arrears: Arrear, **facts: Any) -> DebtorArrears:
    return DebtorArrears("D-1", KOWALSKI, tuple(arrears), **facts)


@pytest.mark.parametrize(
    ("due_on", "as_of", "older"),
    [
        # art. 8a ust. 1 pkt 1 "za okres dłuższy niż 6 miesięcy", months counted as KC art. 112
        (date(2025, 1, 15), date(2025, 7, 15), False),  # exactly 6 months
        (date(2025, 1, 15), date(2025, 7, 16), True),
        (date(2025, 8, 31), date(2026, 2, 28), False),  # 31 August + 6 months = 28 February
        (date(2025, 8, 31), date(2026, 3, 1), True),
    ],
)
def test_arrears_older_than_six_months(due_on: date, as_of: date, older: bool) -> None:
    assert arrears_older_than([Arrear(F, due_on, 50_000)], 6, as_of) is older


def test_oldest_unpaid_tranche_decides_and_paid_ones_are_ignored() -> None:
    arrears = [Arrear(F, date(2025, 1, 25), 0), Arrear(F, date(2025, 6, 25), 50_000)]
    assert arrears_older_than(arrears, 6, date(2025, 12, 26)) is True
    assert arrears_older_than(arrears, 6, date(2025, 12, 25)) is False
    assert arrears_older_than([], 6, date(2025, 12, 26)) is False


def test_big_enters_fund_and_advance_arrears_older_than_six_months() -> None:
    debtor = _debtor(
        Arrear(F, date(2026, 4, 25), 50_000, 1_234),
        Arrear(Z, date(2008, 9, 25), 30_000),  # art. 28 ust. 1 pkt 2: counts for BIG
        Arrear(F74, date(2000, 1, 1), 99_999),  # pkt 4: not a BIG claim
    )
    plan = big_plan([debtor], date(2026, 11, 23))
    assert plan.register is Register.BIG
    (entry,) = plan.enter
    assert entry.amount == 81_234
    assert entry.oldest_due_on == date(2008, 9, 25)
    assert entry.legal_basis == f"art. 8a ust. 1 pkt 1 {ACT}"
    assert entry.missing == ()
    assert entry.enforcement_authority is None


def test_big_leaves_out_young_arrears_and_the_1974_fund() -> None:
    young = _debtor(Arrear(F, date(2026, 6, 25), 50_000))
    old_fund_only = _debtor(Arrear(F74, date(2000, 1, 1), 99_999))
    plan = big_plan([young, old_fund_only], date(2026, 11, 23))
    assert (plan.enter, plan.update, plan.remove, plan.keep) == ((), (), (), ())


@pytest.mark.parametrize(
    ("arrears", "facts", "outcome"),
    [
        ((), {"in_big": True, "big_amount": 50_000}, RemovalReason.SPLATA),
        ((), {"in_big": True, "big_amount": 50_000, "written_off": True}, RemovalReason.UMORZENIE),
        ((Arrear(F, date(2026, 9, 25), 50_000),), {"in_big": True, "big_amount": 50_000}, "keep"),
        # still owed, less than reported: update the amount (the entry stays although the oldest
        # unpaid tranche is now younger than 6 months)
        ((Arrear(F, date(2026, 9, 25), 20_000),), {"in_big": True, "big_amount": 50_000}, "update"),
    ],
)
def test_big_removes_keeps_and_updates(
    arrears: tuple[Arrear, ...], facts: dict[str, Any], outcome: object
) -> None:
    plan = big_plan([_debtor(*arrears, **facts)], date(2026, 11, 23))
    if isinstance(outcome, RemovalReason):
        assert [r.reason for r in plan.remove] == [outcome]
    elif outcome == "keep":
        assert plan.keep == ("D-1",)
    else:
        assert [e.amount for e in plan.update] == [20_000]


def test_krz_enters_fund_arrears_over_three_months_under_enforcement() -> None:
    arrears = (Arrear(F, date(2026, 8, 22), 50_000, 700),)
    pending = _debtor(*arrears, enforcement_pending=True, enforcement_authority="NUS Piotrków")
    plan = krz_plan([pending], date(2026, 11, 23))
    (entry,) = plan.enter
    assert (entry.amount, entry.oldest_due_on) == (50_700, date(2026, 8, 22))
    assert entry.enforcement_authority == "NUS Piotrków"
    assert entry.legal_basis == f"art. 8a ust. 1 pkt 2 {ACT}"
    # Exactly 3 months on 2026-11-22: not yet.
    assert krz_plan([pending], date(2026, 11, 22)).enter == ()
    # No enforcement under way: not entered.
    assert krz_plan([_debtor(*arrears)], date(2026, 11, 23)).enter == ()


def test_krz_counts_fund_receivables_only() -> None:
    advances = _debtor(Arrear(Z, date(2008, 9, 25), 30_000), enforcement_pending=True)
    assert krz_plan([advances], date(2026, 11, 23)).enter == ()


def test_krz_removes_when_repaid_written_off_or_enforcement_ended() -> None:
    listed: dict[str, Any] = {"in_krz": True, "krz_amount": 50_000}
    unpaid = (Arrear(F, date(2025, 1, 1), 50_000),)
    debtors = [
        DebtorArrears("paid", KOWALSKI, (), enforcement_pending=True, **listed),
        DebtorArrears("umorz", KOWALSKI, (), written_off=True, **listed),
        DebtorArrears("ended", KOWALSKI, unpaid, enforcement_pending=False, **listed),
    ]
    plan = krz_plan(debtors, date(2026, 11, 23))
    assert [(r.debtor_id, r.reason) for r in plan.remove] == [
        ("paid", RemovalReason.SPLATA),
        ("umorz", RemovalReason.UMORZENIE),
        ("ended", RemovalReason.EGZEKUCJA_ZAKONCZONA),
    ]


def test_register_entry_flags_missing_form_data() -> None:
    no_pesel = DebtorData("Jan Nowak", None)
    debtor = DebtorArrears(
        "D-2", no_pesel, (Arrear(F, date(2025, 1, 1), 1_000),), enforcement_pending=True
    )
    (entry,) = krz_plan([debtor], date(2026, 11, 23)).enter
    assert entry.missing == ("pesel", "address")
