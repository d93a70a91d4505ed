from __future__ import annotations

from datetime import date

from sqlalchemy import Date, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base


class TerytLocality(Base):
    """A locality of the SIMC catalogue (optional, `windykacja teryt import SIMC.csv`): lets a
    village's name point to its commune."""

    __tablename__ = "teryt_locality"
    __table_args__ = (
        Index(
            "ix_teryt_locality_search_key",
            "search_key",
            postgresql_ops={"search_key": "varchar_pattern_ops"},
        ),
    )

    sym: Mapped[str] = mapped_column(String(7), primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    commune_code: Mapped[str] = mapped_column(String(7))  # WOJ+POW+GMI+RODZ_GMI
    search_key: Mapped[str] = mapped_column(String(100))
    valid_on: Mapped[date] = mapped_column(Date)
