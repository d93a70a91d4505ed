"""Batch work: the day's reminders (issued in bulk by app.documents.batch, printed as one PDF),
the handoff of titles to the enforcement authority (app.titles.service), the year-end list of
time-barred receivables (app.sweeps.service). Files come from the API; links to routes that do not
exist yet are marked as such."""

from __future__ import annotations

from datetime import date

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response
from pydantic import Field

from app.auth.deps import SessionDep
from app.deps import TodayDep
from app.documents import batch as reminder_batch
from app.domain.archive import year_end_cutoff
from app.domain.lifecycle import State
from app.errors import Invalid
from app.receivables import worklists
from app.sweeps import service as sweeps_service
from app.titles import service as titles_service
from app.unit import authorities
from app.web.forms import (
    Day,
    FormState,
    Text,
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
    prefix="/prace-zbiorcze", dependencies=[Depends(verify_csrf)], include_in_schema=False
)


class RemindersForm(WebForm):
    issued_on: Day


class HandoffForm(WebForm):
    issued_on: Day
    authority: Text = Field(default=None, max_length=32)


async def _page(
    request: Request,
    session: SessionDep,
    today: date,
    year: int | None = None,
    printed: date | None = None,
    failed: FormState | None = None,
) -> Response:
    year = year if year and 2000 <= year <= today.year else today.year
    listed = [a for a, _communes in await authorities.listing(session)]
    default = next((a.code for a in listed if a.is_default), "")
    forms = {
        "upomnienia": blank_form(RemindersForm, "upomnienia", issued_on=today.isoformat()),
        "przekazanie": blank_form(
            HandoffForm, "przekazanie", issued_on=today.isoformat(), authority=default
        ),
    }
    if failed is not None:
        forms[failed.name] = failed
    barred = await sweeps_service.time_barred_list(
        session, min(year_end_cutoff(year), today), limit=worklists.LIMIT
    )
    return render(
        request,
        "web/batch.html",
        {
            "forms": forms,
            "ready": await worklists.reminders_ready(session, today),
            "awaiting_decision": await worklists.awaiting_decision(session, today),
            "before_limitation": await worklists.reminders_before_limitation(session, today),
            "to_print": await worklists.documents_undelivered(
                session, "upomnienie", State.UPOMNIENIE
            ),
            "printed": printed or today,
            "titles": await worklists.titles_unsent(session),
            "handoffs": (await titles_service.handoffs(session))[:20],
            "barred": [worklists.WorkRow.of(row) for row in barred],
            "year": year,
            "limit": worklists.LIMIT,
            "authorities": listed,
            "authority_options": [(a.code, f"{a.name} ({a.code})") for a in listed],
        },
        failed.status if failed else 200,
    )


@router.get("")
async def batch_page(
    request: Request,
    session: SessionDep,
    _user: Reader,
    today: TodayDep,
    rok: int | None = None,
    dzien: str | None = None,
) -> Response:
    """The day's reminders, the handoff to the enforcement authority, the year-end list."""
    return await _page(request, session, today, rok, query_day(dzien, today) if dzien else None)


@router.post("/upomnienia")
async def issue_reminders(
    request: Request, session: SessionDep, user: Collector, today: TodayDep
) -> Response:
    """Issue every reminder due on a day (amounts the creditor need not pursue are skipped)."""
    form, data = await read_form(request, RemindersForm, "upomnienia")
    if data is not None:

        async def work() -> Response:
            if data.issued_on > today:
                raise Invalid("Data z przyszłości", field="issued_on")
            result = await reminder_batch.issue_due_reminders(
                session, data.issued_on, user.username, today
            )
            numbers = ", ".join(d.number for d in result.issued) or "żadnego"
            # Issue 16 item 8: every receivable not reminded is named with its reason.
            skipped = "; ".join(f"nr {k.receivable_id}: {k.reason}" for k in result.skipped)
            flash(
                request,
                f"Wystawiono upomnienia z dniem {pl_date(data.issued_on)}: {numbers}."
                + (f" Pominięto {len(result.skipped)}: {skipped}." if result.skipped else ""),
            )
            return see_other(f"/prace-zbiorcze?dzien={data.issued_on.isoformat()}")

        if done := await attempt(session, form, work):
            return done
    return await _page(request, session, today, failed=form)


@router.post("/przekazanie")
async def hand_off(
    request: Request, session: SessionDep, user: Collector, today: TodayDep
) -> Response:
    """Build the handoff batch (titles and notices not yet sent) for an enforcement authority."""
    form, data = await read_form(request, HandoffForm, "przekazanie")
    if data is not None:

        async def work() -> Response:
            if data.issued_on > today:
                raise Invalid("Data z przyszłości", field="issued_on")
            h = await titles_service.build_handoff(
                session, data.issued_on, data.authority, user.username
            )
            flash(
                request,
                f"Przygotowano przekazanie {h.number}: tytuły {h.title_count}, "
                f"zawiadomienia {h.notice_count}.",
            )
            return see_other("/prace-zbiorcze#b-organ")

        if done := await attempt(session, form, work):
            return done
    return await _page(request, session, today, failed=form)
