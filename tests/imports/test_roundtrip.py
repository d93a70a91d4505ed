"""Issue 21 item 6: export a portfolio made through the API, import it into an empty database:
the same balances, states, numbers and counters; exporting that database gives the same sheets."""

from __future__ import annotations

import asyncio
import io
import zipfile
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import select

from app.config import Settings
from app.db import make_engine, make_sessionmaker, session_scope
from app.imports import export, service
from app.imports.sources import Source
from app.migrations import upgrade
from app.models import Counter
from app.unit.setup import first_start
from tests.alimony.support import fund_debtor, post
from tests.conftest import TODAY
from tests.factories import create_debtor, create_receivable, deliver, sweep


async def _portfolio(api: httpx.AsyncClient) -> None:
    """Four receivables in different states, and an alimony debtor with payouts and a recovery."""
    jan = await create_debtor(api)
    anna = await create_debtor(
        api, name="Anna Nowak", first_name="Anna", last_name="Nowak", pesel=None
    )
    # Through a reminder to a title (TW/UM/1/2025), then a part payment.
    a = (await create_receivable(api, jan))["id"]
    await deliver(api, a, "wezwanie", "2025-03-05")
    await sweep(api, "2025-03-20")
    assert (
        await api.post(f"/api/v1/receivables/{a}/reminders", json={"issued_on": "2025-04-01"})
    ).status_code == 201
    await deliver(api, a, "upomnienie", "2025-04-03")
    title = await api.post(f"/api/v1/receivables/{a}/titles", json={"issued_on": "2025-04-11"})
    assert title.status_code == 201, title.text
    paid = await api.post(
        f"/api/v1/receivables/{a}/payments",
        json={"paid_on": "2025-05-05", "amount": "100.00", "reference": "WB/1"},
    )
    assert paid.status_code == 201, paid.text
    # Paid in full.
    b = (await create_receivable(api, anna, principal="80.00"))["id"]
    await deliver(api, b, "wezwanie", "2025-03-06")
    await api.post(
        f"/api/v1/receivables/{b}/payments",
        json={"paid_on": "2025-03-10", "amount": "80.00", "reference": "WB/2"},
    )
    # In instalments.
    c = (await create_receivable(api, anna, principal="250.00"))["id"]
    await deliver(api, c, "wezwanie", "2025-03-05")
    await sweep(api, "2025-03-20")
    plan = await api.post(
        f"/api/v1/receivables/{c}/instalments",
        json={
            "decided_on": "2025-03-25",
            "decision_ref": "FN.3111.1.2025",
            "instalments": [
                {"due_on": "2025-04-30", "amount": "125.00"},
                {"due_on": "2025-05-31", "amount": "125.00"},
            ],
        },
    )
    assert plan.status_code == 201, plan.text
    # Written off in full by decision; another in part.
    d = (await create_receivable(api, anna, principal="60.00"))["id"]
    off = await api.post(
        f"/api/v1/receivables/{d}/write-offs",
        json={"decided_on": "2025-06-10", "decision_ref": "FN.3113.2.2025"},
    )
    assert off.status_code == 201, off.text
    part = await api.post(
        f"/api/v1/receivables/{c}/write-offs",
        json={
            "decided_on": "2025-07-01",
            "decision_ref": "FN.3113.3.2025",
            "full": False,
            "amount": "20.00",
        },
    )
    assert part.status_code == 201, part.text
    # Issued, not delivered yet.
    await create_receivable(api, jan, issue_date="2026-11-02", title="Pobyt 2026-11-01")
    did = await fund_debtor(api)
    await post(
        api,
        f"/debtors/{did}/recoveries",
        {"received_on": "2026-04-15", "amount": "300.00", "source": "egzekucja_sadowa"},
    )


def _sheets(data: bytes) -> dict[str, str]:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return {n: zf.read(n).decode("utf-8") for n in zf.namelist()}


async def _counters(session: Any) -> set[tuple[str, str, int, int]]:
    rows = await session.execute(select(Counter.kind, Counter.scope, Counter.year, Counter.value))
    return {(k, s, y, v) for k, s, y, v in rows}


async def test_export_then_import_into_an_empty_database_gives_the_same_portfolio(
    api: httpx.AsyncClient, session: Any, settings: Settings, tmp_path: Path
) -> None:
    await _portfolio(api)
    r = await api.get("/api/v1/export")
    assert r.status_code == 200
    assert r.headers["content-type"] == "application/zip"
    before = _sheets(r.content)
    assert before["naleznosci.csv"].count("\r\n") == 7  # the header and six receivables
    assert before["umorzenia.csv"].count("\r\n") == 3
    (tmp_path / "portfel.zip").write_bytes(r.content)

    url = f"sqlite+aiosqlite:///{tmp_path / 'empty.db'}"
    await asyncio.to_thread(upgrade, url)
    engine = make_engine(url)
    try:
        async with session_scope(make_sessionmaker(engine)) as empty:
            await first_start(empty, settings.model_copy(update={"database_url": url}))
            report = await service.run(
                empty, Source(tmp_path / "portfel.zip"), "portfel.zip", TODAY, dry_run=False
            )
            assert report.ok, [i.text() for i in report.errors]
            f = report.figures
            assert f is not None
            assert f.receivables == 6
            # Every receivable's balance and interest as declared by the export (as of TODAY).
            assert (f.mismatch_count, f.balance_of_declared) == (0, f.declared_balance)
            assert dict(f.states) == {
                "tytul_wykonawczy": 1,
                "zaplacona": 1,
                "raty": 1,
                "wystawiona": 1,
                "wymagalna": 1,
                "umorzona": 1,
            }
        async with session_scope(make_sessionmaker(engine)) as empty:
            buffer = io.BytesIO()
            await export.to_zip(empty, buffer, TODAY)
            assert await _counters(empty) == await _counters(session)
    finally:
        await engine.dispose()
    assert _sheets(buffer.getvalue()) == before
