"""The signed session cookie: who is logged in, the CSRF token, the flash messages."""

from __future__ import annotations

import secrets
from collections.abc import Callable, Coroutine
from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import Depends, Request

from app.auth import deps as auth_deps
from app.auth.deps import SessionDep, require
from app.auth.roles import Permission, can
from app.errors import Forbidden
from app.models import User
from app.unit import service as unit_service

CSRF_FIELD = "csrf_token"
CSRF_HEADER = auth_deps.CSRF_HEADER
_SAFE_METHODS = auth_deps.SAFE_METHODS


class CsrfRefused(Forbidden):
    type = "/problems/csrf"
    title = "Odrzucono formularz"


@dataclass(frozen=True)
class Viewer:
    """Who is looking at the page; a snapshot, safe to use after a rollback."""

    username: str
    full_name: str
    role: str

    def can(self, permission: Permission | str) -> bool:
        return can(self.role, Permission(permission))

    @classmethod
    def of(cls, user: User) -> Viewer:
        return cls(user.username, user.full_name or user.username, user.role)


def log_in(request: Request, user: User, unit: str, session_secret: str = "") -> None:
    # A fresh session (and a fresh CSRF token) at log-in: no session fixation. The unit binds the
    # cookie to this unit's instance; `sid` names its server-side row (app.auth.sessions), which
    # logging out, a password change, deactivation and a role change revoke.
    request.session.clear()
    request.session.update(
        user=user.username,
        unit=unit,
        name=user.full_name or user.username,
        role=user.role,
        csrf=secrets.token_urlsafe(32),
        sid=session_secret,
    )


def log_out(request: Request) -> None:
    request.session.clear()


def csrf_token(request: Request) -> str:
    token = request.session.get("csrf")
    if not isinstance(token, str) or not token:
        token = secrets.token_urlsafe(32)
        request.session["csrf"] = token
    return token


async def verify_csrf(request: Request) -> None:
    """Every state-changing request of the web forms carries the session's token."""
    if request.method in _SAFE_METHODS:
        return
    sent: object = request.headers.get(CSRF_HEADER)
    if sent is None:
        sent = (await request.form()).get(CSRF_FIELD)
    expected = request.session.get("csrf")
    if not (
        isinstance(expected, str)
        and isinstance(sent, str)
        and expected
        and secrets.compare_digest(sent.encode(), expected.encode())
    ):
        raise CsrfRefused(
            "Formularz wygasł albo nie pochodzi z tej aplikacji (brak ważnego tokenu "
            "CSRF). Odśwież stronę i wyślij go ponownie."
        )


def flash(request: Request, text: str, kind: str = "ok") -> None:
    request.session["flash"] = [*request.session.get("flash", []), [kind, text]]


def _pop_flashes(request: Request) -> list[list[str]]:
    return list(request.session.pop("flash", []))


def _viewer(request: Request) -> Viewer | None:
    viewer = getattr(request.state, "viewer", None)
    if isinstance(viewer, Viewer):
        return viewer
    name = request.session.get("user")  # display only (error pages); rights come from the database
    if isinstance(name, str):
        return Viewer(
            name, str(request.session.get("name", name)), str(request.session.get("role", ""))
        )
    return None


def page_context(request: Request) -> dict[str, Any]:
    if "session" not in request.scope:  # an error raised outside the session middleware
        request.scope["session"] = {}
    return {
        "viewer": _viewer(request),
        "csrf_token": csrf_token(request),
        "flashes": _pop_flashes(request),
        "today": request.app.state.clock(),
        "Permission": Permission,
        "path": request.url.path,
        "unit_example": getattr(request.state, "unit_example", False),
    }


def page_user(permission: Permission) -> Callable[..., Coroutine[Any, Any, User]]:
    """The API's permission check (app.auth.deps.require), remembering the viewer for the layout."""

    allowed = Depends(
        require(permission)
    )  # a default, not an annotation: it closes over `permission`

    async def _check(request: Request, session: SessionDep, user: User = allowed) -> User:
        request.state.viewer = Viewer.of(user)
        # Every page says so while the unit's data are the example ones (issue 14 item 2).
        request.state.unit_example = await unit_service.is_example(session)
        return user

    return _check


Reader = Annotated[User, Depends(page_user(Permission.READ))]
Collector = Annotated[User, Depends(page_user(Permission.COLLECT))]
Signer = Annotated[User, Depends(page_user(Permission.SIGN))]
Approver = Annotated[User, Depends(page_user(Permission.APPROVE))]  # issue 22 item 6
Admin = Annotated[User, Depends(page_user(Permission.ADMIN))]
Sweeper = Annotated[User, Depends(page_user(Permission.SWEEP))]
