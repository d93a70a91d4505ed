"""The address-search worklist: debtors whose letter came back; the PESEL request to print; the
answer (new address or date of death) recorded with its source and date."""

from __future__ import annotations

from datetime import date
from typing import Literal

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response
from pydantic import Field

from app.addresses import service
from app.auth.deps import SessionDep
from app.deps import TodayDep
from app.web.forms import (
    Day,
    FormState,
    OptionalDay,
    Text,
    WebForm,
    attempt,
    blank_form,
    read_form,
    see_other,
)
from app.web.session import Collector, Reader, flash, verify_csrf
from app.web.templating import render

router = APIRouter(
    prefix="/ustalanie-adresow", dependencies=[Depends(verify_csrf)], include_in_schema=False
)


class AnswerForm(WebForm):
    answered_on: Day
    source: str = Field(min_length=1, max_length=200)
    result: Literal["nowy_adres", "zgon", "brak_danych"]
    street: Text = Field(default=None, max_length=200)
    postal_code: Text = Field(default=None, max_length=10)
    city: Text = Field(default=None, max_length=100)
    terc: Text = Field(default=None, max_length=7)
    death_on: OptionalDay = None
    note: Text = Field(default=None, max_length=2000)

    def answer(self) -> service.Answer:
        return service.Answer(**(self.model_dump() | {"note": self.note or ""}))


async def _page(
    request: Request, session: SessionDep, today: date, failed: FormState | None = None
) -> Response:
    rows = await service.worklist(session)
    forms = {
        s.id: blank_form(
            AnswerForm, f"odpowiedz-{s.id}", answered_on=today.isoformat(), result="nowy_adres"
        )
        for s, _d, _doc in rows
    }
    for search_id in forms:
        if failed is not None and failed.name == f"odpowiedz-{search_id}":
            forms[search_id] = failed
    return render(
        request,
        "addresses/index.html",
        {"rows": rows, "results": list(service.RESULTS.items()), "forms": forms},
        failed.status if failed else 200,
    )


@router.get("")
async def page(request: Request, session: SessionDep, _user: Reader, today: TodayDep) -> Response:
    """Open address searches, oldest first."""
    return await _page(request, session, today)


@router.post("/{search_id}/odpowiedz")
async def answer(
    request: Request, search_id: int, session: SessionDep, user: Collector, today: TodayDep
) -> Response:
    """Record the answer to the address search; it closes the task."""
    form, data = await read_form(request, AnswerForm, f"odpowiedz-{search_id}")
    if data is not None:

        async def work() -> Response:
            await service.answer(session, search_id, data.answer(), user.username, today)
            flash(request, f"Zapisano wynik ustalenia adresu: {service.RESULTS[data.result]}.")
            return see_other("/ustalanie-adresow")

        if done := await attempt(session, form, work):
            return done
    return await _page(request, session, today, form)
