"""Benchmark: the daily sweep over 1,000,000 receivables in PostgreSQL, next to its floor.

    .venv/bin/python benchmarks/sweep.py [--receivables 1000000] [--backlog 1] [--rounds 15]
        [--url postgresql+asyncpg://postgres@127.0.0.1:5432/postgres] [--explain] [--keep]

A fresh database is created (and dropped at the end), migrated with Alembic, and filled with
generate_series INSERT … SELECT (secondary indexes and foreign-key triggers off during the load,
then rebuilt, with any PENDING_INDEXES a migration does not make yet): a register as the
daily sweep left it `--backlog` days before --as-of (1 = an ordinary night; 30 = the first run
after a month without the scheduler). The mix: 30 % paid, 8 % time-barred, 4 % written off, 10 %
issued (terms spread over 45 days), 12 % due, 8 % reminded, 24 % with a title, 4 % in instalments
(6 monthly instalments; 15 % of the plans stop paying within the backlog window); 1.9 M events,
0.45 M payments, 0.24 M instalments, 0.33 M debtors.

Measured in the same run, alternately, each in a transaction rolled back and followed by VACUUM
ANALYZE and a CHECKPOINT, best and median of --rounds. The checkpoint makes every measurement
start as a nightly job does, long after the last checkpoint, paying the full-page images of the
pages it is the first to change; without it, whichever measurement happened to follow a
checkpoint of the benchmark's own writes paid them (±50 % between rounds).
  sweep   the daily job as the API and the scheduler run it (app.sweeps.service.run: advisory
          lock, the set-based rules writing their events, the instalment checks, the notices
          of resumed enforcement, the reminders-ready count, the sweep_run row);
  floor   issue 7's "one bare UPDATE … WHERE touching the same rows": UPDATE receivable … WHERE
          id = ANY(the ids of the rows the sweep changed), each row written as the sweep wrote
          it (state, closed_on, version + 1: the same non-HOT update); no search, no events, no
          lock. The floor used to be UPDATE … FROM unnest(ids, states, closed_on): a join the
          issue does not ask for, for which PostgreSQL hashed the whole table at backlog 30 and
          spilled to disk, 1.8 × the bare UPDATE (1.1 × at backlog 1): it made the ratio look
          better than it was;
  floor with the events   the floor plus the sweep's events inserted as they are, in one
          statement: what the rules must write at the least.
Target (issue 7): sweep <= 2 × floor, on both the ratio of the medians and the median of the
rounds' own ratios (each round's sweep over the floor measured right after it, so that the drift
of a shared box cancels out of the pair); the script says whether it is met. Then the sweep is
committed and run again for the same day (it must change nothing), and the archive and year-end
jobs are timed once.

Measured 2026-11-23 (2 shared cores, PostgreSQL 15, shared_buffers 128 MB; 1,000,000
receivables; medians, the median of the rounds' own ratios in brackets). The box is noisy: the
same floor took 109 ms on an earlier day and 130 to 310 ms on this one, at times in two levels
within a run (the page cache reclaimed under it); hence 15 rounds by default, and ratios:
                          --backlog 1 (ordinary night)            --backlog 30 (catch-up)
                          15 rounds | 5 runs of 9, pooled         5 rounds
  rows changed            3,225 + 84 notices                      85,386 + ~2,500 notices
  sweep                   436 ms | 396 ms                         6,166 ms
  floor                   245 ms | 208 ms                         2,330 ms
  floor with the events   417 ms | 324 ms                         4,421 ms = 1.90 × floor
  sweep / floor           1.78 (1.67) | 1.90 (1.89): met          2.65 (2.63): NOT met
The five runs of 9 rounds one by one: 1.70 (1.96), 1.68 (1.73), 1.94 (2.00), 1.61 (1.89),
2.20 (1.91): a single short run can land either side of 2.
Before (the instalment rule marking every instalment it read, notices sought among all past
resumptions, the whole worklist counted, the rate tables rebuilt per notice), the same day:
2.86 to 3.4 × at backlog 1, 3.3 × at backlog 30.
An ordinary night now costs little more than what it must write: 1.04 to 1.22 × "floor with the
events", the state changes and their events written in one statement with nothing to search.
Of the 15-round run's best round (347 ms): termin_uplynal 182 ms and przedawnienie 85 ms (their
writes), rata_niezaplacona 23 ms (1,360 instalments read from ix_instalment_due alone, 167 plans
sent back), the notices 49 ms (numbered documents, the principal remaining computed by the money
engine), the reminders newly ready 6 ms. The catch-up stays above 2 ×: its events alone cost
0.9 × floor, and its 2,500 notices about 0.75 s (0.3 ms each, mostly the money engine and
reading each receivable's payments). A month without the scheduler is not the nightly case the
target is about; it is correct (tests/sweeps) and takes seconds."""

from __future__ import annotations

import argparse
import asyncio
import sys
import time
import uuid
from datetime import date, timedelta
from pathlib import Path
from statistics import median
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import asyncpg
from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncEngine

from app.db import make_engine, make_sessionmaker
from app.migrations import upgrade
from app.sweeps import service
from app.sweeps.repository import pg_statement, rule_params
from app.sweeps.rules import rules
from app.sweeps.schemas import Job

# Buckets of g % 100 → state (see the module docstring for the mix).
MIX = [
    ("zaplacona", 30),
    ("przedawniona", 8),
    ("umorzona", 4),
    ("wystawiona", 10),
    ("wymagalna", 12),
    ("upomnienie", 8),
    ("tytul_wykonawczy", 24),
    ("raty", 4),
]


def _bucket_case() -> str:
    parts, low = [], 0
    for state, share in MIX:
        parts.append(f"WHEN b < {low + share} THEN '{state}'")
        low += share
    return "CASE " + " ".join(parts) + " END"


EVENT = "event (receivable_id, occurred_on, action, from_state, to_state, cause, actor)"
# The action that brought a receivable to its state (the year-end list reads `przedawnienie`).
ACTION_OF_STATE = """CASE state WHEN 'zaplacona' THEN 'zaplata' WHEN 'przedawniona' THEN
    'przedawnienie' WHEN 'umorzona' THEN 'umorzenie' WHEN 'wymagalna' THEN 'termin_uplynal'
    ELSE state END"""
# The instalment decision: between 200 and 1 day before as_of.
DECIDED = "(:A::date - 200 + abs(hashint4(r.id + 1)) % 200)"


def _generate(n: int) -> list[str]:
    """SQL to fill the register; :A is as_of, :B the backlog in days."""
    debtors = max(n // 3, 1)
    base = f"""
        SELECT g, {_bucket_case()} AS state, h,
               (:A::date - (:B)::int + (h % 1100)) AS tb  -- time-barred from, open receivables
        FROM (SELECT g, abs(hashint4(g)) % 100 AS b, abs(hashint4(-g)) % 1000003 AS h
              FROM generate_series(1, {n}) g) s"""
    return [
        f"""INSERT INTO debtor (id, name, city)
            SELECT g, 'Dłużnik ' || g, 'Włocławek' FROM generate_series(1, {debtors}) g""",
        f"""INSERT INTO receivable (id, debtor_id, kind_code, title, principal, issued_on, state,
                state_before_instalments, payment_term_ends_on, reminder_term_ends_on,
                time_barred_from, closed_on, authority_code, archived_on)
            SELECT g, 1 + g % {debtors}, 'oplata_pobyt', 'Opłata za pobyt nr ' || g,
                   25000 + (g % 50) * 100, term - 20, state,
                   CASE WHEN state = 'raty' THEN CASE WHEN g % 2 = 0 THEN 'tytul_wykonawczy'
                        ELSE 'wymagalna' END END,
                   term,
                   CASE WHEN state = 'upomnienie' THEN :A::date - 30 + (h % 60) END,
                   CASE WHEN state IN ('zaplacona', 'umorzona') THEN NULL
                        WHEN state = 'przedawniona' THEN term + interval '3 years 1 day'
                        ELSE CASE WHEN state = 'wystawiona' THEN term + interval '3 years 1 day'
                                  ELSE tb END END,
                   CASE WHEN state = 'zaplacona' THEN term + 20
                        WHEN state = 'umorzona' THEN term + 90
                        WHEN state = 'przedawniona' THEN term + interval '3 years 1 day' END,
                   'UM',
                   CASE WHEN state IN ('zaplacona', 'umorzona')
                         AND term < :A::date - interval '2 years 60 days' THEN term + 800 END
            FROM (SELECT g, state, h, tb,
                         CASE WHEN state = 'wystawiona' THEN :A::date - (:B)::int + (h % 45)
                              WHEN state IN ('zaplacona', 'umorzona')
                                   THEN :A::date - 60 - (h % 2500)
                              WHEN state = 'przedawniona' THEN :A::date - 1200 - (h % 1500)
                              ELSE (tb - interval '3 years 1 day')::date END AS term
                  FROM ({base}) s) t""",
        # The creation event of every receivable, and the event that brought it to its state.
        f"""INSERT INTO {EVENT}
           SELECT id, issued_on, 'wystawienie', NULL, 'wystawiona', 'wezwanie do zapłaty', 'import'
           FROM receivable""",
        f"""INSERT INTO {EVENT}
           SELECT id, COALESCE(closed_on, payment_term_ends_on + 1), {ACTION_OF_STATE},
                  'wystawiona', state, 'stan z importu', 'import'
           FROM receivable WHERE state NOT IN ('wystawiona', 'raty')""",
        # Instalments: decided between 200 and 1 day before as_of, 6 monthly instalments.
        f"""INSERT INTO {EVENT}
           SELECT id, {DECIDED}, 'raty', state_before_instalments, 'raty',
                  'decyzja o rozłożeniu na raty', 'import'
           FROM receivable r WHERE state = 'raty'""",
        # 6 monthly instalments, entered 0 to 3 days after the decision (by the day before as_of:
        # about 540 plans entered since the day before the previous run); the previous run of the
        # daily sweep was --backlog days ago.
        f"""INSERT INTO instalment (receivable_id, number, due_on, amount, decided_on, owed_through,
                                   recorded_on)
           SELECT r.id, k, {DECIDED} + 30 * k, r.principal / 6, {DECIDED}, r.principal / 6 * k,
                  LEAST({DECIDED} + abs(hashint4(r.id + 2)) % 4, :A::date - 1)
           FROM receivable r CROSS JOIN generate_series(1, 6) k WHERE r.state = 'raty'""",
        """INSERT INTO sweep_run (job, as_of, started_at, finished_at, rows_changed, details,
                                 triggered_by)
           VALUES ('daily', :A::date - (:B)::int, now(), now(), 0, '', 'benchmark')""",
        # Paid on the due day before the backlog window; within it 15 % of the plans stop paying.
        """INSERT INTO payment (receivable_id, paid_on, amount)
           SELECT i.receivable_id, i.due_on, i.amount FROM instalment i
           WHERE i.due_on < :A::date - (:B)::int
              OR (i.due_on < :A::date AND abs(hashint4(i.receivable_id * 7)) % 100 >= 15)""",
        """INSERT INTO payment (receivable_id, paid_on, amount)
           SELECT id, closed_on, principal FROM receivable WHERE state = 'zaplacona'""",
        """INSERT INTO document (receivable_id, kind, scope, year, seq, number, issued_on)
           SELECT id, 'tytul_wykonawczy', 'UM', 2025, id, 'TW/UM/' || id || '/2025',
                  :A::date - 300
           FROM receivable
           WHERE state = 'raty' AND state_before_instalments = 'tytul_wykonawczy'""",
    ]


TABLES = ("debtor", "receivable", "event", "instalment", "payment", "document", "sweep_run")

# Indexes the sweep relies on that no migration creates yet: made here after the load (IF NOT
# EXISTS, so that they are no-ops once the migration is in; then delete them from this list).
PENDING_INDEXES: tuple[str, ...] = ()  # the sweep's indexes come from migration 0006 now


async def _fill(url: str, n: int, as_of: date, backlog: int) -> None:
    """Loaded without the secondary indexes and foreign-key triggers, which are then rebuilt:
    building an index once is far faster than maintaining it row by row."""
    conn = await _connect(url)
    try:
        indexes = await conn.fetch(
            "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' "
            "AND tablename = ANY($1::text[]) AND indexname LIKE 'ix_%'",
            list(TABLES),
        )
        for ix in indexes:
            await conn.execute(f'DROP INDEX "{ix["indexname"]}"')
        await conn.execute("SET session_replication_role = replica")
        await _load(conn, n, as_of, backlog)
        await conn.execute("SET session_replication_role = DEFAULT")
        await conn.execute("SET maintenance_work_mem = '256MB'")
        for ddl in [ix["indexdef"] for ix in indexes] + list(PENDING_INDEXES):
            await conn.execute(ddl)
        for table in TABLES:
            await conn.execute(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                f"(SELECT COALESCE(max(id), 1) FROM {table}))"
            )
        await conn.execute("VACUUM ANALYZE")
    finally:
        await conn.close()


async def _load(conn: asyncpg.Connection, n: int, as_of: date, backlog: int) -> None:
    for sql in _generate(n):
        t0 = time.perf_counter()
        status = await conn.execute(
            sql.replace(":A", "$1").replace(":B", "$2"), *_args(sql, as_of, backlog)
        )
        _say(f"  {status:<24} {time.perf_counter() - t0:6.1f} s")


def _args(sql: str, as_of: date, backlog: int) -> list[object]:
    return [as_of, backlog] if ":B" in sql else ([as_of] if ":A" in sql else [])


async def _connect(url: str, database: str | None = None) -> asyncpg.Connection:
    u = make_url(url)
    return await asyncpg.connect(
        user=u.username,
        password=u.password,
        host=u.host,
        port=u.port,
        database=database or u.database,
    )


async def _sweep_once(
    engine: AsyncEngine, as_of: date, *, commit: bool
) -> tuple[float, Any, dict[str, list[Any]]]:
    """The sweep in its transaction; the rows it changed (for the floor) are read before the end."""
    async with make_sessionmaker(engine)() as s:
        before = await s.scalar(text("SELECT COALESCE(max(id), 0) FROM event"))
        steps: list[tuple[str, float]] = []
        t0 = time.perf_counter()
        result = await service.run(
            s,
            Job.DAILY,
            as_of,
            "benchmark",
            lambda _d, _t, step: steps.append((step, time.perf_counter())),
        )
        elapsed = time.perf_counter() - t0
        marks = [t0] + [t for _, t in steps]
        STEPS.append({name: (marks[k + 1] - marks[k]) * 1000 for k, (name, _) in enumerate(steps)})
        rows = (
            await s.execute(
                text(
                    "SELECT id, state, closed_on, time_barred_from FROM receivable WHERE id IN "
                    "(SELECT receivable_id FROM event WHERE id > :before) ORDER BY id"
                ),
                {"before": before},
            )
        ).all()
        events = (
            await s.execute(
                text(
                    "SELECT receivable_id, occurred_on, action, from_state, to_state, cause "
                    "FROM event WHERE id > :before ORDER BY id"
                ),
                {"before": before},
            )
        ).all()
        await (s.commit() if commit else s.rollback())
    # The floor writes closed_on = time_barred_from where the sweep closed a receivable: check it.
    assert all(r[2] in (None, r[3]) for r in rows)
    touched: dict[str, list[Any]] = {
        "ids": [r[0] for r in rows],
        "states": [r[1] for r in rows],
        "closing": [r[0] for r in rows if r[2] is not None],
    }
    for k, name in enumerate(("e_ids", "e_days", "e_actions", "e_from", "e_to", "e_causes")):
        touched[name] = [e[k] for e in events]
    return elapsed, result, touched


TARGET = 2.0  # issue 7: sweep <= 2 × floor
STEPS: list[dict[str, float]] = []  # per run: milliseconds of each step of the sweep


def _floor(touched: dict[str, list[Any]]) -> tuple[str, dict[str, list[Any]]]:
    """The floor of issue 7, "one bare UPDATE … WHERE touching the same rows": the rows the sweep
    changed found by their ids, each written as the sweep wrote it (its state, closed_on where
    the sweep closed it, version + 1), so that every row takes the same non-HOT update."""
    targets = sorted(set(touched["states"]))
    params: dict[str, list[Any]] = {"ids": touched["ids"], "closing": touched["closing"]}
    arms = []
    pairs = list(zip(touched["ids"], touched["states"], strict=True))
    for k, state in enumerate(targets):
        params[f"to_{k}"] = [i for i, s in pairs if s == state]
        arms.append(f"WHEN id = ANY(CAST(:to_{k} AS int[])) THEN '{state}'")
    sql = f"""UPDATE receivable
              SET state = CASE {" ".join(arms)} END,
                  closed_on = CASE WHEN id = ANY(CAST(:closing AS int[])) THEN time_barred_from
                                   ELSE closed_on END,
                  version = version + 1
              WHERE id = ANY(CAST(:ids AS int[]))"""
    return sql, params


def _floor_with_events(touched: dict[str, list[Any]]) -> tuple[str, dict[str, list[Any]]]:
    """The floor and, in the same statement, the sweep's events inserted as they are: what the
    rules must write at the least, with nothing to search."""
    floor, params = _floor(touched)
    sql = f"""WITH updated AS ({floor} RETURNING id)
        INSERT INTO event (receivable_id, occurred_on, action, from_state, to_state, cause, actor)
        SELECT e.*, 'benchmark' FROM unnest(CAST(:e_ids AS int[]), CAST(:e_days AS date[]),
            CAST(:e_actions AS varchar[]), CAST(:e_from AS varchar[]), CAST(:e_to AS varchar[]),
            CAST(:e_causes AS varchar[])) AS e"""
    events = ("e_ids", "e_days", "e_actions", "e_from", "e_to", "e_causes")
    return sql, params | {k: touched[k] for k in events}


async def _floor_once(
    engine: AsyncEngine, sql: str, params: dict[str, list[Any]]
) -> tuple[float, int]:
    async with engine.connect() as c:
        await c.begin()
        await c.execute(text("SET LOCAL jit = off"))  # as the sweep (SweepRepository.tune)
        t0 = time.perf_counter()
        n = (await c.execute(text(sql), params)).rowcount
        elapsed = time.perf_counter() - t0
        await c.rollback()
    return elapsed, int(n or 0)


async def _vacuum(url: str) -> None:
    """Between two measurements: the rolled-back rows vacuumed away, and a checkpoint, so that each
    measurement writes the full-page images of the pages it is the first to change, as a nightly
    job does (checkpoint_timeout ≪ a day), and none inherits a checkpoint the previous one
    provoked."""
    conn = await _connect(url)
    await conn.execute("VACUUM ANALYZE")
    await conn.execute("CHECKPOINT")
    await conn.close()


async def _explain(engine: AsyncEngine, as_of: date, backlog: int) -> None:
    """EXPLAIN ANALYZE of every statement of the daily rules, rolled back, as the sweep after the
    generated previous run binds them."""
    since = as_of - timedelta(days=backlog)
    async with engine.connect() as c:
        await c.begin()
        await c.execute(text("SET LOCAL jit = off"))
        for rule in (r for statements in rules("postgresql") for r in statements):
            plan = await c.execute(
                text(f"EXPLAIN (ANALYZE) {pg_statement(rule)}"),
                rule_params(rule, as_of, "benchmark", since),
            )
            _say(f"\n--- {rule.action} from {rule.from_state}\n" + "\n".join(r[0] for r in plan))
        await c.rollback()


async def main(args: argparse.Namespace) -> None:
    name = f"windykacja_bench_{uuid.uuid4().hex[:8]}"
    admin = await _connect(args.url)
    await admin.execute(f'CREATE DATABASE "{name}"')
    url = make_url(args.url).set(database=name).render_as_string(hide_password=False)
    engine = make_engine(url)
    try:
        await asyncio.to_thread(upgrade, url)
        _say(f"{args.receivables:,} receivables as of {args.as_of}, backlog {args.backlog} day(s)")
        t0 = time.perf_counter()
        await _fill(url, args.receivables, args.as_of, args.backlog)
        _say(f"  generated in {time.perf_counter() - t0:.1f} s")
        if args.explain:
            await _explain(engine, args.as_of, args.backlog)
        await _measure(engine, url, args)
    finally:
        await engine.dispose()
        if args.keep:
            _say(f"kept database {name}")
        else:
            await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await admin.close()


async def _measure(engine: AsyncEngine, url: str, args: argparse.Namespace) -> None:
    sweeps: list[float] = []
    floors: list[float] = []
    writes: list[float] = []
    await _vacuum(url)
    # The first run in a process pays once what a server pays at its first requests (imports,
    # statement compilation, the connection's prepared statements): shown, not counted.
    first, _, _ = await _sweep_once(engine, args.as_of, commit=False)
    STEPS.clear()
    _say(f"first run in this process (not counted): {first * 1000:.1f} ms")
    await _vacuum(url)
    for _ in range(args.rounds):
        elapsed, result, touched = await _sweep_once(engine, args.as_of, commit=False)
        sweeps.append(elapsed)
        await _vacuum(url)
        floor, n = await _floor_once(engine, *_floor(touched))
        assert n == len(touched["ids"]), (n, len(touched["ids"]))
        floors.append(floor)
        await _vacuum(url)
        both, n = await _floor_once(engine, *_floor_with_events(touched))
        assert n == len(touched["e_ids"]), (n, len(touched["e_ids"]))
        writes.append(both)
        await _vacuum(url)
    _say(f"rows changed: {result.rows_changed:,} ({result.details})")
    _say(
        f"sweep: best {min(sweeps) * 1000:8.1f} ms, median {median(sweeps) * 1000:8.1f} ms"
        f"   (rounds: {_ms(sweeps)})"
    )
    best = STEPS[sweeps.index(min(sweeps))]
    _say("  steps of the best run (ms): " + ", ".join(f"{k} {v:.1f}" for k, v in best.items()))
    _say(
        f"floor: best {min(floors) * 1000:8.1f} ms, median {median(floors) * 1000:8.1f} ms"
        f"   (rounds: {_ms(floors)})"
    )
    _say(
        f"floor with the events: best {min(writes) * 1000:8.1f} ms, median "
        f"{median(writes) * 1000:8.1f} ms   (rounds: {_ms(writes)}); "
        f"{median(writes) / median(floors):.2f} x floor (median)"
    )
    best_ratio, median_ratio = min(sweeps) / min(floors), median(sweeps) / median(floors)
    # Each round's sweep over the floor measured right after it: the drift of a shared box
    # (another process, the page cache) cancels out of the pair.
    paired = median(s / f for s, f in zip(sweeps, floors, strict=True))
    _say(
        f"sweep / floor = {best_ratio:.2f} (best), {median_ratio:.2f} (medians), {paired:.2f} "
        f"(median of the rounds' ratios); target <= {TARGET:g}"
    )
    met = (
        "met"
        if max(median_ratio, paired) <= TARGET
        else ("met by the best round only" if best_ratio <= TARGET else "NOT met")
    )
    _say(f"target (issue 7, sweep <= {TARGET:g} x floor, both medians): {met}")
    await _sweep_once(engine, args.as_of, commit=True)
    again, result, _ = await _sweep_once(engine, args.as_of, commit=True)
    _say(f"the same day again: {result.rows_changed} rows changed in {again * 1000:.1f} ms")
    for job, day in ((Job.ARCHIVE, args.as_of), (Job.YEAR_END, date(args.as_of.year - 1, 12, 31))):
        async with make_sessionmaker(engine)() as s:
            t0 = time.perf_counter()
            done = await service.run(s, job, day, "benchmark")
            elapsed = time.perf_counter() - t0
            await s.rollback()
        _say(f"{job.value} as of {day}: {elapsed * 1000:.1f} ms ({done.details})")


def _say(text: str) -> None:
    sys.stdout.write(text + "\n")
    sys.stdout.flush()


def _ms(values: list[float]) -> str:
    return ", ".join(f"{v * 1000:.1f}" for v in values)


if __name__ == "__main__":
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--receivables", type=int, default=1_000_000)
    p.add_argument("--backlog", type=int, default=1, help="days since the last sweep")
    p.add_argument("--as-of", type=date.fromisoformat, default=date(2026, 6, 15))
    p.add_argument("--rounds", type=int, default=15)
    p.add_argument("--url", default="postgresql+asyncpg://postgres@127.0.0.1:5432/postgres")
    p.add_argument("--explain", action="store_true", help="print EXPLAIN ANALYZE of each rule")
    p.add_argument("--keep", action="store_true", help="keep the database (prints its name)")
    asyncio.run(main(p.parse_args()))
