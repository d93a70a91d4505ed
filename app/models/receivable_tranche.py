from __future__ import annotations

from datetime import date

from sqlalchemy import BigInteger, Date, ForeignKey, Integer, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base


class ReceivableTranche(Base):
    """One payout of a receivable that covers several (benefits received without right, art. 23
    u.p.o.u.a.; issue 16 item 4): its own amount and its own start of interest, the first day of
    the month after the payout (art. 23 ust. 7). The receivable's principal is their sum."""

    __tablename__ = "receivable_tranche"
    __table_args__ = (UniqueConstraint("receivable_id", "number"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    receivable_id: Mapped[int] = mapped_column(ForeignKey("receivable.id"), index=True)
    number: Mapped[int] = mapped_column(Integer)  # 1, 2, … in the order the payouts were made
    paid_out_on: Mapped[date] = mapped_column(Date)
    amount: Mapped[int] = mapped_column(BigInteger)  # grosze
