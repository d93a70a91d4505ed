from __future__ import annotations

from datetime import date

from sqlalchemy import BigInteger, Date, ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, CreatedAt


class AlimonyRegisterEntry(CreatedAt, Base):
    """One listing of a debtor in a register (BIG, art. 8a ust. 1 pkt 1; KRZ, pkt 2) from
    entered_on until removed_on; amount is what was last reported."""

    __tablename__ = "alimony_register_entry"
    __table_args__ = (Index("ix_alimony_register_entry_debtor_register", "debtor_id", "register"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    debtor_id: Mapped[int] = mapped_column(ForeignKey("debtor.id"))
    register: Mapped[str] = mapped_column(String(8))  # Register value: big | krz
    entered_on: Mapped[date] = mapped_column(Date)
    amount: Mapped[int] = mapped_column(BigInteger)  # grosze, last reported
    updated_on: Mapped[date | None] = mapped_column(Date)
    removed_on: Mapped[date | None] = mapped_column(Date)
    removal_reason: Mapped[str | None] = mapped_column(String(32))  # RemovalReason value
    created_by: Mapped[str | None] = mapped_column(String(64))
