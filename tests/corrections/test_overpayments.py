"""Issue 20 item 5 (brief item 4): overpayments (nadpłaty): listed for the debtor, set off against
another receivable on the day they arose (OP art. 76 §1, 76a §2 pkt 1), refunded only without
arrears (OP art. 76 §1)."""

from sqlalchemy import select

from app.models import Payment
from tests.corrections.test_reversal import _pay, _stay_fee
from tests.factories import card, create_debtor, create_receivable, sweep


async def _annulled_with_300(api) -> tuple[int, int]:
    rid = await _stay_fee(api)
    await _pay(api, rid, "2024-05-10", "300.00")
    r = await api.post(
        f"/api/v1/receivables/{rid}/annulment",
        json={"effective_on": "2024-07-01", "reason": "decyzja SKO 4/2024"},
    )
    assert r.status_code == 201, r.text
    return rid, int(r.json()["debtor_id"])


async def test_an_overpayment_is_set_off_then_the_rest_refunded(api, session):
    rid, did = await _annulled_with_300(api)
    listed = (await api.get(f"/api/v1/debtors/{did}/overpayments")).json()
    # OP art. 73 §2: the overpayment an annulling decision creates arises on its day.
    assert [(o["receivable_id"], o["arisen_on"], o["amount"], o["available"]) for o in listed] == [
        (rid, "2024-07-01", "300.00", "300.00")
    ]
    oid = listed[0]["id"]
    other = (await create_receivable(api, did, principal="250.00", issue_date="2024-08-01"))["id"]
    r = await api.post(
        f"/api/v1/overpayments/{oid}/set-off",
        json={"receivable_id": other, "decided_on": "2024-08-05", "decision_ref": "FN.1/2024"},
    )
    assert r.status_code == 201, r.text
    # Booked on 2024-08-01 (not before the receivable it pays existed), for its whole balance:
    # 250.00 (no demand delivered, no interest); 50.00 left.
    assert r.json()["available"] == "50.00"
    paid = await session.scalar(select(Payment).where(Payment.receivable_id == other))
    assert (paid.paid_on.isoformat(), paid.amount, paid.source) == (
        "2024-08-01",
        25000,
        "zaliczenie_nadplaty",
    )
    c = await card(api, other, "2024-08-01")
    assert (c["state"], c["balance"]) == ("zaplacona", "0.00")
    # A set-off is undone by a decision on the overpayment, not by a storno.
    storno = await api.post(
        f"/api/v1/payments/{paid.id}/reversal", json={"reversed_on": "2024-08-05", "reason": "abc"}
    )
    assert storno.status_code == 409

    # On the year-end list of 2024 until the refund is decided.
    year_end = (await api.get("/api/v1/overpayments/year-end/2024")).json()
    assert [(x["receivable_id"], x["open_amount"]) for x in year_end] == [(rid, "50.00")]
    refund = await api.post(
        f"/api/v1/overpayments/{oid}/refund",
        json={"decided_on": "2024-08-06", "decision_ref": "FN.2/2024"},
    )
    assert refund.status_code == 201, refund.text
    assert refund.json()["available"] == "0.00"
    assert [s["kind"] for s in refund.json()["settlements"]] == ["zaliczenie", "zwrot"]
    source = await card(api, rid, "2024-08-06")
    assert [e["action"] for e in source["events"][-2:]] == ["zaliczenie_nadplaty", "zwrot_nadplaty"]
    assert (await api.get("/api/v1/overpayments/year-end/2024")).json() == []
    # 2023's list did not have it: it arose in 2024.
    assert (await api.get("/api/v1/overpayments/year-end/2023")).json() == []
    again = await api.post(
        f"/api/v1/overpayments/{oid}/refund",
        json={"decided_on": "2024-08-07", "decision_ref": "FN.3/2024"},
    )
    assert again.status_code == 409


async def test_no_refund_while_the_debtor_has_arrears(api):
    rid, did = await _annulled_with_300(api)
    oid = (await api.get(f"/api/v1/debtors/{did}/overpayments")).json()[0]["id"]
    other = (await create_receivable(api, did, issue_date="2025-03-03"))["id"]
    r = await api.post(
        f"/api/v1/receivables/{other}/deliveries",
        json={"document": "wezwanie", "delivered_on": "2025-03-05"},
    )
    assert r.status_code == 200
    await sweep(api, "2025-03-20")  # term 2025-03-19 passed: wymagalna, an arrear
    r = await api.post(
        f"/api/v1/overpayments/{oid}/refund",
        json={"decided_on": "2025-03-21", "decision_ref": "FN.1/2025"},
    )
    assert r.status_code == 409
    assert "OP art. 76" in r.json()["detail"]
    assert (await api.get(f"/api/v1/debtors/{did}/overpayments")).json()[0]["available"] == "300.00"


async def test_a_payment_beyond_the_balance_is_an_overpayment(api):
    rid = await _stay_fee(api)
    # 2024-05-10: 1000.00 + 22 zł interest (1000 × 56 × 14.5 % / 365 = 22.25 → 22) = 1022.00.
    await _pay(api, rid, "2024-05-10", "1050.00")
    c = await card(api, rid, "2024-05-10")
    assert (c["state"], c["overpayment"]) == ("zaplacona", "28.00")
    listed = (await api.get(f"/api/v1/debtors/{c['debtor_id']}/overpayments")).json()
    # OP art. 73 §1 pkt 1: on the day of the payment.
    assert [(o["arisen_on"], o["amount"]) for o in listed] == [("2024-05-10", "28.00")]


async def test_a_payment_on_a_time_barred_stay_fee_is_an_overpayment(api):
    rid = (await create_receivable(api, await create_debtor(api), issue_date="2021-03-03"))["id"]
    r = await api.post(
        f"/api/v1/receivables/{rid}/deliveries",
        json={"document": "wezwanie", "delivered_on": "2021-03-05"},
    )
    assert r.status_code == 200
    # Term 2021-03-19; 3 years from it (seed 003 §5): time-barred from 2024-03-20.
    await sweep(api, "2024-03-21")
    before = await card(api, rid, "2024-04-02")
    assert (before["state"], before["time_barred_from"]) == ("przedawniona", "2024-03-20")
    await _pay(api, rid, "2024-04-02", "50.00")
    after = await card(api, rid, "2024-04-02")
    # OP art. 59 §1 pkt 9: the liability expired; the 50.00 is undue (OP art. 72 §1 pkt 1): an
    # overpayment, the figures and the limitation date unchanged.
    assert (after["balance"], after["overpayment"], after["time_barred_from"]) == (
        before["balance"],
        "50.00",
        "2024-03-20",
    )
