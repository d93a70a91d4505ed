"""The admin's kinds of receivables: the list, a form to add one and to change one."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response
from pydantic import ValidationError
from sqlalchemy.ext.asyncio import AsyncSession

from app.auth.deps import SessionDep
from app.kinds import forms, openapi, service
from app.kinds.schemas import CHOICES, KindCreate, KindUpdate
from app.models import ReceivableKind
from app.web.forms import FormState, attempt, see_other
from app.web.session import Admin, flash, verify_csrf
from app.web.templating import render

router = APIRouter(prefix="/rodzaje", dependencies=[Depends(verify_csrf)], include_in_schema=False)
FIELDS = ("code", *(i.name for i in forms.inputs()))


@router.get("")
async def kinds_page(request: Request, session: SessionDep, _user: Admin) -> Response:
    """Every kind with its rules."""
    listed = await service.listing(session)
    return render(request, "kinds/index.html", {"kinds": listed, "choices": CHOICES})


def _form_page(
    request: Request, form: FormState, kind: ReceivableKind | None, used: bool
) -> Response:
    context = {"form": form, "kind": kind, "inputs": forms.inputs(), "in_use": used}
    return render(request, "kinds/form.html", context, form.status)


async def _submit(request: Request, session: AsyncSession, kind: ReceivableKind | None) -> Response:
    raw = {k: v for k, v in (await request.form()).items() if isinstance(v, str)}
    form = FormState("rodzaj", FIELDS, {k: v for k, v in raw.items() if k != "csrf_token"})
    try:
        data = forms.parse(raw)
        schema = KindUpdate.model_validate(data) if kind else KindCreate.model_validate(data)
    except ValidationError as exc:
        form.add_validation(exc)
        return _form_page(
            request, form, kind, kind is not None and await service.in_use(session, kind.code)
        )

    async def work() -> Response:
        if kind is None:
            assert isinstance(schema, KindCreate)
            saved = await service.create(session, schema)
            openapi.refresh(request.app, await service.codes(session))
        else:
            saved = await service.update(session, kind.code, schema)
        flash(request, f"Zapisano rodzaj należności: {saved.label}.")
        return see_other("/rodzaje")

    if done := await attempt(session, form, work):
        return done
    used = kind is not None and await service.in_use(session, kind.code)
    return _form_page(request, form, kind, used)


@router.get("/nowy")
async def new_kind(request: Request, _user: Admin) -> Response:
    """The form to add a kind."""
    defaults = {"payment_term_days": "14", "reminder_term_days": "7", "reminder_required": "on"}
    return _form_page(request, FormState("rodzaj", FIELDS, defaults), None, False)


@router.post("/nowy")
async def create_kind(request: Request, session: SessionDep, _user: Admin) -> Response:
    """Add a kind."""
    return await _submit(request, session, None)


@router.get("/{code}")
async def edit_kind(request: Request, code: str, session: SessionDep, _user: Admin) -> Response:
    """A kind's form."""
    kind = await service.get(session, code)
    form = FormState("rodzaj", FIELDS, forms.values_of(kind))
    return _form_page(request, form, kind, await service.in_use(session, code))


@router.post("/{code}")
async def save_kind(request: Request, code: str, session: SessionDep, _user: Admin) -> Response:
    """Save a kind."""
    return await _submit(request, session, await service.get(session, code))
