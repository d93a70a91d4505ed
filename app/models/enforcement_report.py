from __future__ import annotations

from datetime import date

from sqlalchemy import BigInteger, Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, CreatedAt


class EnforcementReport(CreatedAt, Base):
    """An answer of the enforcement authority about a title (seed 003 §3.8): a measure applied,
    an amount recovered, or the title returned as uncollectable."""

    __tablename__ = "enforcement_report"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    title_document_id: Mapped[int] = mapped_column(ForeignKey("document.id"), index=True)
    reported_on: Mapped[date] = mapped_column(Date)
    kind: Mapped[str] = mapped_column(String(32))  # srodek | wyegzekwowano | zwrot_nieegzekwowalny
    amount: Mapped[int | None] = mapped_column(BigInteger)
    description: Mapped[str] = mapped_column(Text, default="", server_default="")
    created_by: Mapped[str | None] = mapped_column(String(64))
