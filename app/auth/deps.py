"""FastAPI dependencies: the DB session (one transaction per request), settings, the user."""

from __future__ import annotations

import inspect
import secrets
from collections.abc import AsyncIterator, Callable, Coroutine
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Annotated, Any
from urllib.parse import urlsplit

from fastapi import Depends, Request
from fastapi.security import OAuth2PasswordBearer
from sqlalchemy.ext.asyncio import AsyncSession

from app.audit.service import Who
from app.auth.roles import Permission, can
from app.auth.security import token_session
from app.auth.sessions import SessionRepository
from app.config import Settings
from app.db import session_scope
from app.errors import Forbidden, Unauthorized
from app.models import User, UserSession

oauth2 = OAuth2PasswordBearer(tokenUrl="/api/v1/auth/token", auto_error=False)
CSRF_HEADER = "X-CSRF-Token"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


class PasswordChangeRequired(Forbidden):
    type = "/problems/password-change-required"
    title = "Wymagana zmiana hasła"


class CrossSiteRefused(Forbidden):
    type = "/problems/csrf"
    title = "Odrzucono żądanie z innej witryny"


def get_settings_dep(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


async def get_session(request: Request) -> AsyncIterator[AsyncSession]:
    async with session_scope(request.app.state.sessionmaker) as session:
        yield session


# Commit before the response is sent (FastAPI ≥ 0.121 `scope="function"`): by default the exit
# code of a yield dependency runs after the response, so a client following a 303/201 could read
# before the commit, and a failed commit would follow a success already sent.
_BEFORE_RESPONSE: dict[str, Any] = (
    {"scope": "function"} if "scope" in inspect.signature(Depends).parameters else {}
)
SessionDep = Annotated[AsyncSession, Depends(get_session, **_BEFORE_RESPONSE)]
SettingsDep = Annotated[Settings, Depends(get_settings_dep)]


def client_address(request: Request) -> str:
    return request.client.host if request.client else ""


def who(request: Request, user: User | None = None) -> Who:
    """The actor and source address for the audit trail."""
    return Who(user.username if user else "", client_address(request))


def _same_origin(request: Request) -> bool:
    origin = request.headers.get("origin") or request.headers.get("referer") or ""
    host = request.headers.get("host", "")
    return bool(origin) and bool(host) and urlsplit(origin).netloc.lower() == host.lower()


def _check_cookie_write(request: Request) -> None:
    """Issue 15 item 4: a browser sends the session cookie along with a form another site posts
    to us. An API call that changes something may ride on the cookie only with the session's CSRF
    token in the X-CSRF-Token header (no form can set a header) and an Origin of this host; API
    clients use bearer tokens."""
    if request.method in SAFE_METHODS:
        return
    sent = request.headers.get(CSRF_HEADER, "")
    expected = request.session.get("csrf")
    token_ok = isinstance(expected, str) and bool(expected) and bool(sent)
    if not (token_ok and secrets.compare_digest(sent.encode(), str(expected).encode())):
        raise CrossSiteRefused(
            "Zmiany przez API wymagają tokenu (Authorization: Bearer …) albo nagłówka "
            "X-CSRF-Token sesji i żądania z tej samej witryny"
        )
    if not _same_origin(request):
        raise CrossSiteRefused("Żądanie pochodzi z innej witryny (nagłówek Origin)")


@dataclass(frozen=True)
class Credential:
    secret: str
    by_cookie: bool


def _credential(request: Request, settings: Settings, token: str | None) -> Credential | None:
    if token:
        secret = token_session(token, settings.secret_key or "", settings.unit)
        return Credential(secret, False) if secret else None
    if "session" not in request.scope:
        return None
    # A session cookie opens only the unit it was made in (app.web.session.log_in).
    if request.session.get("unit") != settings.unit:
        return None
    secret = request.session.get("sid")
    return Credential(secret, True) if isinstance(secret, str) and secret else None


async def authenticated(
    request: Request,
    session: SessionDep,
    settings: SettingsDep,
    token: Annotated[str | None, Depends(oauth2)] = None,
) -> User:
    """The user of a live session, even one who must first change a reset password."""
    credential = _credential(request, settings, token)
    if credential is not None and credential.by_cookie and request.url.path.startswith("/api/"):
        _check_cookie_write(request)
    idle = timedelta(minutes=settings.session_idle_minutes)
    found = (
        await SessionRepository(session).active(credential.secret, datetime.now(UTC), idle)
        if credential
        else None
    )
    if found is None:
        raise Unauthorized("Wymagane zalogowanie (brak lub nieważny token albo sesja wygasła)")
    row, user = found
    request.state.auth_session = row
    return user


def current_session(request: Request) -> UserSession:
    row: UserSession = request.state.auth_session
    return row


Authenticated = Annotated[User, Depends(authenticated)]


async def maybe_authenticated(
    request: Request,
    session: SessionDep,
    settings: SettingsDep,
    token: Annotated[str | None, Depends(oauth2)] = None,
) -> User | None:
    try:
        return await authenticated(request, session, settings, token)
    except Unauthorized:
        return None


MaybeAuthenticated = Annotated[User | None, Depends(maybe_authenticated)]


async def current_user(user: Authenticated) -> User:
    if user.must_change_password:
        raise PasswordChangeRequired(
            "Administrator ustawił hasło tymczasowe: najpierw ustaw własne hasło "
            "(POST /api/v1/auth/password lub strona /haslo)"
        )
    return user


def require(permission: Permission) -> Callable[..., Coroutine[Any, Any, User]]:
    async def _check(user: Annotated[User, Depends(current_user)]) -> User:
        if not can(user.role, permission):
            raise Forbidden(f"Rola „{user.role}” nie ma uprawnienia „{permission.value}”")
        return user

    return _check


Reader = Annotated[User, Depends(require(Permission.READ))]
Collector = Annotated[User, Depends(require(Permission.COLLECT))]
Approver = Annotated[User, Depends(require(Permission.APPROVE))]
Signer = Annotated[User, Depends(require(Permission.SIGN))]
Admin = Annotated[User, Depends(require(Permission.ADMIN))]
Sweeper = Annotated[User, Depends(require(Permission.SWEEP))]
