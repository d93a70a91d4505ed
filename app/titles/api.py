from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from fastapi import APIRouter, Query, Response
from pydantic import Field

from app.audit.reads import audited
from app.auth.deps import Collector, Reader, SessionDep
from app.deps import TodayDep
from app.errors import PROBLEM, Invalid
from app.schemas import AmountIn, AmountOut, DateIn, Schema
from app.titles import service

router = APIRouter(prefix="/api/v1", tags=["titles"])
_ERR = {code: {"content": {PROBLEM: {}}} for code in (401, 403, 404, 409, 422)}
XML = "application/xml"


class RegisterRead(Schema):
    document_id: int
    receivable_id: int
    number: str
    issued_on: date
    debtor_name: str
    principal: AmountOut
    interest: AmountOut
    costs: AmountOut
    authority: str
    handoff_number: str | None
    events: list[str]


class HandoffCreate(Schema):
    issued_on: DateIn
    authority: str | None = Field(
        default=None, max_length=32, description="kod organu; domyślnie organ domyślny"
    )


class HandoffRead(Schema):
    id: int
    number: str
    authority: str
    issued_on: date
    title_count: int
    notice_count: int


class ReportCreate(Schema):
    reported_on: DateIn
    kind: Literal["srodek", "wyegzekwowano", "zwrot_nieegzekwowalny"]
    amount: AmountIn | None = None
    description: str = Field(default="", max_length=2000)


class ReportRead(Schema):
    id: int
    reported_on: date
    kind: str
    amount: AmountOut | None
    description: str


class NoticeRead(Schema):
    id: int
    receivable_id: int
    change: str
    event_on: date
    amount: AmountOut | None
    handoff_id: int | None


@router.get("/titles", responses=_ERR)  # type: ignore[arg-type]
async def title_register(
    session: SessionDep,
    _user: Reader,
    limit: Annotated[int, Query(ge=1, le=1000)] = 500,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> list[RegisterRead]:
    """Ewidencja tytułów wykonawczych: every title with its number, amounts, batch and events."""
    lines = await service.register(session, limit, offset)
    return [
        RegisterRead(
            document_id=x.document.id,
            receivable_id=x.receivable.id,
            number=x.entry.title_number,
            issued_on=x.entry.issued_on,
            debtor_name=x.entry.debtor_name,
            principal=x.entry.principal,
            interest=x.entry.interest,
            costs=x.entry.costs,
            authority=x.entry.authority_name,
            handoff_number=x.entry.handoff_number,
            events=list(x.entry.events),
        )
        for x in lines
    ]


@router.get(
    "/titles/{document_id}.xml",
    response_class=Response,
    responses=_ERR,
    dependencies=[audited("XML tytułu wykonawczego")],
)  # type: ignore[arg-type]
async def title_xml(document_id: int, session: SessionDep, _user: Reader) -> Response:
    """One executive title as TW-1 XML (validated against the XSD)."""
    content = await service.title_xml(session, document_id)
    return Response(content, media_type=XML)


@router.post("/titles/{document_id}/reports", status_code=201, responses=_ERR)  # type: ignore[arg-type]
async def add_report(
    document_id: int, body: ReportCreate, session: SessionDep, user: Collector, today: TodayDep
) -> ReportRead:
    """Record an answer of the enforcement authority about a title."""
    if body.reported_on > today:
        raise Invalid("Data z przyszłości", field="reported_on")
    r = await service.report(
        session,
        document_id,
        body.reported_on,
        body.kind,
        body.amount,
        body.description,
        user.username,
    )
    return ReportRead(
        id=r.id, reported_on=r.reported_on, kind=r.kind, amount=r.amount, description=r.description
    )


@router.get("/notices", responses=_ERR)  # type: ignore[arg-type]
async def pending_notices(session: SessionDep, _user: Reader) -> list[NoticeRead]:
    """Notices waiting for the next handoff."""
    from app.titles.repository import TitleRepository

    return [
        NoticeRead(
            id=n.id,
            receivable_id=n.receivable_id,
            change=n.change,
            event_on=n.event_on,
            amount=n.amount,
            handoff_id=n.handoff_id,
        )
        for n in await TitleRepository(session).pending_notices()
    ]


@router.get(
    "/notices/{notice_id}.xml",
    response_class=Response,
    responses=_ERR,
    dependencies=[audited("XML zawiadomienia")],
)  # type: ignore[arg-type]
async def notice_xml(notice_id: int, session: SessionDep, _user: Reader) -> Response:
    """One notice (zawiadomienie) as XML."""
    return Response(await service.notice_xml(session, notice_id), media_type=XML)


def _handoff_read(h: object) -> HandoffRead:
    return HandoffRead.model_validate(
        {
            "id": h.id,
            "number": h.number,
            "authority": h.authority_code,
            "issued_on": h.issued_on,  # type: ignore[attr-defined]
            "title_count": h.title_count,
            "notice_count": h.notice_count,
        }
    )  # type: ignore[attr-defined]


@router.post("/handoffs", status_code=201, responses=_ERR)  # type: ignore[arg-type]
async def create_handoff(
    body: HandoffCreate,
    session: SessionDep,
    user: Collector,
    today: TodayDep,
) -> HandoffRead:
    """Build the batch of unsent titles and notices for an authority (the default one when none
    is named) and mark them as sent; missing data of any title: 422 listing every item."""
    if body.issued_on > today:
        raise Invalid("Data z przyszłości", field="issued_on")
    h = await service.build_handoff(session, body.issued_on, body.authority, user.username)
    return _handoff_read(h)


@router.get("/handoffs", responses=_ERR)  # type: ignore[arg-type]
async def list_handoffs(session: SessionDep, _user: Reader) -> list[HandoffRead]:
    """Handoff batches, newest first."""
    from app.titles.repository import TitleRepository

    return [_handoff_read(h) for h in await TitleRepository(session).handoffs()]


@router.get(
    "/handoffs/{handoff_id}.xml",
    response_class=Response,
    responses=_ERR,
    dependencies=[audited("XML przekazania do organu")],
)  # type: ignore[arg-type]
async def handoff_xml(handoff_id: int, session: SessionDep, _user: Reader) -> Response:
    """The stored XML of a handoff batch, exactly as it was handed over."""
    h = await service.handoff(session, handoff_id)
    return Response(
        h.xml,
        media_type=XML,
        headers={"Content-Disposition": f'attachment; filename="{h.number.replace("/", "-")}.xml"'},
    )
