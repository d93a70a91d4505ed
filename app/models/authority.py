from __future__ import annotations

from sqlalchemy import Boolean, String, false
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, CreatedAt


class Authority(CreatedAt, Base):
    """Organ egzekucyjny. Titles go to the one whose territory (authority_commune) holds the
    debtor's commune, else to the default one; each numbers its titles on its own (the code is
    the counter's scope and part of the title number, so it is restricted to A-Z, 0-9, "-")."""

    __tablename__ = "authority"

    code: Mapped[str] = mapped_column(String(32), primary_key=True)
    name: Mapped[str] = mapped_column(String(300))
    street: Mapped[str] = mapped_column(String(200))
    postal_code: Mapped[str] = mapped_column(String(10))
    city: Mapped[str] = mapped_column(String(100))
    commune_code: Mapped[str | None] = mapped_column(String(7))
    voivodeship: Mapped[str | None] = mapped_column(String(40))
    county: Mapped[str | None] = mapped_column(String(60))
    commune: Mapped[str | None] = mapped_column(String(60))
    office_code: Mapped[str | None] = mapped_column(String(4))  # kod urzędu, TW-1 com:KodUrzedu
    is_default: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
