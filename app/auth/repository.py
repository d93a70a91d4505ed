from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.auth.roles import Role
from app.models import User


class UserRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def by_username(self, username: str) -> User | None:
        return await self.session.scalar(select(User).where(User.username == username))

    async def by_login(self, username: str, for_update: bool = False) -> User | None:
        """A user name as typed: case and surrounding spaces do not matter."""
        stmt = select(User).where(func.lower(User.username) == username.strip().lower())
        if for_update:
            stmt = stmt.with_for_update()
        return await self.session.scalar(stmt)

    async def count(self) -> int:
        return int(await self.session.scalar(select(func.count(User.id))) or 0)

    async def active_admins(self) -> int:
        stmt = select(func.count(User.id)).where(User.role == Role.ADMIN, User.active.is_(True))
        return int(await self.session.scalar(stmt) or 0)

    async def add(self, user: User) -> User:
        self.session.add(user)
        await self.session.flush()
        return user

    async def all(self) -> list[User]:
        return list(await self.session.scalars(select(User).order_by(User.username)))
