"""`windykacja import PATH [--dry-run]` and `windykacja export DIR [--xlsx]` (issue 21). PATH is a
directory of the CSV sheets, one ZIP of them, or one XLSX workbook; --xlsx exports one workbook.
The import runs in one transaction: errors are listed on stderr, exit code 1, nothing written;
--dry-run prints the report and writes nothing."""

from __future__ import annotations

import argparse
import asyncio
import sys
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from sqlalchemy.ext.asyncio import AsyncEngine

from app.clock import warsaw_today
from app.config import Settings
from app.db import make_engine, make_sessionmaker, session_scope
from app.errors import AppError
from app.imports import export, service
from app.imports.schemas import report_lines
from app.imports.sources import Source
from app.migrations import upgrade
from app.unit.setup import first_start


def add_parsers(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    imp = sub.add_parser(
        "import", help="przeniesienie portfela z poprzedniego systemu (arkusze CSV albo XLSX)"
    )
    imp.add_argument(
        "path", type=Path, help="katalog z arkuszami CSV, archiwum ZIP albo skoroszyt XLSX"
    )
    imp.add_argument("--dry-run", action="store_true", help="tylko sprawdź i pokaż raport")
    exp = sub.add_parser("export", help="cały portfel do katalogu, w arkuszach importu")
    exp.add_argument("directory", type=Path)
    exp.add_argument("--xlsx", action="store_true", help="jeden skoroszyt portfel.xlsx w katalogu")


class _Bar:
    """One line on stderr, rewritten: the step and the rows done, at most ten times a second."""

    def __init__(self) -> None:
        self.last = 0.0

    def __call__(self, step: str, done: int) -> None:
        now = time.monotonic()
        if now - self.last >= 0.1:
            self.last = now
            sys.stderr.write(f"\r{step}: {done} wierszy".ljust(60))
            sys.stderr.flush()

    def end(self) -> None:
        if self.last:
            sys.stderr.write("\n")


async def run(args: argparse.Namespace, settings: Settings) -> int:
    await asyncio.to_thread(upgrade, settings.database_url)
    engine = make_engine(settings.database_url)
    try:
        if args.command == "export":
            return await _export(engine, args.directory, xlsx=args.xlsx)
        # As `serve` does on the first start: the unit and its default authority, which the
        # titles sheet names, exist before anything moves in.
        async with session_scope(make_sessionmaker(engine)) as session:
            await first_start(session, settings)
        return await _import(engine, args.path, dry_run=args.dry_run)
    except AppError as exc:
        sys.stderr.write(f"{exc.detail}\n")
        return 1
    finally:
        await engine.dispose()


async def _import(engine: AsyncEngine, path: Path, *, dry_run: bool) -> int:
    bar = _Bar()
    try:
        async with session_scope(make_sessionmaker(engine)) as session, _source(path) as source:
            report = await service.run(
                session, source, path.name, warsaw_today(), dry_run=dry_run, progress=bar
            )
            if not report.ok:
                raise _Refused(report)
    except _Refused as refused:
        bar.end()
        sys.stderr.write("\n".join(report_lines(refused.report)) + "\n")
        return 1
    bar.end()
    sys.stdout.write("\n".join(report_lines(report)) + "\n")
    return 0


@asynccontextmanager
async def _source(path: Path) -> AsyncIterator[Source]:
    with Source(path) as source:
        yield source


class _Refused(Exception):
    """Leaves session_scope with a rollback: an import with errors writes nothing."""

    def __init__(self, report: service.Report) -> None:
        self.report = report


async def _export(engine: AsyncEngine, directory: Path, *, xlsx: bool = False) -> int:
    async with session_scope(make_sessionmaker(engine)) as session:
        if xlsx:
            directory.mkdir(parents=True, exist_ok=True)
            workbook = directory / "portfel.xlsx"
            counts = await export.to_xlsx(session, workbook, warsaw_today())
            for name, n in counts.items():
                sys.stdout.write(f"{workbook} [{name}]: {n} wierszy\n")
            return 0
        counts = await export.to_directory(session, directory, warsaw_today())
    for name, n in counts.items():
        sys.stdout.write(f"{directory / (name + '.csv')}: {n} wierszy\n")
    return 0
