"""Scheduler page: the history of sweep runs and a "run now" button (Permission.SWEEP)."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response

from app.auth.deps import SessionDep
from app.backup import web as backup_web
from app.backup.service import BACKUP_JOB, size_text
from app.deps import TodayDep
from app.errors import Invalid
from app.polish import first_upper, pl_date
from app.sweeps import service
from app.sweeps.schemas import Job
from app.web.forms import FormState, OptionalDay, WebForm, attempt, blank_form, read_form, see_other
from app.web.session import Reader, Sweeper, flash, verify_csrf
from app.web.templating import render

router = APIRouter(
    prefix="/przeglady", dependencies=[Depends(verify_csrf)], include_in_schema=False
)


JOB_LABELS = {
    Job.DAILY: "przegląd dzienny (stany, gotowe do tytułu)",
    Job.YEAR_END: "wykazy na koniec roku",
    Job.ARCHIVE: "archiwum (akta zamknięte przed 1 stycznia dwa lata temu)",
}


class SweepForm(WebForm):
    job: Job = Job.DAILY
    as_of: OptionalDay = None


async def _page(request: Request, session: SessionDep, form: FormState) -> Response:
    runs = await service.history(session)
    context = {
        "runs": runs,
        "form": form,
        "jobs": JOB_LABELS,
        "labels": {**JOB_LABELS, BACKUP_JOB: "kopia zapasowa bazy danych"},
        "backup": await backup_web.panel(request, session),
        "size_text": size_text,
        "details_text": service.details_text,
        "actor_label": service.actor_label,
    }
    return render(request, "sweeps/index.html", context, form.status)


@router.get("")
async def history(request: Request, session: SessionDep, _user: Reader) -> Response:
    """History of the sweep runs, newest first."""
    return await _page(request, session, blank_form(SweepForm, "przeglad", job=Job.DAILY.value))


@router.post("/uruchom")
async def run_now(
    request: Request, session: SessionDep, user: Sweeper, today: TodayDep
) -> Response:
    """Run a job now (as of today, or a past day to catch up); refused while it runs elsewhere."""
    form, data = await read_form(request, SweepForm, "przeglad")
    if data is not None:

        async def work() -> Response:
            day = data.as_of or today
            if day > today:
                raise Invalid("Przeglądu nie można uruchomić na dzień z przyszłości", field="as_of")
            result = await service.run(session, data.job, day, user.username)
            flash(
                request,
                f"{first_upper(JOB_LABELS[data.job])} na dzień {pl_date(day)}: "
                f"{service.changed_text(result.rows_changed)}. "
                f"{service.details_text(result.details)}",
            )
            return see_other("/przeglady")

        if done := await attempt(session, form, work):
            return done
    return await _page(request, session, form)
