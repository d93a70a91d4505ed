"""Concurrent requests on one receivable, through the whole app on a scratch PostgreSQL database
whose requests really commit. The receivable row lock (`load(..., for_update=True)`) queues them:
money is never counted twice or lost, and of two state changes that exclude each other only one
wins. (50 titles issued at once for one authority and year get numbers 1..50 with no gap:
tests/titles/test_numbering_concurrency.py.)

Many contenders rather than two: they all start together (asyncio.gather), so at least some of them
really overlap in the database."""

from __future__ import annotations

import asyncio
from collections import Counter as Tally
from typing import Any

import httpx
import pytest
from sqlalchemy import select

from app.db import make_engine
from app.models import Counter, Document, Event, Handoff, Payment, WriteOff
from tests.security.support import assert_problem, due, reminded, titled

pytestmark = pytest.mark.postgres_only
N = 8


async def _at_once(*calls: Any) -> list[httpx.Response]:
    return list(await asyncio.gather(*calls))


async def _rows(url: str, stmt: Any) -> list[Any]:
    """Read what was committed, through a connection of its own."""
    engine = make_engine(url)
    try:
        async with engine.connect() as conn:
            return list((await conn.execute(stmt)).all())
    finally:
        await engine.dispose()


async def _counter_matches_documents(url: str, kind: str) -> bool:
    (value,) = await _rows(url, select(Counter.value).where(Counter.kind == kind))
    numbers = sorted(
        seq for (seq,) in await _rows(url, select(Document.seq).where(Document.kind == kind))
    )
    return numbers == list(range(1, value[0] + 1))


async def _card(live: httpx.AsyncClient, rid: int, as_of: str) -> dict[str, Any]:
    r = await live.get(f"/api/v1/receivables/{rid}", params={"as_of": as_of})
    assert r.status_code == 200, r.text
    return dict(r.json())


def assert_chain(card: dict[str, Any]) -> None:
    """Every event starts where the one before ended, and the last one ends in the current state:
    no change was applied on a stale state."""
    events = card["events"]
    for before, after in zip(events, events[1:], strict=False):
        assert after["from_state"] == before["to_state"], events
    assert events[-1]["to_state"] == card["state"], events


async def test_payments_at_once_all_count_exactly_once(
    live: httpx.AsyncClient, committed_database_url: str
) -> None:
    rid = await due(live)  # 250.00; interest to 2025-04-01 stays under the 8.70 zł threshold
    # 2025-04-01: eight transfers of 31.25 zł (= 250.00) booked at the same moment.
    answers = await _at_once(
        *(
            live.post(
                f"/api/v1/receivables/{rid}/payments",
                json={"paid_on": "2025-04-01", "amount": "31.25", "reference": f"PRZELEW-{i}"},
            )
            for i in range(N)
        )
    )
    assert [r.status_code for r in answers] == [201] * N, [r.text for r in answers]
    payments = await _rows(
        committed_database_url, select(Payment.amount).where(Payment.receivable_id == rid)
    )
    assert sorted(a for (a,) in payments) == [3125] * N
    card = await _card(live, rid, "2025-04-01")
    assert (card["balance"], card["overpayment"], card["state"]) == ("0.00", "0.00", "zaplacona")
    # Each payment saw the ones before it: seven partial payments, then the one that paid it off.
    actions = Tally(e["action"] for e in card["events"])
    assert (actions["wplata_czesciowa"], actions["zaplata"]) == (N - 1, 1)
    assert_chain(card)


async def test_the_same_payment_sent_at_once_is_booked_once(
    live: httpx.AsyncClient, committed_database_url: str
) -> None:
    rid = await due(live)
    answers = await _at_once(
        *(
            live.post(
                f"/api/v1/receivables/{rid}/payments",
                json={"paid_on": "2025-04-01", "amount": "100.00", "reference": "PRZELEW-1"},
            )
            for _ in range(N)
        )
    )
    assert sorted(r.status_code for r in answers) == [200] * (N - 1) + [201], [
        r.text for r in answers
    ]
    assert len({r.json()["id"] for r in answers}) == 1
    payments = await _rows(
        committed_database_url, select(Payment.id).where(Payment.receivable_id == rid)
    )
    assert len(payments) == 1
    card = await _card(live, rid, "2025-04-01")
    assert card["balance"] == "150.00"
    assert_chain(card)


async def test_titles_at_once_on_one_receivable_one_wins(
    live: httpx.AsyncClient, committed_database_url: str
) -> None:
    rid = await reminded(live)
    answers = await _at_once(
        *(
            live.post(f"/api/v1/receivables/{rid}/titles", json={"issued_on": "2025-04-11"})
            for _ in range(N)
        )
    )
    assert sorted(r.status_code for r in answers) == [201] + [409] * (N - 1), [
        r.text for r in answers
    ]
    for r in answers:
        if r.status_code == 409:
            assert_problem(r, 409)
    titles = await _rows(
        committed_database_url,
        select(Document.number).where(
            Document.kind == "tytul_wykonawczy", Document.receivable_id == rid
        ),
    )
    assert len(titles) == 1
    # The refused ones bumped the counter inside their transaction and gave the number back: the
    # counter stands at the number of titles ever issued.
    assert await _counter_matches_documents(committed_database_url, "tytul_wykonawczy")
    assert_chain(await _card(live, rid, "2025-04-11"))


async def test_full_write_offs_at_once_one_wins(
    live: httpx.AsyncClient, committed_database_url: str
) -> None:
    rid = await due(live)
    answers = await _at_once(
        *(
            live.post(
                f"/api/v1/receivables/{rid}/write-offs",
                json={
                    "decided_on": "2025-04-01",
                    "decision_ref": f"FN.3113.{i}.2025",
                    "full": True,
                },
            )
            for i in range(N)
        )
    )
    assert sorted(r.status_code for r in answers) == [201] + [409] * (N - 1), [
        r.text for r in answers
    ]
    write_offs = await _rows(
        committed_database_url, select(WriteOff.amount).where(WriteOff.receivable_id == rid)
    )
    assert write_offs == [(25000,)]
    card = await _card(live, rid, "2025-04-01")
    assert (card["state"], card["balance"]) == ("umorzona", "0.00")
    assert_chain(card)


async def test_a_full_write_off_racing_payments_settles_the_balance_once(
    live: httpx.AsyncClient, committed_database_url: str
) -> None:
    rid = await due(live)
    pay = [
        live.post(
            f"/api/v1/receivables/{rid}/payments",
            json={"paid_on": "2025-04-01", "amount": "40.00", "reference": f"P-{i}"},
        )
        for i in range(N // 2)
    ]
    write_off = live.post(
        f"/api/v1/receivables/{rid}/write-offs",
        json={"decided_on": "2025-04-01", "decision_ref": "FN.3113.1.2025", "full": True},
    )
    answers = await _at_once(*pay[:2], write_off, *pay[2:])
    assert all(r.status_code == 201 for r in answers), [r.text for r in answers]
    card = await _card(live, rid, "2025-04-01")
    assert (card["state"], card["balance"]) == ("umorzona", "0.00")
    assert_chain(card)
    # Whatever the order: the payments before the decision lowered what was written off, the ones
    # after it are kept as an overpayment; together they settle the 250.00 exactly once.
    (written_off,) = await _rows(
        committed_database_url, select(WriteOff.amount).where(WriteOff.receivable_id == rid)
    )
    paid = sum(
        a
        for (a,) in await _rows(
            committed_database_url, select(Payment.amount).where(Payment.receivable_id == rid)
        )
    )
    overpayment = int(card["overpayment"].replace(".", ""))
    assert written_off[0] + paid - overpayment == 25000
    assert paid == 4 * 4000


async def test_reminders_at_once_are_queued_not_lost(
    live: httpx.AsyncClient, committed_database_url: str
) -> None:
    # A repeated reminder is allowed later, never twice on one day: exactly one wins, the others
    # are refused with 409 after queueing on the receivable's row lock.
    rid = await due(live)
    answers = await _at_once(
        *(
            live.post(f"/api/v1/receivables/{rid}/reminders", json={"issued_on": "2025-04-01"})
            for _ in range(N)
        )
    )
    assert all(r.status_code in (201, 409) for r in answers), [r.text for r in answers]
    issued = sorted(r.json()["number"] for r in answers if r.status_code == 201)
    docs = await _rows(
        committed_database_url,
        select(Document.number).where(Document.kind == "upomnienie", Document.receivable_id == rid),
    )
    assert sorted(n for (n,) in docs) == issued
    assert len(issued) == 1
    assert await _counter_matches_documents(committed_database_url, "upomnienie")
    events = await _rows(
        committed_database_url,
        select(Event.action).where(Event.receivable_id == rid, Event.action == "upomnienie"),
    )
    assert len(events) == len(issued)
    assert_chain(await _card(live, rid, "2025-04-01"))


async def test_handoffs_at_once_send_each_title_once(
    live: httpx.AsyncClient, committed_database_url: str
) -> None:
    for _ in range(3):
        await titled(live)
    unsent = select(Document.id).where(
        Document.kind == "tytul_wykonawczy", Document.handoff_id.is_(None)
    )
    waiting = len(await _rows(committed_database_url, unsent))
    answers = await _at_once(
        *(live.post("/api/v1/handoffs", json={"issued_on": "2025-04-14"}) for _ in range(4))
    )
    assert sorted(r.status_code for r in answers) == [201, 409, 409, 409], [r.text for r in answers]
    assert next(r.json() for r in answers if r.status_code == 201)["title_count"] == waiting
    assert await _rows(committed_database_url, unsent) == []
    (value,) = await _rows(
        committed_database_url, select(Counter.value).where(Counter.kind == "przekazanie")
    )
    handoffs = await _rows(committed_database_url, select(Handoff.seq))
    assert sorted(s for (s,) in handoffs) == list(range(1, value[0] + 1))
