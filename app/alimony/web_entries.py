"""The alimony card's correction forms (issue 19 item 3): correct or reverse a payout, a
recovery, an award or an enforcement with a reason, and record the end of an enforcement. Each
runs app.alimony.corrections in a savepoint; a refusal shows the card again with the form open
and its message, nothing written."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response

from app.alimony import corrections
from app.alimony.entry_forms import form_name
from app.alimony.forms import CORRECTION_FORMS, EnforcementEndForm, ReversalForm
from app.alimony.web import card_page
from app.auth.deps import SessionDep
from app.deps import TodayDep
from app.errors import NotFound
from app.web.forms import FormState, submit_action
from app.web.session import Collector, verify_csrf
from app.web.templating import pl_date

router = APIRouter(prefix="/alimenty", dependencies=[Depends(verify_csrf)], include_in_schema=False)


def _card_url(debtor_id: int) -> str:
    return f"/alimenty/zobowiazani/{debtor_id}#wpisy"


def _entry(entry: str) -> str:
    if entry not in CORRECTION_FORMS:
        raise NotFound(f"Nie ma wpisów „{entry}” (są: {', '.join(CORRECTION_FORMS)})")
    return entry


@router.post("/zobowiazani/{debtor_id}/wpisy/{entry}/{entry_id}/korekta")
async def correct(
    request: Request,
    debtor_id: int,
    entry: str,
    entry_id: int,
    session: SessionDep,
    user: Collector,
    today: TodayDep,
) -> Response:
    """Correct an entry (its date and amount; an enforcement's authority and case number)."""
    form_cls = CORRECTION_FORMS[_entry(entry)]

    async def use_case(data: Any) -> str:
        change = corrections.Change(
            reason=data.reason,
            on=data.on,
            amount=getattr(data, "amount", None),
            authority=getattr(data, "authority", None),
            case_ref=getattr(data, "case_ref", None),
        )
        made = await corrections.amend(
            session, debtor_id, entry, entry_id, change, data.reason, user.username, today
        )
        return f"Poprawiono wpis: {made.before} → {made.after}."

    async def page(form: FormState) -> Response:
        return await card_page(request, session, debtor_id, today, form)

    name = form_name("k", entry, entry_id)
    return await submit_action(
        request, session, form_cls, name, use_case, _card_url(debtor_id), page
    )


@router.post("/zobowiazani/{debtor_id}/wpisy/{entry}/{entry_id}/wycofanie")
async def reverse(
    request: Request,
    debtor_id: int,
    entry: str,
    entry_id: int,
    session: SessionDep,
    user: Collector,
    today: TodayDep,
) -> Response:
    """Reverse an entry made in error; the reason and the entry stay in the history."""
    _entry(entry)

    async def use_case(data: ReversalForm) -> str:
        made = await corrections.amend(
            session, debtor_id, entry, entry_id, None, data.reason, user.username, today
        )
        return f"Wycofano wpis: {made.before}. Powód: {made.reason}."

    async def page(form: FormState) -> Response:
        return await card_page(request, session, debtor_id, today, form)

    name = form_name("s", entry, entry_id)
    return await submit_action(
        request, session, ReversalForm, name, use_case, _card_url(debtor_id), page
    )


@router.post("/zobowiazani/{debtor_id}/egzekucje/{enforcement_id}/zakonczenie")
async def end_enforcement(
    request: Request,
    debtor_id: int,
    enforcement_id: int,
    session: SessionDep,
    user: Collector,
    today: TodayDep,
) -> Response:
    """Record that an enforcement ended (KRZ: it no longer counts as under way)."""

    async def use_case(data: EnforcementEndForm) -> str:
        await corrections.end_enforcement(
            session,
            debtor_id,
            enforcement_id,
            data.ended_on,
            data.reason or "zakończenie egzekucji",
            user.username,
            today,
        )
        return f"Zapisano zakończenie egzekucji z dniem {pl_date(data.ended_on)}."

    async def page(form: FormState) -> Response:
        return await card_page(request, session, debtor_id, today, form)

    name = form_name("z", "egzekucja", enforcement_id)
    return await submit_action(
        request, session, EnforcementEndForm, name, use_case, _card_url(debtor_id), page
    )
