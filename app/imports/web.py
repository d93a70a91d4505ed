"""The administrator's page for moving in (issue 21): the sheets described, the template and the
export to download, an upload that is checked first (dry run: the report, nothing written), then
confirmed. The checked file waits in a temporary file under an unguessable token until then."""

from __future__ import annotations

import re
import secrets
import shutil
import tempfile
from pathlib import Path

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response

from app.auth.deps import SessionDep
from app.deps import TodayDep
from app.domain.portfolio import SHEETS
from app.errors import Invalid
from app.imports import api as imports_api
from app.imports import service
from app.imports.schemas import ReportRead
from app.imports.sources import Source
from app.imports.uploads import spooled
from app.web.forms import FormState, WebForm, attempt, blank_form, see_other
from app.web.session import Admin, flash, verify_csrf
from app.web.templating import render

router = APIRouter(
    prefix="/przeniesienie", dependencies=[Depends(verify_csrf)], include_in_schema=False
)
_TOKEN = re.compile(r"^[0-9a-f]{32}$")


class ImportForm(WebForm):
    file: str = ""  # the upload itself is read from the multipart body


def _waiting(token: str) -> Path:
    if not _TOKEN.match(token):
        raise Invalid("Nieznany plik do zatwierdzenia: wyślij go ponownie", field="file")
    return Path(tempfile.gettempdir()) / "windykacja-przeniesienie" / f"{token}.zip"


def _page(
    request: Request,
    form: FormState | None = None,
    report: ReportRead | None = None,
    token: str = "",
) -> Response:
    context = {
        "form": form or blank_form(ImportForm, "import"),
        "sheets": SHEETS,
        "report": report,
        "token": token,
    }
    return render(request, "imports/index.html", context, form.status if form else 200)


@router.get("")
async def moving_in(request: Request, _user: Admin) -> Response:
    """The sheets, the template, the export and the upload."""
    return _page(request)


@router.get("/szablon")
async def template(user: Admin) -> Response:
    """The empty sheets and their description, one ZIP."""
    return await imports_api.import_template(user)


@router.get("/eksport")
async def export(session: SessionDep, user: Admin, today: TodayDep) -> Response:
    """The whole portfolio in the import's sheets, one ZIP."""
    return await imports_api.export_portfolio(session, user, today)


@router.post("/proba")
async def dry_run(request: Request, session: SessionDep, _user: Admin, today: TodayDep) -> Response:
    """Check the upload as a whole and show the report; nothing is written."""
    form = blank_form(ImportForm, "import")
    data = await request.form()

    async def work() -> Response:
        async with spooled(data.get("file")) as path:
            report = await service.run(session, Source(path), _name(data), today, dry_run=True)
            token = ""
            if report.ok:
                token = secrets.token_hex(16)
                kept = _waiting(token)
                kept.parent.mkdir(mode=0o700, exist_ok=True)
                shutil.copyfile(path, kept)
        return _page(request, form, ReportRead.of(report), token)

    try:
        if done := await attempt(session, form, work):
            return done
    finally:
        await data.close()
    return _page(request, form)


def _name(data: object) -> str:
    upload = data.get("file")  # type: ignore[attr-defined]
    return str(getattr(upload, "filename", "") or "import.zip")[:200]


@router.post("/zatwierdz")
async def confirm(request: Request, session: SessionDep, user: Admin, today: TodayDep) -> Response:
    """Import the file checked before: all or nothing."""
    data = await request.form()
    form = blank_form(ImportForm, "import")
    token = str(data.get("token", ""))
    name = str(data.get("file_name", "import.zip"))[:200]

    async def work() -> Response:
        path = _waiting(token)
        if not path.exists():
            raise Invalid("Plik do zatwierdzenia wygasł: wyślij go ponownie", field="file")
        report = await service.run(
            session, Source(path), name, today, dry_run=False, actor=user.username
        )
        if not report.ok:  # the database changed since the check
            raise Invalid(f"Import odrzucony: {report.error_count} błędów", field="file")
        path.unlink(missing_ok=True)
        created = sum(report.created.values())
        flash(request, f"Zaimportowano plik {name}: {created} wierszy.")
        return see_other("/przeniesienie")

    if done := await attempt(session, form, work):
        return done
    return _page(request, form)
