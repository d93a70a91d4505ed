from __future__ import annotations

from datetime import date, datetime
from typing import Annotated

from fastapi import APIRouter, Query

from app.auth.deps import Reader, SessionDep, Sweeper
from app.deps import TodayDep
from app.errors import PROBLEM, Invalid
from app.schemas import Schema
from app.sweeps import service

router = APIRouter(prefix="/api/v1/sweeps", tags=["sweeps"])
_ERR = {code: {"content": {PROBLEM: {}}} for code in (401, 403, 422)}


class SweepResultRead(Schema):
    job: str
    as_of: date
    rows_changed: int
    changed: dict[str, int]


class SweepRunRead(Schema):
    id: int
    job: str
    as_of: date
    started_at: datetime
    finished_at: datetime | None
    rows_changed: int
    details: str
    error: str | None
    triggered_by: str


@router.post("/run", responses=_ERR)  # type: ignore[arg-type]
async def run_sweep(
    session: SessionDep, user: Sweeper, today: TodayDep,
    as_of: Annotated[date | None, Query(description="Na dzień (RRRR-MM-DD); domyślnie dziś")] = None,
) -> SweepResultRead:
    """Run the daily state sweep once, as of a date (a missed day can be caught up)."""
    day = as_of or today
    if day > today:
        raise Invalid("Przeglądu nie można uruchomić na dzień z przyszłości", field="as_of")
    r = await service.run_daily(session, day, user.username)
    return SweepResultRead(job=r.job, as_of=r.as_of, rows_changed=r.rows_changed, changed=r.changed)


@router.get("", responses=_ERR)  # type: ignore[arg-type]
async def list_sweeps(session: SessionDep, _user: Reader) -> list[SweepRunRead]:
    """History of sweep runs, newest first."""
    return [SweepRunRead.model_validate(r, from_attributes=True) for r in await service.history(session)]
