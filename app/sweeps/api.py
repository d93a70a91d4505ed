from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Query
from sqlalchemy import Row

from app.auth.deps import Reader, SessionDep, Sweeper
from app.deps import TodayDep
from app.domain.archive import year_end_cutoff
from app.errors import PROBLEM, Invalid
from app.sweeps import service
from app.sweeps.schemas import Job, ListedRead, SweepResultRead, SweepRunRead, YearEndRead

router = APIRouter(prefix="/api/v1/sweeps", tags=["sweeps"])
_ERR: dict[int | str, dict[str, Any]] = {c: {"content": {PROBLEM: {}}} for c in (401, 403, 422)}
_RUN_ERR: dict[int | str, dict[str, Any]] = {
    c: {"content": {PROBLEM: {}}} for c in (401, 403, 409, 422)
}
Limit = Annotated[int, Query(ge=1, le=1000)]
Offset = Annotated[int, Query(ge=0)]


def _not_in_future(day: date, today: date, field: str) -> date:
    if day > today:
        raise Invalid("Przeglądu nie można uruchomić na dzień z przyszłości", field=field)
    return day


def _listed(rows: list[Row[Any]]) -> list[ListedRead]:
    return [
        ListedRead(
            receivable_id=r.id,
            reference=r.reference,
            kind=r.kind_code,
            title=r.title,
            principal=r.principal,
            state=r.state,
            debtor_id=r.debtor_id,
            debtor_name=r.debtor_name,
            day=r.day,
        )
        for r in rows
    ]


@router.post("/run", responses=_RUN_ERR)
async def run_sweep(
    session: SessionDep,
    user: Sweeper,
    today: TodayDep,
    as_of: Annotated[
        date | None, Query(description="Na dzień (RRRR-MM-DD); domyślnie dziś")
    ] = None,
    job: Annotated[Job, Query(description="daily | year_end | archive")] = Job.DAILY,
) -> SweepResultRead:
    """Run a job once, as of a date (a missed day can be caught up); 409 while it runs elsewhere."""
    day = _not_in_future(as_of or today, today, "as_of")
    r = await service.run(session, job, day, user.username)
    return SweepResultRead(
        job=r.job,
        as_of=r.as_of,
        rows_changed=r.rows_changed,
        changed=r.changed,
        listed=r.listed,
        details=r.details,
    )


@router.get("", responses=_ERR)
async def list_sweeps(
    session: SessionDep,
    _user: Reader,
    job: Job | None = None,
    limit: Limit = 100,
) -> list[SweepRunRead]:
    """History of sweep runs, newest first."""
    runs = await service.history(session, limit, job)
    return [SweepRunRead.model_validate(r, from_attributes=True) for r in runs]


@router.get("/ready-for-title", responses=_ERR)
async def ready_for_title(
    session: SessionDep,
    _user: Reader,
    today: TodayDep,
    as_of: date | None = None,
    limit: Limit = 100,
    offset: Offset = 0,
) -> list[ListedRead]:
    """Reminders whose 7 days ran out: a title may be issued (day = end of the reminder's term)."""
    day = _not_in_future(as_of or today, today, "as_of")
    return _listed(await service.ready_for_title(session, day, limit=limit, offset=offset))


@router.get("/year-end/{year}", responses=_ERR)
async def year_end(
    year: int,
    session: SessionDep,
    _user: Reader,
    today: TodayDep,
    limit: Limit = 1000,
    offset: Offset = 0,
) -> YearEndRead:
    """The year-end lists for the chief accountant, as of 31 December (or today in the year)."""
    if not 2000 <= year <= today.year:
        raise Invalid(f"Rok musi być z przedziału 2000–{today.year}", field="year")
    end = min(year_end_cutoff(year), today)
    rows = await service.time_barred_list(session, end, limit=limit, offset=offset)
    alimony = await service.alimony_write_off_list(session, year, end)
    return YearEndRead(year=year, as_of=end, przedawnione=_listed(rows), alimenty_umorzenie=alimony)


@router.get("/archive", responses=_ERR)
async def archived(
    session: SessionDep,
    _user: Reader,
    today: TodayDep,
    on: Annotated[date | None, Query(description="Dzień przekazania do archiwum")] = None,
    limit: Limit = 100,
    offset: Offset = 0,
) -> list[ListedRead]:
    """The closed files marked for the archive on a day (seed 003 §5.4)."""
    return _listed(await service.archived_list(session, on or today, limit=limit, offset=offset))
