from __future__ import annotations

from sqlalchemy import Boolean, Integer, String, false
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, CreatedAt


class Debtor(CreatedAt, Base):
    """Zobowiązany. Identifiers are stored only after their checksum was validated."""

    __tablename__ = "debtor"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(300), index=True)
    first_name: Mapped[str | None] = mapped_column(String(100))
    last_name: Mapped[str | None] = mapped_column(String(150))
    street: Mapped[str | None] = mapped_column(String(200))
    postal_code: Mapped[str | None] = mapped_column(String(10))
    city: Mapped[str | None] = mapped_column(String(100))
    # Administrative division: the TW-1 address needs województwo, powiat and gmina.
    voivodeship: Mapped[str | None] = mapped_column(String(40))
    county: Mapped[str | None] = mapped_column(String(60))
    commune: Mapped[str | None] = mapped_column(String(60))
    pesel: Mapped[str | None] = mapped_column(String(11), index=True)
    nip: Mapped[str | None] = mapped_column(String(10), index=True)
    regon: Mapped[str | None] = mapped_column(String(14))
    # Seed 003 §2.3 folders a), i), j).
    address_unknown: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    homeless: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    deceased: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
