from __future__ import annotations

from datetime import date

from sqlalchemy import BigInteger, Date, ForeignKey, Integer
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base


class AlimonyWriteOff(Base):
    """The art. 30 ust. 1 facts of a write-off decision; the decision itself (date, reference,
    amount) is the linked write_off row on the debtor's fund receivable."""

    __tablename__ = "alimony_write_off"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    write_off_id: Mapped[int] = mapped_column(ForeignKey("write_off.id"), unique=True)
    debtor_id: Mapped[int] = mapped_column(ForeignKey("debtor.id"), index=True)
    step: Mapped[int] = mapped_column(Integer)  # 30 | 50 | 100: percent written off in total
    point: Mapped[int] = mapped_column(Integer)  # art. 30 ust. 1 pkt 1 | 2 | 3
    effective_months: Mapped[int] = mapped_column(Integer)
    period_from: Mapped[date] = mapped_column(Date)
    period_to: Mapped[date] = mapped_column(Date)
    # The base fixed by the FIRST decision is reused by later ones ("w łącznej wysokości").
    base: Mapped[int] = mapped_column(BigInteger)
    already_written_off: Mapped[int] = mapped_column(BigInteger)
    balance_before: Mapped[int] = mapped_column(BigInteger)
    fund_principal: Mapped[int] = mapped_column(BigInteger)  # art. 28 ust. 1 pkt 1
    fund_interest: Mapped[int] = mapped_column(BigInteger)
    advance_principal: Mapped[int] = mapped_column(BigInteger)  # art. 28 ust. 1 pkt 2
    advance_interest: Mapped[int] = mapped_column(BigInteger)
