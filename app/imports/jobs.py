"""An import started from the admin's page runs in the background (a task run after the redirect
is sent), in a session and transaction of its own, so that the page can show how far it got
(issue 21 item 5: progress on the page) while it runs; the page polls it. Jobs live in this
process's memory: one service instance serves one unit, and a job lost with a restart wrote
nothing (its transaction never committed)."""

from __future__ import annotations

import logging
import secrets
import tempfile
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.db import session_scope
from app.errors import AppError
from app.imports import service
from app.imports.schemas import ReportRead
from app.imports.sources import Source
from app.logs import describe

log = logging.getLogger(__name__)
KEEP = 20  # finished jobs remembered (their reports), the oldest forgotten first


@dataclass
class Job:
    id: str
    file_id: str  # the uploaded file's: the dry run's id, which its confirmation reuses
    file_name: str
    dry_run: bool
    actor: str
    step: str = "oczekuje"
    done: int = 0
    finished: bool = False
    report: ReportRead | None = None
    error: str | None = None

    def progress(self, step: str, done: int) -> None:
        self.step, self.done = step, done

    @property
    def path(self) -> Path:
        return waiting_file(self.file_id)


_JOBS: dict[str, Job] = {}


def waiting_file(job_id: str) -> Path:
    """Where the uploaded file waits, under the job's unguessable id."""
    return Path(tempfile.gettempdir()) / "windykacja-przeniesienie" / f"{job_id}.zip"


def new_id() -> str:
    return secrets.token_hex(16)


def get(job_id: str) -> Job | None:
    return _JOBS.get(job_id)


@asynccontextmanager
async def _source(path: Path) -> AsyncIterator[Source]:
    with Source(path) as source:
        yield source


class _Refused(Exception):
    """Leaves session_scope with a rollback: an import with errors writes nothing."""


def register(file_id: str, file_name: str, *, dry_run: bool, actor: str) -> Job:
    """The job, known to the progress page at once; `run` then does it."""
    job = Job(file_id if dry_run else new_id(), file_id, file_name, dry_run, actor)
    _forget_old()
    _JOBS[job.id] = job
    return job


async def run(maker: async_sessionmaker[AsyncSession], job: Job, today: date) -> None:
    report: service.Report | None = None
    try:
        async with session_scope(maker) as session, _source(job.path) as source:
            report = await service.run(
                session,
                source,
                job.file_name,
                today,
                dry_run=job.dry_run,
                actor=job.actor,
                progress=job.progress,
            )
            if not report.ok:
                raise _Refused
    except _Refused:
        pass
    except AppError as exc:
        job.error = exc.detail
    except Exception as exc:  # the page says so; the log keeps the type and the place only
        log.error("portfolio import failed: %s", describe(exc))
        job.error = "Import przerwany nieoczekiwanym błędem; nic nie zapisano. Spróbuj ponownie."
    if report is not None:
        job.report = ReportRead.of(report)
    if job.error or not job.dry_run or (report is not None and not report.ok):
        job.path.unlink(missing_ok=True)  # a dry run that passed keeps it for the confirmation
    job.finished = True


def _forget_old() -> None:
    """The oldest finished jobs go, and with them a checked file never confirmed."""
    finished = [j for j in _JOBS.values() if j.finished]
    for job in finished[: max(len(finished) - KEEP, 0)]:
        del _JOBS[job.id]
        if job.file_id and not any(j.file_id == job.file_id for j in _JOBS.values()):
            job.path.unlink(missing_ok=True)
