from __future__ import annotations

from datetime import date

from sqlalchemy import Date, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, CreatedAt


class AlimonyCase(CreatedAt, Base):
    """The procedure against an alimony debtor (seed 001, annex 9; u.p.o.u.a. art. 3–5): one per
    debtor, opened by a trigger on a date, between the creditor's and the debtor's commune."""

    __tablename__ = "alimony_case"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    debtor_id: Mapped[int] = mapped_column(ForeignKey("debtor.id"), unique=True)
    trigger: Mapped[str] = mapped_column(String(32))  # Trigger value
    opened_on: Mapped[date] = mapped_column(Date)
    creditor_commune: Mapped[str] = mapped_column(String(7))  # TERC, organ właściwy wierzyciela
    debtor_commune: Mapped[str] = mapped_column(String(7))  # TERC, organ właściwy dłużnika
    created_by: Mapped[str | None] = mapped_column(String(64))
