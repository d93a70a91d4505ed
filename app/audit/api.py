from __future__ import annotations

import asyncio
from typing import Annotated

from fastapi import APIRouter, Query, Request, Response

from app.audit import service
from app.audit.extract import gather
from app.audit.repository import AuditRepository
from app.audit.schemas import AuditRead
from app.auth.deps import Admin, SessionDep, who
from app.deps import TodayDep
from app.documents.service import creditor
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


@router.get(
    "/audit/debtors/{debtor_id}/extract.pdf",
    response_class=Response,
    responses=_ERR,  # type: ignore[arg-type]
)
async def data_extract(
    debtor_id: int,
    request: Request,
    session: SessionDep,
    admin: Admin,
    today: TodayDep,
) -> Response:
    """The debtor's data extract under RODO art. 15 as PDF (admin only): what is held, since
    when, to whom it was disclosed, who in the unit read it."""
    from letters.rodo import render_extract

    made_by = admin.full_name or admin.username
    extract = await gather(session, debtor_id, await creditor(session), today, made_by)
    content = await asyncio.to_thread(render_extract, extract)
    await service.record(session, who(request, admin), service.DATA_EXTRACT, "", debtor_id)
    return Response(
        content,
        media_type="application/pdf",
        headers={"Content-Disposition": f'inline; filename="rodo-art15-{debtor_id}.pdf"'},
    )
