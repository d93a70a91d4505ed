"""`windykacja backup [DIR]` and `windykacja restore FILE [--force]`: one line of Polish on
stdout for what was done, on stderr for a refusal (exit code 1, nothing changed).

A copy by hand is recorded as the nightly ones are (sweep_run, job "backup"), so the scheduler
page shows it, and deletes no older copy. The database is neither migrated before a copy (it is
copied as it is: the copy to keep before an upgrade) nor after a restore (`serve` does that)."""

from __future__ import annotations

import argparse
import sys
from datetime import datetime
from pathlib import Path

from sqlalchemy.exc import DBAPIError

from app.backup import restore, service
from app.backup.service import Plan, size_text
from app.clock import WARSAW
from app.config import Settings
from app.db import make_engine, make_sessionmaker, session_scope
from app.errors import AppError

CLI = "cli"


async def run(args: argparse.Namespace, settings: Settings) -> int:
    try:
        if args.command == "backup":
            lines = await _backup(Plan.of(settings, args.directory))
        else:
            done = await restore.restore(
                Plan.of(settings), Path(args.file), force=args.force, now=datetime.now(WARSAW)
            )
            lines = done.report()
    except AppError as exc:
        sys.stderr.write(f"{exc.detail}\n")
        return 1
    sys.stdout.write("".join(f"{line}\n" for line in lines))
    return 0


async def _backup(plan: Plan) -> list[str]:
    now = datetime.now(WARSAW)
    engine = make_engine(plan.database_url)
    try:
        async with session_scope(make_sessionmaker(engine)) as session:
            made = await service.make_backup(session, plan, now.date(), CLI, now, prune=False)
    except (DBAPIError, OSError) as exc:
        raise service.unreachable(plan, exc) from exc
    finally:
        await engine.dispose()
    assert made is not None  # only a skip_if_done run is skipped
    return [
        f"Zapisano kopię bazy {plan.database} w {made.copy.path} "
        f"({size_text(made.copy.size)}, schemat {made.revision})."
    ]
