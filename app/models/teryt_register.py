from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, DateTime, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base


class TerytRegister(Base):
    """Which catalogue of the TERYT register is loaded, as of which day (STAN_NA), from where."""

    __tablename__ = "teryt_register"

    catalog: Mapped[str] = mapped_column(String(8), primary_key=True)  # TERC | SIMC
    valid_on: Mapped[date] = mapped_column(Date)
    rows: Mapped[int] = mapped_column(Integer)
    source: Mapped[str] = mapped_column(String(300))
    imported_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    imported_by: Mapped[str] = mapped_column(String(64))
