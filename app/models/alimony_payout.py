from __future__ import annotations

from datetime import date

from sqlalchemy import BigInteger, Date, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, CreatedAt


class AlimonyPayout(CreatedAt, Base):
    """A benefit paid to the entitled person: one principal tranche of the debtor's fund
    receivable (u.p.o.u.a. art. 27 ust. 1), interest from the day after paid_on (ust. 1a)."""

    __tablename__ = "alimony_payout"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    debtor_id: Mapped[int] = mapped_column(ForeignKey("debtor.id"), index=True)
    receivable_id: Mapped[int] = mapped_column(ForeignKey("receivable.id"), index=True)
    paid_on: Mapped[date] = mapped_column(Date)
    amount: Mapped[int] = mapped_column(BigInteger)  # grosze
    entitled_name: Mapped[str] = mapped_column(String(300), default="", server_default="")
    # ClaimType value: fundusz_alimentacyjny (art. 28 ust. 1 pkt 1) | zaliczka_alimentacyjna (pkt 2)
    claim: Mapped[str] = mapped_column(String(32))
    created_by: Mapped[str | None] = mapped_column(String(64))
