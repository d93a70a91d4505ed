"""The portfolio import and export over the API (issue 21), for the administrator."""

from __future__ import annotations

import io
import os
import tempfile
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Response, UploadFile
from fastapi.responses import FileResponse
from starlette.background import BackgroundTask

from app.auth.deps import Admin, SessionDep
from app.deps import TodayDep
from app.errors import PROBLEM, Invalid
from app.imports import export, service
from app.imports.schemas import ReportRead
from app.imports.sources import XLSX, Source, template_xlsx, template_zip
from app.imports.uploads import spooled

router = APIRouter(prefix="/api/v1", tags=["imports"])
_ERR: dict[int | str, dict[str, Any]] = {
    c: {"content": {PROBLEM: {}}} for c in (401, 403, 413, 422)
}
ZIP = "application/zip"
Format = Annotated[
    Literal["zip", "xlsx"],
    Query(alias="format", description="zip: arkusze CSV w ZIP; xlsx: jeden skoroszyt"),
]


@router.post("/imports", status_code=201, responses=_ERR)
async def import_portfolio(
    file: UploadFile,
    response: Response,
    session: SessionDep,
    user: Admin,
    today: TodayDep,
    dry_run: Annotated[
        bool, Query(description="tylko sprawdź i zwróć raport; nic nie zapisuje")
    ] = False,
) -> ReportRead:
    """Import a portfolio (one ZIP of the CSV sheets, or one XLSX workbook): all or nothing;
    dry_run=true reports only. Synchronous: the answer comes when the import is done (100 000
    receivables take a few minutes); the admin's page runs the same import in the background
    with its progress shown."""
    async with spooled(file) as path:
        with Source(path) as source:
            report = await service.run(
                session,
                source,
                file.filename or "import.zip",
                today,
                dry_run=dry_run,
                actor=user.username,
            )
    if not report.ok and not dry_run:
        raise Invalid(
            f"Import odrzucony: {report.error_count} błędów, nic nie zapisano",
            errors=[
                {"sheet": i.sheet, "line": i.line, "field": i.column, "message": i.message}
                for i in report.errors
            ],
        )
    if dry_run:
        response.status_code = 200
    return ReportRead.of(report)


@router.get(
    "/imports/template",
    response_class=Response,
    responses={200: {"content": {ZIP: {}, XLSX: {}}}, **_ERR},
)
async def import_template(_user: Admin, fmt: Format = "zip") -> Response:
    """The empty sheets with their columns and their description (OPIS.txt), as one ZIP; or
    format=xlsx: one workbook, a worksheet per sheet and OPIS."""
    if fmt == "xlsx":
        buffer = io.BytesIO()
        template_xlsx(buffer)
        headers = {"Content-Disposition": 'attachment; filename="szablon-importu.xlsx"'}
        return Response(buffer.getvalue(), media_type=XLSX, headers=headers)
    headers = {"Content-Disposition": 'attachment; filename="szablon-importu.zip"'}
    return Response(template_zip(), media_type=ZIP, headers=headers)


@router.get(
    "/export",
    response_class=FileResponse,
    responses={200: {"content": {ZIP: {}, XLSX: {}}}, **_ERR},
)
async def export_portfolio(
    session: SessionDep, _user: Admin, today: TodayDep, fmt: Format = "zip"
) -> FileResponse:
    """The whole portfolio in the import's sheets, one ZIP of CSV files or (format=xlsx) one
    workbook, written to a temporary file row by row."""
    fd, name = tempfile.mkstemp(prefix="windykacja-eksport-", suffix=f".{fmt}")
    with os.fdopen(fd, "wb") as f:
        if fmt == "xlsx":
            await export.to_xlsx(session, f, today)
        else:
            await export.to_zip(session, f, today)
    return FileResponse(
        name,
        media_type=XLSX if fmt == "xlsx" else ZIP,
        filename=f"portfel-{today.isoformat()}.{fmt}",
        background=BackgroundTask(os.unlink, name),
    )
