"""Issue 16 items 8 and 10: receivables fixed by decision reach enforcement, step by step.

u.p.o.u.a. = ustawa z 7.09.2007 o pomocy osobom uprawnionym do alimentów; u.ś.r. = ustawa
z 28.11.2003 o świadczeniach rodzinnych; u.p.e.a. = ustawa o postępowaniu egzekucyjnym
w administracji. Today is 2026-11-23 (injected clock)."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import select

from app.models import Payment, Receivable
from tests.alimony.support import fund_debtor
from tests.factories import card, create_debtor, create_receivable, deliver, sweep

DECISION = "/api/v1/receivables/{}/decision"


async def _fund_receivable(api, session) -> int:
    did = await fund_debtor(api)  # 500.00 paid out on 2026-02-10 and on 2026-03-10
    return await session.scalar(select(Receivable.id).where(Receivable.debtor_id == did))


async def test_a_fund_receivable_waits_for_the_decision_and_the_batch_says_why(api, session):
    # art. 27 u.p.o.u.a.: the debtor owes the benefits from each payout, but the amount is fixed
    # by the decision of the debtor's commune on the reimbursement; enforcement (and its
    # reminder, u.p.e.a. art. 15 §1) only after that decision is final and its term has run.
    rid = await _fund_receivable(api, session)
    c = await card(api, rid, "2026-04-01")
    assert (c["state"], c["enforcement_step"]["code"]) == ("wymagalna", "decyzja")
    r = await api.post(f"/api/v1/receivables/{rid}/reminders", json={"issued_on": "2026-04-01"})
    assert r.status_code == 409
    assert "decyzj" in r.json()["detail"]
    batch = await api.post("/api/v1/reminders/batch", json={"issued_on": "2026-04-01"})
    assert batch.status_code == 201, batch.text
    assert batch.json()["issued"] == []
    skipped = {s["receivable_id"]: s["reason"] for s in batch.json()["skipped"]}
    assert "ostatecznej decyzji" in skipped[rid]


async def test_the_fund_decision_its_finality_then_the_reminder_and_the_title(api, session):
    rid = await _fund_receivable(api, session)
    # Decision delivered on Friday 2026-04-24: the appeal term of 14 days (KPA art. 129 §2) ends
    # on Friday 2026-05-08, so the decision can be final from 2026-05-09.
    body = {
        "decision_ref": "FA.4101.12.2026",
        "issued_on": "2026-04-20",
        "delivered_on": "2026-04-24",
    }
    r = await api.post(DECISION.format(rid), json=body)
    assert r.status_code == 200, r.text
    step = r.json()["enforcement_step"]
    assert (step["code"], step["from_day"]) == ("decyzja_ostateczna", "2026-05-09")
    # Final on 2026-05-09; the kind's 14 days from then end on Saturday 2026-05-23, moved to
    # Monday 2026-05-25 (OP art. 12 §5 / KPA art. 57 §5): the reminder from 2026-05-26.
    r = await api.post(DECISION.format(rid), json={**body, "final_on": "2026-05-09"})
    assert r.status_code == 200, r.text
    c = r.json()
    assert (c["decision_final_on"], c["payment_term_ends_on"]) == ("2026-05-09", "2026-05-25")
    assert (c["enforcement_step"]["code"], c["enforcement_step"]["from_day"]) == ("upomnienie", "2026-05-26")
    early = await api.post(f"/api/v1/receivables/{rid}/reminders", json={"issued_on": "2026-05-25"})
    assert early.status_code == 409
    # The batch of 2026-06-01 now reminds it: nothing is skipped.
    batch = await api.post("/api/v1/reminders/batch", json={"issued_on": "2026-06-01"})
    assert batch.status_code == 201, batch.text
    assert (batch.json()["issued"], batch.json()["skipped"]) == (["UP/1/2026"], [])
    # Delivered on Wednesday 2026-06-03: 7 days end on 2026-06-10 (u.p.e.a. art. 15 §1), the
    # title from 2026-06-11; the reminder's cost (16.00 zł since 2021-10-13) is owed from its
    # delivery (u.p.e.a. art. 15 §4) on top of the fund's claim.
    await deliver(api, rid, "upomnienie", "2026-06-03")
    c = await card(api, rid, "2026-06-11")
    assert (c["state"], c["costs_due"]) == ("upomnienie", "16.00")
    assert (c["enforcement_step"]["code"], c["enforcement_step"]["from_day"]) == ("tytul", "2026-06-11")
    owed = Decimal(c["principal_remaining"]) + Decimal(c["interest_due"]) + Decimal("16.00")
    assert Decimal(c["balance"]) == owed
    # Then the title (u.p.e.a. art. 26 §1): the fund receivable has reached enforcement.
    r = await api.post(f"/api/v1/receivables/{rid}/titles", json={"issued_on": "2026-06-11"})
    assert r.status_code == 201, r.text
    c = await card(api, rid, "2026-06-11")
    assert (c["state"], c["enforcement_step"]["code"]) == ("tytul_wykonawczy", "egzekucja")
    # The title names the decision as the source of the obligation (u.p.e.a. art. 27 § 1).
    xml = await api.get(f"/api/v1/titles/{r.json()['id']}.xml")
    assert xml.status_code == 200, xml.text
    assert "decyzja FA.4101.12.2026 z dnia 20.04.2026, ostateczna od 09.05.2026" in xml.text


async def test_a_decision_is_refused_for_a_kind_without_one_and_when_out_of_order(api, session):
    plain = (await create_receivable(api, await create_debtor(api)))["id"]
    body = {"decision_ref": "X/1", "issued_on": "2025-04-01", "delivered_on": "2025-04-02"}
    r = await api.post(DECISION.format(plain), json=body)
    assert r.status_code == 409  # the stay fee is not fixed by decision
    rid = await _fund_receivable(api, session)
    r = await api.post(
        DECISION.format(rid), json={**body, "issued_on": "2026-04-20", "delivered_on": "2026-04-19"}
    )
    assert r.status_code == 422  # delivered before it was issued
    r = await api.post(
        DECISION.format(rid),
        json={
            **body,
            "issued_on": "2026-04-20",
            "delivered_on": "2026-04-24",
            "final_on": "2026-04-23",
        },
    )
    assert r.status_code == 422  # final before its delivery
    r = await api.post(
        DECISION.format(rid),
        json={
            **body,
            "issued_on": "2026-04-20",
            "delivered_on": "2026-04-24",
            "final_on": "2026-12-01",
        },
    )
    assert r.status_code == 422  # after today
    assert (await card(api, rid, "2026-11-23"))["decision_ref"] is None  # nothing written


async def _family(api) -> int:
    """Seed 002: the special care allowance (specjalny zasiłek opiekuńczy, 620.00 zł a month)
    paid on 2025-10-24 without right; art. 30 u.ś.r."""
    did = await create_debtor(api)
    rec = await create_receivable(
        api,
        did,
        kind="nienaleznie_swiadczenia_rodzinne",
        principal="620.00",
        title="Specjalny zasiłek opiekuńczy za 10/2025 pobrany nienależnie",
        issue_date="2025-10-24",
        period_from="2025-10-01",
        period_to="2025-10-31",
    )
    # The decision "o ustaleniu i zwrocie": delivered 2026-02-05 (Thursday), final from
    # 2026-02-20 (the 14 days of KPA art. 129 §2 end on 2026-02-19).
    r = await api.post(
        DECISION.format(rec["id"]),
        json={
            "decision_ref": "SR.4102.7.2026",
            "issued_on": "2026-02-02",
            "delivered_on": "2026-02-05",
            "final_on": "2026-02-20",
        },
    )
    assert r.status_code == 200, r.text
    return int(rec["id"])


async def test_family_benefits_interest_limitation_and_term(api):
    rid = await _family(api)
    c = await card(api, rid, "2026-01-31")
    # Interest for delay (odsetki ustawowe za opóźnienie, KC art. 481 §2) from the first day of
    # the month after the payout, 2025-11-01 (art. 30 u.ś.r.), each rate period to the grosz:
    #   2025-11-01..11-05   5 days at 10.00 %: 620 × 5 × 10.00 % / 365 = 0.849 → 0.85
    #   2025-11-06..12-03  28 days at  9.75 %: 620 × 28 × 9.75 % / 365 = 4.637 → 4.64
    #   2025-12-04..01-31  59 days at  9.50 %: 620 × 59 × 9.50 % / 365 = 9.521 → 9.52
    assert c["interest_due"] == "15.01"
    # Limitation: 3 years from the day the decision became final (art. 30 u.ś.r.): the period
    # ends on 2029-02-20 (KC art. 112), time-barred from 2029-02-21; a payment does not interrupt.
    assert c["time_barred_from"] == "2029-02-21"
    # The decision's term: 14 days from 2026-02-20 → Friday 2026-03-06; due from 2026-03-07.
    assert c["payment_term_ends_on"] == "2026-03-06"
    await sweep(api, "2026-03-07")
    c = await card(api, rid, "2026-03-07")
    assert (c["state"], c["enforcement_step"]["code"]) == ("wymagalna", "upomnienie")


async def test_family_benefits_are_recovered_by_deduction_within_the_limit(api, session):
    rid = await _family(api)
    url = f"/api/v1/receivables/{rid}/deductions"
    benefit = {"benefit_amount": "215.84", "benefit": "zasiłek rodzinny z dodatkami za 03/2026"}
    # Before the decision is final nothing may be deducted ("ustalone ostateczną decyzją").
    r = await api.post(url, json={**benefit, "deducted_on": "2026-02-10", "amount": "100.00"})
    assert r.status_code == 422
    # At most the benefit payable (100 % from 2004-05-01, a dated parameter): 215.85 > 215.84.
    r = await api.post(url, json={**benefit, "deducted_on": "2026-03-10", "amount": "215.85"})
    assert r.status_code == 422
    assert "limit" in r.json()["detail"]
    r = await api.post(url, json={**benefit, "deducted_on": "2026-03-10", "amount": "215.84"})
    assert r.status_code == 201, r.text
    # KC art. 451: interest first. Interest on 620.00 to 2026-03-10:
    #   0.85 + 4.64 (as above) + 2025-12-04..2026-03-04 91 days at 9.50 % = 14.685 → 14.68
    #   + 2026-03-05..03-10 6 days at 9.25 % = 0.943 → 0.94                       = 21.11
    # 215.84 − 21.11 = 194.73 to principal: 620.00 − 194.73 = 425.27 left.
    assert r.json()["balance"] == "425.27"
    c = await card(api, rid, "2026-03-10")
    assert (c["principal_remaining"], c["interest_due"]) == ("425.27", "0.00")
    source = await session.scalar(select(Payment.source).where(Payment.receivable_id == rid))
    assert source == "potracenie"
    # A kind that is not recovered by deduction refuses it.
    plain = (await create_receivable(api, await create_debtor(api)))["id"]
    r = await api.post(
        f"/api/v1/receivables/{plain}/deductions",
        json={**benefit, "deducted_on": "2026-03-10", "amount": "10.00"},
    )
    assert r.status_code == 409


async def test_the_batch_lists_every_skipped_receivable_with_its_reason(api, session):
    # A stay fee of 100.00 zł, due from 2025-03-20: with about a year's interest still not above
    # 10 × 16.00 zł (u.p.e.a. art. 6 §1), and its § 3 deadline (2027-09-19) is far.
    small = (await create_receivable(api, await create_debtor(api), principal="100.00"))["id"]
    await deliver(api, small, "wezwanie", "2025-03-05")
    await sweep(api, "2025-03-20")
    fund = await _fund_receivable(api, session)
    r = await api.post("/api/v1/reminders/batch", json={"issued_on": "2026-04-01"})
    assert r.status_code == 201, r.text
    reasons = {s["receivable_id"]: s["reason"] for s in r.json()["skipped"]}
    assert set(reasons) == {small, fund}
    assert "u.p.e.a. art. 6 § 1" in reasons[small]
    assert "decyzj" in reasons[fund]
    assert r.json()["skipped_below_minimum"] == [small]


async def test_benefits_received_without_right_under_art_23_are_deducted_from_the_fund(api):
    # art. 23 ust. 5 u.p.o.u.a.: amounts fixed by a final decision "podlegają potrąceniu
    # z bieżąco wypłacanych świadczeń z funduszu" (limit: 100 % of the benefit, dated parameter).
    rid = (
        await create_receivable(
            api,
            await create_debtor(api),
            kind="nienaleznie_pobrane",
            principal="500.00",
            title="Świadczenie z funduszu alimentacyjnego za 01/2026 pobrane nienależnie",
            issue_date="2026-01-15",
            decision_final_on="2026-03-02",
        )
    )["id"]
    url = f"/api/v1/receivables/{rid}/deductions"
    benefit = {"benefit_amount": "500.00", "benefit": "świadczenie z funduszu za 03/2026"}
    r = await api.post(url, json={**benefit, "deducted_on": "2026-03-10", "amount": "500.01"})
    assert r.status_code == 422
    r = await api.post(url, json={**benefit, "deducted_on": "2026-03-10", "amount": "50.00"})
    assert r.status_code == 201, r.text
