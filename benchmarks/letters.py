"""Benchmark: reminders (upomnienia) printed as one batch PDF.

    .venv/bin/python benchmarks/letters.py                 # 1,000 and 3,000 reminders
    .venv/bin/python benchmarks/letters.py 1000 5000       # other sizes
    .venv/bin/python benchmarks/letters.py --tracemalloc   # also the Python heap peak (slower)
    .venv/bin/python benchmarks/letters.py --check         # exit 1 if 1,000 take over 10 s

Each size runs in a fresh process so that its peak RSS (resource.getrusage ru_maxrss) is its own.
Target: 1,000 reminders in at most 10 s, and a peak memory that does not grow with the batch size
(the batch is streamed: letters/batch.py, letters/pdfstream.py). Times are wall clock and CPU; on a
shared machine the CPU time is the steadier figure."""

from __future__ import annotations

import os
import sys
from pathlib import Path

# Run as a script, this file's folder comes first on sys.path and this module, also called
# "letters", would hide the letters package: put the project root there instead.
ROOT = Path(__file__).resolve().parents[1]
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != ROOT / "benchmarks"]
sys.path.insert(0, str(ROOT))

import argparse  # noqa: E402
import resource  # noqa: E402
import subprocess  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
import tracemalloc  # noqa: E402
from collections.abc import Iterator  # noqa: E402
from dataclasses import replace  # noqa: E402

TARGET_SECONDS = 10.0


def say(line: str) -> None:
    sys.stdout.write(line + "\n")


def reminders(n: int) -> Iterator[object]:
    """n distinct reminders (numbers, names, amounts differ), generated lazily."""
    from tests.letters import samples

    base = samples.UPOMNIENIE
    for i in range(1, n + 1):
        debtor = replace(
            base.debtor,
            name=f"Dłużnik {i} {samples.POLISH}",
            pesel=None if i % 3 else base.debtor.pesel,
        )
        receivable = replace(
            base.receivable,
            principal=10_000 + 37 * i,
            interest_amount=i % 900,
            reference=f"CW/{i}/2026",
        )
        yield replace(base, number=f"UP/{i}/2026", debtor=debtor, receivable=receivable)


def run_one(n: int, with_tracemalloc: bool) -> None:
    """Child process: print one result line (key=value …)."""
    from pypdf import PdfReader

    from letters import render_reminder_batch

    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "batch.pdf"
        if with_tracemalloc:
            tracemalloc.start()
        wall, cpu = time.perf_counter(), time.process_time()
        with target.open("wb") as out:
            count = render_reminder_batch(reminders(n), out)
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        heap = tracemalloc.get_traced_memory()[1] / 2**20 if with_tracemalloc else float("nan")
        tracemalloc.stop()
        # the high-water mark now, before the check below reads the whole PDF back into memory
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kB on Linux
        pages = len(PdfReader(target).pages)
        size = target.stat().st_size / 2**20
    say(
        f"n={count} wall={wall:.2f} cpu={cpu:.2f} rss={peak:.1f} heap={heap:.1f}"
        f" pages={pages} size={size:.1f}"
    )


def measure(n: int, with_tracemalloc: bool) -> dict[str, float]:
    args = [sys.executable, __file__, "--one", str(n)] + (
        ["--tracemalloc"] if with_tracemalloc else []
    )
    line = (
        subprocess.run(args, check=True, capture_output=True, text=True, cwd=ROOT)
        .stdout.strip()
        .splitlines()[-1]
    )
    return {key: float(value) for key, value in (part.split("=") for part in line.split())}


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("sizes", nargs="*", type=int, default=[1000, 3000])
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    parser.add_argument(
        "--tracemalloc", action="store_true", help="also measure the Python heap peak"
    )
    parser.add_argument(
        "--check", action="store_true", help="exit 1 when 1,000 reminders take over 10 s"
    )
    args = parser.parse_args()
    if args.one:
        run_one(args.one, args.tracemalloc)
        return 0
    say(
        f"python {sys.version.split()[0]}, {os.cpu_count()} CPU,"
        f" reportlab C accelerator: {_accelerated()}"
    )
    say(
        f"{'reminders':>9} {'pages':>6} {'wall s':>7} {'cpu s':>6} {'ms/rem':>7}"
        f" {'peak RSS MB':>12} {'heap peak MB':>13} {'PDF MB':>7}"
    )
    results = {}
    for n in args.sizes:
        r = results[n] = measure(n, args.tracemalloc)
        say(
            f"{n:>9} {r['pages']:>6.0f} {r['wall']:>7.2f} {r['cpu']:>6.2f}"
            f" {1000 * r['wall'] / n:>7.2f} {r['rss']:>12.1f} {r['heap']:>13.1f} {r['size']:>7.1f}"
        )
    smallest = min(results)
    per_thousand = results[smallest]["wall"] / smallest * 1000
    say(f"1,000 reminders ≈ {per_thousand:.1f} s wall (target ≤ {TARGET_SECONDS:.0f} s)")
    return 1 if args.check and per_thousand > TARGET_SECONDS else 0


def _accelerated() -> bool:
    from reportlab.lib import rl_accel

    return not rl_accel.fp_str.__name__.startswith("_py")


if __name__ == "__main__":
    raise SystemExit(main())
