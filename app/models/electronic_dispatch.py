from __future__ import annotations

from datetime import date

from sqlalchemy import Date, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, CreatedAt


class ElectronicDispatch(CreatedAt, Base):
    """A letter (document_id) or a handoff package (handoff_id) sent electronically through an
    e-delivery provider (app/edelivery): to whom, through which provider, its message id, the
    package as sent, and the proof that came back (UPD of e-Doręczenia, the authority's UPO)."""

    __tablename__ = "electronic_dispatch"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int | None] = mapped_column(ForeignKey("document.id"), index=True)
    handoff_id: Mapped[int | None] = mapped_column(ForeignKey("handoff.id"), index=True)
    provider: Mapped[str] = mapped_column(String(32))
    address: Mapped[str] = mapped_column(String(100))  # the addressee's ADE
    message_id: Mapped[str] = mapped_column(String(100), unique=True)
    sent_on: Mapped[date] = mapped_column(Date)
    # wyslano: handed to the provider; do_wyslania: waits in a package to be uploaded by hand;
    # potwierdzono: the proof came back.
    status: Mapped[str] = mapped_column(String(16))
    package_file_id: Mapped[int | None] = mapped_column(ForeignKey("stored_file.id"))
    proof_file_id: Mapped[int | None] = mapped_column(ForeignKey("stored_file.id"))
    created_by: Mapped[str] = mapped_column(String(64))
