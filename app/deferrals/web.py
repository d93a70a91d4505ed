"""Issue 20 item 3: the deferral page of a receivable (application, referral with its letter,
the decision received back). Each form calls the same use case as the API in a savepoint and
redirects back (303), or shows the page again with the message next to the field, nothing
written."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import date
from typing import TypeVar

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response
from sqlalchemy.ext.asyncio import AsyncSession

from app.audit.reads import audited
from app.auth.deps import SessionDep
from app.deferrals import service
from app.deferrals.forms import ApplicationForm, DeferralForm, ReferralForm, RefusalForm
from app.deps import TodayDep
from app.receivables import service as receivable_service
from app.web.forms import FormState, WebForm, blank_form, submit_action
from app.web.session import Collector, Reader, verify_csrf
from app.web.templating import pl_date, render, zl

router = APIRouter(prefix="/naleznosci/{receivable_id}/odroczenie", include_in_schema=False)
F = TypeVar("F", bound=WebForm)
FORMS: dict[str, type[WebForm]] = {
    "wniosek": ApplicationForm,
    "przekazanie": ReferralForm,
    "odroczenie": DeferralForm,
    "odmowa": RefusalForm,
}


async def page(
    request: Request,
    session: AsyncSession,
    receivable_id: int,
    today: date,
    failed: FormState | None = None,
) -> Response:
    card = await receivable_service.card(session, receivable_id, today)
    iso = today.isoformat()
    defaults = {
        "wniosek": {"applied_on": iso},
        "przekazanie": {"referred_on": iso},
        "odroczenie": {"decided_on": iso},
        "odmowa": {"decided_on": iso},
    }
    forms = {name: blank_form(cls, name, **defaults[name]) for name, cls in FORMS.items()}
    if failed is not None:
        forms[failed.name] = failed
    cases = await service.cases(session, receivable_id)
    return render(
        request,
        "deferrals/page.html",
        {
            "card": card,
            "r": card.receivable,
            "f": card.figures,
            "debtor": card.debtor,
            "cases": cases,
            "open": [c for c in cases if c.outcome is None],
            "open_options": [
                (str(c.id), f"wniosek z {pl_date(c.applied_on)}")
                for c in cases
                if c.outcome is None
            ],
            "organ": await service.organ_of(session, card.receivable),
            "forms": forms,
            "failed": failed.name if failed else None,
        },
        failed.status if failed else 200,
    )


async def _submit(
    request: Request,
    session: AsyncSession,
    receivable_id: int,
    today: date,
    form_cls: type[F],
    name: str,
    use_case: Callable[[F], Awaitable[str]],
) -> Response:
    async def again(form: FormState) -> Response:
        return await page(request, session, receivable_id, today, form)

    back = f"/naleznosci/{receivable_id}/odroczenie"
    return await submit_action(request, session, form_cls, name, use_case, back, again)


@router.get("", dependencies=[audited("odroczenie terminu płatności")])
async def show(
    request: Request, receivable_id: int, session: SessionDep, _user: Reader, today: TodayDep
) -> Response:
    """The receivable's relief cases and the forms its state allows."""
    return await page(request, session, receivable_id, today)


@router.post("/wniosek", dependencies=[Depends(verify_csrf)])
async def application(
    request: Request, receivable_id: int, session: SessionDep, user: Collector, today: TodayDep
) -> Response:
    """Record the debtor's application."""

    async def use_case(data: ApplicationForm) -> str:
        await service.apply(session, receivable_id, data.to_schema(), user.username, today)
        return f"Zapisano wniosek dłużnika z dnia {pl_date(data.applied_on)}."

    return await _submit(
        request, session, receivable_id, today, ApplicationForm, "wniosek", use_case
    )


@router.post("/przekazanie", dependencies=[Depends(verify_csrf)])
async def referral(
    request: Request, receivable_id: int, session: SessionDep, user: Collector, today: TodayDep
) -> Response:
    """Refer an application to the competent organ."""

    async def use_case(data: ReferralForm) -> str:
        await service.own_case(session, receivable_id, data.application_id)
        row = await service.refer(
            session, data.application_id, data.referred_on, user.username, today
        )
        return f"Przekazano wniosek do: {row.organ}. Pismo przekazujące: PDF przy wniosku."

    return await _submit(
        request, session, receivable_id, today, ReferralForm, "przekazanie", use_case
    )


@router.post("/decyzja", dependencies=[Depends(verify_csrf)])
async def decision(
    request: Request, receivable_id: int, session: SessionDep, user: Collector, today: TodayDep
) -> Response:
    """Record the decision deferring the payment term."""

    async def use_case(data: DeferralForm) -> str:
        row = await service.grant(session, receivable_id, data.to_schema(), user.username, today)
        assert row.new_term is not None
        fee = f", opłata prolongacyjna {zl(row.fee)}" if row.fee else ""
        return f"Odroczono termin płatności do {pl_date(row.new_term)}{fee}."

    return await _submit(
        request, session, receivable_id, today, DeferralForm, "odroczenie", use_case
    )


@router.post("/odmowa", dependencies=[Depends(verify_csrf)])
async def refusal(
    request: Request, receivable_id: int, session: SessionDep, user: Collector, today: TodayDep
) -> Response:
    """Record a decision refusing the relief."""

    async def use_case(data: RefusalForm) -> str:
        await service.own_case(session, receivable_id, data.application_id)
        body = data.to_schema()
        await service.refuse(
            session, data.application_id, body.decided_on, body.decision_ref, user.username, today
        )
        return "Zapisano odmowę ulgi."

    return await _submit(request, session, receivable_id, today, RefusalForm, "odmowa", use_case)
