"""Alimony debtors over the API: a walk-through worked by hand, then validation and refusals.

u.p.o.u.a. = ustawa z dnia 7 września 2007 r. o pomocy osobom uprawnionym do alimentów. Interest
is odsetki ustawowe za opóźnienie (KC art. 481 §2) from the day after each payout (art. 27 ust.
1a): 9.50 % a year until 2026-03-04, 9.25 % from 2026-03-05 (migration 0002), amount × days × rate
/ 365 per tranche and rate period, each rounded to the grosz. Today is 2026-11-23."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.domain.money import parse_amount
from app.models import AlimonyAward, AlimonyPayout, AlimonyRecovery, Event, Receivable
from tests.alimony.support import BASE, fund_debtor, get, post
from tests.factories import create_debtor


async def test_payouts_create_one_fund_receivable_that_the_next_payout_extends(api, session):
    did = await fund_debtor(api)
    receivables = list(await session.scalars(select(Receivable).where(Receivable.debtor_id == did)))
    assert [(r.kind_code, r.principal, r.state, str(r.issued_on)) for r in receivables] == [
        ("fundusz_alimentacyjny", 100_000, "wymagalna", "2026-02-10")
    ]
    payouts = await session.scalars(
        select(AlimonyPayout.receivable_id).where(AlimonyPayout.debtor_id == did)
    )
    assert set(payouts) == {receivables[0].id}


async def test_interest_runs_per_payout_from_the_next_day(api):
    did = await fund_debtor(api)
    h = await get(api, f"/debtors/{did}/history", as_of="2026-04-15")
    # 500.00 from 2026-02-11: 22 days at 9.50 % = 2.863 → 2.86; 42 days at 9.25 % = 5.322 → 5.32
    # 500.00 from 2026-03-11: 36 days at 9.25 % = 4.562 → 4.56                     total 12.74
    assert h["claims"] == [
        {"claim": "fund", "principal": "1000.00", "interest": "12.74", "balance": "1012.74"}
    ]
    assert (h["principal"], h["interest"], h["balance"]) == ("1000.00", "12.74", "1012.74")


async def test_walk_through_recoveries_under_art_28_ust_1_and_ust_2(api):
    did = await fund_debtor(api)

    # 2026-04-15: 300.00 from the bailiff. Benefits are being paid (payouts in February and
    # March: art. 28 ust. 1), so the fund's claim comes first; within it interest (12.74, worked
    # above), then principal 287.26 (KC art. 451 §1), taken from the oldest payout (§3).
    rec = await post(
        api,
        f"/debtors/{did}/recoveries",
        {"received_on": "2026-04-15", "amount": "300.00", "source": "egzekucja_sadowa"},
    )
    assert rec["regime"] == "art_28_ust_1"
    assert rec["allocations"] == [
        {
            "claim": "fundusz_alimentacyjny",
            "to_costs": "0.00",
            "to_interest": "12.74",
            "to_principal": "287.26",
        }
    ]
    assert rec["overpayment"] == "0.00"

    # 2026-06-10: 600.00. No payout since March, so no benefits after 30 April: art. 28 ust. 2,
    # the creditor's current alimony first (June's 500.00), then the fund: 100.00.
    # Interest 2026-04-16 … 06-10 (56 days at 9.25 %): 212.74 → 3.019 → 3.02; 500.00 → 7.096
    # → 7.10; together 10.12, so principal 89.88 (left: 122.86 + 500.00 = 622.86).
    rec = await post(
        api,
        f"/debtors/{did}/recoveries",
        {"received_on": "2026-06-10", "amount": "600.00", "source": "egzekucja_sadowa"},
    )
    assert rec["regime"] == "art_28_ust_2"
    assert rec["allocations"] == [
        {
            "claim": "wierzyciel_biezace",
            "to_costs": "0.00",
            "to_interest": "0.00",
            "to_principal": "500.00",
        },
        {
            "claim": "fundusz_alimentacyjny",
            "to_costs": "0.00",
            "to_interest": "10.12",
            "to_principal": "89.88",
        },
    ]

    # As of 2026-06-30: 20 days more at 9.25 %: 122.86 → 0.623 → 0.62; 500.00 → 2.534 → 2.53.
    h = await get(api, f"/debtors/{did}/history", as_of="2026-06-30")
    assert (h["principal"], h["interest"], h["balance"]) == ("622.86", "3.15", "626.01")
    # The fund receivable's card shows the same figures: the ledger of payouts and recoveries.
    # (A payout dated after as_of tells us the receivable's id and is not known on 2026-06-30.)
    payout = await post(
        api,
        f"/debtors/{did}/payouts",
        {"paid_on": "2026-07-01", "amount": "1.00", "entitled": "Anna"},
    )
    c = (
        await api.get(
            f"/api/v1/receivables/{payout['receivable_id']}", params={"as_of": "2026-06-30"}
        )
    ).json()
    assert (c["principal_remaining"], c["interest_due"], c["balance"]) == (
        "622.86",
        "3.15",
        "626.01",
    )
    # The history: the award from January; April 300.00 < 500.00; June not complete yet.
    assert [(m["month"], m["awarded"], m["recovered"], m["effective"]) for m in h["months"]] == [
        ("2026-01", "500.00", "0.00", False),
        ("2026-02", "500.00", "0.00", False),
        ("2026-03", "500.00", "0.00", False),
        ("2026-04", "500.00", "300.00", False),
        ("2026-05", "500.00", "0.00", False),
    ]
    # On 1 July June is complete: 600.00 ≥ 500.00 (art. 30 ust. 1 "nie niższej"), a run of 1.
    h = await get(api, f"/debtors/{did}/history", as_of="2026-07-01")
    assert (h["months"][-1], h["effective_months"]) == (
        {"month": "2026-06", "awarded": "500.00", "recovered": "600.00", "effective": True},
        1,
    )


async def test_a_backdated_payout_allocates_the_later_recoveries_again(api):
    did = await create_debtor(api)
    await post(
        api, f"/debtors/{did}/awards", {"monthly_amount": "500.00", "valid_from": "2026-01-01"}
    )
    await post(api, f"/debtors/{did}/payouts", {"paid_on": "2026-03-10", "amount": "500.00"})
    rec = await post(
        api,
        f"/debtors/{did}/recoveries",
        {"received_on": "2026-03-10", "amount": "500.00", "source": "egzekucja_sadowa"},
    )
    # The same day as the payout: no interest yet, 500.00 of principal.
    assert rec["allocations"][0]["to_principal"] == "500.00"
    # An advance (no interest, art. 28 ust. 1 pkt 2) recorded afterwards with an earlier date
    # does not change that: the fund comes first.
    await post(
        api,
        f"/debtors/{did}/payouts",
        {"paid_on": "2026-02-10", "amount": "100.00", "claim": "advance"},
    )
    h = await get(api, f"/debtors/{did}/history", as_of="2026-03-10")
    assert [(c["claim"], c["balance"]) for c in h["claims"]] == [
        ("fund", "0.00"),
        ("advance", "100.00"),
    ]


# --- bad input: 422 naming the field, nothing written ------------------------------------------


async def _counts(session: AsyncSession) -> tuple[int | None, ...]:
    return tuple(
        [
            await session.scalar(select(func.count()).select_from(model))
            for model in (AlimonyAward, AlimonyPayout, AlimonyRecovery, Receivable, Event)
        ]
    )


@pytest.mark.parametrize(("path", "body", "field"), [
    ("payouts", {"paid_on": "2026-02-10", "amount": "-5.00"}, "amount"),
    ("payouts", {"paid_on": "2026-02-10", "amount": "12.345"}, "amount"),
    ("payouts", {"paid_on": "2026-02-10", "amount": "0.00"}, "amount"),
    ("payouts", {"paid_on": "2026-02-30", "amount": "10.00"}, "paid_on"),
    ("payouts", {"paid_on": "2026-12-01", "amount": "10.00"}, "paid_on"),  # after today
    ("payouts", {"paid_on": "2026-02-10", "amount": "10.00", "claim": "creditor"}, "claim"),
    ("payouts", {"paid_on": "2026-02-10", "amount": 10}, "amount"),
    ("recoveries", {"received_on": "2026-02-10", "amount": "10.00", "source": "cash"}, "source"),
    ("recoveries", {"received_on": "2027-01-01", "amount": "10.00",
                    "source": "wplata_dobrowolna"}, "received_on"),
    ("recoveries", {"amount": "10.00", "source": "wplata_dobrowolna"}, "received_on"),
    ("awards", {"monthly_amount": "abc", "valid_from": "2026-01-01"}, "monthly_amount"),
    ("awards", {"monthly_amount": "500.00", "valid_from": "01.01.2026"}, "valid_from"),
    ("awards", {"monthly_amount": "500.00", "valid_from": "2026-01-01", "extra": 1}, "extra"),
    ("write-offs", {"decided_on": "2026-11-23", "decision_ref": "D/1", "step": 40}, "step"),
    ("write-offs", {"decided_on": "2026-11-23", "decision_ref": "", "step": 30}, "decision_ref"),
])  # fmt: skip
async def test_bad_input_is_refused_naming_the_field(api, session, path, body, field):
    did = await create_debtor(api)
    before = await _counts(session)
    r = await api.post(f"{BASE}/debtors/{did}/{path}", json=body)
    assert r.status_code == 422, r.text
    assert r.headers["content-type"] == "application/problem+json"
    assert r.json()["errors"][0]["field"] == field
    assert await _counts(session) == before


async def test_unknown_debtor_is_404(api):
    r = await api.post(
        f"{BASE}/debtors/999999/payouts", json={"paid_on": "2026-02-10", "amount": "10.00"}
    )
    assert r.status_code == 404


async def test_a_recovery_reference_books_once(api):
    did = await create_debtor(api)
    body = {
        "received_on": "2026-02-10",
        "amount": "10.00",
        "source": "wplata_dobrowolna",
        "reference": "PRZELEW/1",
    }
    await post(api, f"/debtors/{did}/recoveries", body)
    r = await api.post(f"{BASE}/debtors/{did}/recoveries", json=body)
    assert r.status_code == 409
    assert r.json()["errors"][0]["field"] == "reference"


async def test_a_voluntary_payment_goes_to_the_fund_only(api):
    # alimony_claims._ordered: a payment into our account is not "kwota uzyskana w drodze
    # egzekucji" and cannot discharge the creditor's alimony.
    did = await fund_debtor(api)
    rec = await post(
        api,
        f"/debtors/{did}/recoveries",
        {"received_on": "2026-10-05", "amount": "2000.00", "source": "wplata_dobrowolna"},
    )
    assert [a["claim"] for a in rec["allocations"]] == ["fundusz_alimentacyjny"]
    fund = rec["allocations"][0]
    assert fund["to_principal"] == "1000.00"
    parts = (fund["to_interest"], fund["to_principal"], rec["overpayment"])
    assert sum(parse_amount(p) for p in parts) == 200_000


async def test_the_receivable_is_paid_when_nothing_is_left(api, session):
    did = await fund_debtor(api)
    # 2026-03-10: both payouts are owed; interest on the first 500.00 from 02-11 to 03-10: 22 days
    # at 9.50 % (2.86) + 6 days at 9.25 % (0.76) = 3.62; on the second none yet.
    await post(
        api,
        f"/debtors/{did}/recoveries",
        {"received_on": "2026-03-10", "amount": "1003.62", "source": "egzekucja_sadowa"},
    )
    state = await session.scalar(select(Receivable.state).where(Receivable.debtor_id == did))
    assert state == "zaplacona"


@pytest.mark.parametrize("as_of", ["0001-01-01", "1999-12-31", "9999-12-31"])
async def test_extreme_dates_are_answered_or_refused_never_a_server_error(api, as_of):
    did = await fund_debtor(api)
    await post(
        api, f"/debtors/{did}/awards", {"monthly_amount": "0.00", "valid_from": "9999-12-01"}
    )
    for path in ("history", "evasion-check", "write-off-draft"):
        r = await api.get(f"{BASE}/debtors/{did}/{path}", params={"as_of": as_of})
        assert r.status_code in (200, 409, 422), (path, r.text)
    for path in ("write-off-eligibility", "big", "krz"):
        r = await api.get(f"{BASE}/{path}", params={"as_of": as_of})
        assert r.status_code in (200, 422), (path, r.text)


async def test_a_payout_before_the_rate_table_is_refused_with_the_missing_parameter(api, session):
    # Statutory interest is seeded from the row in force on 2005-01-01 (12.25 % from 2003-09-25,
    # migration i16a_rate_history): a payout of 2003-06-10 has no rate for 2003-06-11.
    did = await create_debtor(api)
    before = await _counts(session)
    r = await api.post(
        f"{BASE}/debtors/{did}/payouts", json={"paid_on": "2003-06-10", "amount": "10.00"}
    )
    assert r.status_code == 201  # no recovery yet: nothing to compute
    r = await api.post(
        f"{BASE}/debtors/{did}/recoveries",
        json={"received_on": "2003-07-10", "amount": "10.00", "source": "egzekucja_sadowa"},
    )
    assert r.status_code == 422
    assert r.json()["type"] == "/problems/missing-parameter"
    assert "odsetki_ustawowe_za_opoznienie" in r.json()["detail"]
    assert "11.06.2003" in r.json()["detail"]
    assert (await _counts(session))[2] == before[2]  # no recovery written


async def test_a_payout_of_2010_bears_the_statutory_interest_of_its_time(api):
    # Issue 16 item 1: a payout of 500.00 on 2010-05-10 was refused ("Brak parametru"); with the
    # history from 2005 (migration i16a_rate_history) its interest as of 2016-12-31 is
    # 300.42 (13 %, KC art. 359 §2 old) + 40.99 (8 %) + 35.10 (7 %, KC art. 481 §2) = 376.51 zł,
    # worked in tests/domain/test_interest.py.
    did = await create_debtor(api)
    r = await api.post(
        f"{BASE}/debtors/{did}/payouts", json={"paid_on": "2010-05-10", "amount": "500.00"}
    )
    assert r.status_code == 201, r.text
    h = await get(api, f"/debtors/{did}/history", as_of="2016-12-31")
    assert (h["principal"], h["interest"], h["balance"]) == ("500.00", "376.51", "876.51")
