from __future__ import annotations

import asyncio
from datetime import date
from typing import Annotated, Literal

from fastapi import APIRouter, Query, Response
from pydantic import Field

from app.auth.deps import Collector, Reader, SessionDep
from app.documents import service as docs
from app.errors import PROBLEM
from app.postbook import en, service
from app.schemas import Schema
from letters import postbook

router = APIRouter(prefix="/api/v1", tags=["post"])
_ERR = {code: {"content": {PROBLEM: {}}} for code in (401, 403, 404, 409, 422)}
DayQuery = Annotated[date, Query(alias="date", description="dzień nadania (RRRR-MM-DD)")]
_TYPES = {
    "pdf": "application/pdf",
    "csv": "text/csv; charset=utf-8",
    "xml": "application/xml",
}


class LetterRead(Schema):
    document_id: int
    number: str
    kind: str
    debtor_id: int
    debtor_name: str
    channel: str
    reason: str
    mailable: bool
    registered_number: str | None


class NumberIn(Schema):
    number: str = Field(min_length=1, max_length=40, description="numer nadania z książki")


class DocumentFound(Schema):
    document_id: int
    receivable_id: int
    number: str
    kind: str
    issued_on: date
    registered_number: str | None
    channel: str | None


def _found(d: object) -> DocumentFound:
    return DocumentFound.model_validate(
        {
            "document_id": d.id,  # type: ignore[attr-defined]
            **{k: getattr(d, k) for k in DocumentFound.model_fields if k != "document_id"},
        }
    )


@router.get("/post-book/letters", responses=_ERR)  # type: ignore[arg-type]
async def day_letters(session: SessionDep, _user: Reader, day: DayQuery) -> list[LetterRead]:
    """The day's letters to debtors with their route: e-Doręczenia (ADE) or paper with ZPO."""
    return [
        LetterRead(
            document_id=x.document.id,
            number=x.document.number,
            kind=x.document.kind,
            debtor_id=x.debtor.id,
            debtor_name=x.debtor.name,
            channel=x.route.channel,
            reason=x.route.reason,
            mailable=x.mailable,
            registered_number=x.document.registered_number,
        )
        for x in await service.day_letters(session, day)
    ]


@router.get("/post-book", response_class=Response, responses=_ERR)  # type: ignore[arg-type]
async def post_book(
    session: SessionDep,
    _user: Reader,
    day: DayQuery,
    format: Literal["pdf", "csv", "xml"] = "pdf",
) -> Response:
    """The day's pocztowa książka nadawcza (PDF), or the same list for Elektroniczny Nadawca (xml:
    its import structure 1.6; csv: our documented columns)."""
    items = await service.book_items(session, day)
    sender = await docs.creditor(session)
    if format == "pdf":
        content = await asyncio.to_thread(postbook.render_book, items, day, sender)
    elif format == "xml":
        content = en.en_xml(items, day, sender)
    else:
        content = en.en_csv(items)
    name = f"ksiazka-nadawcza-{day.isoformat()}.{format}"
    disposition = "inline" if format == "pdf" else "attachment"
    return Response(
        content,
        media_type=_TYPES[format],
        headers={"Content-Disposition": f'{disposition}; filename="{name}"'},
    )


@router.get("/post-book/labels.pdf", response_class=Response, responses=_ERR)  # type: ignore[arg-type]
async def labels(
    session: SessionDep, _user: Reader, day: DayQuery
) -> Response:
    """Address labels (A4, 3 × 8) for the day's paper letters: name and address, never the PESEL."""
    items = await service.book_items(session, day)
    sender = await docs.creditor(session)
    content = await asyncio.to_thread(postbook.render_labels, items, sender)
    return Response(content, media_type="application/pdf")


@router.put("/documents/{document_id}/registered-number", responses=_ERR)  # type: ignore[arg-type]
async def record_number(
    document_id: int, body: NumberIn, session: SessionDep, _user: Collector
) -> DocumentFound:
    """Record the registered letter's number (numer nadania) on the document."""
    return _found(await service.record_number(session, document_id, body.number))


@router.get("/documents", responses=_ERR)  # type: ignore[arg-type]
async def find_documents(
    session: SessionDep,
    _user: Reader,
    registered_number: Annotated[str, Query(min_length=1, max_length=40)],
) -> list[DocumentFound]:
    """Find the document sent under a registered-letter number."""
    return [_found(d) for d in await service.find_by_number(session, registered_number)]
