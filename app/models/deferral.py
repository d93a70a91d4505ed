from __future__ import annotations

from datetime import date

from sqlalchemy import BigInteger, Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, CreatedAt


class Deferral(CreatedAt, Base):
    """Issue 20 item 3: one relief case of a receivable (OP art. 67a §1 pkt 1-2 via u.f.p. art. 67
    §1): the debtor's application, its referral to the competent organ (the kind's relief_organ,
    seed 003 §4), and the decision received back. A granted deferral is also stored as a plan of
    one instalment (instalment rows with the same decided_on), which the daily sweep watches; the
    fee and the deferred period are read from here (app/domain/deferral.py)."""

    __tablename__ = "deferral"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    receivable_id: Mapped[int] = mapped_column(ForeignKey("receivable.id"), index=True)
    relief: Mapped[str] = mapped_column(String(16))  # requested: odroczenie | raty
    applied_on: Mapped[date | None] = mapped_column(Date)  # the debtor's application
    reasons: Mapped[str] = mapped_column(Text, default="", server_default="")
    organ: Mapped[str | None] = mapped_column(String(300))  # the organ it was referred to
    referred_on: Mapped[date | None] = mapped_column(Date)
    # The decision received back: odroczenie (granted) | odmowa (refused).
    outcome: Mapped[str | None] = mapped_column(String(16))
    decided_on: Mapped[date | None] = mapped_column(Date)
    decision_ref: Mapped[str | None] = mapped_column(String(100))
    old_term: Mapped[date | None] = mapped_column(Date)  # the payment term before the deferral
    new_term: Mapped[date | None] = mapped_column(Date)  # shifted to a working day
    principal: Mapped[int | None] = mapped_column(BigInteger)  # K of the fee, grosze
    fee: Mapped[int] = mapped_column(BigInteger, default=0, server_default="0")  # grosze
    fee_waived: Mapped[str | None] = mapped_column(String(300))  # why no fee (OP art. 57 §5-6)
    amount: Mapped[int | None] = mapped_column(BigInteger)  # owed by new_term, grosze
    created_by: Mapped[str | None] = mapped_column(String(64))
