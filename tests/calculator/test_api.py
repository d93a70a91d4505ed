"""POST /api/v1/calculator: the money engine over typed-in facts, with exact worked figures."""


async def test_stay_fee_with_a_partial_payment(api):
    r = await api.post(
        "/api/v1/calculator",
        json={
            "kind": "oplata_pobyt",
            "principal": "1000.00",
            "due_date": "2024-03-15",
            "payments": [{"date": "2024-05-10", "amount": "300.00"}],
            "as_of": "2025-01-01",
        },
    )
    assert r.status_code == 200, r.text
    body = r.json()
    # Worked in tests/receivables/test_card_figures.py: 2024-05-10 interest 22 zł (56 days at
    # 14.50 %), OP art. 55 §2 split 300 × 22/1022 = 6.4579 → 6.46 zł interest, 293.54 zł
    # principal (in grosze: OP art. 63 §3); the rest, 706.46, accrues 292 days to 2025-01-01:
    # 706.46 × 292 × 14.50 % / 365 = 81.9494 → 81.95 (period), 82 zł charged (OP art. 63 §1).
    assert body["allocations"] == [
        {
            "date": "2024-05-10",
            "amount": "300.00",
            "to_costs": "0.00",
            "to_interest": "6.46",
            "to_principal": "293.54",
            "overpayment": "0.00",
        }
    ]
    assert body["rate_periods"] == [
        {
            "from": "2024-03-16",
            "to": "2025-01-01",
            "principal": "706.46",
            "rate": "14.50",
            "days": 292,
            "interest": "81.95",
        }
    ]
    assert (body["principal_remaining"], body["interest_due"], body["balance"]) == (
        "706.46",
        "82.00",
        "788.46",
    )
    # Seed 003 §5.2: interrupted by the part payment → 3 years from 2024-05-10.
    assert body["time_barred_from"] == "2027-05-11"


async def test_bad_input_names_the_field(api):
    base = {
        "kind": "oplata_pobyt",
        "principal": "1000.00",
        "due_date": "2024-03-15",
        "as_of": "2025-01-01",
    }
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
