"""The portfolio import and export over the API (issue 21), for the administrator."""

from __future__ import annotations

import os
import tempfile
from typing import Annotated, Any

from fastapi import APIRouter, Query, Response, UploadFile
from fastapi.responses import FileResponse
from starlette.background import BackgroundTask

from app.auth.deps import Admin, SessionDep
from app.deps import TodayDep
from app.errors import PROBLEM, Invalid
from app.imports import export, service
from app.imports.schemas import ReportRead
from app.imports.sources import Source, template_zip
from app.imports.uploads import spooled

router = APIRouter(prefix="/api/v1", tags=["imports"])
_ERR: dict[int | str, dict[str, Any]] = {
    c: {"content": {PROBLEM: {}}} for c in (401, 403, 413, 422)
}
ZIP = "application/zip"


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
    """Import a portfolio (one ZIP of the CSV sheets): all or nothing; dry_run=true reports only."""
    async with spooled(file) as path:
        report = await service.run(
            session,
            Source(path),
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
    responses={200: {"content": {ZIP: {}}}, **_ERR},
)
async def import_template(_user: Admin) -> Response:
    """The empty sheets with their columns and their description (OPIS.txt), as one ZIP."""
    headers = {"Content-Disposition": 'attachment; filename="szablon-importu.zip"'}
    return Response(template_zip(), media_type=ZIP, headers=headers)


@router.get("/export", response_class=FileResponse, responses={200: {"content": {ZIP: {}}}, **_ERR})
async def export_portfolio(session: SessionDep, _user: Admin, today: TodayDep) -> FileResponse:
    """The whole portfolio in the import's sheets, one ZIP (streamed to a temporary file)."""
    fd, name = tempfile.mkstemp(prefix="windykacja-eksport-", suffix=".zip")
    with os.fdopen(fd, "wb") as f:
        await export.to_zip(session, f, today)
    return FileResponse(
        name,
        media_type=ZIP,
        filename=f"portfel-{today.isoformat()}.zip",
        background=BackgroundTask(os.unlink, name),
    )
