from __future__ import annotations

from datetime import date

from sqlalchemy import Boolean, Date, ForeignKey, Integer, String, Text, false
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, CreatedAt


class Delivery(CreatedAt, Base):
    """One recorded delivery (or attempt) of a document to the debtor: the way, the dates the
    rule needs, the effective day the rule gave (app/domain/delivery.py), who entered it and the
    scan of the receipt. Append-only: a correction is a new row; the latest one counts."""

    __tablename__ = "delivery"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("document.id"), index=True)
    method: Mapped[str] = mapped_column(String(16))
    signed_on: Mapped[date | None] = mapped_column(Date)
    substitute: Mapped[str | None] = mapped_column(String(16))
    addressee_notified: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    first_notice_on: Mapped[date | None] = mapped_column(Date)
    second_notice_on: Mapped[date | None] = mapped_column(Date)
    refused_on: Mapped[date | None] = mapped_column(Date)
    returned_on: Mapped[date | None] = mapped_column(Date)
    received_on: Mapped[date | None] = mapped_column(Date)
    arrived_on: Mapped[date | None] = mapped_column(Date)
    effective_on: Mapped[date | None] = mapped_column(Date)
    deemed: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    basis: Mapped[str] = mapped_column(Text)
    note: Mapped[str] = mapped_column(Text, default="", server_default="")
    scan_file_id: Mapped[int | None] = mapped_column(ForeignKey("stored_file.id"))
    created_by: Mapped[str] = mapped_column(String(64))
