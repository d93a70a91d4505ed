"""Issue 20 item 1: a payment reversed (storno) counts for nothing, as if it had never been
booked; both entries stay in the history; a bank line comes back for matching; an issued title
gets a notice for the enforcement authority."""

from sqlalchemy import select

from app.models import Event, Notice, Payment
from tests.bank.test_import import MT940
from tests.factories import card, create_debtor, create_receivable, deliver


async def _stay_fee(api) -> int:
    rid = (
        await create_receivable(
            api, await create_debtor(api), principal="1000.00", issue_date="2024-02-20"
        )
    )["id"]
    # Delivered Fri 2024-03-01; + 14 days = Fri 2024-03-15 (term); interest from 2024-03-16.
    await deliver(api, rid, "wezwanie", "2024-03-01")
    return int(rid)


async def _pay(api, rid: int, on: str, amount: str, reference: str | None = None) -> int:
    body = {"paid_on": on, "amount": amount} | ({"reference": reference} if reference else {})
    r = await api.post(f"/api/v1/receivables/{rid}/payments", json=body)
    assert r.status_code == 201, r.text
    return int(r.json()["id"])


async def test_a_reversed_part_payment_no_longer_counts(api, session):
    rid = await _stay_fee(api)
    pid = await _pay(api, rid, "2024-05-10", "300.00", "KP 12/2024")
    before = await card(api, rid, "2025-01-01")
    # tests/receivables/test_card_figures.py: after the 300.00 of 2024-05-10 (OP art. 55 §2:
    # 6.46 to interest, 293.54 to principal) 706.46 + 82.00 interest = 788.46; the payment
    # interrupted limitation (seed 003 §5.2): time-barred from 2027-05-11.
    assert (before["balance"], before["time_barred_from"]) == ("788.46", "2027-05-11")

    r = await api.post(
        f"/api/v1/payments/{pid}/reversal",
        json={"reversed_on": "2024-06-03", "reason": "wpłata zaksięgowana na złą należność"},
    )
    assert r.status_code == 201, r.text
    assert (r.json()["receivable_state"], r.json()["notice_id"]) == ("wystawiona", None)

    after = await card(api, rid, "2025-01-01")
    # As if never paid: OP art. 56 §1, 14.50 %: 1000.00 × 292 days (2024-03-16..2025-01-01)
    # × 14.50 % / 365 = 116.00 zł; limitation 3 years from the term (2024-03-15): 2027-03-16.
    assert (after["principal_remaining"], after["interest_due"], after["balance"]) == (
        "1000.00",
        "116.00",
        "1116.00",
    )
    assert after["time_barred_from"] == "2027-03-16"
    assert after["events"][-1]["action"] == "storno"
    assert "wpłata zaksięgowana na złą należność" in after["events"][-1]["cause"]
    # The row stays, marked; its reference is free for a correct booking.
    p = await session.get(Payment, pid)
    assert (p.reversed_on.isoformat(), p.reference, p.reversed_reference) == (
        "2024-06-03",
        None,
        "KP 12/2024",
    )
    again = await api.post(
        f"/api/v1/payments/{pid}/reversal", json={"reversed_on": "2024-06-04", "reason": "raz"}
    )
    assert again.status_code == 409


async def test_reversing_the_payment_that_closed_it_reopens_it(api):
    rid = await _stay_fee(api)
    # 2024-05-10: 1000.00 + interest 1000 × 56 days × 14.5 % / 365 = 22.25 → 22 zł = 1022.00.
    pid = await _pay(api, rid, "2024-05-10", "1022.00")
    assert (await card(api, rid, "2024-05-10"))["state"] == "zaplacona"

    r = await api.post(
        f"/api/v1/payments/{pid}/reversal",
        json={"reversed_on": "2024-05-20", "reason": "zwrot przez bank (brak pokrycia)"},
    )
    assert r.status_code == 201, r.text
    c = await card(api, rid, "2025-01-01")
    # Back to the state it was paid in; owed in full again: 1116.00 as of 2025-01-01.
    assert (c["state"], c["balance"]) == ("wystawiona", "1116.00")
    assert [e["to_state"] for e in c["events"][-2:]] == ["zaplacona", "wystawiona"]


async def test_a_reversal_before_the_payment_or_in_the_future_is_refused(api, session):
    rid = await _stay_fee(api)
    pid = await _pay(api, rid, "2024-05-10", "300.00")
    for day in ("2024-05-09", "2026-11-24"):  # today is 2026-11-23 in the tests
        r = await api.post(
            f"/api/v1/payments/{pid}/reversal", json={"reversed_on": day, "reason": "błąd"}
        )
        assert r.status_code == 422, r.text
        assert r.json()["errors"][0]["field"] == "reversed_on"
    assert (await session.get(Payment, pid)).reversed_on is None
    assert (await api.post("/api/v1/payments/999999/reversal", json={
        "reversed_on": "2024-06-01", "reason": "błąd"})).status_code == 404  # fmt: skip


async def test_a_reversed_bank_payment_unmatches_its_line(api):
    rid = (await create_receivable(api, await create_debtor(api), reference="57/2025"))["id"]
    files = {"file": ("wyciag.sta", MT940.encode(), "text/plain")}
    assert (await api.post("/api/v1/bank-statements", files=files)).status_code == 201
    booked = (await api.get("/api/v1/bank-lines", params={"status": "zaksiegowana"})).json()
    line = next(b for b in booked if b["receivable_id"] == rid)
    r = await api.post(
        f"/api/v1/payments/{line['payment_id']}/reversal",
        json={"reversed_on": "2025-05-06", "reason": "wpłata dotyczy innej należności"},
    )
    assert r.status_code == 201, r.text
    assert r.json()["bank_line_id"] == line["id"]
    # The 100.00 of 2025-05-05 no longer counts: 250.00 owed again (no demand delivered yet).
    assert (await card(api, rid, "2025-05-06"))["principal_remaining"] == "250.00"
    waiting = (await api.get("/api/v1/bank-lines", params={"status": "do_dopasowania"})).json()
    assert line["id"] in [w["id"] for w in waiting]
    # Matched again, by hand, to the same receivable: booked anew (the reference was freed).
    m = await api.post(f"/api/v1/bank-lines/{line['id']}/match", json={"receivable_id": rid})
    assert m.status_code == 200, m.text
    assert (await card(api, rid, "2025-05-06"))["principal_remaining"] == "150.00"


async def test_a_reversal_under_a_title_notifies_the_authority(api, session, title):
    rid, _tid = title
    pid = await _pay(api, rid, "2025-06-01", "50.00")
    r = await api.post(
        f"/api/v1/payments/{pid}/reversal",
        json={"reversed_on": "2025-06-02", "reason": "zwrot przez bank"},
    )
    assert r.status_code == 201, r.text
    notice = await session.get(Notice, r.json()["notice_id"])
    assert (notice.change, notice.amount) == ("storno", 5000)
    xml = await api.get(f"/api/v1/notices/{notice.id}.xml")
    assert xml.status_code == 200, xml.text
    assert b"<zaw:Storno>" in xml.content
    events = (await session.scalars(select(Event.action).where(Event.receivable_id == rid))).all()
    assert events[-1] == "storno"
