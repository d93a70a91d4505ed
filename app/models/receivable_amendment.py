from __future__ import annotations

from datetime import date

from sqlalchemy import BigInteger, Date, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, CreatedAt


class ReceivableAmendment(CreatedAt, Base):
    """Issue 20: the decision behind a receivable changed its amount (zmiana) or was annulled
    (uchylenie, new principal 0), effective on a date. receivable.principal holds the amount in
    force; these rows keep every earlier one."""

    __tablename__ = "receivable_amendment"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    receivable_id: Mapped[int] = mapped_column(ForeignKey("receivable.id"), index=True)
    kind: Mapped[str] = mapped_column(String(16))  # zmiana | uchylenie
    effective_on: Mapped[date] = mapped_column(Date)
    old_principal: Mapped[int] = mapped_column(BigInteger)  # grosze
    new_principal: Mapped[int] = mapped_column(BigInteger)  # grosze
    reason: Mapped[str] = mapped_column(String(500))
    created_by: Mapped[str | None] = mapped_column(String(64))
