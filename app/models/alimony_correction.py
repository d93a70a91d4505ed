from __future__ import annotations

from datetime import date

from sqlalchemy import Date, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, CreatedAt


class AlimonyCorrection(CreatedAt, Base):
    """A correction or reversal of an alimony entry (a payout, a recovery, an award, an
    enforcement), or the end of an enforcement, with its reason and the entry as it was before
    and after: the card's history of corrections (issue 19 item 3). A reversed entry is deleted
    from its table; this row keeps what it was."""

    __tablename__ = "alimony_correction"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    debtor_id: Mapped[int] = mapped_column(ForeignKey("debtor.id"), index=True)
    # wyplata | wyegzekwowane | zasadzone | egzekucja
    entry: Mapped[str] = mapped_column(String(16))
    entry_id: Mapped[int] = mapped_column(Integer)  # no foreign key: a reversed entry is gone
    action: Mapped[str] = mapped_column(String(16))  # korekta | storno | zakonczenie
    recorded_on: Mapped[date] = mapped_column(Date)
    reason: Mapped[str] = mapped_column(String(500))
    before: Mapped[str] = mapped_column(String(500))
    after: Mapped[str | None] = mapped_column(String(500))
    created_by: Mapped[str | None] = mapped_column(String(64))
