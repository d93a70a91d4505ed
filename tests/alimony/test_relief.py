"""Issue 18 item 7: the relief decision on the debtor's request takes effect on the fund
receivable. Art. 30 ust. 2 u.p.o.u.a. (ustawa z 7.09.2007 o pomocy osobom uprawnionym do
alimentów): the creditor's commune "może na wniosek dłużnika alimentacyjnego umorzyć jego
należności z tytułu wypłaconych świadczeń z funduszu alimentacyjnego łącznie z odsetkami w całości
lub w części, odroczyć termin płatności albo rozłożyć na raty"; ust. 3: by an administrative
decision. Today is 2026-11-23 (tests/conftest.py).

The fund paid 500.00 on 10.02 and 10.03.2026 (tests/alimony/support.fund_debtor). Interest
(odsetki ustawowe za opóźnienie, art. 27 ust. 1a; KC art. 481 § 2) runs from the day after each
payout; 9.50 % to 2026-03-04, 9.25 % from 2026-03-05; each rate period rounded to the grosz. On
the decision's day, 2026-04-15:
    500.00 of 10.02: 11.02–04.03 22 days × 9.50 % = 2.863 → 2.86
                     05.03–15.04 42 days × 9.25 % = 5.322 → 5.32
    500.00 of 10.03: 11.03–15.04 36 days × 9.25 % = 4.562 → 4.56
    interest 12.74, balance 1012.74."""

from __future__ import annotations

from typing import Any

import httpx
from sqlalchemy import select

from app.models import AlimonyAllocation, AlimonyCaseStep, Instalment, Receivable, WriteOff
from tests.alimony.support import BASE, fund_debtor, get, post
from tests.factories import card, sweep

WOLA = "1010102"
REF = "FA.4103.2.2026"


async def _applied(api: httpx.AsyncClient, session: Any, kind: str) -> tuple[int, int]:
    did = await fund_debtor(api)
    await post(
        api,
        f"/debtors/{did}/case",
        {
            "trigger": "fundusz_alimentacyjny",
            "opened_on": "2026-02-10",
            "creditor_commune_terc": WOLA,
            "debtor_commune_terc": WOLA,
        },
    )
    await post(
        api,
        f"/debtors/{did}/case/steps",
        {"step": "wniosek_ulga", "on": "2026-04-01", "kind": kind, "description": "Utrata pracy"},
    )
    rid = await session.scalar(select(Receivable.id).where(Receivable.debtor_id == did))
    c = await card(api, rid, "2026-04-15")
    assert (c["principal_remaining"], c["interest_due"], c["balance"]) == (
        "1000.00",
        "12.74",
        "1012.74",
    )
    return did, rid


def _decision(kind: str, **more: Any) -> dict[str, Any]:
    return {
        "step": "decyzja_ulga",
        "on": "2026-04-15",
        "kind": kind,
        "case_ref": REF,
        "description": "Dochód rodziny poniżej kryterium",
        **more,
    }


async def test_instalments_become_the_receivables_plan(api, session):
    did, rid = await _applied(api, session, "raty")
    await post(
        api,
        f"/debtors/{did}/case/steps",
        _decision("raty", instalments=4, first_due_on="2026-05-15"),
    )
    # The balance on the decision's day in 4 equal monthly instalments, the last one making up
    # the grosze: 1012.74 / 4 = 253.185 → 253.18 × 3 = 759.54; the last 1012.74 − 759.54 = 253.20.
    # Due on the 15th; 15.08.2026 is a Saturday and a holiday (Wniebowzięcie NMP): Monday 17.08
    # (OP art. 12 § 5, as the card's instalment action shifts it).
    rows = await session.scalars(
        select(Instalment).where(Instalment.receivable_id == rid).order_by(Instalment.number)
    )
    assert [(i.due_on.isoformat(), i.amount, i.decided_on.isoformat()) for i in rows] == [
        ("2026-05-15", 25318, "2026-04-15"),
        ("2026-06-15", 25318, "2026-04-15"),
        ("2026-07-15", 25318, "2026-04-15"),
        ("2026-08-17", 25320, "2026-04-15"),
    ]
    c = await card(api, rid, "2026-04-15")
    assert c["state"] == "raty"
    assert any(REF in e["cause"] for e in c["events"])


async def test_a_write_off_lowers_the_fund_claim_with_its_decision(api, session):
    did, rid = await _applied(api, session, "umorzenie")
    # More than the fund's claim with interest on that day (1012.74) is refused, nothing written.
    r = await api.post(
        f"{BASE}/debtors/{did}/case/steps", json=_decision("umorzenie", amount="1012.75")
    )
    assert r.status_code == 422
    assert r.json()["errors"][0]["field"] == "amount"
    assert await session.scalar(select(WriteOff.id).where(WriteOff.receivable_id == rid)) is None
    await post(api, f"/debtors/{did}/case/steps", _decision("umorzenie", amount="300.00"))
    # The write-off settles 300.00 on its day as a payment would (interest first, KC art. 451):
    # 12.74 of interest, 287.26 of principal; 712.74 remain, all principal.
    c = await card(api, rid, "2026-04-15")
    assert (c["state"], c["principal_remaining"], c["interest_due"], c["balance"]) == (
        "wymagalna",
        "712.74",
        "0.00",
        "712.74",
    )
    w = (await session.scalars(select(WriteOff).where(WriteOff.receivable_id == rid))).one()
    assert (w.amount, w.full, w.decision_ref) == (30000, False, REF)
    # The rest written off in full by a second decision on 16.04: the principal left is the
    # 212.74 of the payout of 10.02 (500.00 − 287.26, the oldest first) and the 500.00 of 10.03,
    # each with a day's interest: 212.74 × 9.25 % / 365 = 0.054 → 0.05; 500.00 × 9.25 % / 365 =
    # 0.127 → 0.13; 712.74 + 0.18 = 712.92 is written off and the receivable closes.
    await post(
        api,
        f"/debtors/{did}/case/steps",
        {"step": "wniosek_ulga", "on": "2026-04-16", "kind": "umorzenie", "description": "x"},
    )
    await post(
        api,
        f"/debtors/{did}/case/steps",
        {**_decision("umorzenie", amount="712.92"), "on": "2026-04-16", "case_ref": "FA.2"},
    )
    c = await card(api, rid, "2026-04-16")
    assert (c["state"], c["balance"]) == ("umorzona", "0.00")


async def test_a_deferral_is_kept_on_the_case_and_the_receivable_is_unchanged(api, session):
    did, rid = await _applied(api, session, "odroczenie")
    await post(api, f"/debtors/{did}/case/steps", _decision("odroczenie", deferred_to="2026-09-30"))
    case = await get(api, f"/debtors/{did}/case")
    assert case["deferral"] == {
        "decided_on": "2026-04-15",
        "decision_ref": REF,
        "deferred_to": "2026-09-30",
    }
    # The receivable lifecycle has no deferral (yet): state and balance stay as they were.
    c = await card(api, rid, "2026-04-15")
    assert (c["state"], c["balance"]) == ("wymagalna", "1012.74")
    page = await api.get(f"/alimenty/zobowiazani/{did}/sprawa")
    assert page.status_code == 200
    assert "Termin płatności odroczony do <strong>30.09.2026</strong>" in page.text


async def test_a_relief_needs_its_decision_number_and_writes_nothing_without_it(api, session):
    did, rid = await _applied(api, session, "raty")
    body = _decision("raty", instalments=4)
    del body["case_ref"]
    r = await api.post(f"{BASE}/debtors/{did}/case/steps", json=body)
    assert r.status_code == 422
    assert r.json()["errors"][0]["field"] == "case_ref"
    steps = await session.scalars(
        select(AlimonyCaseStep.step).where(AlimonyCaseStep.step == "decyzja_ulga")
    )
    assert list(steps) == []
    assert (await card(api, rid, "2026-04-15"))["state"] == "wymagalna"


async def test_recoveries_pay_the_instalments_and_a_missed_one_sends_the_plan_back(api, session):
    did, rid = await _applied(api, session, "raty")
    await post(
        api,
        f"/debtors/{did}/case/steps",
        _decision("raty", instalments=4, first_due_on="2026-05-15"),
    )
    # 14.05.2026: the debtor pays 253.18, the first instalment; the art. 28 ledger gives it all
    # to the fund's claim (app/alimony/ledger.allocate_recoveries).
    await post(
        api,
        f"/debtors/{did}/recoveries",
        {"received_on": "2026-05-14", "amount": "253.18", "source": "wplata_dobrowolna"},
    )
    given = await session.scalar(
        select(
            AlimonyAllocation.to_costs
            + AlimonyAllocation.to_interest
            + AlimonyAllocation.to_principal
        ).where(AlimonyAllocation.claim == "fundusz_alimentacyjny")
    )
    assert given == 25318
    # The daily sweep counts what the recoveries gave the fund's claims as paid (app/sweeps/
    # rules.py): the first instalment (due 15.05) is paid in time.
    result = await sweep(api, "2026-05-16")
    assert result["changed"]["rata_niezaplacona"] == 0
    assert (await card(api, rid, "2026-05-16"))["state"] == "raty"
    # Nothing towards the second (due Monday 15.06): from 16.06 the plan goes back (OP art. 49
    # § 2, as the lifecycle sends any plan back).
    result = await sweep(api, "2026-06-16")
    assert result["changed"]["rata_niezaplacona"] == 1
    assert (await card(api, rid, "2026-06-16"))["state"] == "wymagalna"
