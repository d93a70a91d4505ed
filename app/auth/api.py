from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated

from fastapi import APIRouter, Depends, Request, Response
from fastapi.security import OAuth2PasswordRequestForm
from pydantic import BaseModel

from app.audit import service as audit
from app.auth import service
from app.auth.deps import (
    Admin,
    Authenticated,
    SessionDep,
    SettingsDep,
    client_address,
    current_session,
    who,
)
from app.auth.login import Attempt, log_in
from app.auth.schemas import (
    EndSessions,
    PasswordChange,
    PasswordReset,
    SessionRead,
    UserCreate,
    UserDetail,
    UserRead,
    UserUpdate,
)
from app.auth.security import issue_token
from app.auth.sessions import API, SessionRepository, lifetime
from app.errors import PROBLEM

router = APIRouter(prefix="/api/v1", tags=["auth"])
_ERR = {code: {"content": {PROBLEM: {}}} for code in (401, 403, 404, 409, 422)}


class Token(BaseModel):
    access_token: str
    token_type: str = "bearer"
    expires_in: int


@router.post(
    "/auth/token",
    responses={
        401: {"description": "Złe dane logowania"},
        429: {"description": "Zbyt wiele nieudanych prób: odczekaj (Retry-After)"},
    },
)
async def token(
    form: Annotated[OAuth2PasswordRequestForm, Depends()],
    request: Request,
    settings: SettingsDep,
) -> Token:
    """Log in (OAuth2 password flow) and get a bearer token; revoke it with /auth/logout."""
    attempt = Attempt(
        form.username, form.password, client_address(request), request.headers.get("user-agent", "")
    )
    now = datetime.now(UTC)
    user, opened = await log_in(request.app.state.sessionmaker, attempt, API, settings, now)
    minutes = int(lifetime(settings, API).total_seconds() // 60)
    access = issue_token(
        user.username, settings.secret_key or "", minutes, settings.unit, now, opened.secret
    )
    return Token(access_token=access, expires_in=minutes * 60)


@router.post("/auth/logout", status_code=204, responses=_ERR)  # type: ignore[arg-type]
async def logout(request: Request, session: SessionDep, user: Authenticated) -> Response:
    """Revoke the token (or session) this request was made with."""
    now = datetime.now(UTC)
    await SessionRepository(session).revoke(current_session(request).id, now, "wylogowanie")
    await audit.record(session, who(request, user), audit.LOGOUT, current_session(request).kind)
    return Response(status_code=204)


@router.post("/auth/password", status_code=204, responses=_ERR)  # type: ignore[arg-type]
async def change_password(
    body: PasswordChange, request: Request, session: SessionDep, user: Authenticated
) -> Response:
    """Change one's own password (also after a reset by the admin); other sessions end."""
    await service.change_own_password(
        session,
        user.id,
        body.current_password,
        body.new_password,
        who(request, user),
        datetime.now(UTC),
        keep_session=current_session(request).id,
    )
    return Response(status_code=204)


@router.get("/auth/sessions", responses=_ERR)  # type: ignore[arg-type]
async def my_sessions(
    request: Request, session: SessionDep, user: Authenticated
) -> list[SessionRead]:
    """One's own sessions in force: browsers and API tokens."""
    current = current_session(request).id
    rows = await SessionRepository(session).open_sessions(user.id, datetime.now(UTC))
    return [
        SessionRead.model_validate(
            {
                **{f: getattr(r, f) for f in SessionRead.model_fields if f != "current"},
                "current": r.id == current,
            }
        )
        for r in rows
    ]


@router.post("/auth/sessions/end-others", responses=_ERR)  # type: ignore[arg-type]
async def end_other_sessions(
    body: EndSessions, request: Request, session: SessionDep, user: Authenticated
) -> dict[str, int]:
    """End every other session and token of one's own (the password is asked again)."""
    ended = await service.end_other_sessions(
        session,
        user.id,
        body.password,
        who(request, user),
        datetime.now(UTC),
        keep_session=current_session(request).id,
    )
    return {"ended": ended}


def _read(user_view: service.UserView) -> UserDetail:
    u = user_view.user
    return UserDetail(
        username=u.username,
        role=u.role,
        full_name=u.full_name,
        active=u.active,
        must_change_password=u.must_change_password,
        created_at=u.created_at,
        open_sessions=user_view.open_sessions,
        delayed_until=user_view.delayed_until,
    )


@router.post("/users", status_code=201, responses=_ERR)  # type: ignore[arg-type]
async def create_user(
    body: UserCreate, request: Request, session: SessionDep, admin: Admin
) -> UserRead:
    """Create a user with a role (admin only)."""
    user = await service.create_user(session, body, who(request, admin))
    return UserRead(username=user.username, role=user.role, full_name=user.full_name)


@router.get("/users", responses=_ERR)  # type: ignore[arg-type]
async def users(session: SessionDep, _admin: Admin) -> list[UserDetail]:
    """Users, their roles and state (admin only)."""
    now = datetime.now(UTC)
    return [
        _read(await service.view(session, u.username, now))
        for u in await service.list_users(session)
    ]


@router.get("/users/{username}", responses=_ERR)  # type: ignore[arg-type]
async def user_detail(username: str, session: SessionDep, _admin: Admin) -> UserDetail:
    """One user (admin only)."""
    return _read(await service.view(session, username, datetime.now(UTC)))


@router.patch("/users/{username}", responses=_ERR)  # type: ignore[arg-type]
async def update_user(
    username: str, body: UserUpdate, request: Request, session: SessionDep, admin: Admin
) -> UserDetail:
    """Change a user's name or role (a role change ends the user's sessions)."""
    now = datetime.now(UTC)
    await service.update_user(session, username, body, who(request, admin), now)
    return _read(await service.view(session, username, now))


async def _lifecycle(
    username: str, request: Request, session: SessionDep, admin: Admin, action: str
) -> UserDetail:
    now = datetime.now(UTC)
    actor = who(request, admin)
    if action == "unlock":
        await service.unlock(session, username, actor)
    else:
        await service.set_active(session, username, action == "activate", actor, now)
    return _read(await service.view(session, username, now))


@router.post("/users/{username}/deactivate", responses=_ERR)  # type: ignore[arg-type]
async def deactivate(
    username: str, request: Request, session: SessionDep, admin: Admin
) -> UserDetail:
    """Deactivate a user: they cannot log in, their sessions and tokens end."""
    return await _lifecycle(username, request, session, admin, "deactivate")


@router.post("/users/{username}/activate", responses=_ERR)  # type: ignore[arg-type]
async def activate(
    username: str, request: Request, session: SessionDep, admin: Admin
) -> UserDetail:
    """Let a deactivated user log in again."""
    return await _lifecycle(username, request, session, admin, "activate")


@router.post("/users/{username}/unlock", responses=_ERR)  # type: ignore[arg-type]
async def unlock(username: str, request: Request, session: SessionDep, admin: Admin) -> UserDetail:
    """Lift the log-in delays on a user's account."""
    return await _lifecycle(username, request, session, admin, "unlock")


@router.post("/users/{username}/password", responses=_ERR)  # type: ignore[arg-type]
async def reset_password(
    username: str, body: PasswordReset, request: Request, session: SessionDep, admin: Admin
) -> UserDetail:
    """Set a temporary password; the user must choose their own at the next log-in."""
    now = datetime.now(UTC)
    await service.reset_password(session, username, body.password, who(request, admin), now)
    return _read(await service.view(session, username, now))
