"""Users and roles (admin only): the list and the form that creates a user."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response
from pydantic import Field

from app.auth import service
from app.auth.deps import SessionDep
from app.auth.roles import ROLE_PERMISSIONS, Role
from app.web.forms import FormState, WebForm, attempt, blank_form, read_form, see_other
from app.web.session import Admin, flash, verify_csrf
from app.web.templating import render

router = APIRouter(
    prefix="/uzytkownicy", dependencies=[Depends(verify_csrf)], include_in_schema=False
)

ROLE_LABELS = {
    Role.SPECJALISTA: "specjalista ds. windykacji",
    Role.KSIEGOWY: "główny księgowy",
    Role.KIEROWNIK: "kierownik / dyrektor",
    Role.ADMIN: "administrator",
}


class UserForm(WebForm):
    username: str = Field(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9._-]+$")
    full_name: str = Field(default="", max_length=200)
    role: Role
    password: str = Field(min_length=8, max_length=1024)


async def _page(request: Request, session: SessionDep, form: FormState) -> Response:
    form.values.pop("password", None)  # never sent back to the browser
    if form.errors.get("username") == "Nieprawidłowy format":
        form.errors["username"] = (
            "Tylko litery bez polskich znaków, cyfry, kropka, myślnik i podkreślenie"
        )
    return render(
        request,
        "auth/users.html",
        {
            "users": await service.list_users(session),
            "form": form,
            "roles": ROLE_LABELS,
            "permissions": ROLE_PERMISSIONS,
        },
        form.status,
    )


@router.get("")
async def users(request: Request, session: SessionDep, _user: Admin) -> Response:
    """Users and their roles."""
    return await _page(
        request, session, blank_form(UserForm, "uzytkownik", role=Role.SPECJALISTA.value)
    )


@router.post("")
async def create_user(request: Request, session: SessionDep, _user: Admin) -> Response:
    """Create a user with a role."""
    form, data = await read_form(request, UserForm, "uzytkownik")
    if data is not None:

        async def work() -> Response:
            user = await service.create_user(
                session, data.username, data.password, data.role, data.full_name
            )
            flash(request, f"Utworzono użytkownika {user.username} (rola: {user.role}).")
            return see_other("/uzytkownicy")

        if done := await attempt(session, form, work):
            return done
    return await _page(request, session, form)
