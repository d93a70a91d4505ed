"""A process killed (SIGKILL) in the middle of issuing a title or building a handoff batch leaves
nothing half done: no title without its number, no number used without its title, no batch row, no
title marked as sent. The next run finishes the work with the next number, as if the killed one
had never started. Real processes on a PostgreSQL database whose transactions really commit
(tests/security/crash_worker.py stops at the chosen point and waits for the kill)."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import func, select

from app.config import Settings
from app.db import make_engine
from app.models import Counter, Document, Event, Handoff, Notice, Receivable
from tests.security.support import reminded, titled

pytestmark = pytest.mark.postgres_only
ROOT = Path(__file__).resolve().parents[2]


async def _run_worker(
    url: str, settings: Settings, what: str, receivable: int | None, point: str
) -> str:
    """Start the worker; with a kill point, SIGKILL it once it says it is there. Its last line."""
    proc = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "tests.security.crash_worker",
        url,
        settings.model_dump_json(),
        what,
        str(receivable or "-"),
        point,
        cwd=ROOT,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    assert proc.stdout is not None
    try:
        line = (await asyncio.wait_for(proc.stdout.readline(), 60)).decode().strip()
    finally:
        if point != "none" and proc.returncode is None:
            proc.kill()  # SIGKILL: no exception handler, no rollback, no goodbye to the database
        _out, err = await proc.communicate()
    if point == "none":
        assert proc.returncode == 0, err.decode()[-2000:]
    else:
        assert line == f"AT {point}", (line, err.decode()[-2000:])
        assert proc.returncode == -9
    return line


async def _snapshot(url: str) -> dict[str, Any]:
    """Counters, titles, batches and notices as committed, through a connection of its own."""
    engine = make_engine(url)
    try:
        async with engine.connect() as conn:

            async def rows(stmt: Any) -> list[Any]:
                return [tuple(r) for r in (await conn.execute(stmt)).all()]

            return {
                "counters": dict(await rows(select(Counter.kind, Counter.value))),
                "titles": await rows(
                    select(Document.number, Document.handoff_id)
                    .where(Document.kind == "tytul_wykonawczy")
                    .order_by(Document.id)
                ),
                "title_seqs": sorted(
                    s
                    for (s,) in await rows(
                        select(Document.seq).where(Document.kind == "tytul_wykonawczy")
                    )
                ),
                "handoffs": await rows(
                    select(Handoff.number, Handoff.title_count).order_by(Handoff.id)
                ),
                "notices": await rows(select(Notice.id, Notice.handoff_id).order_by(Notice.id)),
                "states": dict(await rows(select(Receivable.id, Receivable.state))),
                "events": int((await conn.execute(select(func.count(Event.id)))).scalar_one()),
            }
    finally:
        await engine.dispose()


def assert_numbers_match_documents(snap: dict[str, Any]) -> None:
    """No number used without its document, none twice: each counter is its last number."""
    assert snap["title_seqs"] == list(range(1, snap["counters"].get("tytul_wykonawczy", 0) + 1))
    assert [h[0] for h in snap["handoffs"]] == [
        f"P/UM/{n}/2025" for n in range(1, snap["counters"].get("przekazanie", 0) + 1)
    ]


async def test_killed_while_issuing_a_title_leaves_no_title_and_no_number(
    live: httpx.AsyncClient, committed_database_url: str, settings: Settings
) -> None:
    rid = await reminded(live)
    before = await _snapshot(committed_database_url)
    await _run_worker(committed_database_url, settings, "title", rid, "after_number")
    after = await _snapshot(committed_database_url)
    assert after == before  # the counter bump and everything else went with the process
    assert after["states"][rid] == "upomnienie"
    assert_numbers_match_documents(after)

    # Restarted: the title is issued with the number the killed process had taken.
    assert (await _run_worker(committed_database_url, settings, "title", rid, "none")).startswith(
        "DONE TW/UM/"
    )
    done = await _snapshot(committed_database_url)
    assert done["counters"]["tytul_wykonawczy"] == before["counters"].get("tytul_wykonawczy", 0) + 1
    assert done["states"][rid] == "tytul_wykonawczy"
    assert_numbers_match_documents(done)


async def test_killed_while_building_a_handoff_leaves_nothing_sent(
    live: httpx.AsyncClient, committed_database_url: str, settings: Settings
) -> None:
    # Titles waiting to be sent, and a notice (a payment on a title sent earlier) waiting too.
    sent_rid, _ = await titled(live)
    assert (
        await live.post("/api/v1/handoffs", json={"issued_on": "2025-04-14"})
    ).status_code == 201
    for _ in range(4):
        await titled(live)
    r = await live.post(
        f"/api/v1/receivables/{sent_rid}/payments",
        json={"paid_on": "2025-04-12", "amount": "10.00"},
    )
    assert r.status_code == 201, r.text
    before = await _snapshot(committed_database_url)
    waiting = sum(1 for _n, h in before["titles"] if h is None)
    assert waiting >= 4

    # Killed right after taking the batch number, while the validated XML was being built (every
    # title read, locked and rendered), and with every row written but not committed.
    for point in ("after_number", "while_xml", "before_commit"):
        await _run_worker(committed_database_url, settings, "handoff", None, point)
        after = await _snapshot(committed_database_url)
        assert after == before, point  # no batch row, nothing marked as sent, the counter as it was
        assert_numbers_match_documents(after)

    # Restarted: one batch with every waiting title and notice, numbered next after the last one.
    line = await _run_worker(committed_database_url, settings, "handoff", None, "none")
    done = await _snapshot(committed_database_url)
    expected = f"P/UM/{before['counters']['przekazanie'] + 1}/2025"
    assert line == f"DONE {expected}"
    assert done["handoffs"][-1] == (expected, waiting)
    assert all(h is not None for _n, h in done["titles"])
    assert all(h is not None for _i, h in done["notices"])
    assert_numbers_match_documents(done)
