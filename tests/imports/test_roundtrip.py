"""Issue 21 item 6: export a portfolio made through the API, import it into an empty database:
the same balances, states, numbers and counters; exporting that database gives the same sheets.
Through the CSV sheets in a ZIP and through one XLSX workbook. The portfolio has what came with
issues 16 and 20 too: an art. 23 receivable for two payouts with the commune's decision, a
reversed payment (storno), a changed and an annulled decision."""

from __future__ import annotations

import asyncio
import io
import zipfile
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import select

from app.config import Settings
from app.db import make_engine, make_sessionmaker, session_scope
from app.imports import export, service, sources
from app.imports.sources import Source
from app.migrations import upgrade
from app.models import Counter
from app.unit.setup import first_start
from tests.alimony.support import fund_debtor, post
from tests.conftest import TODAY
from tests.factories import card, create_debtor, create_receivable, deliver, sweep


async def _ok(r: httpx.Response) -> dict[str, Any]:
    assert r.status_code in (200, 201), r.text
    return dict(r.json())


async def _corrected(api: httpx.AsyncClient, jan: int, anna: int) -> None:
    """What issues 16 and 20 added (app/receivables/decisions.py, app/corrections/service.py)."""
    # Art. 23 u.p.o.u.a.: benefits received without right, two payouts of 500.00, interest from
    # the first day of the month after each (art. 23 ust. 7): 2024-02-01 and 2024-03-01. The
    # commune's decision names its own day to pay by.
    e = (
        await create_receivable(
            api,
            jan,
            kind="nienaleznie_pobrane",
            principal="1000.00",
            title="Świadczenia z funduszu alimentacyjnego nienależnie pobrane za 01–02.2024",
            issue_date="2024-03-05",
            period_from="2024-01-01",
            period_to="2024-02-29",
            tranches=[
                {"paid_out_on": "2024-01-10", "amount": "500.00"},
                {"paid_out_on": "2024-02-10", "amount": "500.00"},
            ],
        )
    )["id"]
    decision = {
        "decision_ref": "FA.4101.3.2024",
        "issued_on": "2024-03-05",
        "delivered_on": "2024-03-08",
        "final_on": "2024-03-23",
        "pay_by": "2024-04-15",
    }
    await _ok(await api.post(f"/api/v1/receivables/{e}/decision", json=decision))
    # A payment of 200.00, reversed (the bank took it back); the same bank line booked again
    # later for 100.00 (its reference is free after the storno).
    bad = await _ok(
        await api.post(
            f"/api/v1/receivables/{e}/payments",
            json={"paid_on": "2024-05-06", "amount": "200.00", "reference": "WB/9"},
        )
    )
    storno = {"reversed_on": "2024-05-20", "reason": "zwrot przez bank"}
    await _ok(await api.post(f"/api/v1/payments/{bad['id']}/reversal", json=storno))
    await _ok(
        await api.post(
            f"/api/v1/receivables/{e}/payments",
            json={"paid_on": "2024-06-03", "amount": "100.00", "reference": "WB/9"},
        )
    )
    # A decision changed from 300.00 to 200.00 from 2025-04-01; another annulled.
    f = (await create_receivable(api, anna, principal="300.00", title="Pobyt 2025-03-02"))["id"]
    await deliver(api, f, "wezwanie", "2025-03-05")
    change = {"effective_on": "2025-04-01", "principal": "200.00", "reason": "decyzja FN.1.2025"}
    await _ok(await api.post(f"/api/v1/receivables/{f}/amendments", json=change))
    g = (await create_receivable(api, jan, principal="90.00", title="Pobyt 2025-03-04"))["id"]
    annul = {"effective_on": "2025-05-01", "reason": "decyzja SKO nr 12/2025"}
    await _ok(await api.post(f"/api/v1/receivables/{g}/annulment", json=annul))


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
    await _corrected(api, jan, anna)
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


async def _into_empty(
    data: bytes, name: str, settings: Settings, tmp_path: Path
) -> tuple[service.Report, bytes, set[tuple[str, str, int, int]]]:
    """Import the file into a new database; export that as a ZIP."""
    (tmp_path / name).write_bytes(data)
    url = f"sqlite+aiosqlite:///{tmp_path / (name + '.db')}"
    await asyncio.to_thread(upgrade, url)
    engine = make_engine(url)
    try:
        async with session_scope(make_sessionmaker(engine)) as empty:
            await first_start(empty, settings.model_copy(update={"database_url": url}))
            with Source(tmp_path / name) as source:
                report = await service.run(empty, source, name, TODAY, dry_run=False)
            assert report.ok, [i.text() for i in report.errors]
        async with session_scope(make_sessionmaker(engine)) as empty:
            buffer = io.BytesIO()
            await export.to_zip(empty, buffer, TODAY)
            return report, buffer.getvalue(), await _counters(empty)
    finally:
        await engine.dispose()


def _column(sheet: str, name: str) -> dict[str, str]:
    """Key → the column's value, of one exported CSV sheet."""
    lines = [line.split(";") for line in sheet.lstrip("\ufeff").splitlines()]
    at = lines[0].index(name)
    return {row[0]: row[at] for row in lines[1:]}


@pytest.mark.parametrize("fmt", ["zip", "xlsx"])
async def test_export_then_import_into_an_empty_database_gives_the_same_portfolio(
    api: httpx.AsyncClient, session: Any, settings: Settings, tmp_path: Path, fmt: str
) -> None:
    await _portfolio(api)
    r = await api.get("/api/v1/export")
    assert r.status_code == 200
    assert r.headers["content-type"] == "application/zip"
    before = _sheets(r.content)
    assert before["naleznosci.csv"].count("\r\n") == 10  # the header and nine receivables
    assert before["umorzenia.csv"].count("\r\n") == 3
    assert before["wyplaty_naleznosci.csv"].count("\r\n") == 3
    assert before["zmiany_decyzji.csv"].count("\r\n") == 3
    # The storno goes out with its day and reason, under the title it was booked with.
    assert ";WB/9;2024-05-20;zwrot przez bank\r\n" in before["wplaty.csv"]
    # The balances declared are the card's (as of TODAY), each receivable's.
    declared = _column(before["naleznosci.csv"], "saldo_deklarowane")
    for key, balance in declared.items():
        assert (await card(api, int(key.removeprefix("wk-n")), TODAY.isoformat()))[
            "balance"
        ] == balance, key
    decisions = _column(before["naleznosci.csv"], "decyzja_znak")
    terms = _column(before["naleznosci.csv"], "termin_platnosci")
    assert [(decisions[k], terms[k]) for k in decisions if decisions[k]] == [
        ("FA.4101.3.2024", "2024-04-15")
    ]
    if fmt == "xlsx":
        r = await api.get("/api/v1/export", params={"format": "xlsx"})
        assert r.status_code == 200
        assert r.headers["content-type"] == sources.XLSX
    report, after, counters = await _into_empty(r.content, f"portfel.{fmt}", settings, tmp_path)
    f = report.figures
    assert f is not None
    assert f.receivables == 9
    # Every receivable's balance and interest as declared by the export (as of TODAY).
    assert (f.mismatch_count, f.balance_of_declared) == (0, f.declared_balance)
    assert dict(f.states) == {
        "tytul_wykonawczy": 1,
        "zaplacona": 1,
        "raty": 1,
        "wystawiona": 3,  # the states as the old database had them (no sweep since)
        "wymagalna": 1,
        "umorzona": 1,
        "anulowana": 1,
    }
    assert counters == await _counters(session)
    assert _sheets(after) == before
