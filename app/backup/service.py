"""Backups as use cases: a copy of the whole database made now (`windykacja backup`, the button on
the scheduler page, POST /api/v1/backups, the nightly job) and what the scheduler page shows of
them. Restoring one is app/backup/restore.py.

A copy is made as a scheduled job is run (STYLE rule 12): under its advisory lock (one copy at a
time across the instances of the service), recorded in sweep_run (job "backup") in the caller's
transaction. The file is written under a .part name, checked (it opens, and it carries the schema
revision) and only then renamed: a failed copy never leaves a file that looks like a copy."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncSession

from app.backup import files, postgres, sqlite
from app.backup.errors import BackupFailed
from app.backup.files import Copy
from app.config import Settings
from app.models import SweepRun
from app.sweeps.repository import SweepRepository
from app.sweeps.service import JobBusy, lock_key

BACKUP_JOB = "backup"  # sweep_run.job of every copy, whoever made it
BACKENDS = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}


@dataclass(frozen=True)
class Plan:
    """Which database is copied, where to, how many copies the nightly job keeps."""

    database_url: str
    directory: Path
    keep: int
    nightly: bool

    @classmethod
    def of(cls, settings: Settings, directory: str | None = None) -> Plan:
        return cls(
            settings.database_url,
            Path(directory or settings.backup_dir),
            settings.backup_keep,
            settings.backup_nightly,
        )

    @property
    def backend(self) -> str:
        return backend_of(self.database_url)

    @property
    def database(self) -> str:
        """The database as a person names it: the file, or the URL without its password."""
        if self.backend == "sqlite":
            return str(sqlite.database_path(self.database_url))
        return make_url(self.database_url).render_as_string(hide_password=True)


def unreachable(plan: Plan, exc: Exception) -> BackupFailed:
    return BackupFailed(
        f"Nie można połączyć się z bazą {plan.database} ({type(exc).__name__}): czy serwer "
        "działa i czy baza istnieje (pustą tworzy się poleceniem createdb NAZWA)?"
    )


def backend_of(url: str) -> str:
    backend = make_url(url).get_backend_name()
    if backend not in BACKENDS:
        raise BackupFailed(f"Kopii zapasowych bazy {backend} nie obsługujemy (SQLite, PostgreSQL)")
    return backend


def size_text(size: int) -> str:
    """1,2 MB / 340 kB, as a Polish reader expects (decimal comma, rounded half up)."""
    mega = 1024 * 1024
    if size < mega:
        return f"{-(-size // 1024)} kB"
    tenths = (size * 10 + mega // 2) // mega
    return f"{tenths // 10},{tenths % 10} MB"


@dataclass(frozen=True)
class Made:
    copy: Copy
    revision: str  # the schema revision the copy carries
    removed: tuple[Path, ...] = ()  # older copies deleted to keep `keep`

    @property
    def details(self) -> str:
        """What sweep_run and the page say: the file, never anything of its content."""
        said = f"{self.copy.name} ({size_text(self.copy.size)}, schemat {self.revision})"
        return said + (f"; usunięto starsze kopie: {len(self.removed)}" if self.removed else "")


def write_copy(url: str, directory: Path, now: datetime) -> tuple[Copy, str]:
    """The copy file and its schema revision. Synchronous (files and a subprocess)."""
    backend = backend_of(url)
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise BackupFailed(
            f"Nie można utworzyć katalogu kopii {directory}: {exc.strerror}"
        ) from exc
    target = files.new_path(directory, now, backend)
    part = target.with_name(target.name + ".part")
    try:
        if backend == "sqlite":
            sqlite.copy(sqlite.database_path(url), part)
            revision = sqlite.revision(part)
        else:
            postgres.dump(url, part)
            revision = postgres.revision(part)
        part.replace(target)
    except OSError as exc:
        raise BackupFailed(f"Nie można zapisać kopii {target}: {exc.strerror}") from exc
    finally:
        part.unlink(missing_ok=True)
    return Copy(target, now.replace(microsecond=0, tzinfo=None), target.stat().st_size), revision


async def make_backup(
    session: AsyncSession,
    plan: Plan,
    as_of: date,
    triggered_by: str,
    now: datetime,
    *,
    prune: bool,
    skip_if_done: bool = False,
) -> Made | None:
    """A copy now (`now`: its local time, in its name), recorded for `as_of`; `prune` deletes all
    but the newest `plan.keep` copies (the nightly job; a copy made by hand deletes nothing).
    None when `skip_if_done` and that day already has its copy. JobBusy (409) while another
    instance makes one."""
    started = datetime.now(UTC)
    repo = SweepRepository(session)
    if not await repo.try_lock(lock_key(BACKUP_JOB)):
        raise JobBusy(
            "Kopia zapasowa jest właśnie wykonywana (w innej instancji usługi); "
            "spróbuj ponownie po jej zakończeniu",
            job=BACKUP_JOB,
        )
    if skip_if_done and await repo.done(BACKUP_JOB, as_of):
        return None
    copy, revision = await asyncio.to_thread(write_copy, plan.database_url, plan.directory, now)
    removed = tuple(files.prune(plan.directory, plan.keep)) if prune else ()
    made = Made(copy, revision, removed)
    await repo.add(
        SweepRun(
            job=BACKUP_JOB,
            as_of=as_of,
            started_at=started,
            finished_at=datetime.now(UTC),
            rows_changed=0,
            details=made.details,
            triggered_by=triggered_by,
        )
    )
    return made


async def record_failure(
    session: AsyncSession, as_of: date, started: datetime, triggered_by: str, error: str
) -> None:
    """A failed copy, in its own transaction (the copy's own was rolled back)."""
    await SweepRepository(session).add(
        SweepRun(
            job=BACKUP_JOB,
            as_of=as_of,
            started_at=started,
            finished_at=datetime.now(UTC),
            details="",
            error=error,
            triggered_by=triggered_by,
        )
    )


@dataclass(frozen=True)
class Status:
    plan: Plan
    copies: list[Copy]  # newest first
    last_run: SweepRun | None  # the latest attempt, failed or not
    last_done: SweepRun | None  # the latest copy made

    @property
    def failing(self) -> bool:
        return self.last_run is not None and self.last_run.error is not None


async def status(session: AsyncSession, plan: Plan) -> Status:
    runs = await SweepRepository(session).history(50, BACKUP_JOB)
    done = next((r for r in runs if r.error is None), None)
    return Status(plan, files.copies(plan.directory), runs[0] if runs else None, done)
