from __future__ import annotations

from typing import Any

from sqlalchemy import JSON, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, CreatedAt


class DebtorChange(CreatedAt, Base):
    """The audit trail of a debtor's data: who added or changed it and when, field by field
    (`changes`: a list of {"field", "old", "new"}). Kept in the database, never in the logs."""

    __tablename__ = "debtor_change"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    debtor_id: Mapped[int] = mapped_column(ForeignKey("debtor.id"), index=True)
    action: Mapped[str] = mapped_column(String(16))  # utworzenie | zmiana
    actor: Mapped[str] = mapped_column(String(64))
    changes: Mapped[list[dict[str, Any]]] = mapped_column(JSON)
