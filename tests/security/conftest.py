"""Fixtures for the reliability and security tests (helpers live in tests/security/support.py)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterator

import httpx
import pytest

from app.config import Settings
from app.migrations import upgrade
from tests.conftest import Today, _create_pg_database, _drop_pg_database
from tests.security.support import live_api


@pytest.fixture(scope="session")
def committed_database_url(database_url: str) -> Iterator[str]:
    """A PostgreSQL database of these tests' own whose transactions really commit (created once:
    the tests that use it make receivables of their own and compare counts, never absolutes)."""
    if not database_url.startswith("postgresql"):
        pytest.skip("needs PostgreSQL")
    url = asyncio.run(_create_pg_database(database_url))
    upgrade(url)
    yield url
    asyncio.run(_drop_pg_database(url))


@pytest.fixture
async def live(
    settings: Settings, committed_database_url: str, today: Today
) -> AsyncIterator[httpx.AsyncClient]:
    """The admin's client on the module's database (requests really commit)."""
    async with live_api(settings, committed_database_url, today) as client:
        yield client
