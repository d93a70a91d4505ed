"""The scheduled jobs as services: the same code for the API, the CLI and the scheduler.

A run is one transaction (the caller's): it takes the job's advisory lock, applies the set-based
rules as of a date, and records itself in sweep_run. Every rule is a no-op on rows it already moved,
so a second run for the same date changes nothing, and a run for a later date catches up what a
missed day left, with each event dated on the day it happened (not the day of the run)."""

from __future__ import annotations

import hashlib
import importlib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import Row
from sqlalchemy.ext.asyncio import AsyncSession

from app.domain.archive import archive_cutoff
from app.errors import Conflict
from app.models import SweepRun
from app.polish import ACTORS, NALEZNOSC, counted, pl_amount
from app.polish import actor_label as polish_actor
from app.sweeps import repository as repo_mod
from app.sweeps.repository import Moved, SweepRepository
from app.sweeps.rules import rules
from app.sweeps.schemas import Job
from app.titles import service as title_service

SWEEP_ACTOR = "system:przeglad"

# What the codes in sweep_run.details (stored, and in the API, as "termin_uplynal: 1, …") and in
# its triggered_by mean, for the pages and the CLI (issue 19 item 4: no programmer words).
DETAIL_LABELS = {
    "termin_uplynal": "po terminie płatności",
    "rata_niezaplacona": "niezapłacona rata",
    "przedawnienie": "przedawnione",
    "nowe_do_tytulu": "nowe do tytułu wykonawczego",
    "archiwum": "przeniesione do archiwum",
    "przedawnione": "przedawnione (razem)",
    "przedawnione_w_roku": "przedawnione w roku",
    "alimenty_umorzenie": "do umorzenia (alimenty)",
}
JOB_NAMES = {
    "daily": "przegląd dzienny",
    "year_end": "wykazy na koniec roku",
    "archive": "archiwum",
}
DETAIL_LABELS["zawiadomienia"] = "zawiadomienia"
ACTOR_LABELS = ACTORS
_CODE = re.compile(r"\b([a-z_]+): (\d+)")


def details_text(details: str) -> str:
    """ "termin_uplynal: 1, przedawnienie: 0" → "po terminie płatności: 1, przedawnione: 0"."""
    return _CODE.sub(lambda m: f"{DETAIL_LABELS.get(m[1], m[1])}: {m[2]}", details)


def actor_label(actor: str | None) -> str:
    return polish_actor(actor)


def changed_text(rows_changed: int) -> str:
    """ "zmieniono 1 należność", "zmieniono 2 należności", "zmieniono 5 należności"."""
    return f"zmieniono {counted(rows_changed, NALEZNOSC)}"


# (step done, steps in all, step name): the CLI draws its progress bar from it.
Progress = Callable[[int, int, str], None]


def quiet(_done: int, _total: int, _step: str) -> None:
    return None


@dataclass
class SweepResult:
    job: Job
    as_of: date
    changed: dict[str, int] = field(default_factory=dict)  # rows moved, per rule
    listed: dict[str, int] = field(default_factory=dict)  # rows on a list, nothing changed
    notes: list[str] = field(default_factory=list)

    @property
    def rows_changed(self) -> int:
        return sum(self.changed.values())

    @property
    def details(self) -> str:
        """Counts only: sweep_run and the logs never carry personal data."""
        counts = [f"{k}: {v}" for k, v in {**self.changed, **self.listed}.items()]
        return "; ".join([", ".join(counts), *self.notes])


class JobBusy(Conflict):
    type = "/problems/job-busy"
    title = "Zadanie w toku"


def lock_key(job: str) -> int:
    """A stable 64-bit advisory-lock key per job (a Job, or "backup"), the same in every instance
    of the service."""
    digest = hashlib.blake2b(f"windykacja:sweep:{job}".encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)


async def run(
    session: AsyncSession,
    job: Job,
    as_of: date,
    triggered_by: str,
    progress: Progress = quiet,
) -> SweepResult:
    """Run one job as of a date under its lock; JobBusy (409) while another instance runs it."""
    result = await run_once(session, job, as_of, triggered_by, progress, skip_if_done=False)
    assert result is not None
    return result


async def run_once(
    session: AsyncSession,
    job: Job,
    as_of: date,
    triggered_by: str,
    progress: Progress = quiet,
    *,
    skip_if_done: bool = True,
) -> SweepResult | None:
    """As `run`, but None when a run for that date has already finished without an error: the
    scheduler's way to run a job once across instances. The check comes after the lock, so it sees
    the run another instance has just committed."""
    started = datetime.now(UTC)
    repo = SweepRepository(session)
    if not await repo.try_lock(lock_key(job)):
        raise JobBusy(
            f"Zadanie „{job.value}” jest właśnie wykonywane (w innej instancji usługi); "
            "spróbuj ponownie po jego zakończeniu",
            job=job.value,
        )
    if skip_if_done and await repo.done(job.value, as_of):
        return None
    result = await _JOBS[job](repo, as_of, progress)
    await repo.add(
        SweepRun(
            job=job.value,
            as_of=as_of,
            started_at=started,
            finished_at=datetime.now(UTC),
            rows_changed=result.rows_changed,
            details=result.details,
            triggered_by=triggered_by,
        )
    )
    return result


async def _daily(repo: SweepRepository, as_of: date, progress: Progress) -> SweepResult:
    result = SweepResult(Job.DAILY, as_of)
    steps = rules(repo.dialect)
    total = len(steps) + 2
    await repo.tune()
    since = await repo.previous_run(Job.DAILY.value, as_of)
    resumed: list[Moved] = []
    for n, statements in enumerate(steps, start=1):
        moved = 0
        for rule in statements:
            rows = await repo.apply(rule, as_of, SWEEP_ACTOR, since=since)
            moved += len(rows)
            if rule.resumes:
                resumed += rows
        result.changed[statements[0].action] = moved
        progress(n, total, statements[0].action)
    # The notices of the resumptions of this run (numbered documents, the principal remaining
    # computed by the money engine) are made in a batch; they wait in GET /api/v1/notices for the
    # next handoff.
    notices = await title_service.notify_resumptions(repo.session, resumed, SWEEP_ACTOR)
    if notices:
        result.notes.append(f"zawiadomienia o wznowieniu postępowania: {notices}")
    progress(total - 1, total, "zawiadomienia")
    result.listed["nowe_do_tytulu"] = await repo.count_newly_ready_for_title(
        as_of, since, [m.receivable_id for m in resumed]
    )
    progress(total, total, "nowe_do_tytulu")
    return result


async def _archive(repo: SweepRepository, as_of: date, progress: Progress) -> SweepResult:
    result = SweepResult(Job.ARCHIVE, as_of)
    result.changed["archiwum"] = await repo.archive(as_of, archive_cutoff(as_of))
    progress(1, 1, "archiwum")
    return result


async def _year_end(repo: SweepRepository, as_of: date, progress: Progress) -> SweepResult:
    """The year-end lists of as_of's year, as of as_of (31 December when scheduled)."""
    result = SweepResult(Job.YEAR_END, as_of)
    count, within, principal = await repo.year_end_summary(date(as_of.year, 1, 1), as_of)
    result.listed.update(przedawnione=count, przedawnione_w_roku=within)
    result.notes.append(f"należność główna przedawnionych: {pl_amount(principal)}")
    progress(1, 2, "przedawnione")
    alimony = await alimony_write_off_list(repo.session, as_of.year, as_of)
    if alimony is None:
        result.notes.append("lista umorzeń alimentacyjnych: moduł alimentacyjny niedostępny")
    else:
        result.listed["alimenty_umorzenie"] = len(alimony)
    progress(2, 2, "alimenty_umorzenie")
    return result


_JOBS = {Job.DAILY: _daily, Job.YEAR_END: _year_end, Job.ARCHIVE: _archive}

# Extension point for the alimony module (art. 30 ust. 1 u.p.o.u.a., DOMAIN.md "Alimony debtors"):
# when app/alimony/service.py defines
#     async def year_end_write_off_list(session, year: int, *, as_of: date) -> list[Mapping]
# the year-end job counts it and GET /api/v1/sweeps/year-end/{year} returns it. Until then: None.
ALIMONY_MODULE = "app.alimony.service"
ALIMONY_HOOK = "year_end_write_off_list"


async def alimony_write_off_list(
    session: AsyncSession, year: int, as_of: date
) -> list[dict[str, Any]] | None:
    try:
        module = importlib.import_module(ALIMONY_MODULE)
    except ModuleNotFoundError as exc:
        if exc.name not in ("app.alimony", ALIMONY_MODULE):
            raise  # the module exists but is broken: say so, do not hide it
        return None
    hook = getattr(module, ALIMONY_HOOK, None)
    if hook is None:
        return None
    return [dict(row) for row in await hook(session, year=year, as_of=as_of)]


async def record_failure(
    session: AsyncSession, job: Job, as_of: date, started: datetime, triggered_by: str, error: str
) -> None:
    """A failed run, recorded in its own transaction (the run's own was rolled back)."""
    await SweepRepository(session).add(
        SweepRun(
            job=job.value,
            as_of=as_of,
            started_at=started,
            finished_at=datetime.now(UTC),
            rows_changed=0,
            details="",
            error=error,
            triggered_by=triggered_by,
        )
    )


async def history(
    session: AsyncSession, limit: int = 100, job: Job | None = None
) -> list[SweepRun]:
    return await SweepRepository(session).history(limit, job.value if job else None)


async def ready_for_title(
    session: AsyncSession, as_of: date, *, limit: int = 100, offset: int = 0
) -> list[Row[Any]]:
    """Reminders whose 7 days ran out as of a date: a title may be issued (nothing changes)."""
    return await SweepRepository(session).listing(
        repo_mod.reminders_ready(as_of), limit=limit, offset=offset
    )


async def time_barred_list(
    session: AsyncSession, end: date, *, limit: int = 100, offset: int = 0
) -> list[Row[Any]]:
    """The year-end list of time-barred receivables as of `end` (seed 003 §5.3)."""
    return await SweepRepository(session).listing(
        repo_mod.time_barred_at(end), limit=limit, offset=offset
    )


async def archived_list(
    session: AsyncSession, day: date, *, limit: int = 100, offset: int = 0
) -> list[Row[Any]]:
    """The files marked for the archive on a day (seed 003 §5.4)."""
    return await SweepRepository(session).listing(
        repo_mod.archived_on(day), limit=limit, offset=offset
    )
