from __future__ import annotations

from datetime import date

from sqlalchemy import BigInteger, Date, ForeignKey, Index, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, CreatedAt


class Payment(CreatedAt, Base):
    __tablename__ = "payment"
    # The same bank reference on one receivable books once (NULLs stay distinct on both backends).
    __table_args__ = (
        UniqueConstraint("receivable_id", "reference"),
        # The sweep's missed-instalment rule reads the payments since a plan from the index alone
        # (migration 0006; INCLUDE is PostgreSQL's). Issue 20: a reversed payment does not count,
        # so reversed_on is included too (migration i20_corrections).
        Index(
            "ix_payment_receivable_paid",
            "receivable_id",
            "paid_on",
            postgresql_include=["amount", "reversed_on"],
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    receivable_id: Mapped[int] = mapped_column(ForeignKey("receivable.id"), index=True)
    paid_on: Mapped[date] = mapped_column(Date)
    amount: Mapped[int] = mapped_column(BigInteger)  # grosze
    # Indexed: the receivable list finds a receivable by a transfer's reference (issue 19).
    reference: Mapped[str | None] = mapped_column(String(140), index=True)
    source: Mapped[str] = mapped_column(String(32), default="wplata", server_default="wplata")
    created_by: Mapped[str | None] = mapped_column(String(64))
    # Issue 20: a reversal (storno) keeps the row and says when, why and who; the payment then
    # counts for nothing. Its reference moves to reversed_reference, so that the same bank line
    # or receipt can be booked again (the unique key above ignores NULLs).
    reversed_on: Mapped[date | None] = mapped_column(Date)
    reversal_reason: Mapped[str | None] = mapped_column(String(500))
    reversed_by: Mapped[str | None] = mapped_column(String(64))
    reversed_reference: Mapped[str | None] = mapped_column(String(140))
