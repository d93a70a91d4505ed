"""Benchmark (issue 22 item 7): every figure of the chief accountant's statements over a register
of --receivables in PostgreSQL, each printed next to a bare SUM over the same rows.

    .venv/bin/python benchmarks/reports.py [--receivables 1000000] [--rounds 3]
        [--url postgresql+asyncpg://postgres@127.0.0.1:5432/postgres] [--keep]

The register is the one benchmarks/sweep.py generates (its mix of states, events, instalments
and payments; a fresh database, migrated, dropped at the end). The allocated book the statements
sum over (book_entry, receivable_book) is written in SQL for the generated payments, as the
reports would have left it after the previous quarter (every payment of the generator settles
principal: the generator charges no interest), so that the measurement starts from a current
book, as a quarter-end does: the first step, "book refresh", is then the search for stale
receivables alone (one statement), and it is timed as such.

Each figure is measured as the service computes it (app/reports/statements.py, the same call as
the API and the page), best and median of --rounds, each in its own session, and next to it
the bare SUM the issue asks for: SELECT sum(principal) FROM receivable (Rb-N, aging, drill-down)
or the sum of principal and payments (turnover, Rb-27S). Target (issue 22 item 7): each < 10 s.

Measured 2026-12-06 on the shared 2-core box (8 agents at work, PostgreSQL, 1,000,000
receivables, 0.45 M payments → 0.3 M book entries; one round, so noisy):
    book refresh (stale search)      1.7 s    bare SUM 0.13 s
    Rb-N                             5.3 s    (of which the stale search 1.7 s)
    Rb-N drill-down, first page      2.6 s
    aging                            4.8 s
    near limitation                  3.3 s
    turnover (quarter)               8.1 s    (19.4 s before it stopped reading the journal's union)
    turnover by debtor (quarter)    26.9 s    NOT met: 333,000 groups of 24 numeric sums
    Rb-27S (year to date)            6.8 s
    charts (all four)               16.0 s    NOT met as a whole: four statements in one
At 200,000 receivables every figure is under 10 s (by debtor 7.1 s, charts 5.0 s).

Item 7 met (2026-12-06, i22c), measured with --database on a kept 1,000,000-receivable register
(benchmarks/receivable_list.py's, copied as a template: 333,333 debtors, 142,857 payments, so
lighter than the sweep's mix), one round each, old code and new code on the same database:
                                     before    after
    book refresh (stale search)       1.2 s    1.6 s   (unchanged; noise of the shared box)
    Rb-N                              1.9 s    2.5 s   (unchanged)
    Rb-N drill-down, first page       1.4 s    1.7 s   (unchanged)
    aging                             2.8 s    3.7 s   (unchanged)
    near limitation                   0.9 s    1.3 s   (unchanged)
    turnover (quarter)                3.4 s    4.2 s   (7.4 s before the serial sums below)
    turnover by debtor (quarter)     23.9 s    3.9 s   first page of 1,000 debtors + totals
    Rb-27S (year to date)             9.5 s    3.0 s
    charts (all four)                12.8 s    4.7 s
What changed: (1) per debtor, the API pages by debtor id (keyset, `limit`/`after`, next_after):
a page reads only its debtors' receivables, entries and costs, the totals come from the same
sums grouped by kind (one row per kind); the old statement returned 333,333 × 3 rows whose
fetching and Python rows cost more than the SQL (10.6 s in EXPLAIN ANALYZE of 24 s); (2) the
per-receivable sums of the turnover run without parallel workers on PostgreSQL: EXPLAIN ANALYZE
showed the parallel Finalize GroupAggregate of ~20 NUMERIC sums taking 3.3 s of 6.1 s (serial:
1.3 s; the statement 3.9 s); Rb-27S and the charts' recovery rate use the same statement;
(3) the charts read the aging and the portfolio by state in one pass (repository.portfolio),
not two.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import time
import uuid
from collections.abc import Awaitable, Callable
from datetime import date
from pathlib import Path
from statistics import median
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from app.db import make_engine, make_sessionmaker
from app.migrations import upgrade
from app.reports import book, statements
from benchmarks.sweep import _connect, _fill, _vacuum

TARGET_S = 10.0

BOOK = [
    # Every generated payment settles principal (no interest, no costs in the generator).
    """INSERT INTO book_entry (receivable_id, booked_on, source, amount, to_costs, to_interest,
                               to_principal, overpayment)
       SELECT p.receivable_id, p.paid_on, 'wplata', p.amount, 0, 0,
              LEAST(p.amount, r.principal), GREATEST(p.amount - r.principal, 0)
       FROM payment p JOIN receivable r ON r.id = p.receivable_id""",
    """INSERT INTO receivable_book (receivable_id, payments_n, payments_sum, write_offs_n,
                                    write_offs_sum, costs_n, costs_sum, recoveries_n,
                                    recoveries_sum, principal, state)
       SELECT r.id, count(*), sum(p.amount), 0, 0, 0, 0, 0, 0, r.principal, r.state
       FROM receivable r JOIN payment p ON p.receivable_id = r.id
       GROUP BY r.id, r.principal, r.state""",
    "ANALYZE book_entry",
    "ANALYZE receivable_book",
]

BARE_PRINCIPAL = "SELECT sum(principal) FROM receivable"
BARE_MOVEMENTS = (
    "SELECT (SELECT sum(principal) FROM receivable) + (SELECT sum(amount) FROM payment)"
)


async def _book(url: str) -> None:
    conn = await _connect(url)
    try:
        for sql in BOOK:
            t0 = time.perf_counter()
            status = await conn.execute(sql)
            _say(f"  {status:<24} {time.perf_counter() - t0:6.1f} s")
    finally:
        await conn.close()


Figure = Callable[[AsyncSession], Awaitable[Any]]


def _figures(as_of: date) -> list[tuple[str, Figure, str]]:
    start, _ = statements.quarter_of(as_of)
    year = date(as_of.year, 1, 1)
    return [
        ("book refresh (stale search)", book.refresh, BARE_PRINCIPAL),
        ("Rb-N", lambda s: statements.rb_n(s, as_of), BARE_PRINCIPAL),
        (
            "Rb-N drill-down, first page",
            lambda s: statements.rb_n_receivables(s, as_of, None, True),
            BARE_PRINCIPAL,
        ),
        ("aging", lambda s: statements.aging(s, as_of), BARE_PRINCIPAL),
        ("near limitation", lambda s: statements.near_limitation(s, as_of), BARE_PRINCIPAL),
        ("turnover (quarter)", lambda s: statements.turnover(s, start, as_of), BARE_MOVEMENTS),
        (
            "turnover by debtor, 1st page",
            lambda s: statements.turnover(s, start, as_of, by="debtor", limit=1000),
            BARE_MOVEMENTS,
        ),
        ("Rb-27S (year to date)", lambda s: statements.rb_27s(s, year, as_of), BARE_MOVEMENTS),
        ("charts", lambda s: statements.chart_data(s, as_of), BARE_MOVEMENTS),
    ]


async def _time(engine: AsyncEngine, work: Figure) -> float:
    async with make_sessionmaker(engine)() as s:
        t0 = time.perf_counter()
        await work(s)
        elapsed = time.perf_counter() - t0
        await s.rollback()
    return elapsed


async def _bare(engine: AsyncEngine, sql: str) -> float:
    async with engine.connect() as c:
        t0 = time.perf_counter()
        await c.execute(text(sql))
        return time.perf_counter() - t0


async def _measure(
    engine: AsyncEngine, url: str, as_of: date, rounds: int, only: str | None = None
) -> None:
    await _vacuum(url)
    await _time(engine, lambda s: statements.rb_n(s, as_of))  # warm-up: imports, compilation
    _say(f"{'figure':<32} {'best':>9} {'median':>9}   {'bare SUM':>9}   ratio   < {TARGET_S:g} s")
    for name, work, bare_sql in _figures(as_of):
        if only and only not in name:
            continue
        runs = [await _time(engine, work) for _ in range(rounds)]
        bares = [await _bare(engine, bare_sql) for _ in range(rounds)]
        ok = "yes" if median(runs) < TARGET_S else "NO"
        _say(
            f"{name:<32} {min(runs) * 1000:7.0f}ms {median(runs) * 1000:7.0f}ms"
            f"   {median(bares) * 1000:7.0f}ms   {median(runs) / median(bares):5.1f}x   {ok}"
        )


async def _reuse(args: argparse.Namespace) -> None:
    """--database NAME: measure an existing register (for example one another benchmark kept),
    migrated to head; its book is written once, when book_entry is still empty. Never dropped."""
    url = make_url(args.url).set(database=args.database).render_as_string(hide_password=False)
    await asyncio.to_thread(upgrade, url)
    conn = await _connect(url)
    try:
        empty = not await conn.fetchval("SELECT EXISTS (SELECT 1 FROM book_entry)")
        n = await conn.fetchval("SELECT count(*) FROM receivable")
    finally:
        await conn.close()
    if empty:
        await _book(url)
    engine = make_engine(url)
    try:
        _say(f"{n:,} receivables (database {args.database}) as of {args.as_of}")
        await _measure(engine, url, args.as_of, args.rounds, args.only)
    finally:
        await engine.dispose()


async def main(args: argparse.Namespace) -> None:
    if args.database:
        await _reuse(args)
        return
    name = f"windykacja_bench_{uuid.uuid4().hex[:8]}"
    admin = await _connect(args.url)
    await admin.execute(f'CREATE DATABASE "{name}"')
    url = make_url(args.url).set(database=name).render_as_string(hide_password=False)
    engine = make_engine(url)
    try:
        await asyncio.to_thread(upgrade, url)
        _say(f"{args.receivables:,} receivables as of {args.as_of}")
        t0 = time.perf_counter()
        await _fill(url, args.receivables, args.as_of, 1)
        await _book(url)
        _say(f"  generated in {time.perf_counter() - t0:.1f} s")
        await _measure(engine, url, args.as_of, args.rounds, args.only)
    finally:
        await engine.dispose()
        if args.keep:
            _say(f"kept database {name}")
        else:
            await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await admin.close()


def _say(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


if __name__ == "__main__":
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--receivables", type=int, default=1_000_000)
    p.add_argument("--as-of", type=date.fromisoformat, default=date(2026, 6, 30))
    p.add_argument("--rounds", type=int, default=3)
    p.add_argument("--url", default="postgresql+asyncpg://postgres@127.0.0.1:5432/postgres")
    p.add_argument("--keep", action="store_true", help="keep the database (prints its name)")
    p.add_argument("--database", help="measure this existing database instead (kept)")
    p.add_argument("--only", help="measure only the figures whose name contains this")
    asyncio.run(main(p.parse_args()))
