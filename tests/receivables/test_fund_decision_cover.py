"""Issue 16 item 8 (remainder): the fund receivable grows with each payout, the decision of the
debtor's commune fixes one amount for the payouts of its period (art. 27 ust. 1 u.p.o.u.a.). The
reminder and the title demand only what the final decision covers (u.p.e.a. art. 3 § 1, art. 27
§ 1); a payout after it needs a new decision. Today is 2026-11-23 (injected clock)."""

from __future__ import annotations

from sqlalchemy import select

from app.documents import service as documents_service
from app.models import Document, Receivable
from tests.alimony.support import fund_debtor, post
from tests.factories import card, deliver

DECISION = "/api/v1/receivables/{}/decision"
BODY = {
    "decision_ref": "FA.4101.12.2026",
    "issued_on": "2026-04-20",
    "delivered_on": "2026-04-24",
    "final_on": "2026-05-09",
}


async def _receivable(api, session) -> tuple[int, int]:
    did = await fund_debtor(api)  # 500.00 paid out on 2026-02-10 and on 2026-03-10
    rid = await session.scalar(select(Receivable.id).where(Receivable.debtor_id == did))
    return did, rid


async def test_the_decided_amount_must_be_the_payouts_of_its_period(api, session):
    _did, rid = await _receivable(api, session)
    period = {"period_from": "2026-02-01", "period_to": "2026-03-31"}
    # 500.00 + 500.00 paid out in February and March: a decision "on 1500.00" is refused.
    r = await api.post(DECISION.format(rid), json={**BODY, **period, "amount": "1500.00"})
    assert r.status_code == 422, r.text
    assert r.json()["errors"][0]["field"] == "amount"
    assert "1000.00" in r.json()["detail"]
    # A decision covers only benefits already paid out: its period ends by its issue day.
    r = await api.post(DECISION.format(rid), json={**BODY, **period, "period_to": "2026-04-21"})
    assert r.status_code == 422
    assert r.json()["errors"][0]["field"] == "period_to"
    assert (await card(api, rid, "2026-11-23"))["decision_ref"] is None  # nothing written
    # Without an amount or a period: the payouts from the first one to the issue day, 1000.00.
    r = await api.post(DECISION.format(rid), json=BODY)
    assert r.status_code == 200, r.text
    c = r.json()
    assert (c["decision_amount"], c["decision_period_from"], c["decision_period_to"]) == (
        "1000.00",
        "2026-02-10",
        "2026-04-20",
    )
    assert c["payouts_after_decision"] == "0.00"


async def test_payouts_after_the_decision_are_not_demanded_and_need_a_new_one(api, session):
    did, rid = await _receivable(api, session)
    r = await api.post(
        DECISION.format(rid),
        json={**BODY, "amount": "1000.00", "period_from": "2026-02-01", "period_to": "2026-03-31"},
    )
    assert r.status_code == 200, r.text
    # The fund pays again on 2026-05-11: the same receivable grows to 1500.00 …
    await post(
        api,
        f"/debtors/{did}/payouts",
        {"paid_on": "2026-05-11", "amount": "500.00", "entitled": "Anna"},
    )
    c = await card(api, rid, "2026-06-01")
    assert c["payouts_after_decision"] == "500.00"
    page = await api.get(f"/naleznosci/{rid}", params={"as_of": "2026-06-01"})
    assert page.status_code == 200
    assert "Wypłaty po decyzji: 500,00\xa0zł — wymaga nowej decyzji" in page.text
    # Interest (odsetki ustawowe za opóźnienie, art. 27 ust. 1a u.p.o.u.a.; KC art. 481 § 2)
    # from the day after each payout; rates 9.50 % to 2026-03-04, 9.25 % from 2026-03-05; each
    # rate period rounded to the grosz:
    #   500.00 of 10.02: 11.02–04.03 22 days × 9.50 % = 2.863 → 2.86
    #                    05.03–01.06 89 days × 9.25 % = 11.277 → 11.28
    #   500.00 of 10.03: 11.03–01.06 83 days × 9.25 % = 10.517 → 10.52
    #   covered: 2.86 + 11.28 + 10.52 = 24.66
    #   500.00 of 11.05: 12.05–01.06 21 days × 9.25 % = 2.661 → 2.66 (not covered)
    assert (c["principal_remaining"], c["interest_due"]) == ("1500.00", "27.32")
    # The decision's term ran out on 2026-05-25; the reminder of 2026-06-01 demands only what the
    # decision covers: 1000.00 with its 24.66 of interest, not the payout of 11.05.
    r = await api.post(f"/api/v1/receivables/{rid}/reminders", json={"issued_on": "2026-06-01"})
    assert r.status_code == 201, r.text
    doc = await session.get(Document, r.json()["id"])
    reminder = await documents_service.upomnienie(session, doc)
    assert (reminder.receivable.principal, reminder.receivable.interest_amount) == (100000, 2466)
    # The title after the reminder (delivered 2026-06-03, 7 days to 2026-06-10) likewise.
    await deliver(api, rid, "upomnienie", "2026-06-03")
    r = await api.post(f"/api/v1/receivables/{rid}/titles", json={"issued_on": "2026-06-11"})
    assert r.status_code == 201, r.text
    session.expire_all()  # the reminder read above was delivered since, through the API
    title = await session.get(Document, r.json()["id"])
    data = await documents_service.tytul(session, title)
    # Each rate period as a whole to 2026-06-11:
    #   500.00 of 10.02: 2.86 + 05.03–11.06 99 days × 9.25 % = 12.544 → 12.54
    #   500.00 of 10.03: 11.03–11.06 93 days × 9.25 % = 11.784 → 11.78
    #   2.86 + 12.54 + 11.78 = 27.18
    assert (data.receivable.principal, data.receivable.interest_amount) == (100000, 2718)
    assert data.receivable.costs == 1600  # the reminder's cost from its delivery (art. 15 § 4)


async def test_when_the_decided_amount_is_paid_the_rest_waits_for_a_new_decision(api, session):
    did, rid = await _receivable(api, session)
    # The decision covers February's payout only: 500.00 for 01.02–28.02.2026.
    r = await api.post(
        DECISION.format(rid),
        json={**BODY, "amount": "500.00", "period_from": "2026-02-01", "period_to": "2026-02-28"},
    )
    assert r.status_code == 200, r.text
    assert r.json()["payouts_after_decision"] == "500.00"  # the payout of 10.03
    # 600.00 recovered on 2026-05-20 pays February's 500.00 with its interest (the oldest debt
    # first, KC art. 451 § 3): the covered payout asks nothing more.
    await post(
        api,
        f"/debtors/{did}/recoveries",
        {"received_on": "2026-05-20", "amount": "600.00", "source": "wplata_dobrowolna"},
    )
    r = await api.post(f"/api/v1/receivables/{rid}/reminders", json={"issued_on": "2026-06-01"})
    assert r.status_code == 409, r.text
    assert "wypłaty po decyzji (500,00\xa0zł) wymagają nowej decyzji" in r.json()["detail"]
    # The receivable itself still owes most of the payout of 10.03 (the art. 28 ledger). On 20.05
    # the interest was 500 × 22 d × 9.50 % = 2.86 and 500 × 77 d × 9.25 % = 9.76 on February's,
    # 500 × 71 d × 9.25 % = 9.00 on March's: 21.62; the 600.00 paid it, then 500.00 of February's
    # principal and 78.38 of March's, leaving 421.62; from 21.05 to 01.06 (12 days) it earns
    # 421.62 × 12 × 9.25 % / 365 = 1.282 → 1.28.
    c = await card(api, rid, "2026-06-01")
    assert (c["state"], c["principal_remaining"], c["interest_due"]) == (
        "wymagalna",
        "421.62",
        "1.28",
    )


async def test_the_documents_name_the_decided_amount_and_its_period(api, session):
    _did, rid = await _receivable(api, session)
    r = await api.post(
        DECISION.format(rid),
        json={**BODY, "amount": "1000.00", "period_from": "2026-02-01", "period_to": "2026-03-31"},
    )
    assert r.status_code == 200, r.text
    r = await api.post(f"/api/v1/receivables/{rid}/reminders", json={"issued_on": "2026-06-01"})
    assert r.status_code == 201, r.text
    doc = await session.get(Document, r.json()["id"])
    reminder = await documents_service.upomnienie(session, doc)
    assert reminder.receivable.decision == (
        "decyzja FA.4101.12.2026 z dnia 20.04.2026, ostateczna od 09.05.2026, na kwotę 1 000,00 zł"
        " (wypłaty 01.02.2026 – 31.03.2026)"
    )
