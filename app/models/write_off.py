from __future__ import annotations

from datetime import date

from sqlalchemy import BigInteger, Boolean, Date, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, CreatedAt


class WriteOff(CreatedAt, Base):
    """Umorzenie by decision: in full (state umorzona) or in part (lowers the balance only)."""

    __tablename__ = "write_off"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    receivable_id: Mapped[int] = mapped_column(ForeignKey("receivable.id"), index=True)
    decided_on: Mapped[date] = mapped_column(Date)
    amount: Mapped[int] = mapped_column(BigInteger)  # grosze of principal written off
    full: Mapped[bool] = mapped_column(Boolean)
    decision_ref: Mapped[str] = mapped_column(String(100))
    created_by: Mapped[str | None] = mapped_column(String(64))
