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

from datetime import date
from typing import Any

import httpx
from sqlalchemy import select, update

from app.models import (
    AlimonyAllocation,
    AlimonyCaseStep,
    Deferral,
    Instalment,
    Receivable,
    ReceivableKind,
    WriteOff,
)
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


async def test_a_deferral_moves_the_fund_receivable_without_fee_and_interest_runs(api, session):
    """Art. 30 ust. 2 u.p.o.u.a.: odroczenie terminu płatności, through the lifecycle's deferral
    (app/deferrals/service.grant). No prolongation fee: the claim is not a tax and the act does
    not refer to OP art. 57. Interest (art. 27 ust. 1) keeps running: only umorzenie cancels it
    (app/alimony/relief.py)."""
    did, rid = await _applied(api, session, "odroczenie")
    await post(api, f"/debtors/{did}/case/steps", _decision("odroczenie", deferred_to="2026-09-30"))
    case = await get(api, f"/debtors/{did}/case")
    assert case["deferral"] == {
        "decided_on": "2026-04-15",
        "decision_ref": REF,
        "deferred_to": "2026-09-30",
    }
    # The receivable is deferred as any deferral: raty under one instalment of the balance on the
    # decision's day (1012.74, the module docstring), due on the deferred term (30.09.2026 is a
    # Wednesday: no shift), no fee.
    row = await session.scalar(select(Deferral).where(Deferral.receivable_id == rid))
    assert row is not None
    assert (row.outcome, row.decided_on, row.decision_ref) == ("odroczenie", date(2026, 4, 15), REF)
    assert (row.applied_on, row.new_term) == (date(2026, 4, 1), date(2026, 9, 30))
    assert (row.amount, row.fee, row.fee_waived) == (101274, 0, None)
    plan = list(await session.scalars(select(Instalment).where(Instalment.receivable_id == rid)))
    assert [(i.number, i.due_on, i.amount) for i in plan] == [(1, date(2026, 9, 30), 101274)]
    c = await card(api, rid, "2026-04-15")
    assert (c["state"], c["balance"]) == ("raty", "1012.74")
    # During the deferral no reminder batch picks it: not issued, and not among the wymagalna
    # receivables the batch reports as skipped (where it stood before the decision).
    r = await api.post("/api/v1/reminders/batch", json={"issued_on": "2026-06-01"})
    assert r.status_code == 201, r.text
    assert r.json()["issued"] == []
    assert rid not in [k["receivable_id"] for k in r.json()["skipped"]]
    # Interest runs on through the deferral (the ledger's odsetki ustawowe za opóźnienie, rates
    # as in the module docstring, 9.25 % from 05.03.2026 on). On 30.09.2026:
    #   500.00 of 10.02: 11.02–04.03 22 days × 9.50 % = 2.863 → 2.86
    #                    05.03–30.09 210 days × 9.25 % = 26.609 → 26.61
    #   500.00 of 10.03: 11.03–30.09 204 days × 9.25 % = 25.849 → 25.85
    #   interest 55.32, balance 1055.32 (no fee added).
    c = await card(api, rid, "2026-09-30")
    assert (c["interest_due"], c["balance"]) == ("55.32", "1055.32")
    # The deferred term kept on 30.09: the sweep leaves it alone; missed, from 1.10.2026 the
    # sweep's instalment rule sends it back (OP art. 49 § 2 as the lifecycle applies it).
    assert (await sweep(api, "2026-09-30"))["changed"]["rata_niezaplacona"] == 0
    assert (await card(api, rid, "2026-09-30"))["state"] == "raty"
    assert (await sweep(api, "2026-10-01"))["changed"]["rata_niezaplacona"] == 1
    assert (await card(api, rid, "2026-10-01"))["state"] == "wymagalna"


async def test_no_prolongation_fee_even_where_the_kind_would_charge_one(api, session):
    """A unit that set the prolongation fee on the fund's kind: the fund's deferral still carries
    none (OP art. 57 is a tax rule; art. 30 ust. 2 u.p.o.u.a. names no fee). Without the guard the
    deferral service would set 26 zł here (1000.00 over 02.04–30.09.2026, 182 days from the day
    after the application, rozporządzenie MF z 22.08.2005 §11 pkt 2, at the parameter table's
    rate), so this test fails if the fund's path lost it."""
    did, rid = await _applied(api, session, "odroczenie")
    await session.execute(
        update(ReceivableKind)
        .where(ReceivableKind.code == "fundusz_alimentacyjny")
        .values(prolongation_fee_code="oplata_prolongacyjna_udzial")
    )
    await session.commit()
    await post(api, f"/debtors/{did}/case/steps", _decision("odroczenie", deferred_to="2026-09-30"))
    row = await session.scalar(select(Deferral).where(Deferral.receivable_id == rid))
    assert row is not None
    assert (row.fee, row.fee_waived, row.amount) == (0, None, 101274)
    assert (await card(api, rid, "2026-04-15"))["balance"] == "1012.74"


async def test_the_case_page_shows_the_deferral_on_the_receivable(api, session):
    did, rid = await _applied(api, session, "odroczenie")
    await post(api, f"/debtors/{did}/case/steps", _decision("odroczenie", deferred_to="2026-09-30"))
    page = await api.get(f"/alimenty/zobowiazani/{did}/sprawa")
    assert page.status_code == 200
    assert "Termin płatności odroczony do <strong>30.09.2026</strong>" in page.text
    item = page.text.split(f'href="/naleznosci/{rid}"')[1].split("</li>")[0]
    # The receivable's state (raty: a plan of one instalment) and its deferral, the old term being
    # the day the fund's claim was recorded as owed (10.02.2026, the first payout).
    assert "</a> — raty" in item
    assert "termin płatności odroczony z 10.02.2026" in item
    assert "do <strong>30.09.2026</strong> (decyzja FA.4103.2.2026 z 15.04.2026)" in item
    assert "do zapłaty 1\xa0012,74\xa0zł" in item  # babel's non-breaking spaces


async def test_the_fund_receivable_is_deferred_only_through_the_case(api, session):
    """The deferral service still refuses a fund receivable outside the case (409)."""
    did, rid = await _applied(api, session, "odroczenie")
    r = await api.post(
        f"/api/v1/receivables/{rid}/deferrals",
        json={"decided_on": "2026-04-15", "new_term": "2026-09-30", "decision_ref": REF},
    )
    assert r.status_code == 409, r.text
    assert await session.scalar(select(Deferral.id).where(Deferral.receivable_id == rid)) is None


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


async def test_a_deferral_of_a_receivable_in_instalments_is_refused_and_nothing_written(
    api, session
):
    """The lifecycle defers only an unpaid receivable not in instalments (app/deferrals): after
    a raty decision a deferral decision is refused with 409 and the step is not recorded."""
    did, rid = await _applied(api, session, "raty")
    await post(
        api,
        f"/debtors/{did}/case/steps",
        _decision("raty", instalments=4, first_due_on="2026-05-15"),
    )
    await post(
        api,
        f"/debtors/{did}/case/steps",
        {"step": "wniosek_ulga", "on": "2026-04-20", "kind": "odroczenie", "description": "x"},
    )
    r = await api.post(
        f"{BASE}/debtors/{did}/case/steps",
        json={**_decision("odroczenie", deferred_to="2026-09-30"), "on": "2026-04-21"},
    )
    assert r.status_code == 409, r.text
    assert "rozłożona na raty" in r.json()["detail"]
    kinds = await session.scalars(
        select(AlimonyCaseStep.kind).where(AlimonyCaseStep.step == "decyzja_ulga")
    )
    assert list(kinds) == ["raty"]
    assert await session.scalar(select(Deferral.id).where(Deferral.receivable_id == rid)) is None
