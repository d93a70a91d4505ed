"""FastAPI dependencies: the DB session (one transaction per request), settings, the current user."""

from __future__ import annotations

import inspect
from collections.abc import AsyncIterator, Callable, Coroutine
from typing import Annotated, Any

from fastapi import Depends, Request
from fastapi.security import OAuth2PasswordBearer
from sqlalchemy.ext.asyncio import AsyncSession

from app.auth.repository import UserRepository
from app.auth.roles import Permission, can
from app.auth.security import read_token
from app.config import Settings
from app.db import session_scope
from app.errors import Forbidden, Unauthorized
from app.models import User

oauth2 = OAuth2PasswordBearer(tokenUrl="/api/v1/auth/token", auto_error=False)


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


async def current_user(
    request: Request,
    session: SessionDep,
    settings: SettingsDep,
    token: Annotated[str | None, Depends(oauth2)] = None,
) -> User:
    username = read_token(token, settings.secret_key, settings.unit) if token else None
    if username is None and "session" in request.scope:
        # A session cookie opens only the unit it was made in (app.web.session.log_in).
        same_unit = request.session.get("unit") == settings.unit
        username = request.session.get("user") if same_unit else None
    user = await UserRepository(session).by_username(username) if username else None
    if user is None or not user.active:
        raise Unauthorized("Wymagane zalogowanie (brak lub nieważny token)")
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
