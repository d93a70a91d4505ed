"""Issue 22 item 6: the timeliness page for the director and the RIO auditor."""

from __future__ import annotations

from datetime import date

from fastapi import APIRouter, Request
from fastapi.responses import Response

from app.audit.reads import audited
from app.auth.deps import SessionDep
from app.deps import TodayDep
from app.timeliness import service
from app.web.session import Reader
from app.web.templating import render

router = APIRouter(include_in_schema=False)


def _day(raw: str | None, default: date) -> tuple[date, str | None]:
    if not raw:
        return default, None
    try:
        return date.fromisoformat(raw), None
    except ValueError:
        return default, f"Nieprawidłowa data „{raw}” (oczekiwano RRRR-MM-DD)."


@router.get("/ksiegowosc/terminowosc", dependencies=[audited("terminowość czynności")])
async def timeliness_page(
    request: Request,
    session: SessionDep,
    _user: Reader,
    today: TodayDep,
    od: str | None = None,
    do: str | None = None,
) -> Response:
    """Lag of every step per specialist and month; the time-barred receivables' last actions."""
    start, e1 = _day(od, date(today.year, 1, 1))
    end, e2 = _day(do, today)
    error = e1 or e2
    if start > end:
        start, error = date(end.year, 1, 1), "Początek okresu po jego końcu."
    return render(
        request,
        "timeliness/page.html",
        {
            "start": start,
            "end": end,
            "error": error,
            "groups": await service.summary(session, start, end),
            "barred": await service.time_barred(session, min(end, today)),
            "pending": await service.pending(session, min(end, today)),
            "pending_on": min(end, today),
            "labels": service.STEP_LABELS,
        },
    )
