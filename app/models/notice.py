from __future__ import annotations

from datetime import date

from sqlalchemy import BigInteger, Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, CreatedAt


class Notice(CreatedAt, Base):
    """Zawiadomienie to the enforcement authority of a change to an issued title (seed 003 §3.7).
    Its number and date live on its `document` row; it waits for the next handoff."""

    __tablename__ = "notice"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    receivable_id: Mapped[int] = mapped_column(ForeignKey("receivable.id"), index=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("document.id"))
    title_document_id: Mapped[int] = mapped_column(ForeignKey("document.id"))
    change: Mapped[str] = mapped_column(String(32))
    event_on: Mapped[date] = mapped_column(Date)
    amount: Mapped[int | None] = mapped_column(BigInteger)
    remaining_principal: Mapped[int | None] = mapped_column(BigInteger)
    description: Mapped[str] = mapped_column(Text, default="", server_default="")
    handoff_id: Mapped[int | None] = mapped_column(ForeignKey("handoff.id"), index=True)
