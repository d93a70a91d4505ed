"""The nightly backup: a thin adapter over app.backup.service (STYLE rule 12), as the sweeps are.

At 03:00 Europe/Warsaw, after the daily sweep (01:30) and the archive (02:15), and at start-up when
that day has no copy yet (the service was off at night, or runs only in office hours). Once per day
across instances: the copy's advisory lock and its sweep_run record (job "backup"). It keeps the
newest `WINDYKACJA_BACKUP_KEEP` copies. A failure is rolled back, recorded in sweep_run with its
Polish reason (a missing pg_dump, a full disk: never row data) in a transaction of its own, logged,
and shown on the scheduler page; the next night, or the page's button, tries again."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, date, datetime

from apscheduler.triggers.cron import CronTrigger  # type: ignore[import-untyped]
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.backup import service
from app.backup.service import Plan
from app.clock import WARSAW, Clock
from app.db import session_scope
from app.errors import AppError
from app.sweeps.service import JobBusy
from scheduler.jobs import SCHEDULER, Outcome, describe

log = logging.getLogger("windykacja.scheduler")

TRIGGER = CronTrigger(hour=3, minute=0, timezone=WARSAW)


def _now() -> datetime:
    return datetime.now(WARSAW)


def reason(exc: Exception) -> str:
    """What the record and the log say: our own Polish message, or the error's class (and an OS
    error's reason), never a message that might quote data."""
    if isinstance(exc, AppError):
        return exc.detail
    if isinstance(exc, OSError) and exc.strerror:
        return f"{describe(exc)}: {exc.strerror}"
    return describe(exc)


async def nightly(
    maker: async_sessionmaker[AsyncSession],
    plan: Plan,
    clock: Clock,
    now: Callable[[], datetime] = _now,
) -> Outcome:
    """Today's copy, unless today has one; the copies beyond `plan.keep` deleted."""
    as_of, started = clock(), datetime.now(UTC)
    try:
        async with session_scope(maker) as session:
            made = await service.make_backup(
                session, plan, as_of, SCHEDULER, now(), prune=True, skip_if_done=True
            )
    except JobBusy:
        log.info("backup as of %s: running in another instance, skipped", as_of)
        return Outcome.BUSY
    except Exception as exc:  # recorded, logged and shown: never silent
        log.error("backup as of %s failed: %s", as_of, reason(exc))
        await _record_failure(maker, as_of, started, reason(exc))
        return Outcome.FAILED
    if made is None:
        log.info("backup as of %s: already done, skipped", as_of)
        return Outcome.ALREADY_DONE
    log.info("backup as of %s: %s", as_of, made.details)
    return Outcome.DONE


async def _record_failure(
    maker: async_sessionmaker[AsyncSession], as_of: date, started: datetime, error: str
) -> None:
    try:
        async with session_scope(maker) as session:
            await service.record_failure(session, as_of, started, SCHEDULER, error)
    except Exception as exc:  # the database may be what failed: the log line stays
        log.error("backup as of %s: the failure could not be recorded (%s)", as_of, describe(exc))
