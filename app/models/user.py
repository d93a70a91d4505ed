from __future__ import annotations

from sqlalchemy import Boolean, Index, Integer, String, false, func, true
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, CreatedAt


class User(CreatedAt, Base):
    __tablename__ = "user_account"
    # User names are unique whatever their case: "admin" and "ADMIN" are one user (issue 15 item 8).
    __table_args__ = (Index("uq_user_account_username_lower", func.lower("username"), unique=True),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    full_name: Mapped[str] = mapped_column(String(200), default="", server_default="")
    password_hash: Mapped[str] = mapped_column(String(255))
    role: Mapped[str] = mapped_column(String(32))
    active: Mapped[bool] = mapped_column(Boolean, default=True, server_default=true())
    # Set when the admin resets the password: every request but the password change is refused
    # until the user chooses a password of their own (app.auth.deps).
    must_change_password: Mapped[bool] = mapped_column(
        Boolean, default=False, server_default=false()
    )
