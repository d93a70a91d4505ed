"""Replays: what is done twice counts once. (A statement imported twice in a row and a payment sent
twice with its reference: tests/bank/test_import.py and tests/receivables/test_api.py.)

Here the cross-cutting cases: every job run twice on a varied portfolio changes nothing the second
time, nor does a missed day caught up after a later one; and the same statement imported twice at
the same moment (PostgreSQL, real commits) books each line once."""

from __future__ import annotations

import asyncio
import uuid
from typing import Any

import httpx
import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.db import make_engine
from app.models import BankLine, Counter, Document, Event, Instalment, Notice, Payment, Receivable
from tests.factories import create_debtor, create_receivable, deliver
from tests.security.support import due, reminded, titled


async def _pay(api: httpx.AsyncClient, rid: int, on: str, amount: str) -> None:
    r = await api.post(
        f"/api/v1/receivables/{rid}/payments", json={"paid_on": on, "amount": amount}
    )
    assert r.status_code == 201, r.text


async def _portfolio(api: httpx.AsyncClient) -> None:
    """One receivable in each situation a job acts on, as of 2026-11-23. (The walks run the daily
    job as of 2025-03-20, so the receivables it should find untouched are made after them.)"""
    # Instalments granted 2025-04-15, the first (2025-05-15) never paid: enforcement resumes.
    rid, _ = await titled(api)
    balance = (await api.get(f"/api/v1/receivables/{rid}", params={"as_of": "2025-04-15"})).json()[
        "balance"
    ]
    r = await api.post(
        f"/api/v1/receivables/{rid}/instalments",
        json={
            "decided_on": "2025-04-15",
            "decision_ref": "RA.1",
            "instalments": [{"due_on": "2025-05-15", "amount": balance}],
        },
    )
    assert r.status_code == 201, r.text
    # Reminded, its 7 days over: listed as ready for a title. And one simply due.
    await reminded(api)
    await due(api)
    # Paid in full 2023-05-10: to the archive two years later (seed 003 §5.4).
    paid = int(
        (
            await create_receivable(
                api,
                await create_debtor(api),
                issue_date="2023-05-10",
                period_from="2023-05-01",
                period_to="2023-05-02",
            )
        )["id"]
    )
    await _pay(api, paid, "2023-05-10", "250.00")
    # Term passed unpaid (2025-03-19), still wystawiona: the daily job makes it wymagalna.
    waiting = int((await create_receivable(api, await create_debtor(api)))["id"])
    await deliver(api, waiting, "wezwanie", "2025-03-05")
    # Term 2021-01-19, never paid: time-barred from 2024-01-20 (3 years, seed 003 §5).
    old = int(
        (
            await create_receivable(
                api,
                await create_debtor(api),
                issue_date="2021-01-04",
                period_from="2021-01-01",
                period_to="2021-01-02",
            )
        )["id"]
    )
    await deliver(api, old, "wezwanie", "2021-01-05")


async def _snapshot(session: AsyncSession) -> dict[str, Any]:
    async def rows(*columns: Any) -> list[tuple[Any, ...]]:
        return [
            tuple(r) for r in (await session.execute(select(*columns).order_by(columns[0]))).all()
        ]

    async def count(model: type) -> int:
        return int(await session.scalar(select(func.count()).select_from(model)) or 0)

    return {
        "receivables": await rows(
            Receivable.id,
            Receivable.state,
            Receivable.state_before_instalments,
            Receivable.closed_on,
            Receivable.archived_on,
            Receivable.time_barred_from,
            Receivable.version,
        ),
        "events": await count(Event),
        "documents": await count(Document),
        "notices": await count(Notice),
        "payments": await count(Payment),
        "instalments": await count(Instalment),
        "counters": await rows(Counter.kind, Counter.scope, Counter.year, Counter.value),
    }


async def _run(api: httpx.AsyncClient, job: str, as_of: str) -> dict[str, Any]:
    r = await api.post("/api/v1/sweeps/run", params={"job": job, "as_of": as_of})
    assert r.status_code == 200, r.text
    return dict(r.json())


@pytest.mark.parametrize(
    ("job", "as_of"),
    [("daily", "2026-11-23"), ("archive", "2026-11-23"), ("year_end", "2025-12-31")],
)
async def test_a_job_run_again_changes_nothing(
    api: httpx.AsyncClient, session: AsyncSession, job: str, as_of: str
) -> None:
    await _portfolio(api)
    first = await _run(api, job, as_of)
    after_first = await _snapshot(session)
    second = await _run(api, job, as_of)
    assert second["rows_changed"] == 0, second
    assert set(second["changed"].values()) <= {0}, second
    assert second["listed"] == first["listed"]  # the lists are the same lists
    assert await _snapshot(session) == after_first


async def test_the_daily_job_moved_what_it_had_to(
    api: httpx.AsyncClient, session: AsyncSession
) -> None:
    # Guards the test above: the portfolio does give the daily job work on its first run.
    await _portfolio(api)
    first = await _run(api, "daily", "2026-11-23")
    assert first["rows_changed"] >= 3, first  # wymagalna, przedawnienie, a missed instalment
    states = {s for (s,) in (await session.execute(select(Receivable.state))).all()}
    assert {"wymagalna", "przedawniona"} <= states


async def test_a_missed_day_caught_up_after_a_later_one_changes_nothing(
    api: httpx.AsyncClient, session: AsyncSession
) -> None:
    await _portfolio(api)
    await _run(api, "daily", "2026-11-23")
    after = await _snapshot(session)
    # 2025-06-01 is long past: whatever it would have moved was moved, on its own day, already.
    assert (await _run(api, "daily", "2025-06-01"))["rows_changed"] == 0
    assert await _snapshot(session) == after


@pytest.mark.postgres_only
async def test_the_same_statement_imported_twice_at_once_books_each_line_once(
    live: httpx.AsyncClient, committed_database_url: str
) -> None:
    ref = f"R{uuid.uuid4().hex[:8]}"
    rid = int((await create_receivable(live, await create_debtor(live), reference=ref))["id"])
    lines = "".join(f"0{d}.05.2025;10,00;Oplata {ref} rata {d};Jan Kowalski\n" for d in range(1, 6))
    content = ("Data operacji;Kwota;Tytuł;Nadawca\n" + lines).encode()
    files = {"file": ("wyciag.csv", content, "text/csv")}
    answers = await asyncio.gather(
        *(live.post("/api/v1/bank-statements", files=files) for _ in range(4))
    )
    assert all(r.status_code in (201, 409) for r in answers), [r.text for r in answers]
    assert sum(r.json()["booked"] for r in answers if r.status_code == 201) == 5
    engine = make_engine(committed_database_url)
    async with engine.connect() as conn:
        paid = (
            await conn.execute(select(Payment.amount).where(Payment.receivable_id == rid))
        ).all()
        booked = (
            await conn.execute(
                select(func.count()).select_from(BankLine).where(BankLine.receivable_id == rid)
            )
        ).scalar_one()
    await engine.dispose()
    assert sorted(a for (a,) in paid) == [1000] * 5
    assert booked == 5
    card = (await live.get(f"/api/v1/receivables/{rid}", params={"as_of": "2025-05-05"})).json()
    assert card["principal_remaining"] == "200.00"
