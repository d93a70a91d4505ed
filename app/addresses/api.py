from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Response

from app.addresses import printing, service
from app.addresses.schemas import AddressSearchRead, AnswerIn, RequestedIn
from app.auth.deps import Collector, Reader, SessionDep
from app.deps import TodayDep
from app.errors import PROBLEM
from app.models import Debtor, Document

router = APIRouter(prefix="/api/v1/address-searches", tags=["address search"])
_ERR = {code: {"content": {PROBLEM: {}}} for code in (401, 403, 404, 409, 422)}


async def _read(session: SessionDep, search_id: int) -> AddressSearchRead:
    s = await service.get(session, search_id)
    debtor = await session.get(Debtor, s.debtor_id)
    assert debtor is not None
    doc = await session.get(Document, s.document_id) if s.document_id else None
    return AddressSearchRead.of(s, debtor, doc)


@router.get("", responses=_ERR)  # type: ignore[arg-type]
async def worklist(
    session: SessionDep,
    _user: Reader,
    status: Annotated[str, Query(pattern="^(otwarte|zamkniete)$")] = "otwarte",
) -> list[AddressSearchRead]:
    """The address-search worklist: debtors whose letter came back, oldest first."""
    rows = await service.worklist(session, status)
    return [AddressSearchRead.of(s, d, doc) for s, d, doc in rows]


@router.post("/{search_id}/request", responses=_ERR)  # type: ignore[arg-type]
async def mark_requested(
    search_id: int, body: RequestedIn, session: SessionDep, _user: Collector, today: TodayDep
) -> AddressSearchRead:
    """Record the day the request to the PESEL register was sent."""
    await service.mark_requested(session, search_id, body.requested_on, today)
    return await _read(session, search_id)


@router.post("/{search_id}/answer", responses=_ERR)  # type: ignore[arg-type]
async def answer(
    search_id: int, body: AnswerIn, session: SessionDep, user: Collector, today: TodayDep
) -> AddressSearchRead:
    """Record the answer (new address or death) with its source and date; closes the task."""
    await service.answer(session, search_id, body.answer(), user.username, today)
    return await _read(session, search_id)


@router.get("/{search_id}/pesel-request.pdf", response_class=Response, responses=_ERR)  # type: ignore[arg-type]
async def pesel_request(
    search_id: int, session: SessionDep, _user: Reader, today: TodayDep
) -> Response:
    """The request for the debtor's data from the PESEL register, on its official form."""
    content = await printing.pesel_request_pdf(session, search_id, today)
    return Response(
        content,
        media_type="application/pdf",
        headers={"Content-Disposition": f'inline; filename="wniosek-pesel-{search_id}.pdf"'},
    )
