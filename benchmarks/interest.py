"""Benchmark: balances as of one date for N receivables (default 1 000 000), up to 10 payments each,
over ten years of rate changes (the seeded history 2016-2026).

    .venv/bin/python benchmarks/interest.py --n 100000 --workers 2

Facts are synthetic and deterministic (random.Random per chunk, seeded from --seed and the chunk
number), generated inside the workers chunk by chunk. Timed separately: generating the facts,
compute_balance over them (detail=False, as a sweep calls it, and optionally with the breakdown),
and a bare loop that only sums the principals of the same facts, each as CPU time of the worker
(time.process_time: on a shared machine wall time also counts other people's processes). The ratio
engine / bare loop is printed with the wall time of the whole run.
"""

from __future__ import annotations

import argparse
import importlib.util
import random
import sys
import time
from dataclasses import replace
from datetime import date, timedelta
from multiprocessing import get_context
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app.domain.balance import CostFact, PaymentFact, Tranche, compute_balance  # noqa: E402
from app.domain.kinds import (  # noqa: E402
    AllocationRule,
    InterestRegime,
    InterestStart,
    KindRules,
    LimitationRule,
)
from app.domain.parameters import ParameterCode, ParameterRow, ParameterTable  # noqa: E402

AS_OF = date(2026, 11, 23)
FIRST = date(2016, 1, 1)
CHUNK = 10_000
MIGRATION = ROOT / "alembic" / "versions" / "2026-11-23-0930_parameters_seed.py"

OP_KIND = KindRules(
    "oplata_pobyt", "opłata za pobyt", "seed 003", InterestRegime.ODSETKI_ZA_ZWLOKE,
    InterestStart.DAY_AFTER_DUE, AllocationRule.OP_PROPORTIONAL, 14, 7,
    LimitationRule.YEARS_FROM_TERM, 3, True,
)  # fmt: skip
KC_KIND = replace(
    OP_KIND,
    code="fundusz_alimentacyjny",
    interest_regime=InterestRegime.ODSETKI_USTAWOWE_ZA_OPOZNIENIE,
    interest_start=InterestStart.DAY_AFTER_PAYOUT,
    allocation_rule=AllocationRule.ART_28,
    limitation_rule=LimitationRule.NONE,
    limitation_years=None,
)

Facts = tuple[KindRules, list[Tranche], list[PaymentFact], list[CostFact], date]


def tables() -> dict[str, ParameterTable]:
    spec = importlib.util.spec_from_file_location("parameters_seed", MIGRATION)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    rows = [ParameterRow(r["code"], r["valid_from"], r["value"]) for r in module.ROWS]
    codes = (ParameterCode.ODSETKI_ZA_ZWLOKE, ParameterCode.ODSETKI_USTAWOWE_ZA_OPOZNIENIE)
    return {c.value: ParameterTable.of(c.value, rows) for c in (*codes, ParameterCode.PROG_ODSETEK)}


DAYS = [FIRST + timedelta(days=n) for n in range((AS_OF - FIRST).days + 1)]


def synthetic(rng: random.Random) -> Facts:
    """One receivable: 60 % stay fees (one tranche, half of them with a reminder), 40 %
    alimony-fund receivables (1-6 monthly payouts); 0-10 payments between the first tranche and
    as_of, each up to a third of the principal (so some receivables end overpaid)."""
    r = rng.random
    start = int(r() * (len(DAYS) - 60))
    if r() < 0.6:
        kind, tranches = OP_KIND, [Tranche(DAYS[start], 5_000 + int(r() * 495_000))]
        costs = [CostFact(DAYS[start + 30], 1_600)] if r() < 0.5 else []
    else:
        kind, costs = KC_KIND, []
        count = min(1 + int(r() * 6), (len(DAYS) - 1 - start) // 30 + 1)
        tranches = [
            Tranche(DAYS[start + 30 * k], 20_000 + int(r() * 130_000)) for k in range(count)
        ]
    room = len(DAYS) - start
    third = sum(t.amount for t in tranches) // 3 + 1
    payments = [
        PaymentFact(DAYS[start + int(r() * room)], 1 + int(r() * third))
        for _ in range(int(r() * 11))
    ]
    return kind, tranches, payments, costs, DAYS[start] - timedelta(days=1)


def work(job: tuple[int, int, int, bool]) -> tuple[int, float, float, float, int, int]:
    """One chunk: (count, generate s, engine s, bare loop s, Σ balances, Σ principals)."""
    chunk, size, seed, detail = job
    rates = tables()
    threshold = rates[ParameterCode.PROG_ODSETEK.value]
    t0 = time.process_time()
    rng = random.Random(f"{seed}:{chunk}")
    facts = [synthetic(rng) for _ in range(size)]
    t1 = time.process_time()
    total_balance = 0
    for kind, tranches, payments, costs, term in facts:
        result = compute_balance(
            kind, tranches, payments, costs, rates[kind.interest_regime.value], threshold, AS_OF,
            term_ended_on=term, detail=detail,
        )  # fmt: skip
        total_balance += result.balance
    t2 = time.process_time()
    total_principal = 0
    for _, tranches, _, _, _ in facts:
        for tranche in tranches:
            total_principal += tranche.amount
    t3 = time.process_time()
    return size, t1 - t0, t2 - t1, t3 - t2, total_balance, total_principal


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1_000_000, help="number of receivables")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--seed", type=int, default=20261123)
    parser.add_argument("--detail", action="store_true", help="also build the rate breakdown")
    args = parser.parse_args()
    jobs = [
        (i, min(CHUNK, args.n - i * CHUNK), args.seed, args.detail)
        for i in range((args.n + CHUNK - 1) // CHUNK)
    ]
    wall = time.perf_counter()
    with get_context("fork").Pool(args.workers) as pool:
        parts = pool.map(work, jobs, chunksize=1)
    wall = time.perf_counter() - wall
    count = sum(p[0] for p in parts)
    gen, engine, bare = (sum(p[i] for p in parts) for i in (1, 2, 3))
    w = args.workers
    say(f"receivables        {count:,}  (workers {w}, detail={args.detail})")
    say(f"wall time          {wall:8.2f} s  (generation + engine + bare loop)")
    say(
        f"engine             {engine / w:8.2f} s CPU per worker, {engine / count * 1e6:.1f} µs each"
    )
    say(f"generation         {gen / w:8.2f} s CPU per worker")
    say(f"bare loop          {bare / w:8.3f} s CPU per worker")
    say(f"ratio engine/bare  {engine / bare:8.0f} ×")
    say(f"Σ balance {sum(p[4] for p in parts):,} gr; Σ principal {sum(p[5] for p in parts):,} gr")


def say(line: str) -> None:
    sys.stdout.write(line + "\n")


if __name__ == "__main__":
    main()
