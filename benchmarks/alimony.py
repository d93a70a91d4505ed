"""Benchmark: the art. 30 ust. 1 write-off pass (AlimonyRepository.effective_runs, gaps and islands
in SQL) over N alimony debtors × M months of awards and recoveries, on PostgreSQL.

    .venv/bin/python benchmarks/alimony.py                     # 300 000 debtors × 84 months
    .venv/bin/python benchmarks/alimony.py --debtors 20000 --keep
    .venv/bin/python benchmarks/alimony.py --database windykacja_bench_…   # time again

Creates a fresh database next to the one in --url, migrates it (Alembic, as the app does), fills it
with INSERT … SELECT over generate_series, ANALYZEs, times the pass (the same repository call the
`GET /api/v1/alimony/write-off-eligibility` endpoint makes for its candidate set) and drops the
database again unless --keep.

The data are deterministic, by debtor number d (as_of 2026-11-23, last complete month 2026-10):
- every debtor: alimony of 500.00 zł from the first month; d % 10 = 3 also a raise to 600.00 from
  the 15th of the middle month (counts from the month after);
- recoveries on the 10th of every month, 600.00 zł, except: d % 10 in (6, 7) miss the month
  d % M; d % 10 = 8 pays 250.00 (never effective); d % 10 = 9 pays two halves of 300.00 (the 5th
  and the 20th), which add up in the month.
So the runs cover every length 0 … M and every step.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import time
import uuid
from collections import Counter
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import asyncpg  # noqa: E402
from sqlalchemy import text  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402

from app.alimony.repository import AlimonyRepository  # noqa: E402
from app.db import make_engine, make_sessionmaker  # noqa: E402
from app.domain.alimony import ART_30_STEPS, Month, last_complete_month  # noqa: E402
from app.migrations import upgrade  # noqa: E402

AS_OF = date(2026, 11, 23)
FK = "fk_alimony_recovery_debtor_id_debtor"
UQ = "uq_alimony_recovery_debtor_id_reference"
IX = "ix_alimony_recovery_debtor_month"


async def _admin(url: str) -> asyncpg.Connection:
    u = make_url(url)
    return await asyncpg.connect(
        user=u.username, password=u.password, host=u.host, port=u.port, database=u.database
    )


async def create_database(url: str) -> str:
    name = f"windykacja_bench_{uuid.uuid4().hex[:10]}"
    conn = await _admin(url)
    await conn.execute(f'CREATE DATABASE "{name}"')
    await conn.close()
    return make_url(url).set(database=name).render_as_string(hide_password=False)


async def drop_database(url: str, admin_url: str) -> None:
    conn = await _admin(admin_url)
    await conn.execute(f'DROP DATABASE IF EXISTS "{make_url(url).database}" WITH (FORCE)')
    await conn.close()


def fill_sql(debtors: int, months: int) -> list[str]:
    first = last_complete_month(AS_OF).plus(1 - months)
    start = first.first_day.isoformat()
    raise_on = first.plus(months // 2).first_day.replace(day=15).isoformat()
    month = f"(date '{start}' + make_interval(months => m))"
    # Month-major, as recoveries arrive over time; LATERAL keeps the months outside.
    grid = (
        f"generate_series(0, {months - 1}) AS m"
        f" CROSS JOIN LATERAL generate_series(1, {debtors}) AS d"
    )
    return [
        f"INSERT INTO debtor (name) SELECT 'Dłużnik alimentacyjny ' || d"
        f" FROM generate_series(1, {debtors}) AS d",
        f"INSERT INTO alimony_award (debtor_id, entitled_name, valid_from, monthly_amount)"
        f" SELECT d, '', date '{start}', 50000 FROM generate_series(1, {debtors}) AS d",
        f"INSERT INTO alimony_award (debtor_id, entitled_name, valid_from, monthly_amount)"
        f" SELECT d, '', date '{raise_on}', 60000 FROM generate_series(1, {debtors}) AS d"
        f" WHERE d % 10 = 3",
        # Bulk load: the constraints and the index are built once afterwards, as a restore would.
        f"ALTER TABLE alimony_recovery DROP CONSTRAINT {FK}",
        f"ALTER TABLE alimony_recovery DROP CONSTRAINT {UQ}",
        f"DROP INDEX {IX}",
        f"INSERT INTO alimony_recovery (debtor_id, received_on, received_month, amount, source)"
        f" SELECT d, ({month} + interval '9 days')::date, {first.index} + m,"
        f" CASE WHEN d % 10 = 8 THEN 25000 ELSE 60000 END, 'egzekucja_sadowa'"
        f" FROM {grid} WHERE d % 10 <> 9 AND NOT (d % 10 IN (6, 7) AND m = d % {months})",
        f"INSERT INTO alimony_recovery (debtor_id, received_on, received_month, amount, source)"
        f" SELECT d, ({month} + make_interval(days => h))::date, {first.index} + m, 30000,"
        f" 'egzekucja_sadowa'"
        f" FROM {grid} CROSS JOIN (VALUES (4), (19)) AS half(h) WHERE d % 10 = 9",
        f"CREATE INDEX {IX} ON alimony_recovery (debtor_id, received_month, amount)",
        f"ALTER TABLE alimony_recovery ADD CONSTRAINT {UQ} UNIQUE (debtor_id, reference)",
        f"ALTER TABLE alimony_recovery ADD CONSTRAINT {FK} FOREIGN KEY (debtor_id)"
        f" REFERENCES debtor (id)",
        "VACUUM ANALYZE",
    ]


async def fill(url: str, debtors: int, months: int) -> None:
    conn = await asyncpg.connect(url.replace("postgresql+asyncpg", "postgresql"))
    for sql in fill_sql(debtors, months):
        started = time.perf_counter()
        status = await conn.execute(sql)
        print(f"  {status:<28} {time.perf_counter() - started:7.1f} s", flush=True)  # noqa: T201
    await conn.close()


def _cpu_seconds(pid: int) -> float | None:
    """The PostgreSQL backend's CPU time (user + system) when the server runs on this machine:
    on a shared machine the wall time also counts other people's processes."""
    stat = Path(f"/proc/{pid}/stat")
    if not stat.exists():
        return None
    fields = stat.read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


async def eligibility_pass(url: str) -> tuple[float, float | None, list[tuple[int, int]]]:
    engine = make_engine(url)
    async with make_sessionmaker(engine)() as session:
        pid = int(await session.scalar(text("SELECT pg_backend_pid()")) or 0)
        repo = AlimonyRepository(session)
        cpu = _cpu_seconds(pid)
        started = time.perf_counter()
        runs = await repo.effective_runs(
            last_month=last_complete_month(AS_OF).index,
            month_start=Month.of(AS_OF).first_day,
            min_months=min(s.months for s in ART_30_STEPS),
        )
        elapsed = time.perf_counter() - started
        after = _cpu_seconds(pid)
    await engine.dispose()
    return elapsed, (after - cpu if cpu is not None and after is not None else None), runs


def step_of(months: int) -> int:
    return max(s.percent for s in ART_30_STEPS if s.months <= months)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default="postgresql+asyncpg://postgres@127.0.0.1:5432/postgres")
    parser.add_argument("--debtors", type=int, default=300_000)
    parser.add_argument("--months", type=int, default=84)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--keep", action="store_true", help="do not drop the database")
    parser.add_argument("--database", help="time the pass on a database kept with --keep")
    args = parser.parse_args()
    if args.database:  # a database kept by an earlier --keep run: time the pass only
        url = make_url(args.url).set(database=args.database).render_as_string(hide_password=False)
        args.keep = True
    else:
        url = asyncio.run(create_database(args.url))
    try:
        if not args.database:
            print(f"database {make_url(url).database}: migrating", flush=True)  # noqa: T201
            upgrade(url)
            print(f"filling {args.debtors} debtors × {args.months} months", flush=True)  # noqa: T201
            asyncio.run(fill(url, args.debtors, args.months))
        for n in range(args.repeat):
            elapsed, cpu, runs = asyncio.run(eligibility_pass(url))
            steps = Counter(step_of(m) for _, m in runs)
            used = f" (backend CPU {cpu:.2f} s)" if cpu is not None else ""
            print(  # noqa: T201
                f"pass {n + 1}: {elapsed:.2f} s{used}, {len(runs)} candidates"
                f" (30 %: {steps[30]}, 50 %: {steps[50]}, 100 %: {steps[100]})",
                flush=True,
            )
    finally:
        if not args.keep:
            asyncio.run(drop_database(url, args.url))


if __name__ == "__main__":
    main()
