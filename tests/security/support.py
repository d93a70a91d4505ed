"""Helpers for the reliability and security tests: the problem+json check, receivables walked to a
state over the API, and an app on a database of its own whose requests really commit."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import httpx

from app.config import Settings
from app.main import create_app
from tests.conftest import ADMIN_PASSWORD, Today, token_for
from tests.factories import create_debtor, create_receivable, deliver, sweep

PROBLEM = "application/problem+json"
PROBLEM_KEYS = {"type", "title", "status", "detail"}


def assert_problem(r: httpx.Response, status: int | None = None) -> dict[str, Any]:
    """An error answer is RFC 9457 problem+json with its status repeated in the body."""
    assert r.status_code >= 400, (r.status_code, r.text[:300])
    if status is not None:
        assert r.status_code == status, (r.status_code, r.text[:300])
    assert r.headers.get("content-type", "").split(";")[0] == PROBLEM, (
        r.status_code,
        r.headers,
        r.text[:300],
    )
    body = r.json()
    assert PROBLEM_KEYS <= body.keys(), body
    assert body["status"] == r.status_code, body
    return dict(body)


async def due(api: httpx.AsyncClient, did: int | None = None, **overrides: Any) -> int:
    """A stay fee of 250.00 issued 2025-03-03, demand delivered 2025-03-05 (term ends 2025-03-19),
    wymagalna from 2025-03-20."""
    rid = int((await create_receivable(api, did or await create_debtor(api), **overrides))["id"])
    await deliver(api, rid, "wezwanie", "2025-03-05")
    await sweep(api, "2025-03-20")
    return rid


async def reminded(api: httpx.AsyncClient, did: int | None = None, **overrides: Any) -> int:
    """…then an upomnienie issued 2025-04-01 and delivered 2025-04-03: a title from 2025-04-11."""
    rid = await due(api, did, **overrides)
    r = await api.post(f"/api/v1/receivables/{rid}/reminders", json={"issued_on": "2025-04-01"})
    assert r.status_code == 201, r.text
    await deliver(api, rid, "upomnienie", "2025-04-03")
    return rid


async def titled(
    api: httpx.AsyncClient, did: int | None = None, **overrides: Any
) -> tuple[int, int]:
    """…then an executive title issued 2025-04-11 (as tests/titles/test_api.py).
    Returns (receivable id, title document id)."""
    rid = await reminded(api, did, **overrides)
    r = await api.post(f"/api/v1/receivables/{rid}/titles", json={"issued_on": "2025-04-11"})
    assert r.status_code == 201, r.text
    return rid, int(r.json()["id"])


@asynccontextmanager
async def live_api(
    settings: Settings, database_url: str, today: Today
) -> AsyncIterator[httpx.AsyncClient]:
    """The whole app on `database_url` with its own engine: every request commits for real.
    Logged in as the admin."""
    app = create_app(settings.model_copy(update={"database_url": database_url}), clock=today)
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
        async with httpx.AsyncClient(transport=transport, base_url="http://test", timeout=60) as c:
            c.headers["Authorization"] = f"Bearer {await token_for(c, 'admin', ADMIN_PASSWORD)}"
            yield c
