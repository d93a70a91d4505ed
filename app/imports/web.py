"""The administrator's page for moving in (issue 21): the sheets described, the template and the
export to download, an upload that is checked first (dry run: the report, nothing written), then
confirmed. Both run in the background (app/imports/jobs.py); /przeniesienie/postep/{id} shows how
far they got, refreshing itself, and then the report. The checked file waits in a temporary file
under the job's unguessable id until it is confirmed."""

from __future__ import annotations

import re
import shutil
from datetime import date

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response
from starlette.background import BackgroundTask

from app.auth.deps import SessionDep
from app.deps import TodayDep
from app.domain.portfolio_sheets import SHEETS
from app.errors import Invalid, NotFound
from app.imports import api as imports_api
from app.imports import jobs
from app.imports.uploads import spooled
from app.web.forms import FormState, WebForm, attempt, blank_form, see_other
from app.web.session import Admin, verify_csrf
from app.web.templating import render

router = APIRouter(
    prefix="/przeniesienie", dependencies=[Depends(verify_csrf)], include_in_schema=False
)
_ID = re.compile(r"^[0-9a-f]{32}$")
REFRESH_SECONDS = 2


class ImportForm(WebForm):
    file: str = ""  # the upload itself is read from the multipart body


def _page(request: Request, form: FormState | None = None, job: jobs.Job | None = None) -> Response:
    context = {"form": form or blank_form(ImportForm, "import"), "sheets": SHEETS, "job": job}
    page = render(request, "imports/index.html", context, form.status if form else 200)
    if job is not None and not job.finished:
        page.headers["Refresh"] = str(REFRESH_SECONDS)  # the progress, until the report
    return page


@router.get("")
async def moving_in(request: Request, _user: Admin) -> Response:
    """The sheets, the template, the export and the upload."""
    return _page(request)


@router.get("/szablon")
async def template(user: Admin, fmt: imports_api.Format = "zip") -> Response:
    """The empty sheets and their description, one ZIP (or ?format=xlsx, one workbook)."""
    return await imports_api.import_template(user, fmt)


@router.get("/eksport")
async def export(
    session: SessionDep, user: Admin, today: TodayDep, fmt: imports_api.Format = "zip"
) -> Response:
    """The whole portfolio in the import's sheets, one ZIP (or ?format=xlsx, one workbook)."""
    return await imports_api.export_portfolio(session, user, today, fmt)


@router.post("/proba")
async def dry_run(request: Request, session: SessionDep, user: Admin, today: TodayDep) -> Response:
    """Check the upload as a whole (in the background); nothing is written."""
    form = blank_form(ImportForm, "import")
    data = await request.form()
    upload = data.get("file")

    async def work() -> Response:
        async with spooled(upload) as path:
            file_id = jobs.new_id()
            kept = jobs.waiting_file(file_id)
            kept.parent.mkdir(mode=0o700, exist_ok=True)
            shutil.copyfile(path, kept)
        name = str(getattr(upload, "filename", "") or "import")[:200]
        job = jobs.register(file_id, name, dry_run=True, actor=user.username)
        return _started(request, job, today)

    try:
        if done := await attempt(session, form, work):
            return done
    finally:
        await data.close()
    return _page(request, form)


def _started(request: Request, job: jobs.Job, today: date) -> Response:
    """To the progress page; the job runs once that answer has gone out, in its own session (the
    request's has ended by then)."""
    response = see_other(f"/przeniesienie/postep/{job.id}")
    response.background = BackgroundTask(jobs.run, request.app.state.sessionmaker, job, today)
    return response


def _job(job_id: str) -> jobs.Job:
    job = jobs.get(job_id) if _ID.match(job_id) else None
    if job is None:
        raise NotFound("Nie ma takiego importu (wygasł albo serwer uruchomiono ponownie)")
    return job


@router.get("/postep/{job_id}")
async def progress(request: Request, job_id: str, _user: Admin) -> Response:
    """How far the check or the import got; then its report."""
    return _page(request, job=_job(job_id))


@router.post("/zatwierdz")
async def confirm(request: Request, session: SessionDep, user: Admin, today: TodayDep) -> Response:
    """Import the file checked before (in the background): all or nothing."""
    data = await request.form()
    form = blank_form(ImportForm, "import")
    token = str(data.get("token", ""))

    async def work() -> Response:
        checked = jobs.get(token) if _ID.match(token) else None
        if checked is None or not checked.dry_run or not checked.path.exists():
            raise Invalid("Plik do zatwierdzenia wygasł: wyślij go ponownie", field="file")
        job = jobs.register(checked.file_id, checked.file_name, dry_run=False, actor=user.username)
        checked.file_id = ""  # confirmed once: a second click finds no file to import
        return _started(request, job, today)

    if done := await attempt(session, form, work):
        return done
    return _page(request, form)
