"""Benchmark: a unit's portfolio moving in (issue 21 item 5): N receivables with 3 payments each
(100 000 and 300 000 by default), a delivered demand each, a debtor per two receivables, written
as CSV sheets and imported (`windykacja import` without the bar) into a fresh database; prints
the time of the dry run and of the import, and the peak memory of the process.

    .venv/bin/python benchmarks/import_portfolio.py                      # PostgreSQL, 100 000
    .venv/bin/python benchmarks/import_portfolio.py --receivables 2000 --sqlite
    .venv/bin/python benchmarks/import_portfolio.py --keep               # keep the database
    .venv/bin/python benchmarks/import_portfolio.py --xlsx               # one XLSX workbook

Memory should stay flat as N grows (the rows are streamed; only keys and ids are kept): compare
the peak at two sizes. The data are deterministic by receivable number n (as of 2026-11-23).
"""

from __future__ import annotations

import argparse
import asyncio
import csv
import resource
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from openpyxl import Workbook  # type: ignore[import-untyped]  # noqa: E402

from app.config import Settings  # noqa: E402
from app.db import make_engine, make_sessionmaker, session_scope  # noqa: E402
from app.domain.portfolio_sheets import SHEET  # noqa: E402
from app.imports import service  # noqa: E402
from app.imports.sources import Source  # noqa: E402
from app.migrations import upgrade  # noqa: E402
from app.unit.setup import first_start  # noqa: E402
from benchmarks.alimony import create_database, drop_database  # noqa: E402

AS_OF = date(2026, 11, 23)
START = date(2023, 1, 2)


def _writer(directory: Path, name: str, header: str) -> tuple[object, csv.DictWriter[str]]:
    f = (directory / f"{name}.csv").open("w", encoding="utf-8", newline="")
    w = csv.DictWriter(f, header.split(";"), delimiter=";")
    w.writeheader()
    return f, w


def write_portfolio(directory: Path, receivables: int) -> None:
    """Streamed to disk, row by row."""
    files = []
    f, debtors = _writer(directory, "dluznicy", "klucz;nazwa;ulica;kod_pocztowy;miejscowosc")
    files.append(f)
    for d in range(1, receivables // 2 + 2):
        debtors.writerow(
            {
                "klucz": f"D{d}",
                "nazwa": f"Zobowiązany {d}",
                "ulica": f"ul. Długa {d}",
                "kod_pocztowy": "87-800",
                "miejscowosc": "Włocławek",
            }
        )
    f, recs = _writer(
        directory, "naleznosci", "klucz;klucz_dluznika;rodzaj;tytul;kwota;data_wystawienia"
    )
    files.append(f)
    g, docs = _writer(
        directory,
        "dokumenty",
        "klucz;klucz_naleznosci;rodzaj;numer;data_wystawienia;data_doreczenia",
    )
    files.append(g)
    h, pays = _writer(directory, "wplaty", "klucz;klucz_naleznosci;data;kwota")
    files.append(h)
    per_year: dict[int, int] = {}
    for n in range(1, receivables + 1):
        issued = START + timedelta(days=n % 1300)
        recs.writerow(
            {
                "klucz": f"N{n}",
                "klucz_dluznika": f"D{n // 2 + 1}",
                "rodzaj": "oplata_pobyt",
                "tytul": f"Pobyt {n}",
                "kwota": f"{100 + n % 900}.{n % 100:02d}",
                "data_wystawienia": issued.isoformat(),
            }
        )
        seq = per_year[issued.year] = per_year.get(issued.year, 0) + 1
        docs.writerow(
            {
                "klucz": f"K{n}",
                "klucz_naleznosci": f"N{n}",
                "rodzaj": "wezwanie",
                "numer": f"WZ/{seq}/{issued.year}",
                "data_wystawienia": issued.isoformat(),
                "data_doreczenia": (issued + timedelta(days=5)).isoformat(),
            }
        )
        for p in range(3):
            pays.writerow(
                {
                    "klucz": f"W{n}-{p}",
                    "klucz_naleznosci": f"N{n}",
                    "data": min(issued + timedelta(days=30 * (p + 1)), AS_OF).isoformat(),
                    "kwota": f"{10 + p}.00",
                }
            )
    for f in files:
        f.close()  # type: ignore[attr-defined]


def to_workbook(directory: Path) -> Path:
    """The same sheets as one workbook, as a spreadsheet holds them: amounts as number cells,
    dates as date cells (write-only, row by row)."""
    wb = Workbook(write_only=True)
    for path in sorted(directory.glob("*.csv")):
        ws = wb.create_sheet(path.stem)
        kinds = {c.name: c.kind for c in SHEET[path.stem].columns}
        with path.open(encoding="utf-8", newline="") as f:
            reader = csv.reader(f, delimiter=";")
            header = next(reader)
            ws.append(header)
            for row in reader:
                ws.append([_cell(kinds[h], v) for h, v in zip(header, row, strict=True)])
    workbook = directory.parent / "portfel.xlsx"
    wb.save(workbook)
    return workbook


def _cell(kind: str, text: str) -> object:
    if not text:
        return None
    if kind in ("amount", "amount0"):
        return float(text)
    if kind in ("date", "term"):
        return date.fromisoformat(text)
    return text


async def run_import(url: str, directory: Path, *, dry_run: bool) -> tuple[float, service.Report]:
    engine = make_engine(url)
    try:
        async with session_scope(make_sessionmaker(engine)) as session:
            await first_start(session, Settings(environment="test", database_url=url))
            start = time.perf_counter()
            with Source(directory) as source:
                report = await service.run(session, source, "bench", AS_OF, dry_run=dry_run)
            return time.perf_counter() - start, report
    finally:
        await engine.dispose()


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: kB


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default="postgresql+asyncpg://postgres@127.0.0.1:5432/postgres")
    parser.add_argument("--sqlite", action="store_true", help="a SQLite file instead")
    parser.add_argument("--receivables", type=int, default=100_000)
    parser.add_argument("--keep", action="store_true", help="do not drop the database")
    parser.add_argument("--xlsx", action="store_true", help="import one XLSX workbook instead")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        directory = Path(tmp) / "arkusze"
        directory.mkdir()
        t0 = time.perf_counter()
        write_portfolio(directory, args.receivables)
        print(f"sheets written: {time.perf_counter() - t0:.1f} s, peak {peak_mb():.0f} MB")  # noqa: T201
        source = directory
        if args.xlsx:
            t0 = time.perf_counter()
            source = to_workbook(directory)
            print(f"workbook written: {time.perf_counter() - t0:.1f} s, peak {peak_mb():.0f} MB")  # noqa: T201
        url = (
            f"sqlite+aiosqlite:///{tmp}/bench.db"
            if args.sqlite
            else asyncio.run(create_database(args.url))
        )
        try:
            upgrade(url)
            for dry_run in (True, False):
                took, report = asyncio.run(run_import(url, source, dry_run=dry_run))
                assert report.ok, [i.text() for i in report.errors[:5]]
                f = report.figures
                assert f is not None
                print(  # noqa: T201
                    f"{'dry run' if dry_run else 'import '}: {args.receivables} receivables, "
                    f"{report.created.get('wplaty', 0)} payments: {took:.1f} s, "
                    f"peak memory {peak_mb():.0f} MB, balance {f.balance / 100:.2f}, "
                    f"states {dict(f.states)}"
                )
        finally:
            if not args.sqlite and not args.keep:
                asyncio.run(drop_database(url, args.url))
            elif args.keep:
                print(f"kept: {url}")  # noqa: T201


if __name__ == "__main__":
    main()
