from __future__ import annotations

from datetime import date

from sqlalchemy import BigInteger, Date, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, CreatedAt


class Parameter(CreatedAt, Base):
    """A dated legal number (rate in basis points, amount in grosze) with its source."""

    __tablename__ = "parameter"
    __table_args__ = (UniqueConstraint("code", "valid_from"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(64))
    valid_from: Mapped[date] = mapped_column(Date)
    value: Mapped[int] = mapped_column(BigInteger)
    unit: Mapped[str] = mapped_column(String(16))
    source: Mapped[str] = mapped_column(Text)
    created_by: Mapped[str | None] = mapped_column(String(64))
