from __future__ import annotations

from datetime import date

from sqlalchemy import BigInteger, Date, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, CreatedAt


class Overpayment(CreatedAt, Base):
    """Issue 20: nadpłata of a debtor on one receivable (OP art. 72, 73 §1 pkt 1: arises on the
    day of the payment beyond what was due). `amount` is what the receivable's figures say was
    paid beyond everything due, kept in step by the use cases that change them; what is left is
    amount less what was refunded or set off (overpayment_settlement)."""

    __tablename__ = "overpayment"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    debtor_id: Mapped[int] = mapped_column(ForeignKey("debtor.id"), index=True)
    receivable_id: Mapped[int] = mapped_column(ForeignKey("receivable.id"), unique=True)
    arisen_on: Mapped[date] = mapped_column(Date)
    amount: Mapped[int] = mapped_column(BigInteger)  # grosze


class OverpaymentSettlement(CreatedAt, Base):
    """A decision on an overpayment: refunded (zwrot) or set off against another receivable of the
    debtor (zaliczenie, OP art. 76 §1, 76a), which books a payment on that receivable."""

    __tablename__ = "overpayment_settlement"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    overpayment_id: Mapped[int] = mapped_column(ForeignKey("overpayment.id"), index=True)
    kind: Mapped[str] = mapped_column(String(16))  # zwrot | zaliczenie
    decided_on: Mapped[date] = mapped_column(Date)
    amount: Mapped[int] = mapped_column(BigInteger)  # grosze
    decision_ref: Mapped[str] = mapped_column(String(100))
    target_receivable_id: Mapped[int | None] = mapped_column(ForeignKey("receivable.id"))
    payment_id: Mapped[int | None] = mapped_column(ForeignKey("payment.id"))
    created_by: Mapped[str | None] = mapped_column(String(64))
