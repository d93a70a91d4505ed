from __future__ import annotations

from datetime import date

from sqlalchemy import Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, CreatedAt


class AddressSearch(CreatedAt, Base):
    """The task opened by a returned letter: establish the debtor's current address (the PESEL
    register, ustawa o ewidencji ludności art. 46), and the answer with its source and date."""

    __tablename__ = "address_search"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    debtor_id: Mapped[int] = mapped_column(ForeignKey("debtor.id"), index=True)
    document_id: Mapped[int | None] = mapped_column(ForeignKey("document.id"))
    opened_on: Mapped[date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(16))  # otwarte | zamkniete
    requested_on: Mapped[date | None] = mapped_column(Date)  # the PESEL request printed
    answered_on: Mapped[date | None] = mapped_column(Date)
    source: Mapped[str | None] = mapped_column(String(200))
    result: Mapped[str | None] = mapped_column(String(16))  # nowy_adres | zgon | brak_danych
    street: Mapped[str | None] = mapped_column(String(200))
    postal_code: Mapped[str | None] = mapped_column(String(10))
    city: Mapped[str | None] = mapped_column(String(100))
    terc: Mapped[str | None] = mapped_column(String(7))
    death_on: Mapped[date | None] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text, default="", server_default="")
    created_by: Mapped[str] = mapped_column(String(64))
    closed_by: Mapped[str | None] = mapped_column(String(64))
