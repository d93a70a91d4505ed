"""`windykacja rates import FILE`: the NBP archive file into the rate table (issue 16 item 2)."""

from __future__ import annotations

import argparse
import asyncio
import sys
from pathlib import Path

from app.clock import warsaw_today
from app.db import make_engine, make_sessionmaker, session_scope
from app.errors import AppError
from app.migrations import upgrade
from app.parameters import service
from app.parameters.nbp import MAX_BYTES

ACTOR = "cli"


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    rates = sub.add_parser("rates", help="stopy procentowe: import archiwum NBP")
    what = rates.add_subparsers(dest="rates_command", required=True)
    imp = what.add_parser(
        "import",
        help="dodaj brakujące stopy z pliku archiwum NBP (stopy_procentowe_archiwum.xml)",
    )
    imp.add_argument("file", help="plik XML w formacie archiwum stóp procentowych NBP")


async def run(args: argparse.Namespace, database_url: str) -> int:
    path = Path(args.file)
    try:
        with path.open("rb") as f:
            content = f.read(MAX_BYTES + 1)
    except FileNotFoundError:
        sys.stderr.write(f"Nie ma pliku {path}\n")
        return 2
    except OSError:
        sys.stderr.write(f"Nie można odczytać pliku {path} (uprawnienia albo to nie plik)\n")
        return 2
    await asyncio.to_thread(upgrade, database_url)
    engine = make_engine(database_url)
    try:
        async with session_scope(make_sessionmaker(engine)) as session:
            result = await service.import_archive(
                session, content, path.name, ACTOR, warsaw_today()
            )
    except AppError as exc:
        sys.stderr.write(f"{exc.detail}\n")
        return 2
    finally:
        await engine.dispose()
    sys.stdout.write(result.summary + "\n")
    return 1 if result.plan.conflicts else 0
