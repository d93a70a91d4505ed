"""Issue 20 item 8 on the web (/retencja): the closed files due, the lists sent for the state
archive's consent, the consent, the anonymisation. The same use cases as the API, each in a
savepoint: 303 back, or the page again with the message, nothing written."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import date
from typing import TypeVar

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response
from sqlalchemy.ext.asyncio import AsyncSession

from app.audit.reads import audited
from app.auth.deps import SessionDep, who
from app.deps import TodayDep
from app.retention import service
from app.retention.forms import AnonymiseForm, ConsentForm, DrawForm
from app.web.forms import FormState, WebForm, blank_form, submit_action
from app.web.session import Admin, Collector, Reader, Signer, verify_csrf
from app.web.templating import render

router = APIRouter(prefix="/retencja", dependencies=[Depends(verify_csrf)], include_in_schema=False)
F = TypeVar("F", bound=WebForm)
FORMS: dict[str, type[WebForm]] = {
    "spis": DrawForm,
    "zgoda": ConsentForm,
    "anonimizacja": AnonymiseForm,
}


async def _page(
    request: Request,
    session: AsyncSession,
    today: date,
    failed: FormState | None = None,
    failed_list: int | None = None,
) -> Response:
    forms = {"spis": blank_form(DrawForm, "spis")}
    lists = [await service.read(session, row.id) for row in await service.lists(session)]
    # Each list has its own consent and anonymisation forms; a failed one shows its errors.
    per_list = {
        lst.id: {n: blank_form(FORMS[n], n) for n in ("zgoda", "anonimizacja")} for lst in lists
    }
    if failed is not None:
        target = per_list.get(failed_list, {}) if failed_list is not None else forms
        target[failed.name] = failed
    context = {
        "due": await service.due(session, today),
        "lists": lists,
        "forms": forms,
        "list_forms": per_list,
        "failed": failed.name if failed else None,
        "failed_list": failed_list,
        "today": today,
    }
    return render(request, "retention/index.html", context, failed.status if failed else 200)


async def _submit(
    request: Request,
    session: AsyncSession,
    today: date,
    form_cls: type[F],
    name: str,
    use_case: Callable[[F], Awaitable[str]],
    list_id: int | None = None,
) -> Response:
    async def page(form: FormState) -> Response:
        return await _page(request, session, today, form, list_id)

    return await submit_action(request, session, form_cls, name, use_case, "/retencja", page)


@router.get("", dependencies=[audited("akta do brakowania")])
async def retention_page(
    request: Request, session: SessionDep, _user: Reader, today: TodayDep
) -> Response:
    """Closed files whose retention period has run, and the lists for the archive's consent."""
    return await _page(request, session, today)


@router.post("/spis")
async def draw(request: Request, session: SessionDep, user: Collector, today: TodayDep) -> Response:
    async def use_case(data: DrawForm) -> str:
        row = await service.draw(session, data.to_schema(), who(request, user), today)
        return f"Sporządzono spis {row.number}: wydrukuj go i wyślij do archiwum państwowego."

    return await _submit(request, session, today, DrawForm, "spis", use_case)


@router.post("/{list_id}/zgoda")
async def consent(
    request: Request, list_id: int, session: SessionDep, user: Signer, today: TodayDep
) -> Response:
    async def use_case(data: ConsentForm) -> str:
        row = await service.consent(session, list_id, data.to_schema(), who(request, user), today)
        return f"Zapisano zgodę archiwum ({row.consent_ref}) na spis {row.number}."

    return await _submit(request, session, today, ConsentForm, "zgoda", use_case, list_id)


@router.post("/{list_id}/anonimizacja")
async def anonymise(
    request: Request, list_id: int, session: SessionDep, user: Admin, today: TodayDep
) -> Response:
    async def use_case(_data: AnonymiseForm) -> str:
        done = await service.anonymise(session, list_id, who(request, user), today)
        kept = len(done.kept_debtors)
        extra = f"; dane {kept} zobowiązanych pozostają (inne ich akta)" if kept else ""
        return f"Usunięto dane osobowe {len(done.anonymised_debtors)} zobowiązanych{extra}."

    return await _submit(request, session, today, AnonymiseForm, "anonimizacja", use_case, list_id)
