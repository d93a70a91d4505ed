"""Receivables over the API: validation, refusals with 409, replays, roles."""

import pytest
from sqlalchemy import func, select

from app.models import Payment, Receivable
from tests.conftest import token_for
from tests.factories import card, create_debtor, create_receivable, deliver, sweep


@pytest.mark.parametrize(
    "amount", ["1e9", "12,5", "-0.01", "0.00", "1.234", "10000000000000.00", 12.5, ""]
)
async def test_bad_amounts_are_refused_naming_the_field(api, session, amount):
    did = await create_debtor(api)
    before = await session.scalar(select(func.count(Receivable.id)))
    r = await api.post(
        "/api/v1/receivables",
        json={
            "debtor_id": did,
            "kind": "oplata_pobyt",
            "principal": amount,
            "title": "pobyt",
            "issue_date": "2025-03-03",
        },
    )
    assert r.status_code == 422, r.text
    assert r.json()["errors"][0]["field"] == "principal"
    assert await session.scalar(select(func.count(Receivable.id))) == before


@pytest.mark.parametrize("day", ["2024-02-30", "2025-13-01", "03.03.2025", "2025-3-3"])
async def test_bad_dates_are_refused(api, day):
    did = await create_debtor(api)
    r = await api.post(
        "/api/v1/receivables",
        json={
            "debtor_id": did,
            "kind": "oplata_pobyt",
            "principal": "10.00",
            "title": "pobyt",
            "issue_date": day,
        },
    )
    assert r.status_code == 422
    assert r.json()["errors"][0]["field"] == "issue_date"


async def test_unknown_kind_is_refused_listing_the_known_ones(api):
    did = await create_debtor(api)
    r = await api.post(
        "/api/v1/receivables",
        json={
            "debtor_id": did,
            "kind": "mandat",
            "principal": "10.00",
            "title": "x",
            "issue_date": "2025-03-03",
        },
    )
    assert r.status_code == 422
    assert "oplata_pobyt" in r.json()["detail"]


async def test_a_date_after_today_is_refused(api):
    did = await create_debtor(api)
    # "today" is 2026-11-23 in the tests (injected clock).
    r = await api.post(
        "/api/v1/receivables",
        json={
            "debtor_id": did,
            "kind": "oplata_pobyt",
            "principal": "10.00",
            "title": "x",
            "issue_date": "2026-11-24",
        },
    )
    assert r.status_code == 422


async def test_reminder_before_the_term_ran_out_is_409(api):
    rid = (await create_receivable(api, await create_debtor(api)))["id"]
    await deliver(api, rid, "wezwanie", "2025-03-05")  # term ends 2025-03-19
    r = await api.post(f"/api/v1/receivables/{rid}/reminders", json={"issued_on": "2025-03-19"})
    assert r.status_code == 409
    assert "19.03.2025" in r.json()["detail"]


async def test_title_without_reminder_is_409_naming_the_state(api):
    rid = (await create_receivable(api, await create_debtor(api)))["id"]
    r = await api.post(f"/api/v1/receivables/{rid}/titles", json={"issued_on": "2025-04-11"})
    assert r.status_code == 409
    assert "wystawiona" in r.json()["detail"]


async def test_the_same_payment_reference_books_once(api, session):
    rid = (await create_receivable(api, await create_debtor(api)))["id"]
    body = {"paid_on": "2025-03-10", "amount": "100.00", "reference": "WB/2025/0310/7"}
    first = await api.post(f"/api/v1/receivables/{rid}/payments", json=body)
    again = await api.post(f"/api/v1/receivables/{rid}/payments", json=body)
    assert (first.status_code, again.status_code) == (201, 200)
    assert first.json()["id"] == again.json()["id"]
    count = await session.scalar(select(func.count(Payment.id)).where(Payment.receivable_id == rid))
    assert count == 1
    clash = await api.post(f"/api/v1/receivables/{rid}/payments", json={**body, "amount": "90.00"})
    assert clash.status_code == 409


async def test_partial_payment_keeps_the_state_and_writes_an_event(api):
    rid = (await create_receivable(api, await create_debtor(api)))["id"]
    r = await api.post(
        f"/api/v1/receivables/{rid}/payments", json={"paid_on": "2025-03-10", "amount": "100.00"}
    )
    assert r.json()["receivable_state"] == "wystawiona"
    assert r.json()["balance"] == "150.00"
    c = await card(api, rid, "2025-03-10")
    assert c["events"][-1]["action"] == "wplata_czesciowa"


async def test_instalments_must_add_up_to_the_balance(api):
    rid = (await create_receivable(api, await create_debtor(api)))["id"]
    await deliver(api, rid, "wezwanie", "2025-03-05")
    await sweep(api, "2025-03-20")
    bad = await api.post(
        f"/api/v1/receivables/{rid}/instalments",
        json={
            "decided_on": "2025-03-25",
            "decision_ref": "FN.3111.1.2025",
            "instalments": [{"due_on": "2025-04-30", "amount": "100.00"}],
        },
    )
    assert bad.status_code == 422
    ok = await api.post(
        f"/api/v1/receivables/{rid}/instalments",
        json={
            "decided_on": "2025-03-25",
            "decision_ref": "FN.3111.1.2025",
            "instalments": [
                {"due_on": "2025-04-30", "amount": "125.00"},
                {"due_on": "2025-05-31", "amount": "125.00"},
            ],
        },
    )
    assert ok.status_code == 201, ok.text
    assert ok.json()["state"] == "raty"


async def test_full_write_off_closes_the_receivable(api):
    rid = (await create_receivable(api, await create_debtor(api)))["id"]
    r = await api.post(
        f"/api/v1/receivables/{rid}/write-offs",
        json={"decided_on": "2025-06-01", "decision_ref": "FN.3113.4.2025", "full": True},
    )
    assert r.status_code == 201, r.text
    assert r.json()["state"] == "umorzona"
    again = await api.post(
        f"/api/v1/receivables/{rid}/write-offs",
        json={"decided_on": "2025-06-02", "decision_ref": "FN.3113.5.2025", "full": True},
    )
    assert again.status_code == 409
    assert "umorzona" in again.json()["detail"]


async def test_routes_need_a_token(client):
    for method, url in [
        ("get", "/api/v1/debtors/1"),
        ("post", "/api/v1/receivables"),
        ("post", "/api/v1/sweeps/run"),
        ("get", "/api/v1/receivables/1"),
    ]:
        r = await getattr(client, method)(url)
        assert r.status_code == 401, url
        assert r.headers["content-type"] == "application/problem+json"


async def test_roles_are_enforced(api, client):
    r = await api.post(
        "/api/v1/users",
        json={"username": "ksiegowa", "password": "haslo-ksiegowej", "role": "ksiegowy"},
    )
    assert r.status_code == 201
    token = await token_for(client, "ksiegowa", "haslo-ksiegowej")
    headers = {"Authorization": f"Bearer {token}"}
    r = await client.post("/api/v1/debtors", json={"name": "X", "homeless": True}, headers=headers)
    assert r.status_code == 403
    assert r.headers["content-type"] == "application/problem+json"


async def test_login_is_delayed_after_five_failures(api, client):
    # Issue 15 item 3: growing delays instead of a lock-out (app/auth/throttle.py).
    await api.post(
        "/api/v1/users",
        json={"username": "spec", "password": "dobre-haslo-2025", "role": "specjalista"},
    )
    for _ in range(5):
        r = await client.post("/api/v1/auth/token", data={"username": "spec", "password": "zle"})
        assert r.status_code == 401
    r = await client.post(
        "/api/v1/auth/token", data={"username": "spec", "password": "dobre-haslo-2025"}
    )
    assert r.status_code == 429
    assert r.headers["retry-after"] == "1"
    assert "Spróbuj ponownie za 1 s" in r.json()["detail"]


async def test_a_duplicate_reference_is_a_422_naming_the_field(api):
    did = await create_debtor(api)
    await create_receivable(api, did, reference="57/2025")
    r = await api.post(
        "/api/v1/receivables",
        json={
            "debtor_id": did,
            "kind": "oplata_pobyt",
            "principal": "10.00",
            "title": "x",
            "issue_date": "2025-03-03",
            "reference": "57/2025",
        },
    )
    assert r.status_code == 422
    assert r.json()["errors"][0]["field"] == "reference"


async def test_a_repeated_reminder_only_after_the_previous_one_ran_out(api):
    rid = (await create_receivable(api, await create_debtor(api)))["id"]
    await deliver(api, rid, "wezwanie", "2025-03-05")
    await sweep(api, "2025-03-20")
    first = await api.post(f"/api/v1/receivables/{rid}/reminders", json={"issued_on": "2025-04-01"})
    assert first.status_code == 201
    same_day = await api.post(
        f"/api/v1/receivables/{rid}/reminders", json={"issued_on": "2025-04-01"}
    )
    assert same_day.status_code == 409
    # Delivered Thu 2025-04-03: its 7 days end Thu 2025-04-10; a new one from 2025-04-11.
    await deliver(api, rid, "upomnienie", "2025-04-03")
    early = await api.post(f"/api/v1/receivables/{rid}/reminders", json={"issued_on": "2025-04-10"})
    assert early.status_code == 409
    assert "10.04.2025" in early.json()["detail"]
    later = await api.post(f"/api/v1/receivables/{rid}/reminders", json={"issued_on": "2025-04-11"})
    assert later.status_code == 201
    assert later.json()["number"] == "UP/2/2025"
