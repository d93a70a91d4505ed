from __future__ import annotations

from datetime import date

from sqlalchemy import Date, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, CreatedAt


class AlimonyEnforcement(CreatedAt, Base):
    """Enforcement of the fund's claims against the debtor, from started_on until ended_on: the
    KRZ entry needs it to be under way (art. 8a ust. 1 pkt 2 u.p.o.u.a.) and names its authority."""

    __tablename__ = "alimony_enforcement"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    debtor_id: Mapped[int] = mapped_column(ForeignKey("debtor.id"), index=True)
    authority: Mapped[str] = mapped_column(String(300))  # organ egzekucyjny / komornik
    case_ref: Mapped[str | None] = mapped_column(String(100))  # sygnatura, e.g. "Km 123/25"
    started_on: Mapped[date] = mapped_column(Date)
    ended_on: Mapped[date | None] = mapped_column(Date)
    created_by: Mapped[str | None] = mapped_column(String(64))
