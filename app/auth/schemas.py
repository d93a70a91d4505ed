"""Users over the API: the same rules as the web form (issue 15 item 8)."""

from __future__ import annotations

import re
from datetime import datetime
from typing import Annotated

from pydantic import AfterValidator, Field

from app.auth.roles import Role
from app.domain.passwords import MAX_LENGTH, MIN_LENGTH
from app.schemas import Schema

USERNAME = re.compile(r"^[a-z0-9][a-z0-9._-]{1,63}$")
_CONTROL_OR_MARKUP = re.compile(r"[\x00-\x1f\x7f<>]")


def username(value: str) -> str:
    """Lower case: "Admin", "ADMIN" and "admin" are one user name."""
    folded = value.strip().lower()
    if not USERNAME.match(folded):
        raise ValueError(
            "Tylko litery bez polskich znaków, cyfry, kropka, myślnik i podkreślenie "
            "(2–64 znaki, na początku litera lub cyfra; wielkość liter nie ma znaczenia)"
        )
    return folded


def full_name(value: str) -> str:
    if _CONTROL_OR_MARKUP.search(value):
        raise ValueError("Imię i nazwisko nie może zawierać znaków sterujących ani < >")
    return " ".join(value.split())


Username = Annotated[str, Field(max_length=64), AfterValidator(username)]
FullName = Annotated[str, Field(max_length=200), AfterValidator(full_name)]
Password = Annotated[str, Field(min_length=MIN_LENGTH, max_length=MAX_LENGTH)]


class UserCreate(Schema):
    username: Username
    password: Password
    role: Role
    full_name: FullName = ""


class UserUpdate(Schema):
    full_name: FullName | None = None
    role: Role | None = None


class PasswordReset(Schema):
    password: Password = Field(description="Hasło tymczasowe; użytkownik zmieni je przy logowaniu")


class PasswordChange(Schema):
    current_password: str = Field(min_length=1, max_length=MAX_LENGTH)
    new_password: Password


class SessionRead(Schema):
    kind: str = Field(description="web (przeglądarka) | api (token)")
    created_at: datetime
    last_seen_at: datetime
    expires_at: datetime
    source: str
    user_agent: str
    current: bool


class EndSessions(Schema):
    password: str = Field(min_length=1, max_length=MAX_LENGTH)


class UserRead(Schema):
    username: str
    role: str
    full_name: str


class UserDetail(UserRead):
    active: bool
    must_change_password: bool
    created_at: datetime
    open_sessions: int
    delayed_until: datetime | None = Field(
        description="Do kiedy kolejne próby logowania na to konto są wstrzymane"
    )
