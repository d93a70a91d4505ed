from __future__ import annotations

from datetime import date

from sqlalchemy import BigInteger, Date, ForeignKey, Index, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, validates

from app.models.base import Base, CreatedAt


class AlimonyRecovery(CreatedAt, Base):
    """Money recovered from the alimony debtor (by a bailiff, the administrative enforcement
    authority, or paid voluntarily), dated the day it was recovered from the debtor."""

    __tablename__ = "alimony_recovery"
    __table_args__ = (
        # The write-off pass (AlimonyRepository.effective_runs) reads (debtor, month, amount) from
        # this index alone, in order: it sums each month without sorting or hashing 25 M rows.
        Index("ix_alimony_recovery_debtor_month", "debtor_id", "received_month", "amount"),
        # A transfer reference books once per debtor (NULLs stay distinct on both backends).
        UniqueConstraint("debtor_id", "reference"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    debtor_id: Mapped[int] = mapped_column(ForeignKey("debtor.id"))
    received_on: Mapped[date] = mapped_column(Date)
    # Derived from received_on (year * 12 + month - 1, alimony_history.Month.index), set with it.
    received_month: Mapped[int] = mapped_column(Integer)
    amount: Mapped[int] = mapped_column(BigInteger)  # grosze
    source: Mapped[str] = mapped_column(String(32))  # RecoverySource value
    reference: Mapped[str | None] = mapped_column(String(140))
    # Derived, rewritten with the allocation rows: what exceeded every claim of art. 28.
    overpayment: Mapped[int] = mapped_column(BigInteger, default=0, server_default="0")
    created_by: Mapped[str | None] = mapped_column(String(64))

    @validates("received_on")
    def _set_month(self, _key: str, value: date) -> date:
        self.received_month = value.year * 12 + value.month - 1
        return value
