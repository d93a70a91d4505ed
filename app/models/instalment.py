from __future__ import annotations

from datetime import date

from sqlalchemy import BigInteger, Date, ForeignKey, Integer, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base


class Instalment(Base):
    """One instalment of a plan granted by decision (OP art. 67a §1 pkt 2 via u.f.p. art. 64)."""

    __tablename__ = "instalment"
    __table_args__ = (UniqueConstraint("receivable_id", "number"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    receivable_id: Mapped[int] = mapped_column(ForeignKey("receivable.id"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    due_on: Mapped[date] = mapped_column(Date)
    amount: Mapped[int] = mapped_column(BigInteger)  # grosze
