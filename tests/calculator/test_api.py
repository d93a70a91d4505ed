"""POST /api/v1/calculator: the money engine over typed-in facts, with exact worked figures."""

import pytest


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


@pytest.mark.parametrize(
    ("due_date", "term", "interest"),
    [
        # OP art. 12 §5: Saturday 2024-03-16 → Monday 2024-03-18; interest 2024-03-19..05-10 =
        # 53 days: 1 000 × 53 × 14.50 % / 365 = 21.05 → 21 zł (OP art. 63 §1)
        ("2024-03-16", "2024-03-18", "21.00"),
        # Sunday 2024-03-17 → Monday: the same
        ("2024-03-17", "2024-03-18", "21.00"),
        # Friday 2024-03-15 stays: 56 days, 22.25 → 22 zł
        ("2024-03-15", "2024-03-15", "22.00"),
    ],
)
async def test_a_term_on_a_day_off_moves_to_the_next_working_day(api, due_date, term, interest):
    r = await api.post(
        "/api/v1/calculator",
        json={
            "kind": "oplata_pobyt",
            "principal": "1000.00",
            "due_date": due_date,
            "as_of": "2024-05-10",
        },
    )
    assert r.status_code == 200, r.text
    body = r.json()
    assert (body["term_ends_on"], body["interest_due"]) == (term, interest)
    assert (body["term_note"] is None) == (due_date == term)


async def test_a_term_on_a_holiday_moves_and_limitation_counts_from_it(api):
    # Tue 2025-11-11 (Narodowe Święto Niepodległości) → Wed 2025-11-12; seed 003 §5: 3 years
    # from the term → time-barred from 2028-11-13. Interest from 2025-11-13 to 2025-12-03:
    # 21 days × 11.50 % on 1 000 zł = 6.62 zł ≤ 8.70: not charged (OP art. 54 §1 pkt 5).
    r = await api.post(
        "/api/v1/calculator",
        json={
            "kind": "oplata_pobyt",
            "principal": "1000.00",
            "due_date": "2025-11-11",
            "as_of": "2025-12-03",
        },
    )
    body = r.json()
    assert body["term_ends_on"] == "2025-11-12"
    assert "w dzień ustawowo wolny od pracy" in body["term_note"]
    assert body["time_barred_from"] == "2028-11-13"
    assert (body["interest_due"], body["interest_not_charged"]) == ("0.00", "7.00")


async def test_an_alimony_payout_of_2010_has_its_statutory_interest(api):
    # Issue 16 item 1: 500.00 paid out 2010-05-10, interest from 2010-05-11 (art. 27 ust. 1a),
    # each rate period to the grosz (KC art. 481; tests/domain/test_interest.py works it out):
    # 300.42 (13 %) + 40.99 (8 %) + 35.10 (7 %) = 376.51 zł as of 2016-12-31.
    r = await api.post(
        "/api/v1/calculator",
        json={
            "kind": "fundusz_alimentacyjny",
            "payouts": [{"date": "2010-05-10", "amount": "500.00"}],
            "as_of": "2016-12-31",
        },
    )
    assert r.status_code == 200, r.text
    body = r.json()
    assert [(p["from"], p["rate"], p["days"], p["interest"]) for p in body["rate_periods"]] == [
        ("2010-05-11", "13.00", 1687, "300.42"),
        ("2014-12-23", "8.00", 374, "40.99"),
        ("2016-01-01", "7.00", 366, "35.10"),
    ]
    assert (body["interest_due"], body["balance"]) == ("376.51", "876.51")


async def test_a_missing_rate_is_a_problem_naming_the_parameter_and_the_day(api):
    r = await api.post(
        "/api/v1/calculator",
        json={
            "kind": "fundusz_alimentacyjny",
            "payouts": [{"date": "2003-06-10", "amount": "500.00"}],
            "as_of": "2004-01-01",
        },
    )
    assert r.status_code == 422
    body = r.json()
    assert body["type"] == "/problems/missing-parameter"
    assert "odsetki_ustawowe_za_opoznienie" in body["detail"]
    assert "11.06.2003" in body["detail"]
