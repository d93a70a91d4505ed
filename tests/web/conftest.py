"""Web-form fixtures: clients with their own cookies on one app bound to the test's transaction."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Awaitable, Callable

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.config import Settings
from app.main import create_app
from tests.conftest import ADMIN_PASSWORD, Today

PASSWORD = "haslo-testowe-123"
ROLES = ("specjalista", "ksiegowy", "kierownik", "admin")
_CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


@pytest.fixture
async def web_app(
    settings: Settings, maker: async_sessionmaker[AsyncSession], today: Today
) -> AsyncIterator[FastAPI]:
    app = create_app(settings, clock=today, sessionmaker=maker)
    async with app.router.lifespan_context(app):
        yield app


NewClient = Callable[[], Awaitable[httpx.AsyncClient]]


@pytest.fixture
async def new_client(web_app: FastAPI) -> AsyncIterator[NewClient]:
    clients: list[httpx.AsyncClient] = []

    async def make() -> httpx.AsyncClient:
        transport = httpx.ASGITransport(app=web_app, raise_app_exceptions=False)
        c = httpx.AsyncClient(transport=transport, base_url="http://test")
        clients.append(c)
        return c

    yield make
    for c in clients:
        await c.aclose()


async def csrf_of(client: httpx.AsyncClient, page: str = "/logowanie") -> str:
    r = await client.get(page, follow_redirects=True)
    match = _CSRF.search(r.text)
    assert match, f"no CSRF token on {page}: {r.status_code}"
    return match[1]


async def post_form(
    client: httpx.AsyncClient, url: str, data: dict[str, str] | None = None, page: str = "/"
) -> httpx.Response:
    """POST a form the way a browser does: with the session's CSRF token."""
    token = await csrf_of(client, page)
    return await client.post(url, data={"csrf_token": token, **(data or {})})


async def log_in(client: httpx.AsyncClient, username: str, password: str) -> httpx.Response:
    token = await csrf_of(client, "/logowanie")
    return await client.post(
        "/logowanie", data={"csrf_token": token, "username": username, "password": password}
    )


@pytest.fixture
async def api_admin(new_client: NewClient) -> httpx.AsyncClient:
    c = await new_client()
    r = await c.post("/api/v1/auth/token", data={"username": "admin", "password": ADMIN_PASSWORD})
    c.headers["Authorization"] = f"Bearer {r.json()['access_token']}"
    return c


@pytest.fixture
async def as_role(
    new_client: NewClient, api_admin: httpx.AsyncClient
) -> Callable[[str], Awaitable[httpx.AsyncClient]]:
    """A browser-like client logged in through the form with a user of the role."""

    async def make(role: str) -> httpx.AsyncClient:
        username = "admin" if role == "admin" else f"u_{role}"
        password = ADMIN_PASSWORD if role == "admin" else PASSWORD
        if role != "admin":
            r = await api_admin.post(
                "/api/v1/users",
                json={
                    "username": username,
                    "password": password,
                    "role": role,
                    "full_name": f"Test {role}",
                },
            )
            assert r.status_code in (201, 422), r.text  # 422: created by an earlier call
        c = await new_client()
        r = await log_in(c, username, password)
        assert r.status_code == 303, r.text
        return c

    return make


@pytest.fixture
async def web(as_role: Callable[[str], Awaitable[httpx.AsyncClient]]) -> httpx.AsyncClient:
    """A specialist logged in through the form (the person who works in these pages all day)."""
    return await as_role("specjalista")
