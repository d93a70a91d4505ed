from __future__ import annotations

from datetime import date

from sqlalchemy import Date, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, CreatedAt


class RetentionList(CreatedAt, Base):
    """Issue 20 item 8: a list of closed files whose retention period has run (spis dokumentacji
    niearchiwalnej), sent for the state archive's consent (ustawa o narodowym zasobie
    archiwalnym i archiwach art. 5 ust. 2); the consent recorded; then the personal data
    anonymised (app/domain/retention.py)."""

    __tablename__ = "retention_list"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    number: Mapped[str] = mapped_column(String(32), unique=True)
    drawn_on: Mapped[date] = mapped_column(Date)
    consent_on: Mapped[date | None] = mapped_column(Date)
    consent_ref: Mapped[str | None] = mapped_column(String(100))
    archive: Mapped[str | None] = mapped_column(String(200))
    anonymised_on: Mapped[date | None] = mapped_column(Date)
    created_by: Mapped[str | None] = mapped_column(String(64))


class RetentionItem(Base):
    """One closed file (a receivable) on a retention list; a file is listed at most once."""

    __tablename__ = "retention_item"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    list_id: Mapped[int] = mapped_column(ForeignKey("retention_list.id"), index=True)
    receivable_id: Mapped[int] = mapped_column(ForeignKey("receivable.id"), unique=True)
    category: Mapped[str] = mapped_column(String(8))
    closed_on: Mapped[date] = mapped_column(Date)
    due_from: Mapped[date] = mapped_column(Date)
