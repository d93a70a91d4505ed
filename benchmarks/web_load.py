"""Benchmark: the web pages under load — 100 concurrent users on the receivable card and the
debtor search, over 1,000,000 receivables in PostgreSQL.

    .venv/bin/python benchmarks/web_load.py [--receivables 1000000] [--users 100]
        [--requests 20] [--workers 1] [--think 0] [--suggested-indexes]
        [--url postgresql+asyncpg://postgres@127.0.0.1:5432/postgres]

A fresh database is created (dropped at the end), migrated with Alembic and filled with
generate_series INSERT … SELECT: one debtor per three receivables, each receivable with its
wezwanie and its creation event. The real server (uvicorn, `--workers` processes, 127.0.0.1 on a
free port) runs in a subprocess; the load comes from this process over loopback: `--users` logged-in
sessions, each making `--requests` requests of each kind (card of a random receivable; search by a
name fragment, a PESEL prefix and a NIP prefix in turn) — bounded loops, nothing runs unattended.
Prints p50/p95/p99 latency per kind and the requests per second. Target (issue 8): p95 ≤ 50 ms.
`--think` adds a pause between a user's requests (people read the page); 0 = back to back.
`--suggested-indexes` adds the debtor-search indexes proposed for a migration (see SUGGESTED).

Measured on the 2-core development box (server, PostgreSQL and this load generator sharing it),
1,000,000 receivables: one user, p50/p95 card 36/56 ms, search 229/505 ms (sequential scan of the
debtors); with the suggested indexes card 25/38 ms, search 16/21 ms. 100 users back to back,
2 workers, suggested indexes: ~38 requests/s, p95 ≈ 6 s — the target is not met on this box."""

# ruff: noqa: T201  (a benchmark prints its figures)
from __future__ import annotations

import argparse
import asyncio
import os
import random
import re
import socket
import statistics
import subprocess
import sys
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import asyncpg
import httpx
from sqlalchemy.engine import make_url

from app.migrations import upgrade

PASSWORD = "benchmark-admin-password"
SURNAMES = [
    "Kowalski",
    "Nowak",
    "Wiśniewski",
    "Wójcik",
    "Kowalczyk",
    "Kamiński",
    "Lewandowski",
    "Zieliński",
    "Szymański",
    "Woźniak",
    "Dąbrowski",
    "Kozłowski",
    "Jankowski",
    "Mazur",
]


def _fill_sql(n: int) -> list[str]:
    debtors = max(n // 3, 1)
    names = "ARRAY[" + ",".join(f"'{s}'" for s in SURNAMES) + "]"
    return [
        f"""INSERT INTO debtor (id, name, first_name, last_name, street, postal_code, city, pesel, nip)
            SELECT g, ({names})[1 + g % {len(SURNAMES)}] || ' ' || g, 'Jan',
                   ({names})[1 + g % {len(SURNAMES)}], 'ul. Długa ' || g, '87-800', 'Włocławek',
                   lpad(((g::bigint * 7919) % 99999999999)::text, 11, '0'),
                   CASE WHEN g % 10 = 0 THEN lpad(((g::bigint * 104729) % 9999999999)::text, 10, '0') END
            FROM generate_series(1, {debtors}) g""",
        f"""INSERT INTO receivable (id, debtor_id, kind_code, title, principal, issued_on, state,
                demand_delivered_on, payment_term_ends_on, time_barred_from)
            SELECT g, 1 + g % {debtors}, 'oplata_pobyt', 'Opłata za pobyt nr ' || g,
                   25000 + (g % 50) * 100, date '2024-01-01' + g % 600,
                   CASE WHEN g % 4 = 0 THEN 'wystawiona' ELSE 'wymagalna' END,
                   date '2024-01-03' + g % 600, date '2024-01-17' + g % 600,
                   date '2027-01-18' + g % 600
            FROM generate_series(1, {n}) g""",
        """INSERT INTO document (receivable_id, kind, scope, year, seq, number, issued_on, costs, created_by)
           SELECT id, 'wezwanie', '', 2024, id, 'WZ/' || id || '/2024', issued_on, 0, 'import'
           FROM receivable""",
        """INSERT INTO event (receivable_id, occurred_on, action, from_state, to_state, cause, actor)
           SELECT id, issued_on, 'wystawienie', NULL, 'wystawiona', 'wezwanie do zapłaty', 'import'
           FROM receivable""",
        """INSERT INTO event (receivable_id, occurred_on, action, from_state, to_state, cause, actor)
           SELECT id, payment_term_ends_on + 1, 'termin_uplynal', 'wystawiona', 'wymagalna',
                  'upływ terminu płatności', 'system:przeglad'
           FROM receivable WHERE state = 'wymagalna'""",
    ]


async def _connect(url: str, database: str | None = None) -> asyncpg.Connection:
    u = make_url(url)
    return await asyncpg.connect(
        user=u.username,
        password=u.password,
        host=u.host,
        port=u.port,
        database=database or u.database,
    )


async def _create(base: str) -> str:
    name = f"windykacja_bench_{uuid.uuid4().hex[:8]}"
    conn = await _connect(base)
    await conn.execute(f'CREATE DATABASE "{name}"')
    await conn.close()
    return make_url(base).set(database=name).render_as_string(hide_password=False)


async def _drop(url: str) -> None:
    conn = await _connect(url, "postgres")
    await conn.execute(f'DROP DATABASE IF EXISTS "{make_url(url).database}" WITH (FORCE)')
    await conn.close()


async def _fill(url: str, n: int) -> None:
    conn = await _connect(url)
    try:
        for sql in _fill_sql(n):
            await conn.execute(sql)
        for table in ("debtor", "receivable", "document", "event"):
            await conn.execute(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                f"(SELECT max(id) FROM {table}))"
            )
        await conn.execute("VACUUM ANALYZE")
    finally:
        await conn.close()


# Proposed for a migration: the debtor search is ILIKE '%…%' on the name and a prefix on PESEL/NIP;
# without these PostgreSQL scans the whole debtor table for every search.
SUGGESTED = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE INDEX ix_debtor_name_trgm ON debtor USING gin (name gin_trgm_ops)",
    "CREATE INDEX ix_debtor_pesel_prefix ON debtor (pesel varchar_pattern_ops)",
    "CREATE INDEX ix_debtor_nip_prefix ON debtor (nip varchar_pattern_ops)",
    "ANALYZE debtor",
]


async def _suggested_indexes(url: str) -> None:
    conn = await _connect(url)
    try:
        for sql in SUGGESTED:
            await conn.execute(sql)
    finally:
        await conn.close()


async def _admin(url: str) -> None:
    # Created here, not by the workers' start-up: two workers starting on an empty database race
    # to create `admin` (ensure_admin has no guard against that yet).
    from app.auth.service import ensure_admin
    from app.db import make_engine, make_sessionmaker, session_scope

    engine = make_engine(url)
    async with session_scope(make_sessionmaker(engine)) as session:
        await ensure_admin(session, PASSWORD)
    await engine.dispose()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _serve(url: str, port: int, workers: int) -> subprocess.Popen[bytes]:
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "WINDYKACJA_ADMIN_PASSWORD": PASSWORD,
        "WINDYKACJA_ENVIRONMENT": "development",
        "WINDYKACJA_LOG_LEVEL": "WARNING",
    }
    cmd = [
        sys.executable,
        "-m",
        "uvicorn",
        "app.main:create_app",
        "--factory",
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--workers",
        str(workers),
        "--log-level",
        "warning",
        "--no-access-log",
    ]
    return subprocess.Popen(cmd, cwd=ROOT, env=env)


async def _wait(base: str) -> None:
    async with httpx.AsyncClient() as c:
        for _ in range(300):
            try:
                if (await c.get(f"{base}/logowanie")).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            await asyncio.sleep(0.1)
    raise RuntimeError("the server did not start")


async def _log_in(base: str) -> httpx.Cookies:
    async with httpx.AsyncClient(base_url=base) as c:
        page = await c.get("/logowanie")
        token = re.search(r'name="csrf_token" value="([^"]+)"', page.text)[1]  # type: ignore[index]
        r = await c.post(
            "/logowanie", data={"csrf_token": token, "username": "admin", "password": PASSWORD}
        )
        assert r.status_code == 303, r.text
        return c.cookies


async def _user(
    base: str,
    cookies: httpx.Cookies,
    n: int,
    debtors: int,
    rounds: int,
    times: dict[str, list[float]],
    seed: int,
    think: float = 0.0,
) -> None:
    rnd = random.Random(seed)
    limits = httpx.Limits(max_connections=1)
    async with httpx.AsyncClient(base_url=base, cookies=cookies, limits=limits, timeout=60) as c:
        for i in range(rounds):
            g = rnd.randint(1, debtors)
            queries = [
                f"{SURNAMES[g % len(SURNAMES)]} {g}",
                str((g * 7919) % 99999999999).zfill(11)[:6],
                str((g * 10 * 104729) % 9999999999).zfill(10)[:6],
            ]
            for kind, path in (
                ("karta należności", f"/naleznosci/{rnd.randint(1, n)}"),
                ("wyszukiwanie", f"/zobowiazani?q={queries[i % 3]}"),
            ):
                start = time.perf_counter()
                r = await c.get(path)
                times[kind].append(time.perf_counter() - start)
                assert r.status_code == 200, (path, r.status_code)
                if think:
                    await asyncio.sleep(think * rnd.uniform(0.5, 1.5))


def _report(times: dict[str, list[float]], wall: float) -> None:
    total = sum(len(v) for v in times.values())
    print(f"{'':18} {'requests':>9} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8}")
    for kind, values in times.items():
        q = statistics.quantiles(values, n=100, method="inclusive")
        print(
            f"{kind:18} {len(values):9d} {q[49] * 1000:8.1f} {q[94] * 1000:8.1f} "
            f"{q[98] * 1000:8.1f}"
        )
    print(f"throughput: {total / wall:.0f} requests/s ({total} in {wall:.1f} s)")


async def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--receivables", type=int, default=1_000_000)
    parser.add_argument("--users", type=int, default=100)
    parser.add_argument("--requests", type=int, default=20, help="per user and kind")
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument(
        "--think",
        type=float,
        default=0.0,
        help="seconds each user waits between requests (0: back to back)",
    )
    parser.add_argument(
        "--suggested-indexes",
        action="store_true",
        help="add the search indexes proposed for the debtor search (pg_trgm)",
    )
    parser.add_argument("--url", default="postgresql+asyncpg://postgres@127.0.0.1:5432/postgres")
    args = parser.parse_args()
    url = await _create(args.url)
    server = None
    try:
        started = time.perf_counter()
        await asyncio.to_thread(upgrade, url)
        await _fill(url, args.receivables)
        if args.suggested_indexes:
            await _suggested_indexes(url)
        await _admin(url)
        print(
            f"database filled: {args.receivables} receivables in "
            f"{time.perf_counter() - started:.0f} s"
        )
        port = _free_port()
        server = _serve(url, port, args.workers)
        base = f"http://127.0.0.1:{port}"
        await _wait(base)
        cookies = await _log_in(base)
        times: dict[str, list[float]] = {"karta należności": [], "wyszukiwanie": []}
        debtors = max(args.receivables // 3, 1)
        # Warm-up: one request of each kind per user, not measured.
        await asyncio.gather(
            *(
                _user(
                    base,
                    cookies,
                    args.receivables,
                    debtors,
                    1,
                    {"karta należności": [], "wyszukiwanie": []},
                    -u,
                )
                for u in range(args.users)
            )
        )
        start = time.perf_counter()
        await asyncio.gather(
            *(
                _user(base, cookies, args.receivables, debtors, args.requests, times, u, args.think)
                for u in range(args.users)
            )
        )
        _report(times, time.perf_counter() - start)
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=30)
        await _drop(url)
    return 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
