from __future__ import annotations

from datetime import date

from sqlalchemy import Date, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, CreatedAt


class RateCheck(CreatedAt, Base):
    """ "Stopy sprawdzone na dzień …": a person (or the scheduled fetch of the NBP file) confirmed
    that the rate table is current as of `checked_on` (issue 16 item 2). The dashboard warns when
    neither a rate row nor such a check is newer than the configured number of days."""

    __tablename__ = "rate_check"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    checked_on: Mapped[date] = mapped_column(Date, index=True)
    note: Mapped[str] = mapped_column(Text, default="", server_default="")
    created_by: Mapped[str] = mapped_column(String(64))
