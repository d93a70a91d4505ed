"""The correspondence page: the day's letters with their route, the post book and its EN export,
the labels, the registered numbers, the e-Doręczenia dispatch and proof import, and the search of
a document by its registered number."""

from __future__ import annotations

from datetime import date

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response
from pydantic import Field
from starlette.datastructures import UploadFile as StarletteUpload

from app.auth.deps import SessionDep, SettingsDep
from app.deps import TodayDep
from app.edelivery import service as edelivery
from app.errors import Invalid
from app.files import service as files
from app.postbook import service
from app.web.forms import (
    Day,
    FormState,
    WebForm,
    attempt,
    blank_form,
    query_day,
    read_form,
    see_other,
)
from app.web.session import Collector, Reader, flash, verify_csrf
from app.web.templating import pl_date, render

router = APIRouter(
    prefix="/korespondencja", dependencies=[Depends(verify_csrf)], include_in_schema=False
)


class NumberForm(WebForm):
    document_id: int
    number: str = Field(min_length=1, max_length=40)


class DispatchForm(WebForm):
    day: Day


class ProofForm(WebForm):
    file: str | None = None


async def _page(
    request: Request,
    session: SessionDep,
    day: date,
    failed: FormState | None = None,
    nr: str | None = None,
) -> Response:
    forms = {
        "numer": blank_form(NumberForm, "numer"),
        "wysylka": blank_form(DispatchForm, "wysylka", day=day.isoformat()),
        "dowod": blank_form(ProofForm, "dowod"),
    }
    if failed is not None:
        forms[failed.name] = failed
    found, search_error = [], None
    if nr:
        try:
            found = await service.find_by_number(session, nr)
        except Invalid as exc:
            search_error = exc.detail
    return render(
        request,
        "postbook/index.html",
        {
            "day": day,
            "letters": await service.day_letters(session, day),
            "forms": forms,
            "nr": nr or "",
            "found": found,
            "search_error": search_error,
        },
        failed.status if failed else 200,
    )


@router.get("")
async def page(
    request: Request,
    session: SessionDep,
    _user: Reader,
    today: TodayDep,
    dzien: str | None = None,
    nr: str | None = None,
) -> Response:
    """The day's letters and what to do with them."""
    return await _page(request, session, query_day(dzien, today), nr=nr)


@router.post("/numer")
async def record_number(
    request: Request, session: SessionDep, _user: Collector, today: TodayDep
) -> Response:
    """Record a registered letter's number from the post book."""
    form, data = await read_form(request, NumberForm, "numer")
    day = date.fromisoformat(str((await request.form()).get("dzien") or today.isoformat()))
    if data is not None:

        async def work() -> Response:
            doc = await service.record_number(session, data.document_id, data.number)
            flash(request, f"Zapisano numer nadania {doc.registered_number} przy {doc.number}.")
            return see_other(f"/korespondencja?dzien={day.isoformat()}")

        if done := await attempt(session, form, work):
            return done
    return await _page(request, session, day, form)


@router.post("/e-doreczenia")
async def dispatch(
    request: Request, session: SessionDep, user: Collector, today: TodayDep, settings: SettingsDep
) -> Response:
    """Send the day's letters to the debtors' ADE (manual channel: the package to upload)."""
    form, data = await read_form(request, DispatchForm, "wysylka")
    if data is not None:

        async def work() -> Response:
            if data.day > today:
                raise Invalid("Data z przyszłości", field="day")
            done = await edelivery.dispatch_day(session, data.day, user.username, settings)
            link = f" Paczka do wysłania: /api/v1/files/{done.package.id}" if done.package else ""
            flash(request, f"Wysłano elektronicznie pism: {len(done.rows)}.{link}")
            return see_other(f"/korespondencja?dzien={data.day.isoformat()}")

        if done := await attempt(session, form, work):
            return done
    return await _page(request, session, data.day if data else today, form)


@router.post("/dowod")
async def proof(
    request: Request, session: SessionDep, user: Collector, today: TodayDep
) -> Response:
    """Import the e-delivery proof (UPD) of a letter."""
    form, _data = await read_form(request, ProofForm, "dowod")
    sent = (await request.form()).get("file")

    async def work() -> Response:
        if not isinstance(sent, StarletteUpload) or not sent.filename:
            raise Invalid("Wybierz plik dowodu (UPD)", field="file")
        content = await sent.read(files.MAX_PROOF + 1)
        done = await edelivery.import_proof(
            session, files.Upload(sent.filename, content), user.username, today
        )
        on = pl_date(done.delivery.effective_on)
        flash(request, f"Zaimportowano dowód: {done.document.number} doręczono {on}.")
        return see_other(f"/naleznosci/{done.receivable.id}")

    try:
        if done := await attempt(session, form, work):
            return done
        return await _page(request, session, today, form)
    finally:
        await files.close_uploads(request)
