from __future__ import annotations

from sqlalchemy import Index, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, CreatedAt


class ImportKey(CreatedAt, Base):
    """A row moved in from a unit's previous system (issue 21): its sheet and source key, the row
    it became, and the file and line it came from. Importing the same key again creates nothing."""

    __tablename__ = "import_key"
    __table_args__ = (
        UniqueConstraint("sheet", "source_key"),
        # The export finds each row's source key by the row it became.
        Index("ix_import_key_entity", "sheet", "entity_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sheet: Mapped[str] = mapped_column(String(32))
    source_key: Mapped[str] = mapped_column(String(300))
    entity_id: Mapped[int] = mapped_column(Integer)
    file_name: Mapped[str] = mapped_column(String(200))
    line: Mapped[int] = mapped_column(Integer)
