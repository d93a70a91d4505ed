from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Boolean, DateTime, Integer, String, false
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base


class Unit(Base):
    """The unit this instance serves (jednostka, the creditor on every document): one row, edited
    by the admin; filled from the WINDYKACJA_CREDITOR_* settings on the first start only."""

    __tablename__ = "unit"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(300))
    street: Mapped[str] = mapped_column(String(200))
    postal_code: Mapped[str] = mapped_column(String(10))
    city: Mapped[str] = mapped_column(String(100))
    # The commune's TERC code (teryt_unit); the names below follow from it (TW-1 com:Opisowy).
    commune_code: Mapped[str | None] = mapped_column(String(7))
    voivodeship: Mapped[str | None] = mapped_column(String(40))
    county: Mapped[str | None] = mapped_column(String(60))
    commune: Mapped[str | None] = mapped_column(String(60))
    nip: Mapped[str | None] = mapped_column(String(10))
    regon: Mapped[str | None] = mapped_column(String(14))
    creditor_code: Mapped[str | None] = mapped_column(String(32))  # kod wierzyciela (MF)
    # [{"number": "26 digits", "kind": "należności" | None}], the first one is the default.
    bank_accounts: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    signatory_name: Mapped[str] = mapped_column(String(200))
    signatory_position: Mapped[str] = mapped_column(String(200))
    place_of_issue: Mapped[str | None] = mapped_column(String(100))
    # The example data of a fresh installation: every page says so until the admin saves.
    is_example: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    updated_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    updated_by: Mapped[str | None] = mapped_column(String(64))
