from __future__ import annotations

from datetime import date

from sqlalchemy import Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, CreatedAt


class Dispute(CreatedAt, Base):
    """Issue 20: zarzut w sprawie egzekucji administracyjnej (u.p.e.a. art. 33) or a court
    challenge of the decision (skarga). While open, the receivable's automatic steps pause
    (receivable.paused_reason). For a zarzut, `answer_due_on` is the day by which the creditor's
    postanowienie is due (u.p.e.a. art. 34, see app/domain/disputes.py)."""

    __tablename__ = "dispute"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    receivable_id: Mapped[int] = mapped_column(ForeignKey("receivable.id"), index=True)
    kind: Mapped[str] = mapped_column(String(16))  # zarzut | skarga
    received_on: Mapped[date] = mapped_column(Date)
    answer_due_on: Mapped[date | None] = mapped_column(Date)
    description: Mapped[str] = mapped_column(Text, default="", server_default="")
    resolved_on: Mapped[date | None] = mapped_column(Date)
    resolution: Mapped[str | None] = mapped_column(String(500))
    created_by: Mapped[str | None] = mapped_column(String(64))
