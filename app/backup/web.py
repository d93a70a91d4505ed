"""The backup on the scheduler page (/przeglady): the last copy, a failed attempt, where the
copies are and how many are kept, and, for the administrator, "Wykonaj kopię teraz"."""

from __future__ import annotations

from datetime import datetime

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response
from sqlalchemy.ext.asyncio import AsyncSession

from app.auth.deps import SessionDep, get_settings_dep
from app.backup import service
from app.clock import WARSAW
from app.deps import TodayDep
from app.errors import AppError
from app.web.forms import see_other
from app.web.session import Admin, flash, verify_csrf

router = APIRouter(
    prefix="/przeglady", dependencies=[Depends(verify_csrf)], include_in_schema=False
)


async def panel(request: Request, session: AsyncSession) -> service.Status:
    """What the scheduler page shows of the backups."""
    return await service.status(session, service.Plan.of(get_settings_dep(request)))


@router.post("/kopia")
async def make_now(request: Request, session: SessionDep, user: Admin, today: TodayDep) -> Response:
    """Make a backup copy now (it deletes no older copy)."""
    plan = service.Plan.of(get_settings_dep(request))
    try:
        async with session.begin_nested():
            made = await service.make_backup(
                session, plan, today, user.username, datetime.now(WARSAW), prune=False
            )
    except AppError as exc:  # a missing pg_dump, a full disk, a copy being made elsewhere
        flash(request, f"Kopii zapasowej nie wykonano: {exc.detail}", "error")
    else:
        assert made is not None  # only a skip_if_done run is skipped
        flash(request, f"Zapisano kopię zapasową bazy danych: {made.details}.")
    return see_other("/przeglady")
