"""The dashboard: folder counts (seed 003 §2.3) and today's work."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response

from app.alimony import case as alimony_case
from app.auth.deps import SessionDep
from app.deps import TodayDep
from app.parameters import service as rates_service
from app.receivables import folders, worklists
from app.reports import pictures
from app.sweeps import service as sweeps_service
from app.unit.checklist import checklist
from app.web.session import Reader, verify_csrf
from app.web.templating import render

router = APIRouter(dependencies=[Depends(verify_csrf)], include_in_schema=False)

DEMAND_DAYS = 7  # how far ahead "demands whose term ends soon" looks


@router.get("/")
async def dashboard(
    request: Request, session: SessionDep, _user: Reader, today: TodayDep
) -> Response:
    """Folder counts and the work lists of the day; for the admin, what setup still lacks."""
    viewer = request.state.viewer
    setup = await checklist(session, today) if viewer.can("admin") else None
    counts = await folders.folder_counts(session, today.year, today)
    work = {
        "demands_ending": await worklists.demands_ending(session, today, DEMAND_DAYS),
        "demands_undelivered": await worklists.demands_undelivered(session, today),
        "reminders_ready": await worklists.reminders_ready(session, today),
        "awaiting_decision": await worklists.awaiting_decision(session, today),
        "reminders_before_limitation": await worklists.reminders_before_limitation(session, today),
        "reminders_undelivered": await worklists.reminders_undelivered(session, today),
        "titles_ready": [
            worklists.WorkRow.of(row)
            for row in await sweeps_service.ready_for_title(session, today, limit=worklists.LIMIT)
        ],
        "instalments_missed": await worklists.instalments_missed(session, today),
    }
    # Issue 18 item 8: alimony cases with what is due, overdue or awaited.
    alimony_cases = await alimony_case.worklist(session, today, worklists.LIMIT)
    settings = request.app.state.settings
    return render(
        request,
        "web/dashboard.html",
        {
            # Issue 16 item 2: warn when neither a rate row nor a confirmation is recent.
            "rates": await rates_service.freshness(session, today, settings.rates_check_days),
            "folders": [(f, counts[f.code]) for f in folders.FOLDERS],
            "work": work,
            "alimony_cases": alimony_cases,
            "demand_days": DEMAND_DAYS,
            "limit": worklists.LIMIT,
            "setup": setup,
            # Issue 22 item 5: the portfolio by state and aging, the titles at the authorities.
            "charts": await pictures.dashboard_charts(session, today),
        },
    )
