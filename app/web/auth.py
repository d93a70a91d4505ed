"""Log in, log out and change one's password in the web forms (session cookie naming a
server-side session row; throttling and audit are app.auth.login's)."""

from __future__ import annotations

from datetime import UTC, datetime

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response
from pydantic import Field

from app.audit import service as audit
from app.auth import service
from app.auth.deps import (
    Authenticated,
    MaybeAuthenticated,
    SessionDep,
    SettingsDep,
    client_address,
    current_session,
    who,
)
from app.auth.login import Attempt, Throttled, log_in
from app.auth.sessions import WEB, SessionRepository
from app.domain.passwords import MAX_LENGTH, MIN_LENGTH
from app.errors import Unauthorized
from app.web.forms import FormState, Text, WebForm, attempt, blank_form, read_form, see_other
from app.web.session import Viewer, flash, log_out, verify_csrf
from app.web.session import log_in as start_session
from app.web.templating import render

router = APIRouter(dependencies=[Depends(verify_csrf)], include_in_schema=False)


class LoginForm(WebForm):
    username: str = Field(min_length=1, max_length=64)
    password: str = Field(min_length=1, max_length=MAX_LENGTH)
    next: Text = None


class PasswordForm(WebForm):
    current_password: str = Field(min_length=1, max_length=MAX_LENGTH)
    new_password: str = Field(min_length=MIN_LENGTH, max_length=MAX_LENGTH)
    repeated: str = Field(min_length=1, max_length=MAX_LENGTH)


def safe_next(target: str | None) -> str:
    # Only a path of this site: no open redirect to another host.
    ok = target and target.startswith("/") and not target.startswith(("//", "/\\"))
    return target if ok else "/"  # type: ignore[return-value]


@router.get("/logowanie")
async def login_page(request: Request, next: str = "/") -> Response:
    """The log-in form."""
    if request.session.get("user") and request.session.get("sid"):
        return see_other(safe_next(next))
    return render(request, "web/login.html", {"form": blank_form(LoginForm, "login", next=next)})


@router.post("/logowanie")
async def login(request: Request, settings: SettingsDep) -> Response:
    """Log in with a user name and password."""
    state, data = await read_form(request, LoginForm, "login")
    state.values.pop("password", None)  # never sent back to the browser
    headers = {}
    if data is not None:
        agent = request.headers.get("user-agent", "")
        try:
            user, opened = await log_in(
                request.app.state.sessionmaker,
                Attempt(data.username, data.password, client_address(request), agent),
                WEB,
                settings,
                datetime.now(UTC),
            )
        except Throttled as exc:
            state.add(None, exc.detail)
            state.status = 429
            headers["Retry-After"] = str(exc.seconds)
        except Unauthorized as exc:
            state.add(None, exc.detail)
            state.status = 422
        else:
            start_session(request, user, settings.unit, opened.secret)
            if user.must_change_password:
                flash(request, "Administrator ustawił hasło tymczasowe: ustaw teraz własne.")
                return see_other("/haslo")
            flash(request, f"Zalogowano jako {user.full_name or user.username}.")
            return see_other(safe_next(data.next))
    response = render(request, "web/login.html", {"form": state}, state.status or 422)
    response.headers.update(headers)
    return response


@router.post("/wyloguj")
async def logout(request: Request, session: SessionDep, user: MaybeAuthenticated) -> Response:
    """Log out: the session's row is revoked, so a copy of the cookie opens nothing."""
    if user is not None:
        row = current_session(request)
        await SessionRepository(session).revoke(row.id, datetime.now(UTC), "wylogowanie")
        await audit.record(session, who(request, user), audit.LOGOUT, WEB)
    log_out(request)
    flash(request, "Wylogowano.")
    return see_other("/logowanie")


class EndSessionsForm(WebForm):
    password: str = Field(min_length=1, max_length=MAX_LENGTH)


async def _password_page(
    request: Request,
    session: SessionDep,
    user_id: int,
    form: FormState,
    sessions_form: FormState | None = None,
) -> Response:
    sessions_form = sessions_form or blank_form(EndSessionsForm, "sesje")
    for f in (form, sessions_form):
        for name in ("current_password", "new_password", "repeated", "password"):
            f.values.pop(name, None)  # never sent back to the browser
    rows = await SessionRepository(session).open_sessions(user_id, datetime.now(UTC))
    status = max(form.status, sessions_form.status)
    context = {
        "form": form,
        "sessions_form": sessions_form,
        "sessions": rows,
        "current": current_session(request).id,
    }
    return render(request, "web/password.html", context, status)


@router.get("/haslo")
async def password_page(request: Request, session: SessionDep, user: Authenticated) -> Response:
    """Change one's own password (required after a reset by the admin); one's sessions."""
    request.state.viewer = Viewer.of(user)
    return await _password_page(request, session, user.id, blank_form(PasswordForm, "haslo"))


@router.post("/haslo/sesje")
async def end_sessions(request: Request, session: SessionDep, user: Authenticated) -> Response:
    """End one's other sessions (other browsers, API tokens), the password given again."""
    request.state.viewer = Viewer.of(user)
    form, data = await read_form(request, EndSessionsForm, "sesje")
    if data is not None:

        async def work() -> Response:
            ended = await service.end_other_sessions(
                session,
                user.id,
                data.password,
                who(request, user),
                datetime.now(UTC),
                keep_session=current_session(request).id,
            )
            flash(request, f"Zakończono pozostałe sesje: {ended}.")
            return see_other("/haslo")

        if done := await attempt(session, form, work):
            return done
    return await _password_page(request, session, user.id, blank_form(PasswordForm, "haslo"), form)


@router.post("/haslo")
async def change_password(request: Request, session: SessionDep, user: Authenticated) -> Response:
    """Set a new password; the user's other sessions end."""
    request.state.viewer = Viewer.of(user)
    form, data = await read_form(request, PasswordForm, "haslo")
    if data is not None and data.repeated != data.new_password:
        form.add("repeated", "Powtórzone hasło różni się od nowego")
        form.status = 422
    elif data is not None:

        async def work() -> Response:
            await service.change_own_password(
                session,
                user.id,
                data.current_password,
                data.new_password,
                who(request, user),
                datetime.now(UTC),
                keep_session=current_session(request).id,
            )
            flash(request, "Hasło zmienione. Inne sesje tego konta zostały zakończone.")
            return see_other("/")

        if done := await attempt(session, form, work):
            return done
    return await _password_page(request, session, user.id, form)
