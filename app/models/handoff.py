from __future__ import annotations

from datetime import date

from sqlalchemy import Date, Integer, LargeBinary, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, CreatedAt


class Handoff(CreatedAt, Base):
    """A batch handed to one enforcement authority: its validated XML is stored as sent."""

    __tablename__ = "handoff"
    __table_args__ = (UniqueConstraint("authority_code", "year", "seq"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    authority_code: Mapped[str] = mapped_column(String(32))
    year: Mapped[int] = mapped_column(Integer)
    seq: Mapped[int] = mapped_column(Integer)
    number: Mapped[str] = mapped_column(String(64))
    issued_on: Mapped[date] = mapped_column(Date)
    title_count: Mapped[int] = mapped_column(Integer)
    notice_count: Mapped[int] = mapped_column(Integer)
    xml: Mapped[bytes] = mapped_column(LargeBinary)
    created_by: Mapped[str | None] = mapped_column(String(64))
