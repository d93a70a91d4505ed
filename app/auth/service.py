"""Users and their lifecycle (issue 15 items 5 and 8): the first admin on a fresh database;
create, edit name and role, deactivate and reactivate, reset the password (the user chooses a new
one at the next log-in), lift log-in delays, change one's own password. Each change is audited
with who made it; a role change, deactivation and a password reset or change end the user's
other sessions."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from app.audit import service as audit
from app.auth.repository import UserRepository
from app.auth.roles import Role
from app.auth.schemas import UserCreate, UserUpdate
from app.auth.security import hash_password, verify_password
from app.auth.sessions import SessionRepository
from app.auth.throttle import ThrottleRepository
from app.domain.passwords import password_problem
from app.errors import Conflict, Invalid, NotFound
from app.models import User


async def ensure_admin(session: AsyncSession, password: str | None) -> str | None:
    """On a fresh database create `admin`; return the generated password (to print once) if any."""
    repo = UserRepository(session)
    if await repo.count():
        return None
    generated = None if password else secrets.token_urlsafe(15)
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


def check_password(password: str, username: str, field: str = "password") -> None:
    if problem := password_problem(password, username):
        raise Invalid(problem, field=field)


async def create_user(session: AsyncSession, data: UserCreate, who: audit.Who) -> User:
    check_password(data.password, data.username)
    repo = UserRepository(session)
    taken = Invalid("Taki użytkownik już istnieje", field="username")
    if await repo.by_login(data.username):
        raise taken
    user = User(
        username=data.username,
        full_name=data.full_name,
        role=data.role,
        password_hash=hash_password(data.password),
    )
    try:
        async with session.begin_nested():  # two admins creating the same name at once
            await repo.add(user)
    except IntegrityError:
        raise taken from None
    await audit.record(session, who, audit.USER_CREATED, user.username, rola=user.role)
    return user


async def user_or_404(session: AsyncSession, username: str) -> User:
    user = await UserRepository(session).by_login(username, for_update=True)
    if user is None:
        raise NotFound(f"Nie ma użytkownika {username!r}")
    return user


async def _keep_an_admin(session: AsyncSession, user: User, who: audit.Who) -> None:
    if user.username == who.actor:
        raise Conflict("Nie możesz odebrać sobie roli administratora ani dezaktywować siebie")
    if (
        user.role == Role.ADMIN
        and user.active
        and await UserRepository(session).active_admins() < 2
    ):
        raise Conflict("To ostatni aktywny administrator: najpierw nadaj tę rolę komuś innemu")


async def update_user(
    session: AsyncSession, username: str, data: UserUpdate, who: audit.Who, now: datetime
) -> User:
    user = await user_or_404(session, username)
    changes = {}
    if data.full_name is not None and data.full_name != user.full_name:
        changes["imie_nazwisko"] = {"bylo": user.full_name, "jest": data.full_name}
        user.full_name = data.full_name
    if data.role is not None and data.role != user.role:
        if user.role == Role.ADMIN:
            await _keep_an_admin(session, user, who)
        changes["rola"] = {"bylo": user.role, "jest": data.role.value}
        user.role = data.role
        await SessionRepository(session).revoke_user(user.id, now, "zmiana_roli")
    if changes:
        await session.flush()
        await audit.record(session, who, audit.USER_CHANGED, user.username, **changes)
    return user


async def set_active(
    session: AsyncSession, username: str, active: bool, who: audit.Who, now: datetime
) -> User:
    user = await user_or_404(session, username)
    if user.active == active:
        return user
    if not active:
        await _keep_an_admin(session, user, who)
        await SessionRepository(session).revoke_user(user.id, now, "dezaktywacja")
    user.active = active
    await session.flush()
    action = audit.USER_ACTIVATED if active else audit.USER_DEACTIVATED
    await audit.record(session, who, action, user.username)
    return user


async def reset_password(
    session: AsyncSession, username: str, password: str, who: audit.Who, now: datetime
) -> User:
    """A temporary password the admin hands over; the user must choose their own at log-in."""
    user = await user_or_404(session, username)
    check_password(password, user.username)
    user.password_hash = hash_password(password)
    user.must_change_password = True
    await SessionRepository(session).revoke_user(user.id, now, "reset_hasla")
    await ThrottleRepository(session).clear_account(user.username)
    await session.flush()
    await audit.record(session, who, audit.PASSWORD_RESET, user.username)
    return user


async def unlock(session: AsyncSession, username: str, who: audit.Who) -> User:
    user = await user_or_404(session, username)
    await ThrottleRepository(session).clear_account(user.username)
    await audit.record(session, who, audit.USER_UNLOCKED, user.username)
    return user


async def change_own_password(
    session: AsyncSession,
    user_id: int,
    current: str,
    new: str,
    who: audit.Who,
    now: datetime,
    keep_session: str | None,
) -> User:
    """ASVS 2.1.5/3.3.3: the current password is asked for; the other sessions end."""
    user = await session.get(User, user_id, with_for_update=True)
    if user is None or not verify_password(user.password_hash, current):
        raise Invalid("Obecne hasło jest nieprawidłowe", field="current_password")
    check_password(new, user.username, "new_password")
    if verify_password(user.password_hash, new):
        raise Invalid("Nowe hasło musi się różnić od obecnego", field="new_password")
    user.password_hash = hash_password(new)
    user.must_change_password = False
    await SessionRepository(session).revoke_user(user.id, now, "zmiana_hasla", keep=keep_session)
    await session.flush()
    await audit.record(session, who, audit.PASSWORD_CHANGED, user.username)
    return user


async def end_other_sessions(
    session: AsyncSession,
    user_id: int,
    password: str,
    who: audit.Who,
    now: datetime,
    keep_session: str,
) -> int:
    """ASVS 3.3.4: the user ends every session but this one, having given the password again."""
    user = await session.get(User, user_id)
    if user is None or not verify_password(user.password_hash, password):
        raise Invalid("Nieprawidłowe hasło", field="password")
    ended = await SessionRepository(session).revoke_user(
        user_id, now, "zakonczenie_sesji", keep=keep_session
    )
    await audit.record(session, who, audit.SESSIONS_ENDED, user.username, liczba=ended)
    return ended


@dataclass(frozen=True)
class UserView:
    user: User
    open_sessions: int
    delayed_until: datetime | None


async def view(session: AsyncSession, username: str, now: datetime) -> UserView:
    user = await user_or_404(session, username)
    return UserView(
        user,
        await SessionRepository(session).open_count(user.id, now),
        await ThrottleRepository(session).blocked_until(user.username, now),
    )


async def list_users(session: AsyncSession) -> list[User]:
    return await UserRepository(session).all()
