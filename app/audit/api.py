from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from app.audit.repository import AuditRepository
from app.audit.schemas import AuditRead
from app.auth.deps import Admin, SessionDep
from app.errors import PROBLEM

router = APIRouter(prefix="/api/v1", tags=["audit"])
_ERR = {code: {"content": {PROBLEM: {}}} for code in (401, 403, 404, 422)}


@router.get("/audit", responses=_ERR)  # type: ignore[arg-type]
async def audit_trail(
    session: SessionDep,
    _admin: Admin,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
    action: Annotated[str | None, Query(max_length=32)] = None,
    actor: Annotated[str | None, Query(max_length=64)] = None,
) -> list[AuditRead]:
    """The audit trail, latest first (admin only): log-ins, user changes, reads of personal data."""
    rows = await AuditRepository(session).latest(limit, action, actor)
    return [AuditRead.model_validate(r, from_attributes=True) for r in rows]
