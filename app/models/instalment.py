from __future__ import annotations

from datetime import date

from sqlalchemy import BigInteger, Date, ForeignKey, Index, Integer, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base


class Instalment(Base):
    """One instalment of a plan granted by decision (OP art. 67a §1 pkt 2 via u.f.p. art. 64)."""

    __tablename__ = "instalment"
    __table_args__ = (
        UniqueConstraint("receivable_id", "number"),
        # The daily sweep reads the instalments due since its last run, and what it needs of
        # them, from this index alone (INCLUDE is PostgreSQL's), and those of plans entered since
        # (migration 0008; app/sweeps/rules.py).
        Index(
            "ix_instalment_due",
            "due_on",
            postgresql_include=["receivable_id", "number", "decided_on", "owed_through"],
        ),
        Index("ix_instalment_recorded_on", "recorded_on", "due_on"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    receivable_id: Mapped[int] = mapped_column(ForeignKey("receivable.id"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    due_on: Mapped[date] = mapped_column(Date)
    amount: Mapped[int] = mapped_column(BigInteger)  # grosze
    # Of the plan, stored with each instalment when it is granted (never changed: a new plan
    # brings new rows): the day of its decision, from which payments count; what is owed up to and
    # including this instalment (grosze, in the order of due_on, number); the day it was entered.
    decided_on: Mapped[date] = mapped_column(Date)
    owed_through: Mapped[int] = mapped_column(BigInteger)
    recorded_on: Mapped[date] = mapped_column(Date)
