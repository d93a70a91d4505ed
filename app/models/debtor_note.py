from __future__ import annotations

from datetime import date

from sqlalchemy import Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, CreatedAt


class DebtorNote(CreatedAt, Base):
    """The debtor's notes and contacts log (issue 19 item 5): a phone call, a visit, a letter, an
    e-mail or a plain note, on the day it happened, with who wrote it (and when: created_at).
    Never edited or deleted: a correction is a new note."""

    __tablename__ = "debtor_note"
    __table_args__ = (Index("ix_debtor_note_debtor", "debtor_id", "occurred_on"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    debtor_id: Mapped[int] = mapped_column(ForeignKey("debtor.id"))
    kind: Mapped[str] = mapped_column(String(16))  # app/notes/schemas.py NOTE_KINDS
    occurred_on: Mapped[date] = mapped_column(Date)
    text: Mapped[str] = mapped_column(Text)
    created_by: Mapped[str] = mapped_column(String(64))
