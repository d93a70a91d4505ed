"""No personal data in the logs, no stack trace in an answer.

A full scenario runs through a real uvicorn server configured as `windykacja serve` runs it
(app/cli.py: access log off), with every logger of the service at DEBUG: the root logger, uvicorn,
SQLAlchemy, the database drivers, the application. Along the way: a bad input, a 404, and a
server-side failure (a repository whose SQL fails with the debtor's data as parameters). Then no
log line may hold the debtor's PESEL, NIP, name or address, and the 500 answer is the generic
problem body. (The test's own HTTP client logs its URLs; it is not the service and is left out.)"""

from __future__ import annotations

import asyncio
import logging
import re
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
import uvicorn
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.config import Settings
from app.debtors.repository import DebtorRepository
from app.main import create_app
from app.models import Debtor
from tests.conftest import ADMIN_PASSWORD, Today, token_for
from tests.security.support import assert_problem

PESEL, NIP = "02270803624", "5260250995"
PERSON = {
    "name": "Grzegorz Brzęczyszczykiewicz",
    "first_name": "Grzegorz",
    "last_name": "Brzęczyszczykiewicz",
    "pesel": PESEL,
    "nip": NIP,
    "address": {
        "street": "ul. Chrząszczyżewoszycka 17 m. 4",
        "postal_code": "87-853",
        "city": "Łękołody",
        "voivodeship": "kujawsko-pomorskie",
        "county": "Włocławek",
        "commune": "Kowal",
    },
}
SECRETS = [
    PESEL,
    NIP,
    "Brzęczyszczykiewicz",
    "Chrząszczyżewoszycka",
    "Łękołody",
    "87-853",
    "0227080362",
    "526-025-09-95",
]
# A second person whose PESEL is refused (bad checksum): not stored, and not logged either.
BAD_PESEL = "02270803625"
LOGGERS = [
    "",
    "uvicorn",
    "uvicorn.error",
    "uvicorn.access",
    "sqlalchemy",
    "sqlalchemy.engine",
    "sqlalchemy.engine.Engine",
    "sqlalchemy.pool",
    "sqlalchemy.orm",
    "aiosqlite",
    "asyncpg",
    "windykacja",
    "app",
    "fastapi",
    "starlette",
    "multipart",
    "python_multipart",
    "apscheduler",
    "asyncio",
    "lxml",
    "reportlab",
    "xmlschema",
]
CLIENT = ("httpx", "httpcore")


@pytest.fixture
def all_logs(caplog: pytest.LogCaptureFixture) -> pytest.LogCaptureFixture:
    # First of the test's fixtures: the engine's connection must see the levels when it starts.
    for name in LOGGERS:
        caplog.set_level(logging.DEBUG, logger=name)
    return caplog


@pytest.fixture
async def server(
    all_logs: pytest.LogCaptureFixture,  # noqa: ARG001 - first, so the levels are set first
    settings: Settings,
    maker: async_sessionmaker[AsyncSession],
    today: Today,
) -> AsyncIterator[httpx.AsyncClient]:
    """uvicorn serving the app on a free port (log_config=None: its loggers propagate to caplog)."""
    app = create_app(settings, clock=today, sessionmaker=maker)
    config = uvicorn.Config(
        app,
        host="127.0.0.1",
        port=0,
        access_log=False,
        log_config=None,
        log_level="debug",
        http="h11",
        ws="none",
        lifespan="on",
        loop="asyncio",
    )
    srv = uvicorn.Server(config)
    task = asyncio.create_task(srv.serve())
    while not srv.started:
        assert not task.done(), task.exception()
        await asyncio.sleep(0.01)
    port = srv.servers[0].sockets[0].getsockname()[1]
    async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}", timeout=30) as client:
        client.headers["Authorization"] = (
            f"Bearer {await token_for(client, 'admin', ADMIN_PASSWORD)}"
        )
        yield client
    srv.should_exit = True
    await task


async def _ok(r: httpx.Response, status: int = 200) -> dict[str, Any]:
    assert r.status_code == status, r.text[:500]
    return r.json() if "json" in r.headers.get("content-type", "") else {}


async def _scenario(api: httpx.AsyncClient) -> None:
    """A specialist's day with one debtor, 2025-03-03 … 2025-05-05."""
    did = (await _ok(await api.post("/api/v1/debtors", json=PERSON), 201))["id"]
    await _ok(await api.get(f"/api/v1/debtors/{did}"))
    await _ok(await api.get("/api/v1/debtors", params={"q": PESEL}))
    await _ok(await api.get("/api/v1/debtors", params={"q": "Brzęczyszczykiewicz"}))
    rid = (
        await _ok(
            await api.post(
                "/api/v1/receivables",
                json={
                    "debtor_id": did,
                    "kind": "oplata_pobyt",
                    "principal": "250.00",
                    "title": "Opłata za pobyt 2025-03-01",
                    "issue_date": "2025-03-03",
                    "period_from": "2025-03-01",
                    "period_to": "2025-03-02",
                },
            ),
            201,
        )
    )["id"]
    await _ok(
        await api.post(
            f"/api/v1/receivables/{rid}/deliveries",
            json={"document": "wezwanie", "delivered_on": "2025-03-05"},
        )
    )
    await _ok(await api.post("/api/v1/sweeps/run", params={"as_of": "2025-03-20"}))
    await _ok(
        await api.post(
            f"/api/v1/receivables/{rid}/payments",
            json={"paid_on": "2025-03-25", "amount": "20.00", "reference": "PRZELEW 1"},
        ),
        201,
    )
    await _ok(
        await api.post(f"/api/v1/receivables/{rid}/reminders", json={"issued_on": "2025-04-01"}),
        201,
    )
    await _ok(
        await api.post(
            f"/api/v1/receivables/{rid}/deliveries",
            json={"document": "upomnienie", "delivered_on": "2025-04-03"},
        )
    )
    title = await _ok(
        await api.post(f"/api/v1/receivables/{rid}/titles", json={"issued_on": "2025-04-11"}), 201
    )
    assert (await api.get(f"/api/v1/titles/{title['id']}.xml")).status_code == 200
    card = await _ok(await api.get(f"/api/v1/receivables/{rid}", params={"as_of": "2025-04-11"}))
    assert (await api.get(f"/api/v1/documents/{card['documents'][0]['id']}.pdf")).status_code == 200
    await _ok(await api.post("/api/v1/handoffs", json={"issued_on": "2025-04-14"}), 201)
    await _ok(
        await api.post(
            f"/api/v1/receivables/{rid}/payments", json={"paid_on": "2025-05-05", "amount": "30.00"}
        ),
        201,
    )
    await _ok(await api.get("/api/v1/titles"))
    # Bad input, and what is not there.
    assert_problem(await api.post("/api/v1/debtors", json={**PERSON, "pesel": BAD_PESEL}), 422)
    assert_problem(await api.get("/api/v1/debtors/999999"), 404)
    assert_problem(await api.get("/api/v1/receivables/999999", params={"as_of": "2024-02-30"}), 422)


async def _failing_add(self: DebtorRepository, debtor: Debtor) -> Debtor:
    """A repository bug: SQL that fails, with the person's data as its parameters."""
    await self.session.execute(
        text("INSERT INTO debtor_archive (name, pesel, street) VALUES (:n, :p, :s)"),
        {"n": debtor.name, "p": debtor.pesel, "s": debtor.street},
    )
    return debtor


async def test_no_personal_data_in_any_log(
    server: httpx.AsyncClient, all_logs: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    await _scenario(server)
    monkeypatch.setattr(DebtorRepository, "add", _failing_add)
    failed = await server.post("/api/v1/debtors", json=PERSON)
    problem = assert_problem(failed, 500)
    assert problem == {
        "type": "about:blank",
        "title": "Błąd wewnętrzny",
        "status": 500,
        "detail": "Wystąpił nieoczekiwany błąd. Spróbuj ponownie.",
    }
    for leak in ("Traceback", 'File "', "debtor_archive", "sqlalchemy", "OperationalError", PESEL):
        assert leak not in failed.text

    records = [r for r in all_logs.records if not r.name.startswith(CLIENT)]
    assert len(records) > 50, "the loggers were not listening"  # SQL statements, at least
    assert any(r.name.startswith("sqlalchemy.engine") for r in records)
    # The failure reached the logs by type and place (file, line, function), without its
    # message or a traceback (issue 15 item 12: the exception's text may carry request data).
    assert any(
        r.name == "windykacja"
        and r.levelno == logging.ERROR
        and re.search(r"(Operational|Programming)Error \(w: ", r.getMessage())
        and "_failing_add" in r.getMessage()
        for r in records
    )
    assert not any(r.exc_info for r in records), [r.name for r in records if r.exc_info]
    logged = "\n".join(_full_text(r) for r in records)
    found = [s for s in [*SECRETS, BAD_PESEL] if s in logged]
    assert not found, (
        f"personal data in the logs: {found}\n"
        + "\n".join(
            f"{r.name}: {_full_text(r)[:300]}"
            for r in records
            if any(s in _full_text(r) for s in found)
        )[:4000]
    )


def _full_text(record: logging.LogRecord) -> str:
    """What a handler would write: the message, its arguments, and any traceback."""
    parts = [record.getMessage()]
    if record.exc_info and record.exc_info[1] is not None:
        parts.append(logging.Formatter().formatException(record.exc_info))
    if record.stack_info:
        parts.append(record.stack_info)
    return "\n".join(parts)


async def test_a_500_on_a_web_page_shows_no_trace_either(
    server: httpx.AsyncClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    async def broken(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError(f"boom {PESEL}")

    monkeypatch.setattr(DebtorRepository, "get", broken)
    api = assert_problem(await server.get("/api/v1/debtors/1"), 500)
    assert PESEL not in str(api)
    # The same failure on a web page (logged in through the form): the generic error page.
    page = await server.get("/logowanie")
    token = page.text.split('name="csrf_token" value="')[1].split('"')[0]
    await server.post(
        "/logowanie", data={"csrf_token": token, "username": "admin", "password": ADMIN_PASSWORD}
    )
    html = await server.get("/zobowiazani/1", headers={"Authorization": ""})
    assert html.status_code == 500
    for leak in ("Traceback", PESEL, "RuntimeError"):
        assert leak not in html.text


async def test_a_handled_422_prints_no_traceback(
    server: httpx.AsyncClient, all_logs: pytest.LogCaptureFixture
) -> None:
    # Issue 15 item 12: an id no column can hold is answered 422 where it is raised; before, the
    # server printed the whole traceback of the answered request.
    r = await server.get(f"/api/v1/debtors/{10**30}")
    assert_problem(r, 422)
    r = await server.get("/api/v1/debtors", params={"q": "Kowal\x00ski"})
    assert r.status_code in (200, 422)
    server_records = [rec for rec in all_logs.records if rec.name.startswith("uvicorn")]
    assert not [rec for rec in server_records if rec.exc_info or "Traceback" in rec.getMessage()]
