"""Rates and parameters (admin): the freshness of the rate table, the upload of the NBP archive
file (the same import as `windykacja rates import`) and "stopy sprawdzone na dzień …"."""

from __future__ import annotations

from datetime import date

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response
from pydantic import Field
from starlette.datastructures import UploadFile

from app.auth.deps import SessionDep, SettingsDep
from app.deps import TodayDep
from app.domain.parameters import LABELS
from app.domain.rates import pct
from app.errors import Invalid
from app.parameters import service
from app.parameters.nbp import MAX_BYTES
from app.parameters.repository import ParameterRepository
from app.web.forms import Day, FormState, WebForm, attempt, blank_form, read_form, see_other
from app.web.session import Admin, flash, verify_csrf
from app.web.templating import render

router = APIRouter(prefix="/stopy", dependencies=[Depends(verify_csrf)], include_in_schema=False)


class ImportForm(WebForm):
    file: str = ""  # the upload itself is read from the multipart body


class CheckForm(WebForm):
    checked_on: Day
    note: str = Field(default="", max_length=500)


async def _page(
    request: Request,
    session: SessionDep,
    today: date,
    days: int,
    failed: FormState | None = None,
) -> Response:
    forms = {
        "import": blank_form(ImportForm, "import"),
        "sprawdzenie": blank_form(CheckForm, "sprawdzenie", checked_on=today.isoformat()),
    }
    if failed is not None:
        forms[failed.name] = failed
    return render(
        request,
        "parameters/rates.html",
        {
            "forms": forms,
            "fresh": await service.freshness(session, today, days),
            "rows": await ParameterRepository(session).latest_rate_rows(16),
            "labels": LABELS,
            "pct": pct,
        },
        failed.status if failed else 200,
    )


@router.get("")
async def rates_page(
    request: Request, session: SessionDep, _user: Admin, today: TodayDep, settings: SettingsDep
) -> Response:
    """The rate table's freshness, the latest rows, the NBP import and the confirmation."""
    return await _page(request, session, today, settings.rates_check_days)


@router.post("/import")
async def import_file(
    request: Request,
    session: SessionDep,
    user: Admin,
    today: TodayDep,
    settings: SettingsDep,
) -> Response:
    """Import the uploaded NBP archive file: missing rows added, disagreements reported."""
    form = blank_form(ImportForm, "import")
    data = await request.form()
    upload = data.get("file")

    async def work() -> Response:
        if not isinstance(upload, UploadFile) or not upload.filename:
            raise Invalid("Wybierz plik archiwum stóp NBP (XML)", field="file")
        content = await upload.read(MAX_BYTES + 1)
        result = await service.import_archive(
            session, content, upload.filename, user.username, today
        )
        flash(request, result.summary, "error" if result.plan.conflicts else "ok")
        return see_other("/stopy")

    try:
        if done := await attempt(session, form, work):
            return done
    finally:
        await data.close()  # the upload's spooled file (read by hand, not by a parameter)
    return await _page(request, session, today, settings.rates_check_days, failed=form)


@router.post("/sprawdzone")
async def confirm(
    request: Request,
    session: SessionDep,
    user: Admin,
    today: TodayDep,
    settings: SettingsDep,
) -> Response:
    """Record "stopy sprawdzone na dzień …"."""
    form, data = await read_form(request, CheckForm, "sprawdzenie")
    if data is not None:

        async def work() -> Response:
            await service.confirm_rates(session, data.checked_on, data.note, user.username, today)
            flash(request, f"Zapisano: stopy sprawdzone na dzień {data.checked_on:%d.%m.%Y}.")
            return see_other("/stopy")

        if done := await attempt(session, form, work):
            return done
    return await _page(request, session, today, settings.rates_check_days, failed=form)
