from __future__ import annotations

from datetime import date

from sqlalchemy import BigInteger, Date, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, CreatedAt


class AlimonyAward(CreatedAt, Base):
    """Zasądzone alimenty: the monthly amount a court awarded to one entitled person, from
    valid_from on; a later row for the same person changes it, a row of 0 ends it."""

    __tablename__ = "alimony_award"
    __table_args__ = (UniqueConstraint("debtor_id", "entitled_name", "valid_from"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    debtor_id: Mapped[int] = mapped_column(ForeignKey("debtor.id"), index=True)
    entitled_name: Mapped[str] = mapped_column(String(300), default="", server_default="")
    valid_from: Mapped[date] = mapped_column(Date)
    monthly_amount: Mapped[int] = mapped_column(BigInteger)  # grosze
    created_by: Mapped[str | None] = mapped_column(String(64))
