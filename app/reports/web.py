"""The chief accountant's page (issue 22): the quarter's Rb-N figures with the receivables behind
each, the aging, the turnover and Rb-27S of the quarter, the receivables near limitation; the
printouts and the FK export are links to the API (the same services)."""

from __future__ import annotations

from base64 import b64encode
from datetime import date, timedelta

from fastapi import APIRouter, Request
from fastapi.responses import Response

from app.audit.reads import audited
from app.auth.deps import SessionDep
from app.deps import TodayDep
from app.reports import pictures, statements
from app.web.forms import web_date
from app.web.session import Reader
from app.web.templating import render

router = APIRouter(prefix="/ksiegowosc", include_in_schema=False)


def last_quarter_end(today: date) -> date:
    """The last day of the quarter before the one `today` is in, or today if it is one."""
    start, end = statements.quarter_of(today)
    return today if today == end else start - timedelta(days=1)


def _day(raw: str | None, default: date) -> tuple[date, str | None]:
    if not raw:
        return default, None
    try:
        return web_date(raw), None  # DD.MM.RRRR as typed (issue 19 item 4), or RRRR-MM-DD
    except ValueError as exc:
        return default, f"Nieprawidłowa data „{raw}”: {exc}; pokazano stan na dzień domyślny."


@router.get("", dependencies=[audited("strona głównego księgowego")])
async def accountant_page(
    request: Request, session: SessionDep, _user: Reader, today: TodayDep, as_of: str | None = None
) -> Response:
    day, error = _day(as_of, last_quarter_end(today))
    start, end = statements.quarter_of(day)
    context = {
        "as_of": day,
        "error": error,
        "start": start,
        "end": day,
        "rbn": await statements.rb_n(session, day),
        "aging": await statements.aging(session, day),
        "turnover": await statements.turnover(session, start, day),
        "rb27": await statements.rb_27s(session, start, day),
        "near": await statements.near_limitation(session, day),
        "components": statements.COMPONENT_LABELS,
        "charts": _charts(await statements.chart_data(session, day))
        + [pictures.titles_picture(await pictures.titles_at_authorities(session))],
    }
    return render(request, "reports/accountant.html", context)


def _charts(data: statements.ChartData) -> list[tuple[str, str]]:
    """(caption, data: URI) of each chart, drawn on the server as SVG (letters/charts.py) and
    shown as an image: readable without JavaScript, and the page's Content-Security-Policy
    (styles from this origin only, images also as data:) does not reach inside an image."""
    from letters.charts import svg

    return [
        (caption, "data:image/svg+xml;base64," + b64encode(svg(d, caption, k).encode()).decode())
        for k, caption, d in statements.drawings(data)
    ]


@router.get("/naleznosci", dependencies=[audited("Rb-N: należności za kwotą")])
async def drill_down(
    request: Request,
    session: SessionDep,
    _user: Reader,
    today: TodayDep,
    as_of: str | None = None,
    kind: str | None = None,
    due: bool = False,
    page: int = 1,
) -> Response:
    """The receivables behind one Rb-N figure, 200 a page."""
    day, error = _day(as_of, last_quarter_end(today))
    page = max(page, 1)
    rows = await statements.rb_n_receivables(session, day, kind, due, 200, (page - 1) * 200)
    context = {"as_of": day, "error": error, "kind": kind, "due": due, "rows": rows, "page": page}
    return render(request, "reports/drill_down.html", context)
