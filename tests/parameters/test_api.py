"""A future rate is added by an admin without a deployment and is used from its date on."""


async def test_admin_adds_a_future_rate_used_by_the_calculator(api, today):
    # "today" is 2026-11-23; a new odsetki za zwłokę rate from 2027-01-01 (hypothetical 10.00 %).
    r = await api.post(
        "/api/v1/parameters",
        json={
            "code": "odsetki_za_zwloke",
            "valid_from": "2027-01-01",
            "value": "10.00",
            "source": "Obwieszczenie Ministra Finansów (test)",
        },
    )
    assert r.status_code == 201, r.text
    assert r.json()["unit"] == "bp"
    today.day = today.day.replace(year=2027, month=1, day=31)
    calc = await api.post(
        "/api/v1/calculator",
        json={
            "kind": "oplata_pobyt",
            "principal": "10000.00",
            "due_date": "2026-12-31",
            "as_of": "2027-01-31",
        },
    )
    assert calc.status_code == 200, calc.text
    # 10 000.00 × 31 days × 10.00 % / 365 = 84.93 → 85 zł (OP art. 63 §1).
    assert calc.json()["interest_due"] == "85.00"
    assert calc.json()["rate_periods"][0]["rate"] == "10.00"


async def test_history_cannot_be_rewritten_and_duplicates_are_refused(api):
    past = await api.post(
        "/api/v1/parameters",
        json={
            "code": "koszty_upomnienia",
            "valid_from": "2026-01-01",
            "value": "20.00",
            "source": "test źródło",
        },
    )
    assert past.status_code == 422
    assert past.json()["errors"][0]["field"] == "valid_from"
    body = {
        "code": "koszty_upomnienia",
        "valid_from": "2027-02-01",
        "value": "20.00",
        "source": "test źródło",
    }
    assert (await api.post("/api/v1/parameters", json=body)).status_code == 201
    assert (await api.post("/api/v1/parameters", json=body)).status_code == 409
    listed = (await api.get("/api/v1/parameters", params={"code": "koszty_upomnienia"})).json()
    assert [p["value"] for p in listed][-1] == "20.00"
