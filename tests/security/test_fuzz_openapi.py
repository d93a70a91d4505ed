"""Schemathesis against the service's own OpenAPI description, authenticated as the admin:
whatever it sends, no answer is a 5xx and every error is problem+json.

Bounded for the normal suite: a few examples per operation, derandomized (the same examples on
every run). WINDYKACJA_FUZZ_EXAMPLES=200 runs a longer, random exploration by hand."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from sqlalchemy.ext.asyncio import AsyncEngine, async_sessionmaker

from app.config import Settings
from app.main import create_app
from tests.conftest import ADMIN_PASSWORD, TODAY, Today, token_for
from tests.factories import create_debtor, create_receivable
from tests.security.support import assert_problem

_EXAMPLES = int(os.environ.get("WINDYKACJA_FUZZ_EXAMPLES", "0"))
SCHEMA = schemathesis.openapi.from_dict(create_app(Settings(environment="test")).openapi())
OPERATIONS = {
    f"{op.method.upper()} {op.path}": op for op in (r.ok() for r in SCHEMA.get_all_operations())
}

# httpx names what requests calls `data` with a raw body `content`; cookies stay on the client.
_PASSED = ("method", "url", "headers", "params", "json", "data", "files")


def _request(case: Any, authorization: str) -> dict[str, Any]:
    kwargs = case.as_transport_kwargs(
        base_url="http://test", headers={"Authorization": authorization}
    )
    out = {k: v for k, v in kwargs.items() if k in _PASSED}
    if isinstance(out.get("data"), str | bytes):
        out["content"] = out.pop("data")
    return out


@pytest.fixture(scope="module")
async def fuzzed(engine: AsyncEngine, database_url: str) -> AsyncIterator[httpx.AsyncClient]:
    """One app and one admin client for every operation of the module, in one transaction rolled
    back at the end (cheaper than an app per operation). A debtor and a receivable exist, so
    that small ids in paths reach real rows."""
    settings = Settings(
        environment="test",
        database_url=database_url,
        admin_password=ADMIN_PASSWORD,
        secret_key="test-secret-key-0123456789abcdef0123456789",
        creditor_nip="7740001454",
        creditor_regon="610188201",
        creditor_bank_account="PL61109010140000071219812874",
        authority_office_code="0461",
    )
    async with engine.connect() as conn:
        transaction = await conn.begin()
        maker = async_sessionmaker(
            bind=conn,
            join_transaction_mode="create_savepoint",
            expire_on_commit=False,
            autoflush=False,
        )
        app = create_app(settings, clock=Today(TODAY), sessionmaker=maker)
        async with app.router.lifespan_context(app):
            transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
            async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
                client.headers["Authorization"] = (
                    f"Bearer {await token_for(client, 'admin', ADMIN_PASSWORD)}"
                )
                await create_receivable(client, await create_debtor(client))
                yield client
        await transaction.rollback()


@pytest.mark.parametrize("operation", sorted(OPERATIONS))
@settings(
    max_examples=_EXAMPLES or 6,
    deadline=None,
    derandomize=not _EXAMPLES,
    database=None,
    phases=[Phase.explicit, Phase.generate] if _EXAMPLES else list(Phase),
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.filter_too_much,
        HealthCheck.data_too_large,
    ],
)
@given(data=st.data())
async def test_no_server_error_and_every_error_is_problem_json(
    operation: str, fuzzed: httpx.AsyncClient, data: st.DataObject
) -> None:
    case = data.draw(OPERATIONS[operation].as_strategy())
    request = _request(case, fuzzed.headers["Authorization"])
    r = await fuzzed.request(**request)
    shown = {k: v for k, v in request.items() if k != "headers"}
    assert r.status_code < 500, f"{r.status_code} {r.text[:200]} for {shown!r}"[:2000]
    if r.status_code >= 400:
        assert_problem(r)
