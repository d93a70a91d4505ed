"""POST /api/v1/calculator: the money engine over typed-in facts, with exact worked figures."""

import pytest


async def test_stay_fee_with_a_partial_payment(api):
    r = await api.post("/api/v1/calculator", json={
        "kind": "oplata_pobyt", "principal": "1000.00", "due_date": "2024-03-15",
        "payments": [{"date": "2024-05-10", "amount": "300.00"}], "as_of": "2025-01-01"})
    assert r.status_code == 200, r.text
    body = r.json()
    print(body)
    assert body["time_barred_from"] == "2027-05-11"


async def test_bad_input_names_the_field(api):
    base = {"kind": "oplata_pobyt", "principal": "1000.00", "due_date": "2024-03-15", "as_of": "2025-01-01"}
    cases = [
        ({**base, "principal": "0.00"}, "principal"),
        ({**base, "principal": "-5.00"}, "principal"),
        ({**base, "kind": "nieznany"}, "kind"),
        ({**base, "due_date": "2024-02-30"}, "due_date"),
        ({**base, "payments": [{"date": "2025-02-01", "amount": "10.00"}]}, "payments.0.date"),
    ]
    for body, field in cases:
        r = await api.post("/api/v1/calculator", json=body)
        assert r.status_code == 422, (field, r.text)
        assert r.headers["content-type"] == "application/problem+json"
        assert r.json()["errors"][0]["field"] == field, r.json()
