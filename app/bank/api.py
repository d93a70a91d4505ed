from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Query, Request, UploadFile

from app.auth.deps import Collector, Reader, SessionDep
from app.bank import service
from app.bank.repository import BankRepository
from app.deps import TodayDep
from app.errors import PROBLEM, Invalid
from app.schemas import AmountOut, Schema

router = APIRouter(prefix="/api/v1", tags=["bank"])
_ERR = {code: {"content": {PROBLEM: {}}} for code in (401, 403, 404, 409, 413, 422)}
MAX_STATEMENT = 5 * 1024 * 1024


class ImportRead(Schema):
    statement_id: int
    format: str
    lines: int
    booked: int
    to_match: int
    skipped: int
    already_imported: int
    unmatched_ids: list[int]


class BankLineRead(Schema):
    id: int
    booked_on: date
    amount: AmountOut
    title: str
    counterparty: str
    status: str
    note: str
    receivable_id: int | None
    # Issue 20: the payment booked from the line; POST /api/v1/payments/{id}/reversal unmatches it.
    payment_id: int | None = None


class MatchCreate(Schema):
    receivable_id: int


@router.post("/bank-statements", status_code=201, responses=_ERR)  # type: ignore[arg-type]
async def import_statement(
    file: UploadFile, request: Request, session: SessionDep, user: Collector, today: TodayDep
) -> ImportRead:
    """Import a bank statement (MT940 or bank CSV); each line is booked once, however often sent."""
    content = await file.read(MAX_STATEMENT + 1)
    if len(content) > MAX_STATEMENT:
        raise Invalid("Plik wyciągu jest za duży (najwyżej 5 MB)", field="file")
    # The import commits batch by batch in transactions of its own (app/bank/service.py): the
    # request's own transaction (the log-in check) ends first, so that it holds no lock meanwhile.
    await session.commit()
    s = await service.import_statement(
        request.app.state.sessionmaker, file.filename or "wyciag", content, user.username, today
    )
    return ImportRead(**s.__dict__)


@router.get("/bank-lines", responses=_ERR)  # type: ignore[arg-type]
async def bank_lines(
    session: SessionDep,
    _user: Reader,
    status: Annotated[
        str | None, Query(pattern="^(zaksiegowana|do_dopasowania|pominieta)$")
    ] = None,
) -> list[BankLineRead]:
    """Statement lines, e.g. the unmatched ones (status=do_dopasowania) for manual matching."""
    return [
        BankLineRead.model_validate(r, from_attributes=True)
        for r in await BankRepository(session).lines(status)
    ]


@router.post("/bank-lines/{line_id}/match", responses=_ERR)  # type: ignore[arg-type]
async def match(
    line_id: int, body: MatchCreate, session: SessionDep, user: Collector, today: TodayDep
) -> BankLineRead:
    """Book an unmatched line on the receivable the specialist chose."""
    row = await service.match_line(session, line_id, body.receivable_id, user.username, today)
    return BankLineRead.model_validate(row, from_attributes=True)
