"""Users and roles (admin only): the list, a new user, and each user's page: name and role,
deactivation, a password reset (changed by the user at the next log-in), lifting log-in delays."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import UTC, datetime

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response
from pydantic import Field

from app.audit import service as audit
from app.audit.repository import AuditRepository
from app.auth import service
from app.auth.deps import SessionDep, who
from app.auth.roles import ROLE_LABELS, ROLE_PERMISSIONS, Role, permission_labels
from app.auth.schemas import UserCreate, UserUpdate
from app.domain.passwords import MAX_LENGTH, MIN_LENGTH
from app.models import AuditEvent
from app.web.forms import FormState, WebForm, attempt, blank_form, read_form, see_other
from app.web.session import Admin, flash, verify_csrf
from app.web.templating import render

router = APIRouter(
    prefix="/uzytkownicy", dependencies=[Depends(verify_csrf)], include_in_schema=False
)

PASSWORD_HINT = f"co najmniej {MIN_LENGTH} znaków; nie login i nie popularne hasło"


class UserForm(WebForm):
    username: str = Field(min_length=1, max_length=64)
    full_name: str = Field(default="", max_length=200)
    role: Role
    password: str = Field(min_length=MIN_LENGTH, max_length=MAX_LENGTH)


class EditForm(WebForm):
    full_name: str = Field(default="", max_length=200)
    role: Role


class ResetForm(WebForm):
    password: str = Field(min_length=MIN_LENGTH, max_length=MAX_LENGTH)


async def _page(request: Request, session: SessionDep, form: FormState) -> Response:
    form.values.pop("password", None)  # never sent back to the browser
    now = datetime.now(UTC)
    views = [
        await service.view(session, u.username, now) for u in await service.list_users(session)
    ]
    return render(
        request,
        "auth/users.html",
        {
            "users": views,
            "form": form,
            "roles": ROLE_LABELS,
            "permissions": ROLE_PERMISSIONS,
            "permission_labels": permission_labels,
            "password_hint": PASSWORD_HINT,
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
async def create_user(request: Request, session: SessionDep, admin: Admin) -> Response:
    """Create a user with a role."""
    form, data = await read_form(request, UserForm, "uzytkownik")
    if data is not None:

        async def work() -> Response:
            body = UserCreate.model_validate(data.model_dump())
            user = await service.create_user(session, body, who(request, admin))
            flash(request, f"Utworzono użytkownika {user.username} (rola: {user.role}).")
            return see_other("/uzytkownicy")

        if done := await attempt(session, form, work):
            return done
    return await _page(request, session, form)


async def _user_page(
    request: Request, session: SessionDep, username: str, forms: dict[str, FormState]
) -> Response:
    view = await service.view(session, username, datetime.now(UTC))
    u = view.user
    defaults = {
        "edycja": blank_form(EditForm, "edycja", full_name=u.full_name, role=u.role),
        "reset": blank_form(ResetForm, "reset"),
    }
    for form in forms.values():
        form.values.pop("password", None)
    status = max((f.status for f in forms.values()), default=200)
    events = await _history(session, u.username)
    return render(
        request,
        "auth/user.html",
        {
            "view": view,
            "forms": {**defaults, **forms},
            "roles": ROLE_LABELS,
            "password_hint": PASSWORD_HINT,
            "events": events,
            "labels": audit.LABELS,
        },
        status,
    )


async def _history(session: SessionDep, username: str) -> list[AuditEvent]:
    return await AuditRepository(session).about_user(username)


@router.get("/{username}")
async def user_page(request: Request, session: SessionDep, username: str, _user: Admin) -> Response:
    """One user: data, state, actions, recent audit entries."""
    return await _user_page(request, session, username, {})


async def _action(
    request: Request,
    session: SessionDep,
    username: str,
    form_cls: type[WebForm] | None,
    name: str,
    use_case: Callable[[WebForm | None], Awaitable[str]],
) -> Response:
    if form_cls is None:
        form, data = FormState(name, ()), None
        ready = True
    else:
        form, data = await read_form(request, form_cls, name)
        ready = data is not None
    if ready:

        async def work() -> Response:
            flash(request, await use_case(data))
            return see_other(f"/uzytkownicy/{username}")

        if done := await attempt(session, form, work):
            return done
    return await _user_page(request, session, username, {name: form})


@router.post("/{username}/edycja")
async def edit(request: Request, session: SessionDep, username: str, admin: Admin) -> Response:
    """Change the name or the role (a role change ends the user's sessions)."""

    async def use_case(data: WebForm | None) -> str:
        assert isinstance(data, EditForm)
        body = UserUpdate.model_validate(data.model_dump())
        await service.update_user(session, username, body, who(request, admin), datetime.now(UTC))
        return "Zapisano zmiany użytkownika."

    return await _action(request, session, username, EditForm, "edycja", use_case)


@router.post("/{username}/dezaktywacja")
async def deactivate(
    request: Request, session: SessionDep, username: str, admin: Admin
) -> Response:
    """Deactivate: no log-in, every session and token of the user ends."""

    async def use_case(_data: WebForm | None) -> str:
        await service.set_active(session, username, False, who(request, admin), datetime.now(UTC))
        return f"Użytkownik {username} został dezaktywowany; jego sesje zakończono."

    return await _action(request, session, username, None, "stan", use_case)


@router.post("/{username}/aktywacja")
async def activate(request: Request, session: SessionDep, username: str, admin: Admin) -> Response:
    """Let the user log in again."""

    async def use_case(_data: WebForm | None) -> str:
        await service.set_active(session, username, True, who(request, admin), datetime.now(UTC))
        return f"Użytkownik {username} może znów się logować."

    return await _action(request, session, username, None, "stan", use_case)


@router.post("/{username}/odblokowanie")
async def unlock(request: Request, session: SessionDep, username: str, admin: Admin) -> Response:
    """Lift the delays on the account's log-in attempts."""

    async def use_case(_data: WebForm | None) -> str:
        await service.unlock(session, username, who(request, admin))
        return f"Zniesiono opóźnienia logowania na konto {username}."

    return await _action(request, session, username, None, "stan", use_case)


@router.post("/{username}/haslo")
async def reset(request: Request, session: SessionDep, username: str, admin: Admin) -> Response:
    """Set a temporary password; the user changes it at the next log-in."""

    async def use_case(data: WebForm | None) -> str:
        assert isinstance(data, ResetForm)
        now = datetime.now(UTC)
        await service.reset_password(session, username, data.password, who(request, admin), now)
        return (
            f"Ustawiono hasło tymczasowe dla {username}; przy logowaniu użytkownik ustawi własne. "
            "Jego sesje zakończono."
        )

    return await _action(request, session, username, ResetForm, "reset", use_case)
