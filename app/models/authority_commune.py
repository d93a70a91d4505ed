from __future__ import annotations

from sqlalchemy import ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base


class AuthorityCommune(Base):
    """The territory of an enforcement authority: the communes (TERC codes) it serves. A commune
    belongs to one authority at most (seed 003: "zgodnie z podziałem terytorialnym")."""

    __tablename__ = "authority_commune"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    authority_code: Mapped[str] = mapped_column(ForeignKey("authority.code"), index=True)
    commune_code: Mapped[str] = mapped_column(String(7), unique=True)
