from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import JSON, Date, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, CreatedAt


class AlimonyCaseStep(CreatedAt, Base):
    """One step of the procedure (app.domain.alimony_case.Step) on its day: `kind` its variant
    (the ground of a refusal, the stage of the decision, the CEPiK answer…), `due_on` the day it
    sets (the interview day of a summons), `details` what the specialist wrote (findings, the
    addressee, the justification), `register_entry_id` the BIG entry a pouczenie refers to."""

    __tablename__ = "alimony_case_step"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("alimony_case.id"), index=True)
    step: Mapped[str] = mapped_column(String(32))
    done_on: Mapped[date] = mapped_column(Date)
    kind: Mapped[str] = mapped_column(String(32), default="", server_default="")
    due_on: Mapped[date | None] = mapped_column(Date)
    details: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    register_entry_id: Mapped[int | None] = mapped_column(ForeignKey("alimony_register_entry.id"))
    created_by: Mapped[str | None] = mapped_column(String(64))
