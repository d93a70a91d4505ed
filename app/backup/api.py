"""Backups over the API: the copies kept and the last attempt (every role, as the scheduler page),
and a copy made now (the administrator). Restoring is a command-line matter, with the service
stopped (`windykacja restore`)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from fastapi import APIRouter

from app.auth.deps import Admin, Reader, SessionDep, SettingsDep
from app.backup import service
from app.backup.schemas import BackupMadeRead, BackupStatusRead, CopyRead
from app.clock import WARSAW
from app.deps import TodayDep
from app.errors import PROBLEM
from app.sweeps.schemas import SweepRunRead

router = APIRouter(prefix="/api/v1/backups", tags=["backups"])
_ERR: dict[int | str, dict[str, Any]] = {c: {"content": {PROBLEM: {}}} for c in (401, 403)}
_MAKE_ERR: dict[int | str, dict[str, Any]] = {
    c: {"content": {PROBLEM: {}}} for c in (401, 403, 409, 503)
}


@router.get("", responses=_ERR)
async def backups(session: SessionDep, settings: SettingsDep, _user: Reader) -> BackupStatusRead:
    """The backup copies kept (newest first) and the last attempt to make one."""
    found = await service.status(session, service.Plan.of(settings))
    return BackupStatusRead(
        directory=str(found.plan.directory.resolve()),
        keep=found.plan.keep,
        nightly=found.plan.nightly,
        copies=[CopyRead(name=c.name, made_at=c.made_at, size=c.size) for c in found.copies],
        last_run=SweepRunRead.model_validate(found.last_run, from_attributes=True)
        if found.last_run
        else None,
    )


@router.post("", status_code=201, responses=_MAKE_ERR)
async def make_backup(
    session: SessionDep, settings: SettingsDep, user: Admin, today: TodayDep
) -> BackupMadeRead:
    """Make a copy of the whole database now (it deletes no older copy); 409 while one is made."""
    plan = service.Plan.of(settings)
    made = await service.make_backup(
        session, plan, today, user.username, datetime.now(WARSAW), prune=False
    )
    assert made is not None  # only a skip_if_done run is skipped
    return BackupMadeRead(
        name=made.copy.name, size=made.copy.size, revision=made.revision, as_of=today
    )
