"""Issue 20 item 8 over the API: the closed files due for the removal of personal data, the list
for the state archive's consent (PDF), the consent, the anonymisation. Thin: see service.py."""

from __future__ import annotations

import asyncio
from datetime import date

from fastapi import APIRouter, Request, Response

from app.audit.reads import audited
from app.auth.deps import Admin, Collector, Reader, SessionDep, Signer, who
from app.deps import TodayDep
from app.errors import PROBLEM
from app.retention import service
from app.retention.schemas import AnonymisationRead, ConsentCreate, DueFile, ListCreate, ListRead

router = APIRouter(prefix="/api/v1/retention", tags=["retention"])
_ERR = {code: {"content": {PROBLEM: {}}} for code in (401, 403, 404, 409, 422)}


@router.get("/due", responses=_ERR, dependencies=[audited("akta do brakowania")])  # type: ignore[arg-type]
async def due(
    session: SessionDep, _user: Reader, today: TodayDep, as_of: date | None = None
) -> list[DueFile]:
    """Closed files whose retention period (the kind's JRWA category) has run, not listed yet."""
    return await service.due(session, as_of or today)


@router.post("/lists", status_code=201, responses=_ERR)  # type: ignore[arg-type]
async def draw(
    body: ListCreate, request: Request, session: SessionDep, user: Collector, today: TodayDep
) -> ListRead:
    """Draw the list of the files due, for the state archive's consent."""
    row = await service.draw(session, body, who(request, user), today)
    return await service.read(session, row.id)


@router.get("/lists/{list_id}", responses=_ERR, dependencies=[audited("spis do brakowania")])  # type: ignore[arg-type]
async def read(list_id: int, session: SessionDep, _user: Reader) -> ListRead:
    return await service.read(session, list_id)


@router.get(
    "/lists/{list_id}/spis.pdf",
    response_class=Response,
    responses=_ERR,
    dependencies=[audited("PDF spisu do brakowania")],
)  # type: ignore[arg-type]
async def spis_pdf(list_id: int, session: SessionDep, _user: Reader) -> Response:
    """The printed list (spis dokumentacji niearchiwalnej) sent to the state archive."""
    from letters.brakowanie import render_spis

    pdf = await asyncio.to_thread(render_spis, await service.spis(session, list_id))
    return Response(
        pdf,
        media_type="application/pdf",
        headers={"Content-Disposition": f'attachment; filename="spis-brakowania-{list_id}.pdf"'},
    )


@router.post("/lists/{list_id}/consent", responses=_ERR)  # type: ignore[arg-type]
async def consent(
    list_id: int,
    body: ConsentCreate,
    request: Request,
    session: SessionDep,
    user: Signer,
    today: TodayDep,
) -> ListRead:
    """Record the state archive's consent (art. 5 ust. 2 u.n.z.a.): date, reference, archive."""
    await service.consent(session, list_id, body, who(request, user), today)
    return await service.read(session, list_id)


@router.post("/lists/{list_id}/anonymisation", responses=_ERR)  # type: ignore[arg-type]
async def anonymise(
    list_id: int, request: Request, session: SessionDep, user: Admin, today: TodayDep
) -> AnonymisationRead:
    """Remove the personal data of the listed files' debtors (after the consent only)."""
    return await service.anonymise(session, list_id, who(request, user), today)
