from __future__ import annotations

from datetime import date

from sqlalchemy import Date, ForeignKey, Index, Integer, String, text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, CreatedAt


class Event(CreatedAt, Base):
    """The state history: every change of state, with its date, cause and actor."""

    __tablename__ = "event"
    # Partial indexes for the daily sweep (migration 0006): the resumptions still without a notice,
    # and the day each instalment plan was decided.
    __table_args__ = (
        Index(
            "ix_event_missed_instalment",
            "receivable_id",
            postgresql_where=text("action = 'rata_niezaplacona'"),
            sqlite_where=text("action = 'rata_niezaplacona'"),
        ),
        Index(
            "ix_event_instalment_decision",
            "receivable_id",
            "occurred_on",
            postgresql_where=text("action = 'raty'"),
            sqlite_where=text("action = 'raty'"),
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    receivable_id: Mapped[int] = mapped_column(ForeignKey("receivable.id"), index=True)
    occurred_on: Mapped[date] = mapped_column(Date)
    action: Mapped[str] = mapped_column(String(32))
    from_state: Mapped[str | None] = mapped_column(String(32))
    to_state: Mapped[str] = mapped_column(String(32))
    cause: Mapped[str] = mapped_column(String(300))
    actor: Mapped[str] = mapped_column(String(64))
    document_id: Mapped[int | None] = mapped_column(ForeignKey("document.id"))
