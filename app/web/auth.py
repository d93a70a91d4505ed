"""Log in and log out of the web forms (session cookie; lock-out is app.auth.service's)."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response
from pydantic import Field

from app.auth import service
from app.auth.deps import SessionDep, SettingsDep
from app.errors import Unauthorized
from app.web.forms import Text, WebForm, blank_form, read_form, see_other
from app.web.session import flash, log_in, log_out, verify_csrf
from app.web.templating import render

router = APIRouter(dependencies=[Depends(verify_csrf)], include_in_schema=False)


class LoginForm(WebForm):
    username: str = Field(min_length=1, max_length=64)
    password: str = Field(min_length=1, max_length=1024)
    next: Text = None


def safe_next(target: str | None) -> str:
    # Only a path of this site: no open redirect to another host.
    ok = target and target.startswith("/") and not target.startswith(("//", "/\\"))
    return target if ok else "/"  # type: ignore[return-value]


@router.get("/logowanie")
async def login_page(request: Request, next: str = "/") -> Response:
    """The log-in form."""
    if request.session.get("user"):
        return see_other(safe_next(next))
    return render(request, "web/login.html", {"form": blank_form(LoginForm, "login", next=next)})


@router.post("/logowanie")
async def login(request: Request, session: SessionDep, settings: SettingsDep) -> Response:
    """Log in with a user name and password."""
    state, data = await read_form(request, LoginForm, "login")
    state.values.pop("password", None)  # never sent back to the browser
    if data is not None:
        try:
            user = await service.authenticate(session, data.username, data.password)
        except Unauthorized as exc:
            await session.commit()  # the failed-attempt counter must survive (lock-out)
            state.add(None, exc.detail)
            state.status = 422
        else:
            log_in(request, user, settings.unit)
            flash(request, f"Zalogowano jako {user.full_name or user.username}.")
            return see_other(safe_next(data.next))
    return render(request, "web/login.html", {"form": state}, 422)


@router.post("/wyloguj")
async def logout(request: Request) -> Response:
    """Log out (clears the session)."""
    log_out(request)
    flash(request, "Wylogowano.")
    return see_other("/logowanie")
