from __future__ import annotations

from sqlalchemy import Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base


class Counter(Base):
    """Gap-free numbering: one row per (document kind, scope, year), bumped with
    UPDATE … SET value = value + 1 RETURNING in the issuing transaction."""

    __tablename__ = "counter"
    __table_args__ = (UniqueConstraint("kind", "scope", "year"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(32))
    scope: Mapped[str] = mapped_column(String(32))
    year: Mapped[int] = mapped_column(Integer)
    value: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
