"""Plain async helpers with realistic defaults for building test data over the HTTP API."""

from __future__ import annotations

from typing import Any

import httpx

JAN = {
    "name": "Jan Kowalski",
    "first_name": "Jan",
    "last_name": "Kowalski",
    "address": {
        "street": "ul. Długa 5 m. 3",
        "postal_code": "87-800",
        "city": "Włocławek",
        "voivodeship": "kujawsko-pomorskie",
        "county": "Włocławek",
        "commune": "Włocławek",
    },
    "pesel": "44051401359",
}


async def create_debtor(api: httpx.AsyncClient, **overrides: Any) -> int:
    r = await api.post("/api/v1/debtors", json={**JAN, **overrides})
    assert r.status_code == 201, r.text
    return int(r.json()["id"])


async def create_receivable(
    api: httpx.AsyncClient, debtor_id: int, **overrides: Any
) -> dict[str, Any]:
    body = {
        "debtor_id": debtor_id,
        "kind": "oplata_pobyt",
        "principal": "250.00",
        "title": "Opłata za pobyt w dniu 2025-03-01, karta 57/2025",
        "issue_date": "2025-03-03",
        "period_from": "2025-03-01",
        "period_to": "2025-03-02",
        **overrides,
    }
    r = await api.post("/api/v1/receivables", json=body)
    assert r.status_code == 201, r.text
    return dict(r.json())


async def deliver(api: httpx.AsyncClient, rid: int, document: str, on: str) -> dict[str, Any]:
    r = await api.post(
        f"/api/v1/receivables/{rid}/deliveries", json={"document": document, "delivered_on": on}
    )
    assert r.status_code == 200, r.text
    return dict(r.json())


async def card(api: httpx.AsyncClient, rid: int, as_of: str) -> dict[str, Any]:
    r = await api.get(f"/api/v1/receivables/{rid}", params={"as_of": as_of})
    assert r.status_code == 200, r.text
    return dict(r.json())


async def sweep(api: httpx.AsyncClient, as_of: str) -> dict[str, Any]:
    r = await api.post("/api/v1/sweeps/run", params={"as_of": as_of})
    assert r.status_code == 200, r.text
    return dict(r.json())
