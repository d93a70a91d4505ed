"""The scheduled jobs: thin adapters over app.sweeps.service (STYLE rule 12).

Each job: open a session → take the job's advisory lock (inside service.run_once) → call the same
service POST /api/v1/sweeps/run calls, with as_of → commit, which records the run in sweep_run and
releases the lock. A failed attempt is rolled back, recorded in sweep_run with its error in its own
transaction, logged without personal data (the error's class and SQLSTATE only, never its message,
which may quote row values), and retried with a growing pause. Nothing fails silently.

The cron triggers (Europe/Warsaw) are declared here, next to the jobs."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from enum import StrEnum

from apscheduler.triggers.cron import CronTrigger  # type: ignore[import-untyped]
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.clock import WARSAW, Clock
from app.db import session_scope
from app.domain.archive import year_end_cutoff
from app.domain.parameters import MissingParameter
from app.sweeps import service
from app.sweeps.schemas import Job

log = logging.getLogger("windykacja.scheduler")

ATTEMPTS = 3
BACKOFF_SECONDS = 60.0  # before the 2nd attempt; ×4 before the 3rd (4 minutes)
SCHEDULER = "scheduler"
CATCH_UP = "scheduler:catch-up"

Sleep = Callable[[float], Awaitable[None]]


@dataclass(frozen=True)
class JobSpec:
    job: Job
    trigger: CronTrigger
    # The as_of of the job's latest due firing, as seen on `today`: what a start-up catch-up runs
    # when the service was down at the cron time.
    due_as_of: Callable[[date], date]


def _today(today: date) -> date:
    return today


def _last_year_end(today: date) -> date:
    return year_end_cutoff(today.year - 1)


JOBS: tuple[JobSpec, ...] = (
    # The daily state sweep at night, after the day's bank statements are booked the day before.
    JobSpec(Job.DAILY, CronTrigger(hour=1, minute=30, timezone=WARSAW), _today),
    # The archive after the daily sweep: a file closed by it today is not archivable for two years.
    JobSpec(Job.ARCHIVE, CronTrigger(hour=2, minute=15, timezone=WARSAW), _today),
    # Seed 003 §5.3: the year-end list on 31 December, after that day's daily sweep.
    JobSpec(
        Job.YEAR_END,
        CronTrigger(month=12, day=31, hour=22, minute=0, timezone=WARSAW),
        _last_year_end,
    ),
)


class Outcome(StrEnum):
    DONE = "done"
    ALREADY_DONE = "already_done"  # a run for that date finished before (scheduled runs only)
    BUSY = "busy"  # another instance holds the job's lock
    FAILED = "failed"  # every attempt failed; each one is in sweep_run with its error


@dataclass(frozen=True)
class JobRun:
    job: Job
    as_of: date
    outcome: Outcome
    result: service.SweepResult | None = None
    attempts: int = 1
    error: str | None = None  # the last attempt's error (describe), when FAILED


def describe(exc: BaseException) -> str:
    """The error without personal data: its class, and the SQLSTATE of a database error; for a
    missing legal parameter its message, which names only the parameter and the day."""
    if isinstance(exc, MissingParameter):
        return f"{type(exc).__name__}: {exc}"
    orig = exc.orig if isinstance(exc, DBAPIError) else None
    state = getattr(orig, "sqlstate", None) or getattr(orig, "pgcode", None)
    return f"{type(exc).__name__}" + (f" (SQLSTATE {state})" if state else "")


async def run_job(
    maker: async_sessionmaker[AsyncSession],
    job: Job,
    as_of: date,
    triggered_by: str,
    *,
    once: bool = False,
    attempts: int = ATTEMPTS,
    backoff: float = BACKOFF_SECONDS,
    progress: service.Progress | None = None,
    sleep: Sleep = asyncio.sleep,
) -> JobRun:
    """Run a job in its own transaction, retrying a failure; `once` skips a date already done."""
    error = None
    for attempt in range(1, attempts + 1):
        started = datetime.now(UTC)
        try:
            return await _attempt(maker, job, as_of, triggered_by, once, progress, attempt)
        except service.JobBusy:
            log.info("sweep %s as of %s: running in another instance, skipped", job.value, as_of)
            return JobRun(job, as_of, Outcome.BUSY, attempts=attempt)
        except Exception as exc:  # every failure is recorded, logged and retried
            error = f"próba {attempt}/{attempts}: {describe(exc)}"
            log.error("sweep %s as of %s failed, %s", job.value, as_of, error)
            await _record_failure(maker, job, as_of, started, triggered_by, error)
        if attempt < attempts:
            await sleep(backoff * 4 ** (attempt - 1))
    return JobRun(job, as_of, Outcome.FAILED, attempts=attempts, error=error)


async def _attempt(
    maker: async_sessionmaker[AsyncSession],
    job: Job,
    as_of: date,
    triggered_by: str,
    once: bool,
    progress: service.Progress | None,
    attempt: int,
) -> JobRun:
    async with session_scope(maker) as session:
        result = await service.run_once(
            session, job, as_of, triggered_by, progress or service.quiet, skip_if_done=once
        )
    if result is None:
        log.info("sweep %s as of %s: already done, skipped", job.value, as_of)
        return JobRun(job, as_of, Outcome.ALREADY_DONE, attempts=attempt)
    log.info("sweep %s as of %s: %s", job.value, as_of, result.details)
    return JobRun(job, as_of, Outcome.DONE, result, attempts=attempt)


async def _record_failure(
    maker: async_sessionmaker[AsyncSession],
    job: Job,
    as_of: date,
    started: datetime,
    triggered_by: str,
    error: str,
) -> None:
    try:
        async with session_scope(maker) as session:
            await service.record_failure(session, job, as_of, started, triggered_by, error)
    except Exception as exc:  # the database may be what failed: the log line stays
        log.error(
            "sweep %s as of %s: the failure could not be recorded (%s)",
            job.value,
            as_of,
            describe(exc),
        )


async def scheduled(maker: async_sessionmaker[AsyncSession], job: Job, clock: Clock) -> JobRun:
    """What a cron trigger fires: the job as of today in Warsaw, once across instances."""
    return await run_job(maker, job, clock(), SCHEDULER, once=True)


async def catch_up(maker: async_sessionmaker[AsyncSession], clock: Clock) -> list[JobRun]:
    """At start-up: the firings missed while the service was down, in order (daily first)."""
    today = clock()
    return [
        await run_job(maker, spec.job, spec.due_as_of(today), CATCH_UP, once=True) for spec in JOBS
    ]
