from __future__ import annotations

import tempfile
from collections.abc import Iterator
from datetime import date
from typing import Annotated

from fastapi import APIRouter, Query, Response
from fastapi.responses import StreamingResponse

from app.audit.reads import audited
from app.auth.deps import Collector, Reader, SessionDep
from app.deps import TodayDep
from app.documents import batch, printing
from app.errors import PROBLEM, Invalid
from app.schemas import DateIn, Schema

router = APIRouter(prefix="/api/v1", tags=["documents"])
_ERR = {code: {"content": {PROBLEM: {}}} for code in (401, 403, 404, 409, 422)}
PDF = "application/pdf"


def _pdf(content: bytes, number: str) -> Response:
    name = number.replace("/", "-")
    return Response(
        content, media_type=PDF, headers={"Content-Disposition": f'inline; filename="{name}.pdf"'}
    )


@router.get(
    "/documents/{document_id}.pdf",
    response_class=Response,
    responses=_ERR,
    dependencies=[audited("PDF dokumentu")],
)  # type: ignore[arg-type]
async def document_pdf(document_id: int, session: SessionDep, _user: Reader) -> Response:
    """Any issued document as PDF: wezwanie, upomnienie, tytuł wykonawczy, zawiadomienie."""
    content, number = await printing.document_pdf(session, document_id)
    return _pdf(content, number)


class BatchCreate(Schema):
    issued_on: DateIn


class SkippedRead(Schema):
    receivable_id: int
    reason: str


class BatchRead(Schema):
    issued_on: date
    issued: list[str]
    skipped_below_minimum: list[int]
    skipped: list[SkippedRead]  # every wymagalna receivable not reminded, with its reason


@router.post("/reminders/batch", status_code=201, responses=_ERR)  # type: ignore[arg-type]
async def issue_reminders(
    body: BatchCreate, session: SessionDep, user: Collector, today: TodayDep
) -> BatchRead:
    """Issue every reminder due on a day (skipping amounts the creditor need not pursue)."""
    if body.issued_on > today:
        raise Invalid("Data z przyszłości", field="issued_on")
    result = await batch.issue_due_reminders(session, body.issued_on, user.username, today)
    return BatchRead(
        issued_on=body.issued_on,
        issued=[d.number for d in result.issued],
        skipped_below_minimum=result.skipped_small,
        skipped=[
            SkippedRead(receivable_id=k.receivable_id, reason=k.reason) for k in result.skipped
        ],
    )


@router.get(
    "/reminders/batch.pdf",
    response_class=Response,
    responses=_ERR,
    dependencies=[audited("PDF upomnień z dnia")],
)  # type: ignore[arg-type]
async def reminders_pdf(
    session: SessionDep,
    _user: Reader,
    issued_on: Annotated[date, Query(description="dzień wystawienia upomnień")],
) -> StreamingResponse:
    """All reminders issued on a day as one PDF (streamed from a temporary file)."""
    spool = tempfile.TemporaryFile()
    try:
        await printing.reminders_pdf(session, issued_on, spool)
    except BaseException:
        spool.close()
        raise
    spool.seek(0)

    def chunks() -> Iterator[bytes]:
        with spool:
            while block := spool.read(64 * 1024):
                yield block

    name = f"upomnienia-{issued_on.isoformat()}.pdf"
    return StreamingResponse(
        chunks(), media_type=PDF, headers={"Content-Disposition": f'inline; filename="{name}"'}
    )
