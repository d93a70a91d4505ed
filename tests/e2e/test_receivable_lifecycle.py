"""One receivable (a stay fee) through wystawiona → wymagalna → upomnienie → tytul_wykonawczy →
zaplacona over the HTTP API, each step with its calendar date."""

from tests.factories import card, create_debtor, create_receivable, deliver, sweep


async def test_stay_fee_walks_the_whole_lifecycle(api):
    debtor = await create_debtor(api)
    # 2025-03-03: wezwanie do zapłaty issued with the receivable.
    r = await create_receivable(api, debtor)
    rid = r["id"]
    assert r["state"] == "wystawiona"
    assert r["documents"][0]["kind"] == "wezwanie"
    assert r["documents"][0]["number"] == "WZ/1/2025"

    # 2025-03-05 (Wed) delivered; + 14 days = Wed 2025-03-19; wymagalna from 2025-03-20.
    c = await deliver(api, rid, "wezwanie", "2025-03-05")
    assert c["payment_term_ends_on"] == "2025-03-19"
    assert c["due_from"] == "2025-03-20"

    # 2025-03-19: the term has not run out yet — the sweep changes nothing.
    assert (await sweep(api, "2025-03-19"))["rows_changed"] == 0
    # 2025-03-20: due.
    assert (await sweep(api, "2025-03-20"))["changed"]["termin_uplynal"] == 1
    assert (await card(api, rid, "2025-03-20"))["state"] == "wymagalna"
    # The same sweep again changes nothing (idempotent).
    assert (await sweep(api, "2025-03-20"))["rows_changed"] == 0

    # 2025-04-01: upomnienie, cost 16.00 zł (koszty upomnienia since 2021-10-13).
    rem = await api.post(f"/api/v1/receivables/{rid}/reminders", json={"issued_on": "2025-04-01"})
    assert rem.status_code == 201, rem.text
    assert rem.json()["number"] == "UP/1/2025"
    assert rem.json()["receivable_state"] == "upomnienie"

    # A title before the reminder is delivered is refused.
    early = await api.post(f"/api/v1/receivables/{rid}/titles", json={"issued_on": "2025-04-05"})
    assert early.status_code == 409
    assert "doręczeniu upomnienia" in early.json()["detail"]

    # 2025-04-03 (Thu) reminder delivered; + 7 = Thu 2025-04-10; a title from 2025-04-11.
    c = await deliver(api, rid, "upomnienie", "2025-04-03")
    assert c["reminder_term_ends_on"] == "2025-04-10"
    assert c["title_allowed_from"] == "2025-04-11"
    early = await api.post(f"/api/v1/receivables/{rid}/titles", json={"issued_on": "2025-04-10"})
    assert early.status_code == 409
    assert early.headers["content-type"] == "application/problem+json"
    assert "najwcześniej 11.04.2025" in early.json()["detail"]

    title = await api.post(f"/api/v1/receivables/{rid}/titles", json={"issued_on": "2025-04-11"})
    assert title.status_code == 201, title.text
    assert title.json()["number"] == "TW/UM/1/2025"
    assert title.json()["receivable_state"] == "tytul_wykonawczy"

    # 2025-05-05: balance = 250.00 principal + 16.00 costs; the interest (OP art. 56 §1, 14.50 %)
    # for 2025-03-20..2025-05-05 = 47 days: 250.00 × 47 × 14.50 % / 365 = 4.67 zł, which does not
    # exceed 8.70 zł, so it is not charged (OP art. 54 §1 pkt 5).
    c = await card(api, rid, "2025-05-05")
    assert (c["principal_remaining"], c["costs_due"], c["interest_due"], c["balance"]) == (
        "250.00",
        "16.00",
        "0.00",
        "266.00",
    )
    paid = await api.post(
        f"/api/v1/receivables/{rid}/payments",
        json={"paid_on": "2025-05-05", "amount": "266.00", "reference": "WB/0505/1"},
    )
    assert paid.status_code == 201, paid.text
    assert paid.json()["receivable_state"] == "zaplacona"
    assert paid.json()["balance"] == "0.00"

    final = await card(api, rid, "2025-05-06")
    assert final["state"] == "zaplacona"
    assert [e["to_state"] for e in final["events"]] == [
        "wystawiona",
        "wymagalna",
        "upomnienie",
        "tytul_wykonawczy",
        "zaplacona",
    ]
    assert final["events"][1]["occurred_on"] == "2025-03-20"
    assert final["events"][1]["actor"] == "system:przeglad"
    assert final["events"][-1]["actor"] == "admin"
