"""Issue 9 item 5: one user cannot read another unit's data where units are configured.

A unit (jednostka: a social welfare centre, a crisis centre) is one instance of the service with
its own database and its own creditor settings (app.config.Settings.unit). The separation is the
database; on top of it, a bearer token carries the unit as its audience and a session cookie
carries the unit it was made in, so a log-in to unit A never opens unit B — even when an
administrator gave both instances the same secret key and both have a user called "admin".
Here: two units on two real databases (SQLite files, or two PostgreSQL databases)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest
from fastapi import FastAPI

from app.config import Settings
from app.main import create_app
from app.migrations import upgrade
from tests.conftest import ADMIN_PASSWORD, _create_pg_database, _drop_pg_database, token_for
from tests.factories import JAN
from tests.security.support import assert_problem
from tests.web.conftest import log_in

SECRET = "the-same-secret-on-both-instances-0123456789"


def _database(base_url: str, tmp_path: Path, name: str) -> str:
    if base_url.startswith("postgresql"):
        url = asyncio.run(_create_pg_database(base_url))
    else:
        url = f"sqlite+aiosqlite:///{tmp_path / name}.db"
    upgrade(url)
    return url


@pytest.fixture
def unit_urls(settings: Settings, tmp_path: Path) -> list[str]:
    # Not the shared test database: each unit gets a database of its own, dropped afterwards.
    base = settings.database_url
    urls = [_database(base, tmp_path, "jednostka_a"), _database(base, tmp_path, "jednostka_b")]
    yield urls  # type: ignore[misc]
    if base.startswith("postgresql"):
        for url in urls:
            asyncio.run(_drop_pg_database(url))


async def _unit(url: str, nip: str, name: str) -> FastAPI:
    s = Settings(
        environment="test",
        database_url=url,
        admin_password=ADMIN_PASSWORD,
        secret_key=SECRET,
        creditor_nip=nip,
        creditor_name=name,
    )
    return create_app(s)


@pytest.fixture
async def units(unit_urls: list[str]) -> AsyncIterator[tuple[httpx.AsyncClient, ...]]:
    """Per unit: an API client and a browser-like client, each bound to its unit's instance."""
    a = await _unit(unit_urls[0], "7740001454", "Centrum Wsparcia dla Osób w Kryzysie")
    b = await _unit(unit_urls[1], "5260250274", "Miejski Ośrodek Pomocy Społecznej")
    async with a.router.lifespan_context(a), b.router.lifespan_context(b):
        clients = [
            httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://test")
            for app in (a, b, a, b)
        ]
        yield tuple(clients)
        for c in clients:
            await c.aclose()


async def test_a_unit_cannot_read_another_units_data(units) -> None:
    api_a, api_b, web_a, web_b = units
    token_a = await token_for(api_a, "admin", ADMIN_PASSWORD)
    token_b = await token_for(api_b, "admin", ADMIN_PASSWORD)
    as_a = {"Authorization": f"Bearer {token_a}"}
    as_b = {"Authorization": f"Bearer {token_b}"}

    # Unit B registers its debtor; unit A has none.
    r = await api_b.post("/api/v1/debtors", json=JAN, headers=as_b)
    assert r.status_code == 201, r.text
    b_debtor = r.json()["id"]
    assert (await api_b.get(f"/api/v1/debtors/{b_debtor}", headers=as_b)).status_code == 200

    # A's token at B: refused (another unit's audience), though the secret and the user name are
    # the same. And at A, B's debtor does not exist.
    assert_problem(await api_b.get(f"/api/v1/debtors/{b_debtor}", headers=as_a), 401)
    assert_problem(await api_b.get("/api/v1/debtors", params={"q": "Kow"}, headers=as_a), 401)
    assert_problem(await api_a.get(f"/api/v1/debtors/{b_debtor}", headers=as_a), 404)
    assert (await api_a.get("/api/v1/debtors", params={"q": "Kow"}, headers=as_a)).json() == []

    # A's session cookie carried to B's pages: the log-in form, not B's debtor.
    assert (await log_in(web_a, "admin", ADMIN_PASSWORD)).status_code == 303
    web_b.cookies.update(web_a.cookies)
    r = await web_b.get(f"/zobowiazani/{b_debtor}")
    assert r.status_code == 303
    assert r.headers["location"].startswith("/logowanie")
    assert "Kowalski" not in r.text
    assert_problem(await web_b.get(f"/api/v1/debtors/{b_debtor}"), 401)
    # The same cookie still works where it was made.
    assert (await web_a.get("/zobowiazani")).status_code == 200
