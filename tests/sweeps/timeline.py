"""Plain async helpers for the sweep tests: receivables walked over the HTTP API to a state."""

from __future__ import annotations

from typing import Any

import httpx

from tests.factories import create_debtor, create_receivable, deliver, sweep


async def post(
    api: httpx.AsyncClient, path: str, body: dict[str, Any], status: int = 201
) -> dict[str, Any]:
    r = await api.post(path, json=body)
    assert r.status_code == status, r.text
    return dict(r.json())


async def due_stay_fee(api: httpx.AsyncClient, **overrides: Any) -> int:
    """A 250.00 zł stay fee issued 2025-03-03, demand delivered 2025-03-05 (term 2025-03-19),
    wymagalna from 2025-03-20."""
    debtor = await create_debtor(api)
    rid = int((await create_receivable(api, debtor, **overrides))["id"])
    await deliver(api, rid, "wezwanie", "2025-03-05")
    await sweep(api, "2025-03-20")
    return rid


async def with_title(api: httpx.AsyncClient) -> int:
    """As due_stay_fee, then upomnienie 2025-04-01 (16.00 zł) delivered 2025-04-03 (term
    2025-04-10) and a title 2025-04-11: tytul_wykonawczy, balance 266.00 zł until May 2025."""
    rid = await due_stay_fee(api)
    await post(api, f"/api/v1/receivables/{rid}/reminders", {"issued_on": "2025-04-01"})
    await deliver(api, rid, "upomnienie", "2025-04-03")
    await post(api, f"/api/v1/receivables/{rid}/titles", {"issued_on": "2025-04-11"})
    return rid


async def instalments(
    api: httpx.AsyncClient, rid: int, decided_on: str, dues: list[tuple[str, str]]
) -> None:
    await post(
        api,
        f"/api/v1/receivables/{rid}/instalments",
        {
            "decided_on": decided_on,
            "decision_ref": "FN.3110.12.2025",
            "instalments": [{"due_on": d, "amount": a} for d, a in dues],
        },
    )


async def pay(api: httpx.AsyncClient, rid: int, on: str, amount: str, ref: str) -> None:
    await post(
        api,
        f"/api/v1/receivables/{rid}/payments",
        {"paid_on": on, "amount": amount, "reference": ref},
    )


async def events(api: httpx.AsyncClient, rid: int) -> list[dict[str, Any]]:
    r = await api.get(f"/api/v1/receivables/{rid}", params={"as_of": "2026-11-23"})
    assert r.status_code == 200, r.text
    return list(r.json()["events"])


async def run(
    api: httpx.AsyncClient, as_of: str, job: str = "daily", status: int = 200
) -> dict[str, Any]:
    r = await api.post("/api/v1/sweeps/run", params={"as_of": as_of, "job": job})
    assert r.status_code == status, r.text
    return dict(r.json())
