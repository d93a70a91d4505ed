"""Issue 20 item 7 on the web: the deceased debtor's estate page (/zobowiazani/{id}/spadek):
the death, the heirs, the division, the write-off for lack of an estate. Each form calls the same
use case as the API in a savepoint and redirects back (303), or shows the page again with the
message next to the field, nothing written."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import date
from typing import TypeVar

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response
from sqlalchemy.ext.asyncio import AsyncSession

from app.audit.reads import audited
from app.auth.deps import SessionDep
from app.debtors import service as debtor_service
from app.deps import TodayDep
from app.domain.estate import GROUND_LABELS
from app.estates import service
from app.estates.forms import DeathForm, DivisionForm, EstateWriteOffForm, HeirForm
from app.web.forms import FormState, WebForm, blank_form, submit_action
from app.web.session import Collector, Reader, Signer, verify_csrf
from app.web.templating import pl_date, render, zl

router = APIRouter(
    prefix="/zobowiazani/{debtor_id}/spadek",
    dependencies=[Depends(verify_csrf)],
    include_in_schema=False,
)
F = TypeVar("F", bound=WebForm)
FORMS: dict[str, type[WebForm]] = {
    "zgon": DeathForm,
    "spadkobierca": HeirForm,
    "dzial": DivisionForm,
    "umorzenie": EstateWriteOffForm,
}


async def _page(
    request: Request,
    session: AsyncSession,
    debtor_id: int,
    today: date,
    failed: FormState | None = None,
) -> Response:
    debtor = await debtor_service.get(session, debtor_id)
    estate = await service.read(session, debtor_id, today) if debtor.deceased else None
    forms = {name: blank_form(cls, name) for name, cls in FORMS.items()}
    if failed is not None:
        forms[failed.name] = failed
    if debtor.deceased_on and not forms["zgon"].value("died_on"):
        forms["zgon"].values["died_on"] = debtor.deceased_on.isoformat()
    context = {
        "debtor": debtor,
        "estate": estate,
        "forms": forms,
        "failed": failed.name if failed else None,
        "grounds": [(g.value, label) for g, label in GROUND_LABELS.items()],
    }
    return render(request, "estates/page.html", context, failed.status if failed else 200)


async def _submit(
    request: Request,
    session: AsyncSession,
    debtor_id: int,
    today: date,
    form_cls: type[F],
    name: str,
    use_case: Callable[[F], Awaitable[str]],
) -> Response:
    async def page(form: FormState) -> Response:
        return await _page(request, session, debtor_id, today, form)

    back = f"/zobowiazani/{debtor_id}/spadek"
    return await submit_action(request, session, form_cls, name, use_case, back, page)


@router.get("", dependencies=[audited("spadek zobowiązanego")])
async def estate_page(
    request: Request, debtor_id: int, session: SessionDep, _user: Reader, today: TodayDep
) -> Response:
    """The deceased debtor's estate: heirs, what each answers for, the forms."""
    return await _page(request, session, debtor_id, today)


@router.post("/zgon")
async def death(
    request: Request, debtor_id: int, session: SessionDep, user: Collector, today: TodayDep
) -> Response:
    async def use_case(data: DeathForm) -> str:
        d = await service.record_death(session, debtor_id, data.to_schema(), user.username, today)
        assert d.deceased_on is not None
        return f"Odnotowano zgon z dnia {pl_date(d.deceased_on)}: należności dochodzone od spadku."

    return await _submit(request, session, debtor_id, today, DeathForm, "zgon", use_case)


@router.post("/spadkobierca")
async def heir(
    request: Request, debtor_id: int, session: SessionDep, user: Collector, today: TodayDep
) -> Response:
    async def use_case(data: HeirForm) -> str:
        await service.add_heir(session, debtor_id, data.to_schema(), user.username, today)
        return f"Dodano spadkobiercę z udziałem {data.share}."

    return await _submit(request, session, debtor_id, today, HeirForm, "spadkobierca", use_case)


@router.post("/dzial")
async def division(
    request: Request, debtor_id: int, session: SessionDep, _user: Collector, today: TodayDep
) -> Response:
    async def use_case(data: DivisionForm) -> str:
        await service.divide(session, debtor_id, data.to_schema(), today)
        return f"Zapisano dział spadku z dnia {pl_date(data.divided_on)}."

    return await _submit(request, session, debtor_id, today, DivisionForm, "dzial", use_case)


@router.post("/umorzenie")
async def write_off(
    request: Request, debtor_id: int, session: SessionDep, user: Signer, today: TodayDep
) -> Response:
    async def use_case(data: EstateWriteOffForm) -> str:
        row = await service.write_off(session, debtor_id, data.to_schema(), user.username, today)
        return f"Umorzono należności zmarłego na kwotę {zl(row.total)} ({row.decision_ref})."

    return await _submit(
        request, session, debtor_id, today, EstateWriteOffForm, "umorzenie", use_case
    )
