from __future__ import annotations

from datetime import date

from sqlalchemy import BigInteger, Date, ForeignKey, Index, Integer, UniqueConstraint, text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base


class Instalment(Base):
    """One instalment of a plan granted by decision (OP art. 67a §1 pkt 2 via u.f.p. art. 64)."""

    __tablename__ = "instalment"
    __table_args__ = (
        UniqueConstraint("receivable_id", "number"),
        # The daily sweep looks only at instalments past due and not checked yet.
        Index(
            "ix_instalment_unchecked",
            "due_on",
            postgresql_where=text("checked_on IS NULL"),
            sqlite_where=text("checked_on IS NULL"),
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    receivable_id: Mapped[int] = mapped_column(ForeignKey("receivable.id"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    due_on: Mapped[date] = mapped_column(Date)
    amount: Mapped[int] = mapped_column(BigInteger)  # grosze
    # Set by the daily sweep once the instalment needs no more looking at: paid in time (payments
    # are only ever added, so that stays true) or its plan has ended. A new plan brings new rows.
    checked_on: Mapped[date | None] = mapped_column(Date)
