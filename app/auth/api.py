from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends
from fastapi.security import OAuth2PasswordRequestForm
from pydantic import BaseModel

from app.auth import service
from app.auth.deps import Admin, SessionDep, SettingsDep
from app.auth.security import issue_token
from app.errors import Unauthorized

router = APIRouter(prefix="/api/v1", tags=["auth"])


class Token(BaseModel):
    access_token: str
    token_type: str = "bearer"


class UserCreate(BaseModel):
    username: str
    password: str
    role: str
    full_name: str = ""


class UserRead(BaseModel):
    username: str
    role: str
    full_name: str


@router.post("/auth/token", responses={401: {"description": "Złe dane logowania"}})
async def token(
    form: Annotated[OAuth2PasswordRequestForm, Depends()],
    session: SessionDep,
    settings: SettingsDep,
) -> Token:
    """Log in (OAuth2 password flow) and get a bearer token."""
    try:
        user = await service.authenticate(session, form.username, form.password)
    except Unauthorized:
        # The failed-attempt counter must survive the refusal (lock-out), so it is committed here.
        await session.commit()
        raise
    return Token(
        access_token=issue_token(
            user.username, settings.secret_key, settings.token_minutes, settings.unit
        )
    )


@router.post("/users", status_code=201)
async def create_user(body: UserCreate, session: SessionDep, _user: Admin) -> UserRead:
    """Create a user with a role (admin only)."""
    user = await service.create_user(
        session, body.username, body.password, body.role, body.full_name
    )
    return UserRead(username=user.username, role=user.role, full_name=user.full_name)
