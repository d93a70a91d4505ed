from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    BigInteger,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    String,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, CreatedAt


class Document(CreatedAt, Base):
    """A document issued for a receivable: wezwanie, upomnienie, tytul_wykonawczy, zawiadomienie."""

    __tablename__ = "document"
    __table_args__ = (UniqueConstraint("kind", "scope", "year", "seq"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    receivable_id: Mapped[int] = mapped_column(ForeignKey("receivable.id"), index=True)
    kind: Mapped[str] = mapped_column(String(32))
    scope: Mapped[str] = mapped_column(String(32), default="", server_default="")
    year: Mapped[int] = mapped_column(Integer)
    seq: Mapped[int] = mapped_column(Integer)
    # Indexed: the receivable list finds a receivable by its document number (issue 19).
    number: Mapped[str] = mapped_column(String(64), index=True)
    issued_on: Mapped[date] = mapped_column(Date)
    delivered_on: Mapped[date | None] = mapped_column(Date)
    # Who entered the delivery from the return receipt, and when (the audit trail).
    delivery_recorded_by: Mapped[str | None] = mapped_column(String(64))
    delivery_recorded_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    costs: Mapped[int] = mapped_column(BigInteger, default=0, server_default="0")  # grosze
    created_by: Mapped[str | None] = mapped_column(String(64))
    # Set when a title was handed to the enforcement authority in a batch.
    handoff_id: Mapped[int | None] = mapped_column(ForeignKey("handoff.id"), index=True)
    # Issue 17: the registered letter's number (numer nadania) from the post book, searchable;
    # the channel the letter went by (papier | elektroniczny); the form version of a title.
    registered_number: Mapped[str | None] = mapped_column(String(40), index=True)
    channel: Mapped[str | None] = mapped_column(String(16))
    form_version: Mapped[str | None] = mapped_column(String(16))
