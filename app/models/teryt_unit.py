from __future__ import annotations

from datetime import date

from sqlalchemy import Date, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base


class TerytUnit(Base):
    """A unit of the TERC catalogue of the TERYT register (GUS): a voivodeship ("04"), a county
    ("0418") or a commune and its parts ("0418132": WOJ+POW+GMI+RODZ). Loaded from the vendored
    file by migration and replaced by `windykacja teryt import`."""

    __tablename__ = "teryt_unit"
    __table_args__ = (
        # Autocomplete: a prefix of the name folded to lower case without diacritics, LIKE 'wloc%'
        # (the pattern operator class serves it on PostgreSQL under any collation).
        Index(
            "ix_teryt_unit_search_key",
            "search_key",
            postgresql_ops={"search_key": "varchar_pattern_ops"},
        ),
    )

    code: Mapped[str] = mapped_column(String(7), primary_key=True)
    woj: Mapped[str] = mapped_column(String(2))
    pow: Mapped[str | None] = mapped_column(String(2))
    gmi: Mapped[str | None] = mapped_column(String(2))
    rodz: Mapped[str | None] = mapped_column(String(1))
    name: Mapped[str] = mapped_column(String(100))
    kind: Mapped[str] = mapped_column(String(60))  # NAZWA_DOD: "gmina miejska", "powiat" …
    search_key: Mapped[str] = mapped_column(String(100))
    valid_on: Mapped[date] = mapped_column(Date)  # STAN_NA
