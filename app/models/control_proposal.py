from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import JSON, Date, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, CreatedAt


class ControlProposal(CreatedAt, Base):
    """Issue 22 item 6: a write-off, relief or correction proposed by a specialist, under the
    chief accountant's preliminary control (u.f.p. art. 54 ust. 1 pkt 3) and, where the law gives
    the decision to the manager, the manager's decision; it takes effect only then
    (app/domain/control.py). `payload` is the operation's body as the direct API takes it."""

    __tablename__ = "control_proposal"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))  # app.domain.control.Kind
    state: Mapped[str] = mapped_column(String(20), index=True)  # app.domain.control.State
    receivable_id: Mapped[int] = mapped_column(ForeignKey("receivable.id"), index=True)
    payment_id: Mapped[int | None] = mapped_column(ForeignKey("payment.id"))  # storno only
    payload: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    justification: Mapped[str] = mapped_column(String(500), default="", server_default="")
    proposed_by: Mapped[str] = mapped_column(String(64))
    proposed_on: Mapped[date] = mapped_column(Date)
    countersigned_by: Mapped[str | None] = mapped_column(String(64))
    countersigned_on: Mapped[date | None] = mapped_column(Date)
    decided_by: Mapped[str | None] = mapped_column(String(64))
    decided_on: Mapped[date | None] = mapped_column(Date)
    returned_reason: Mapped[str | None] = mapped_column(String(500))  # zwrot or odmowa
    effected_on: Mapped[date | None] = mapped_column(Date)
