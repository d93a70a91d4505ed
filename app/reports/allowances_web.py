"""Issue 22 item 6: the proposed year-end write-down allowances on the accountant's page."""

from __future__ import annotations

from datetime import date

from fastapi import APIRouter, Request
from fastapi.responses import Response

from app.audit.reads import audited
from app.auth.deps import SessionDep
from app.deps import TodayDep
from app.domain.parameters import MissingParameter
from app.reports import allowances
from app.web.session import Reader
from app.web.templating import render

router = APIRouter(prefix="/ksiegowosc", include_in_schema=False)


def last_year_end(today: date) -> date:
    """31 December of this year if today is that day, else of the year before."""
    end = date(today.year, 12, 31)
    return end if today == end else date(today.year - 1, 12, 31)


@router.get("/odpisy", dependencies=[audited("odpisy aktualizujące")])
async def allowances_page(
    request: Request, session: SessionDep, _user: Reader, today: TodayDep, as_of: str | None = None
) -> Response:
    """The allowances the unit's rules propose on the balance-sheet day, with their basis."""
    day, error = last_year_end(today), None
    if as_of:
        try:
            day = date.fromisoformat(as_of)
        except ValueError:
            error = (
                f"Nieprawidłowa data „{as_of}” (oczekiwano RRRR-MM-DD); pokazano {day:%d.%m.%Y}."
            )
    try:
        found = await allowances.proposed(session, day)
    except MissingParameter as exc:
        found, error = None, str(exc)
    context = {"as_of": day, "error": error, "found": found}
    return render(request, "reports/allowances.html", context, 422 if found is None else 200)
