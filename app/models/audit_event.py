from __future__ import annotations

from typing import Any

from sqlalchemy import JSON, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, CreatedAt


class AuditEvent(CreatedAt, Base):
    """Who did what, when, from where: log-ins and their failures, throttling, user changes, and
    every read of a debtor's personal data (the card, a PDF, an export, a hand-over), KRI §20
    ust. 2 pkt 22 and RODO art. 32. Kept in the database, never in the logs."""

    __tablename__ = "audit_event"
    __table_args__ = (Index("ix_audit_event_debtor_id_id", "debtor_id", "id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    actor: Mapped[str] = mapped_column(String(64))  # the user; "" before a log-in succeeded
    action: Mapped[str] = mapped_column(String(32), index=True)
    source: Mapped[str] = mapped_column(String(64), default="", server_default="")
    subject: Mapped[str] = mapped_column(String(200), default="", server_default="")
    debtor_id: Mapped[int | None] = mapped_column(Integer)
    details: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
