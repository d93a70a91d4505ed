"""Server-side sessions (issue 15 item 5; OWASP ASVS 3.3): each log-in, through the web form or
for an API token, is a row. A request is let in only while its row is not revoked, younger than
the absolute lifetime (12 h) and, for the web, used within the idle limit (30 min). Logging out
revokes the row; a password change, deactivation and a role change revoke the user's rows."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from app.auth.security import new_session_secret, session_id
from app.config import Settings
from app.models import User, UserSession

WEB, API = "web", "api"
# last_seen_at is written at most once a minute per session: the idle limit needs no more, and a
# page view does not become a write each time.
TOUCH_EVERY = timedelta(minutes=1)


@dataclass(frozen=True)
class Opened:
    secret: str  # what the client holds (cookie, token's sid); never stored
    row: UserSession


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def lifetime(settings: Settings, kind: str) -> timedelta:
    absolute = timedelta(hours=settings.session_hours)
    if kind == API:
        return min(absolute, timedelta(minutes=settings.token_minutes))
    return absolute


class SessionRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def open(
        self, user: User, kind: str, settings: Settings, now: datetime, source: str, agent: str
    ) -> Opened:
        secret = new_session_secret()
        row = UserSession(
            id=session_id(secret),
            user_id=user.id,
            kind=kind,
            expires_at=now + lifetime(settings, kind),
            last_seen_at=now,
            source=source[:64],
            user_agent=agent[:200],
        )
        self.session.add(row)
        await self.session.flush()
        return Opened(secret, row)

    async def active(
        self, secret: str, now: datetime, idle: timedelta
    ) -> tuple[UserSession, User] | None:
        found = (
            await self.session.execute(
                select(UserSession, User)
                .join(User, User.id == UserSession.user_id)
                .where(UserSession.id == session_id(secret), UserSession.revoked_at.is_(None))
            )
        ).first()
        if found is None:
            return None
        row, user = found
        if _aware(row.expires_at) <= now or not user.active:
            return None
        seen = _aware(row.last_seen_at)
        if row.kind == WEB and now - seen > idle:
            return None
        if now - seen >= TOUCH_EVERY:
            row.last_seen_at = now
        return row, user

    async def revoke(self, row_id: str, now: datetime, reason: str) -> None:
        await self.session.execute(
            update(UserSession)
            .where(UserSession.id == row_id, UserSession.revoked_at.is_(None))
            .values(revoked_at=now, revoked_reason=reason)
        )

    async def revoke_user(
        self, user_id: int, now: datetime, reason: str, keep: str | None = None
    ) -> int:
        """Every open session of the user (but `keep`, the one making the change)."""
        stmt = update(UserSession).where(
            UserSession.user_id == user_id, UserSession.revoked_at.is_(None)
        )
        if keep is not None:
            stmt = stmt.where(UserSession.id != keep)
        result = await self.session.execute(stmt.values(revoked_at=now, revoked_reason=reason))
        return int(getattr(result, "rowcount", 0) or 0)

    async def open_sessions(self, user_id: int, now: datetime) -> list[UserSession]:
        """The user's sessions still in force, latest first (OWASP ASVS 3.3.4)."""
        rows = await self.session.scalars(
            select(UserSession)
            .where(UserSession.user_id == user_id, UserSession.revoked_at.is_(None))
            .order_by(UserSession.created_at.desc())
        )
        return [row for row in rows if _aware(row.expires_at) > now]

    async def open_count(self, user_id: int, now: datetime) -> int:
        return len(await self.open_sessions(user_id, now))
