"""One suite, two databases. WINDYKACJA_TEST_DATABASE selects the backend:
`sqlite` (default: a fresh file) or a PostgreSQL URL such as
`postgresql+asyncpg://postgres@127.0.0.1:5432/test`, on which a fresh database is created for the
run and dropped after it. The schema comes from the Alembic migrations only; each test runs in a
transaction that is rolled back."""

from __future__ import annotations

import asyncio
import atexit
import os
import shutil
import tempfile
import uuid
from collections.abc import AsyncIterator, Iterator
from datetime import date
from pathlib import Path

import httpx
import pytest
from argon2 import PasswordHasher
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, AsyncSession, async_sessionmaker

from app.auth import security
from app.config import Settings
from app.db import make_engine
from app.main import create_app
from app.migrations import upgrade

ADMIN_PASSWORD = "test-admin-password"

# Cheap argon2 parameters for the suite: the algorithm is the same, the cost per hash is not
# what a test should spend its time on.
security._hasher = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
TODAY = date(2026, 11, 23)

# The copies tests make (the scheduler page's button, POST /api/v1/backups, the fuzzer) go to a
# directory of the run's own, never into the working directory (WINDYKACJA_BACKUP_DIR).
_BACKUPS = tempfile.mkdtemp(prefix="windykacja-test-kopie-")
os.environ["WINDYKACJA_BACKUP_DIR"] = _BACKUPS
atexit.register(shutil.rmtree, _BACKUPS, True)


def _backend() -> str:
    return os.environ.get("WINDYKACJA_TEST_DATABASE", "sqlite")


def pytest_report_header() -> str:
    return (
        f"database backend: {make_url(_backend()).drivername if '://' in _backend() else 'sqlite'}"
    )


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if "://" in _backend() and _backend().startswith("postgresql"):
        return
    skip = pytest.mark.skip(
        reason="needs PostgreSQL (row locks / true concurrency); SQLite has one writer"
    )
    for item in items:
        if "postgres_only" in item.keywords:
            item.add_marker(skip)


async def _create_pg_database(url: str) -> str:
    import asyncpg

    base = make_url(url)
    name = f"windykacja_test_{uuid.uuid4().hex[:10]}"
    conn = await asyncpg.connect(
        user=base.username,
        host=base.host,
        port=base.port,
        database=base.database,
        password=base.password,
    )
    await conn.execute(f'CREATE DATABASE "{name}"')
    await conn.close()
    return base.set(database=name).render_as_string(hide_password=False)


async def _drop_pg_database(url: str) -> None:
    import asyncpg

    target = make_url(url)
    conn = await asyncpg.connect(
        user=target.username,
        host=target.host,
        port=target.port,
        database="postgres",
        password=target.password,
    )
    await conn.execute(f'DROP DATABASE IF EXISTS "{target.database}" WITH (FORCE)')
    await conn.close()


@pytest.fixture(scope="session")
def database_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    backend = _backend()
    if backend.startswith("postgresql"):
        url = asyncio.run(_create_pg_database(backend))
        upgrade(url)
        yield url
        asyncio.run(_drop_pg_database(url))
    else:
        path: Path = tmp_path_factory.mktemp("db") / "windykacja-test.db"
        url = f"sqlite+aiosqlite:///{path}"
        upgrade(url)
        yield url


@pytest.fixture(scope="session")
async def engine(database_url: str) -> AsyncIterator[AsyncEngine]:
    engine = make_engine(database_url)
    yield engine
    await engine.dispose()


@pytest.fixture
async def connection(engine: AsyncEngine) -> AsyncIterator[AsyncConnection]:
    async with engine.connect() as conn:
        trans = await conn.begin()
        yield conn
        await trans.rollback()


@pytest.fixture
def maker(connection: AsyncConnection) -> async_sessionmaker[AsyncSession]:
    # Every session of the test joins the test's transaction; its commits become savepoints.
    return async_sessionmaker(
        bind=connection,
        join_transaction_mode="create_savepoint",
        expire_on_commit=False,
        autoflush=False,
    )


@pytest.fixture
async def session(maker: async_sessionmaker[AsyncSession]) -> AsyncIterator[AsyncSession]:
    async with maker() as s:
        yield s


@pytest.fixture
def settings(database_url: str) -> Settings:
    return Settings(
        environment="test",
        database_url=database_url,
        admin_password=ADMIN_PASSWORD,
        secret_key="test-secret-key-0123456789abcdef0123456789",
        creditor_nip="7740001454",
        creditor_regon="610188201",
        creditor_bank_account="PL61109010140000071219812874",
        authority_office_code="0461",
    )


class Today:
    """An injectable 'today' that a test can move on."""

    def __init__(self, day: date) -> None:
        self.day = day

    def __call__(self) -> date:
        return self.day


@pytest.fixture
def today() -> Today:
    return Today(TODAY)


@pytest.fixture
async def client(
    settings: Settings, maker: async_sessionmaker[AsyncSession], today: Today
) -> AsyncIterator[httpx.AsyncClient]:
    app = create_app(settings, clock=today, sessionmaker=maker)
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(
            app=app, raise_app_exceptions=os.environ.get("WINDYKACJA_TEST_RAISE") == "1"
        )
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as c:
            yield c


async def token_for(client: httpx.AsyncClient, username: str, password: str) -> str:
    r = await client.post("/api/v1/auth/token", data={"username": username, "password": password})
    assert r.status_code == 200, r.text
    return str(r.json()["access_token"])


@pytest.fixture
async def api(client: httpx.AsyncClient) -> httpx.AsyncClient:
    """A client logged in as the admin (all permissions)."""
    client.headers["Authorization"] = f"Bearer {await token_for(client, 'admin', ADMIN_PASSWORD)}"
    return client


@pytest.fixture
def scratch_database_url(database_url: str) -> Iterator[str]:
    """A fresh PostgreSQL database of its own, for tests whose transactions must really commit
    (concurrency, crashes); dropped afterwards."""
    if not database_url.startswith("postgresql"):
        pytest.skip("needs PostgreSQL")
    url = asyncio.run(_create_pg_database(database_url))
    upgrade(url)
    yield url
    asyncio.run(_drop_pg_database(url))
