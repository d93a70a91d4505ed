"""APScheduler 3.11 wiring: an AsyncIOScheduler with the in-memory job store and one CronTrigger
per job (scheduler/jobs.py, and the nightly backup: scheduler/backup.py), started from the app's
lifespan when `scheduler_enabled`.

APScheduler is only the alarm clock. Mutual exclusion across instances is our PostgreSQL advisory
lock, and "did it run" is the sweep_run table (STYLE, "Scheduler"): a 3.x job store guarantees
neither. Every instance of the service may run a scheduler; the lock and the once-per-date check
make a job run once. A start-up catch-up runs what was due while the service was down."""

from __future__ import annotations

import asyncio
from datetime import datetime, timedelta

from apscheduler.schedulers.asyncio import AsyncIOScheduler  # type: ignore[import-untyped]
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.backup.service import Plan
from app.clock import WARSAW, Clock
from app.config import Settings
from scheduler import backup, rates
from scheduler.jobs import JOBS, catch_up, scheduled

CATCH_UP_DELAY = timedelta(seconds=30)  # let the server finish starting first

JOB_DEFAULTS = {
    "coalesce": True,  # several missed firings run once
    "max_instances": 1,  # never the same job twice in one process
    "misfire_grace_time": 6 * 3600,  # a firing delayed (event loop busy) still runs
}


def build(
    maker: async_sessionmaker[AsyncSession], clock: Clock, settings: Settings | None = None
) -> AsyncIOScheduler:
    """`settings`: the nightly backup's, when it is on (WINDYKACJA_BACKUP_NIGHTLY), and the NBP rate
    file's URL, when one is configured (WINDYKACJA_NBP_RATES_URL, scheduler/rates.py)."""
    scheduler = AsyncIOScheduler(timezone=WARSAW, job_defaults=JOB_DEFAULTS)
    if settings is not None and settings.nbp_rates_url:
        rates.add_job(scheduler, maker, settings.nbp_rates_url, clock)
    for spec in JOBS:
        scheduler.add_job(
            scheduled,
            spec.trigger,
            args=[maker, spec.job, clock],
            id=f"sweep:{spec.job.value}",
            name=f"przegląd {spec.job.value}",
        )
    scheduler.add_job(
        catch_up,
        "date",
        args=[maker, clock],
        id="sweep:catch-up",
        name="nadrobienie zaległych przeglądów",
        run_date=datetime.now(WARSAW) + CATCH_UP_DELAY,
    )
    if settings is not None and settings.backup_nightly:
        _add_backup(scheduler, maker, clock, Plan.of(settings))
    return scheduler


def _add_backup(
    scheduler: AsyncIOScheduler,
    maker: async_sessionmaker[AsyncSession],
    clock: Clock,
    plan: Plan,
) -> None:
    args = [maker, plan, clock]
    scheduler.add_job(backup.nightly, backup.TRIGGER, args=args, id="backup", name="kopia zapasowa")
    scheduler.add_job(
        backup.nightly,
        "date",
        args=args,
        id="backup:catch-up",
        name="kopia zapasowa dnia, jeśli jej brak",
        run_date=datetime.now(WARSAW) + 2 * CATCH_UP_DELAY,  # after the sweeps' catch-up
    )


def start(
    maker: async_sessionmaker[AsyncSession], clock: Clock, settings: Settings | None = None
) -> AsyncIOScheduler:
    """Build and start the scheduler on the running event loop; the caller shuts it down."""
    scheduler = build(maker, clock, settings)
    scheduler.start()
    return scheduler


async def stop(scheduler: AsyncIOScheduler) -> None:
    """Shut down and let the loop run the shutdown AsyncIOScheduler defers to it; a job still
    running is cancelled, and its transaction rolled back."""
    scheduler.shutdown(wait=False)
    await asyncio.sleep(0)
