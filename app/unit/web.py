"""The admin's "Ustawienia jednostki": the unit's data, its enforcement authorities with their
territories, the TERYT register in use; the use cases of /api/v1/unit and /api/v1/authorities."""

from __future__ import annotations

from datetime import UTC, datetime

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response
from sqlalchemy.ext.asyncio import AsyncSession

from app.auth.deps import SessionDep
from app.errors import Invalid
from app.models import Authority
from app.teryt import service as teryt
from app.unit import authorities
from app.unit import service as unit_service
from app.unit.forms import ALIASES, AuthorityForm, UnitForm
from app.web.forms import FormState, attempt, blank_form, read_form, see_other
from app.web.session import Admin, flash, verify_csrf
from app.web.templating import render

router = APIRouter(
    prefix="/jednostka", dependencies=[Depends(verify_csrf)], include_in_schema=False
)


async def _settings_page(request: Request, session: AsyncSession, form: FormState) -> Response:
    listed = await authorities.listing(session)
    return render(
        request,
        "unit/settings.html",
        {
            "form": form,
            "unit": await unit_service.current(session),
            "authorities": listed,
            "registers": await teryt.registers(session),
        },
        form.status,
    )


@router.get("")
async def settings_page(request: Request, session: SessionDep, _user: Admin) -> Response:
    """The unit's data, its authorities and the TERYT register."""
    unit = await unit_service.current(session)
    form = blank_form(UnitForm, "jednostka")
    if unit is not None:
        form.values = UnitForm.values_of(unit, await teryt.commune(session, unit.commune_code))
    return await _settings_page(request, session, form)


@router.post("")
async def save_unit(request: Request, session: SessionDep, user: Admin) -> Response:
    """Save the unit's data."""
    form, data = await read_form(request, UnitForm, "jednostka")
    if data is not None:

        async def work() -> Response:
            commune = await teryt.pick(session, data.commune, data.commune_code)
            now = datetime.now(UTC)
            await unit_service.update(session, data.to_schema(commune), user.username, now)
            flash(request, "Zapisano dane jednostki.")
            return see_other("/jednostka")

        if done := await attempt(session, form, work, ALIASES):
            return done
    return await _settings_page(request, session, form)


def _authority_page(
    request: Request, form: FormState, authority: Authority | None = None
) -> Response:
    return render(
        request, "unit/authority.html", {"form": form, "authority": authority}, form.status
    )


async def _territory(session: AsyncSession, form: AuthorityForm) -> list[str]:
    """The territory's lines as TERC codes; a line without a code names a commune."""
    codes = []
    for code, line in form.commune_lines():
        if code is None:
            try:
                picked = await teryt.pick(session, line, None, field="communes")
            except Invalid as exc:
                raise Invalid(f"{line}: {exc.detail}", field="communes") from None
            code = picked.code if picked else None
        if code:
            codes.append(code)
    return codes


@router.get("/organy/nowy")
async def new_authority(request: Request, _user: Admin) -> Response:
    """The form to add an enforcement authority."""
    return _authority_page(request, blank_form(AuthorityForm, "organ"))


@router.post("/organy/nowy")
async def create_authority(request: Request, session: SessionDep, _user: Admin) -> Response:
    """Add an enforcement authority."""
    form, data = await read_form(request, AuthorityForm, "organ")
    if data is not None:

        async def work() -> Response:
            commune = await teryt.pick(session, data.commune, data.commune_code)
            territory = await _territory(session, data)
            created = await authorities.create(session, data.to_create(commune, territory))
            flash(request, f"Dodano organ egzekucyjny {created.code}.")
            return see_other("/jednostka#organy")

        if done := await attempt(session, form, work, ALIASES):
            return done
    return _authority_page(request, form)


@router.get("/organy/{code}")
async def edit_authority(
    request: Request, code: str, session: SessionDep, _user: Admin
) -> Response:
    """An enforcement authority's data and territory."""
    authority = await authorities.get(session, code)
    codes = await authorities.territory(session, code)
    found = await teryt.communes(session, codes)
    commune = await teryt.commune(session, authority.commune_code)
    values = AuthorityForm.values_of(authority, commune, [found[c] for c in codes if c in found])
    form = FormState("organ", tuple(AuthorityForm.model_fields), values)
    return _authority_page(request, form, authority)


@router.post("/organy/{code}")
async def save_authority(
    request: Request, code: str, session: SessionDep, _user: Admin
) -> Response:
    """Save an enforcement authority."""
    authority = await authorities.get(session, code)
    form, data = await read_form(request, AuthorityForm, "organ")
    if data is not None:

        async def work() -> Response:
            commune = await teryt.pick(session, data.commune, data.commune_code)
            territory = await _territory(session, data)
            await authorities.update(session, code, data.to_update(commune, territory))
            flash(request, f"Zapisano organ egzekucyjny {code}.")
            return see_other("/jednostka#organy")

        if done := await attempt(session, form, work, ALIASES):
            return done
        authority = await authorities.get(session, code)
    return _authority_page(request, form, authority)
