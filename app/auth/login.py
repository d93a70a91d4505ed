"""Log-in (issue 15 items 2, 3, 5, 12): throttled, identical for real and unknown users, a session
row for each success, everything audited.

Unlike a use case, this one owns its transactions, as a job does: the try must be counted and
committed before the password is checked (so that tries sent at once see each other), and the
failure must stay recorded although the request ends in a refusal."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.audit import service as audit
from app.auth import throttle
from app.auth.repository import UserRepository
from app.auth.security import dummy_hash, verify_password
from app.auth.sessions import Opened, SessionRepository
from app.config import Settings
from app.db import session_scope
from app.errors import AppError, Unauthorized
from app.models import User

REFUSED = "Nieprawidłowa nazwa użytkownika lub hasło"


class Throttled(AppError):
    status = 429
    type = "/problems/throttled"
    title = "Zbyt wiele prób logowania"

    def __init__(self, seconds: int) -> None:
        super().__init__(
            "Zbyt wiele nieudanych prób logowania. Spróbuj ponownie za "
            f"{seconds} s (dla bezpieczeństwa kolejne próby są spowalniane).",
            retry_after=seconds,
        )
        self.seconds = seconds


@dataclass(frozen=True)
class Attempt:
    username: str
    password: str
    source: str  # the client's address
    agent: str = ""


async def log_in(
    maker: async_sessionmaker[AsyncSession],
    attempt: Attempt,
    kind: str,
    settings: Settings,
    now: datetime,
) -> tuple[User, Opened]:
    keys = throttle.keys(attempt.username, attempt.source)
    who = audit.Who("", attempt.source)
    name = attempt.username[:64]
    async with session_scope(maker) as s:
        reservation = await throttle.ThrottleRepository(s).reserve(keys, now)
        user = await UserRepository(s).by_login(attempt.username)
        if reservation.wait is not None:
            await audit.record(s, who, audit.LOGIN_THROTTLED, name)
    if reservation.wait is not None:
        raise Throttled(max(1, round(reservation.wait.total_seconds() + 0.499)))
    # Always one argon2 verification: an unknown or inactive user takes the same time.
    matches = verify_password(user.password_hash if user else dummy_hash(), attempt.password)
    accepted = user if (user is not None and user.active and matches) else None
    async with session_scope(maker) as s:
        if accepted is None:
            await audit.record(s, who, audit.LOGIN_FAILED, name)
            for key in reservation.started:
                await audit.record(s, who, audit.THROTTLE_STARTED, name, klucz=key.split(":")[0])
        else:
            await throttle.ThrottleRepository(s).succeeded(keys)
            opened = await SessionRepository(s).open(
                accepted, kind, settings, now, attempt.source, attempt.agent
            )
            await audit.record(s, audit.Who(accepted.username, attempt.source), audit.LOGIN, kind)
    if accepted is None:
        raise Unauthorized(REFUSED)
    return accepted, opened
