"""Issue 16 items 4 and 5 through the API: an art. 23 receivable for several payouts (tranches),
and limitation from the kind's data (instalments interrupt art. 23; a full payment closes)."""

from __future__ import annotations

from typing import Any

import httpx

from tests.factories import card, create_debtor, create_receivable, deliver, sweep

# Two payouts of 500.00; art. 23 ust. 7 u.p.o.u.a.: interest from the first day of the month
# after each payout.
PAYOUTS = [
    {"paid_out_on": "2024-02-10", "amount": "500.00"},
    {"paid_out_on": "2024-01-10", "amount": "500.00"},
]


async def _art_23(api: httpx.AsyncClient, **overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "kind": "nienaleznie_pobrane",
        "principal": "1000.00",
        "title": "Świadczenia z funduszu alimentacyjnego nienależnie pobrane za 01–02.2024",
        "issue_date": "2024-03-05",
        "period_from": "2024-01-01",
        "period_to": "2024-02-29",
        "decision_final_on": "2024-03-25",
        "tranches": PAYOUTS,
        **overrides,
    }
    return await create_receivable(api, await create_debtor(api), **body)


async def test_tranches_interest_and_allocation(api):
    rid = (await _art_23(api))["id"]
    c = await card(api, rid, "2024-06-30")
    # Numbered by payout; each with its own start of interest.
    assert c["tranches"] == [
        {
            "number": 1,
            "paid_out_on": "2024-01-10",
            "amount": "500.00",
            "interest_from": "2024-02-01",
        },
        {
            "number": 2,
            "paid_out_on": "2024-02-10",
            "amount": "500.00",
            "interest_from": "2024-03-01",
        },
    ]
    # KC art. 481 §2, 11.25 % (2023-10-05 to 2025-05-07), each period rounded to the grosz:
    # 500 × 11.25 % × 151/365 = 23.27 (2024-02-01..06-30) + 500 × 11.25 % × 122/365 = 18.80
    # (2024-03-01..06-30).
    assert (c["principal"], c["interest_due"], c["balance"]) == ("1000.00", "42.07", "1042.07")

    r = await api.post(
        f"/api/v1/receivables/{rid}/payments", json={"paid_on": "2024-06-30", "amount": "300.00"}
    )
    assert r.status_code == 201, r.text
    c = await card(api, rid, "2024-12-31")
    # The oldest payout first, interest then principal (KC art. 451 §1, §3): 23.27 + 276.73;
    # 223.27 of it is left. As of 2024-12-31 (184 days from 2024-07-01):
    # 223.27 × 11.25 % × 184/365 = 12.66; payout 2: 18.80 fixed + 500 × 11.25 % × 184/365 = 28.36.
    assert (c["principal_remaining"], c["interest_due"]) == ("723.27", "59.82")


async def test_tranches_are_checked(api):
    debtor = await create_debtor(api)
    base = {
        "debtor_id": debtor,
        "kind": "nienaleznie_pobrane",
        "principal": "1000.00",
        "title": "Świadczenia nienależnie pobrane",
        "issue_date": "2024-03-05",
        "tranches": PAYOUTS,
    }
    # the sum of the payouts is the principal
    r = await api.post("/api/v1/receivables", json={**base, "principal": "999.99"})
    assert r.status_code == 422
    assert "sumy wypłat" in r.text
    # art. 23 ust. 4: no decision more than 10 years after the payout (2014-03-04 + 10 years =
    # 2024-03-04; on 2024-03-05 more than 10 years have passed)
    old = [{"paid_out_on": "2014-03-04", "amount": "1000.00"}]
    r = await api.post("/api/v1/receivables", json={**base, "tranches": old})
    assert r.status_code == 422
    assert "art. 23 ust. 4" in r.json()["detail"]
    ok = [{"paid_out_on": "2014-03-05", "amount": "1000.00"}]
    r = await api.post("/api/v1/receivables", json={**base, "tranches": ok})
    assert r.status_code == 201, r.text
    # a kind whose interest runs from the payment term takes no payouts
    r = await api.post("/api/v1/receivables", json={**base, "kind": "oplata_pobyt"})
    assert r.status_code == 422
    assert r.json()["detail"].startswith("Rodzaj należności 'oplata_pobyt'")


async def test_art_23_instalments_interrupt_limitation(api):
    # Issue 16 item 5: decision final 2022-05-10 → time-barred from 2025-05-11 (art. 23 ust. 2:
    # 3 years; KC art. 112); instalments granted 2023-02-01 interrupt (ust. 3 pkt 2), a new period
    # from 2023-02-02 ends 2026-02-01: time-barred from 2026-02-02.
    rid = (
        await _art_23(
            api,
            principal="500.00",
            issue_date="2022-04-20",
            decision_final_on="2022-05-10",
            period_from="2021-06-01",
            period_to="2021-06-30",
            tranches=[{"paid_out_on": "2021-06-10", "amount": "500.00"}],
        )
    )["id"]
    assert (await card(api, rid, "2022-06-01"))["time_barred_from"] == "2025-05-11"
    await deliver(api, rid, "wezwanie", "2022-04-25")
    await sweep(api, "2022-05-20")
    # a part payment does not interrupt art. 23's period (the kind's data)
    r = await api.post(
        f"/api/v1/receivables/{rid}/payments", json={"paid_on": "2022-09-01", "amount": "50.00"}
    )
    assert r.status_code == 201, r.text
    assert (await card(api, rid, "2022-09-01"))["time_barred_from"] == "2025-05-11"
    balance = (await card(api, rid, "2023-02-01"))["balance"]
    first = "100.00"
    rest = f"{float(balance) - 100:.2f}"
    r = await api.post(
        f"/api/v1/receivables/{rid}/instalments",
        json={
            "decided_on": "2023-02-01",
            "decision_ref": "FA.4420.1.2023",
            "instalments": [
                {"due_on": "2023-03-31", "amount": first},
                {"due_on": "2023-04-28", "amount": rest},
            ],
        },
    )
    assert r.status_code == 201, r.text
    assert r.json()["time_barred_from"] == "2026-02-02"
    assert (await card(api, rid, "2023-03-01"))["time_barred_from"] == "2026-02-02"
    # The sweep reads the stored day: on 2025-06-01 the receivable is not time-barred (it would
    # be from 2025-05-11 without the interruption).
    await sweep(api, "2025-06-01")
    assert (await card(api, rid, "2025-06-01"))["state"] != "przedawniona"
    await sweep(api, "2026-02-02")
    assert (await card(api, rid, "2026-02-02"))["state"] == "przedawniona"


async def test_full_payment_starts_no_new_period(api):
    # Stay fee (seed 003 §5): term ran out 2024-03-15 → time-barred from 2027-03-16; a part
    # payment would start a new period, the payment of everything closes the receivable instead.
    rid = (
        await create_receivable(
            api, await create_debtor(api), principal="100.00", issue_date="2024-02-20"
        )
    )["id"]
    await deliver(api, rid, "wezwanie", "2024-03-01")
    balance = (await card(api, rid, "2025-06-10"))["balance"]
    r = await api.post(
        f"/api/v1/receivables/{rid}/payments", json={"paid_on": "2025-06-10", "amount": balance}
    )
    assert r.status_code == 201, r.text
    assert r.json()["receivable_state"] == "zaplacona"
    c = await card(api, rid, "2025-06-10")
    assert c["time_barred_from"] == "2027-03-16"


OP_70 = {
    "code": "oplata_op70",
    "label": "Opłata za pobyt (przedawnienie jak OP art. 70)",
    "legal_basis": "art. 42² ustawy o wychowaniu w trzeźwości; OP art. 70 (orzecznictwo)",
    "interest_regime": "odsetki_za_zwloke",
    "allocation_rule": "op_proportional",
    "limitation_rule": "op_art_70",
    "limitation_years": 5,
    "limitation_interrupted_by_payment": False,
    "limitation_interrupted_by": "srodek_egzekucyjny",
    "limitation_suspended_by": "raty, odroczenie",
}


async def test_op_70_kind_as_data_interrupted_by_a_reported_measure(api):
    r = await api.post("/api/v1/kinds", json=OP_70)
    assert r.status_code == 201, r.text
    # stored sorted, one code each
    assert r.json()["limitation_suspended_by"] == "odroczenie,raty"
    bad = await api.post(
        "/api/v1/kinds", json={**OP_70, "code": "zla", "limitation_suspended_by": "raty,zwloka"}
    )
    assert bad.status_code == 422
    assert "zwloka" in bad.text
    both = await api.post(
        "/api/v1/kinds",
        json={**OP_70, "code": "zla", "limitation_suspended_by": "srodek_egzekucyjny"},
    )
    assert both.status_code == 422

    rid = (await create_receivable(api, await create_debtor(api), kind="oplata_op70"))["id"]
    await deliver(api, rid, "wezwanie", "2025-03-05")  # term ends 2025-03-19
    # OP art. 70 §1: 5 years from the end of 2025 → time-barred from 2031-01-01
    assert (await card(api, rid, "2025-03-20"))["time_barred_from"] == "2031-01-01"
    await sweep(api, "2025-03-20")
    # a part payment does not interrupt under art. 70
    r = await api.post(
        f"/api/v1/receivables/{rid}/payments", json={"paid_on": "2025-03-25", "amount": "50.00"}
    )
    assert r.status_code == 201, r.text
    assert (await card(api, rid, "2025-03-25"))["time_barred_from"] == "2031-01-01"
    reminder = await api.post(
        f"/api/v1/receivables/{rid}/reminders", json={"issued_on": "2025-04-01"}
    )
    assert reminder.status_code == 201, reminder.text
    await deliver(api, rid, "upomnienie", "2025-04-03")
    title = await api.post(f"/api/v1/receivables/{rid}/titles", json={"issued_on": "2025-04-11"})
    assert title.status_code == 201, title.text
    # art. 70 §4: a measure the debtor was notified of, reported 2026-03-10: anew from
    # 2026-03-11, 5 years end 2031-03-10 → time-barred from 2031-03-11.
    r = await api.post(
        f"/api/v1/titles/{title.json()['id']}/reports",
        json={"reported_on": "2026-03-10", "kind": "srodek", "description": "zajęcie rachunku"},
    )
    assert r.status_code == 201, r.text
    assert (await card(api, rid, "2026-03-10"))["time_barred_from"] == "2031-03-11"


async def test_the_reminder_names_the_earliest_payouts_interest_start(api):
    import io

    from pypdf import PdfReader

    rid = (await _art_23(api))["id"]
    await deliver(api, rid, "wezwanie", "2024-03-08")
    await sweep(api, "2024-03-25")
    rem = await api.post(f"/api/v1/receivables/{rid}/reminders", json={"issued_on": "2024-04-02"})
    assert rem.status_code == 201, rem.text
    pdf = (await api.get(f"/api/v1/documents/{rem.json()['id']}.pdf")).content
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    # The first payout (2024-01-10) bears interest from 01.02.2024 (art. 23 ust. 7), not from
    # the month after the issue date (01.04.2024).
    assert "naliczane od dnia 01.02.2024" in text.replace("\n", " ")
