"""Issue 20 item 2: an amended decision changes the principal from its date; an annulled one
closes the receivable as anulowana and turns its payments into an overpayment. Figures worked out
by hand; the stay fee of tests/receivables/test_card_figures.py (1000.00, term 2024-03-15,
interest from 2024-03-16, OP art. 56 §1: 14.50 % a year throughout)."""

from tests.corrections.test_reversal import _pay, _stay_fee
from tests.factories import card


async def test_a_lowered_amount_counts_from_the_start(api):
    rid = await _stay_fee(api)
    await _pay(api, rid, "2024-05-10", "300.00")
    r = await api.post(
        f"/api/v1/receivables/{rid}/amendments",
        json={"effective_on": "2024-06-03", "principal": "800.00", "reason": "decyzja SKO 1/2024"},
    )
    assert r.status_code == 201, r.text
    c = await card(api, rid, "2025-01-01")
    # The lower amount was never owed above 800.00: on 2024-05-10 interest on 800.00 for 56 days
    # = 800 × 56 × 14.5 % / 365 = 17.80 → 18 zł (OP art. 63 §1); OP art. 55 §2: 300 × 18 / 818
    # = 6.60 to interest, 293.40 to principal; 506.60 left, accruing from 2024-03-16:
    # 506.60 × 292 × 14.5 % / 365 = 58.77 → 59 zł.
    assert (c["principal"], c["principal_remaining"], c["interest_due"], c["balance"]) == (
        "800.00",
        "506.60",
        "59.00",
        "565.60",
    )
    # The payment still interrupts limitation (seed 003 §5.2): unchanged, 2027-05-11.
    assert c["time_barred_from"] == "2027-05-11"
    assert c["events"][-1]["action"] == "zmiana_decyzji"
    assert "1\u00a0000,00\u00a0zł → 800,00\u00a0zł" in c["events"][-1]["cause"]  # Polish notation
    # Before the amendment took effect the card shows the figures of that day (1000.00).
    assert (await card(api, rid, "2024-06-02"))["principal_remaining"] == "706.46"


async def test_a_raised_amount_is_owed_after_its_own_term(api):
    rid = await _stay_fee(api)
    r = await api.post(
        f"/api/v1/receivables/{rid}/amendments",
        json={"effective_on": "2024-06-03", "principal": "1200.00", "reason": "decyzja 2/2024"},
    )
    assert r.status_code == 201, r.text
    c = await card(api, rid, "2025-01-01")
    # 1000.00 × 292 days × 14.5 % / 365 = 116.00; the 200.00 added is due 14 days after the
    # amending decision (OP art. 47 §1: 2024-06-03 + 14 = Mon 2024-06-17), interest from
    # 2024-06-18: 200 × 198 days × 14.5 % / 365 = 15.73; 131.73 → 132 zł (OP art. 63 §1).
    assert (c["principal_remaining"], c["interest_due"], c["balance"]) == (
        "1200.00",
        "132.00",
        "1332.00",
    )


async def test_a_lowering_to_what_was_paid_closes_the_receivable(api):
    rid = await _stay_fee(api)
    await _pay(api, rid, "2024-03-10", "500.00")  # before the term: no interest (OP art. 53 §1)
    r = await api.post(
        f"/api/v1/receivables/{rid}/amendments",
        json={"effective_on": "2024-04-02", "principal": "500.00", "reason": "decyzja 3/2024"},
    )
    assert r.status_code == 201, r.text
    c = await card(api, rid, "2024-04-02")
    assert (c["state"], c["balance"], c["overpayment"]) == ("zaplacona", "0.00", "0.00")
    assert [e["action"] for e in c["events"][-2:]] == ["zmiana_decyzji", "zaplata"]


async def test_amendments_refuse_bad_input_and_write_nothing(api):
    rid = await _stay_fee(api)
    for body, field in (
        ({"effective_on": "2024-01-01", "principal": "800.00", "reason": "x y z"}, "effective_on"),
        ({"effective_on": "2024-06-03", "principal": "1000.00", "reason": "x y z"}, "principal"),
        ({"effective_on": "2026-11-24", "principal": "800.00", "reason": "x y z"}, "effective_on"),
    ):
        r = await api.post(f"/api/v1/receivables/{rid}/amendments", json=body)
        assert r.status_code == 422, r.text
        assert r.json()["errors"][0]["field"] == field
    assert (await card(api, rid, "2024-06-03"))["principal"] == "1000.00"


async def test_an_annulled_decision_turns_the_payments_into_an_overpayment(api):
    rid = await _stay_fee(api)
    await _pay(api, rid, "2024-05-10", "300.00")
    r = await api.post(
        f"/api/v1/receivables/{rid}/annulment",
        json={"effective_on": "2024-07-01", "reason": "decyzja SKO uchylająca 4/2024"},
    )
    assert r.status_code == 201, r.text
    c = r.json()
    # Nothing is owed, no interest; the 300.00 paid is overpaid (OP art. 72 §1 pkt 1).
    assert (c["state"], c["balance"], c["interest_due"], c["overpayment"]) == (
        "anulowana",
        "0.00",
        "0.00",
        "300.00",
    )
    assert c["time_barred_from"] is None
    assert c["allowed_actions"] == ["storno", "zaliczenie_nadplaty", "zwrot_nadplaty"]
    # The day before it took effect the receivable was still owed.
    assert (await card(api, rid, "2024-06-30"))["principal_remaining"] == "706.46"
    again = await api.post(
        f"/api/v1/receivables/{rid}/annulment", json={"effective_on": "2024-07-02", "reason": "abc"}
    )
    assert again.status_code == 409
    pay = await api.post(
        f"/api/v1/receivables/{rid}/payments", json={"paid_on": "2024-07-05", "amount": "10.00"}
    )
    # Money on a closed file is kept as an overpayment (app/receivables/actions.py).
    assert pay.status_code == 201
    assert pay.json()["overpayment"] == "310.00"


async def test_an_annulment_under_a_title_asks_the_authority_to_discontinue(api, title):
    rid, _tid = title
    r = await api.post(
        f"/api/v1/receivables/{rid}/annulment",
        json={"effective_on": "2025-06-02", "reason": "wyrok WSA II SA/Bd 1/25"},
    )
    assert r.status_code == 201, r.text
    pending = (await api.get("/api/v1/notices")).json()
    assert [n["change"] for n in pending] == ["uchylenie"]
    xml = await api.get(f"/api/v1/notices/{pending[0]['id']}.xml")
    assert b"<zaw:UchylenieDecyzji>" in xml.content
