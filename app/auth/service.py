"""Log-in with lock-out after repeated failures; the first admin on a fresh database."""

from __future__ import annotations

import secrets
from datetime import UTC, datetime, timedelta

from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from app.auth.repository import UserRepository
from app.auth.roles import Role
from app.auth.security import hash_password, verify_password
from app.errors import Invalid, Unauthorized
from app.models import User

MAX_FAILURES = 5
LOCK_MINUTES = 15


async def authenticate(
    session: AsyncSession, username: str, password: str, now: datetime | None = None
) -> User:
    now = now or datetime.now(UTC)
    user = await UserRepository(session).by_username(username)
    refused = Unauthorized("Nieprawidłowa nazwa użytkownika lub hasło")
    if user is None or not user.active:
        raise refused
    if user.locked_until is not None and _aware(user.locked_until) > now:
        raise Unauthorized(
            "Konto zablokowane po wielu nieudanych próbach logowania; spróbuj później"
        )
    if not verify_password(user.password_hash, password):
        user.failed_logins += 1
        if user.failed_logins >= MAX_FAILURES:
            user.locked_until = now + timedelta(minutes=LOCK_MINUTES)
            user.failed_logins = 0
        raise refused
    user.failed_logins = 0
    user.locked_until = None
    return user


def _aware(moment: datetime) -> datetime:
    # SQLite returns naive datetimes; we store UTC.
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


async def ensure_admin(session: AsyncSession, password: str | None) -> str | None:
    """On a fresh database create `admin`; return the generated password (to print once) if any."""
    repo = UserRepository(session)
    if await repo.count():
        return None
    generated = None if password else secrets.token_urlsafe(12)
    try:
        # Two workers starting on an empty database race here: the loser finds admin created.
        async with session.begin_nested():
            await repo.add(
                User(
                    username="admin",
                    full_name="Administrator",
                    role=Role.ADMIN,
                    password_hash=hash_password(password or generated or ""),
                )
            )
    except IntegrityError:
        return None
    return generated


async def create_user(
    session: AsyncSession, username: str, password: str, role: str, full_name: str = ""
) -> User:
    if role not in Role.__members__.values():
        raise Invalid(f"Nieznana rola: {role}", field="role")
    if len(password) < 8:
        raise Invalid("Hasło musi mieć co najmniej 8 znaków", field="password")
    repo = UserRepository(session)
    if await repo.by_username(username):
        raise Invalid("Taki użytkownik już istnieje", field="username")
    return await repo.add(
        User(
            username=username, full_name=full_name, role=role, password_hash=hash_password(password)
        )
    )


async def list_users(session: AsyncSession) -> list[User]:
    return await UserRepository(session).all()
