from __future__ import annotations

from datetime import date

from sqlalchemy import BigInteger, Date, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, CreatedAt


class EstateHeir(CreatedAt, Base):
    """Issue 20 item 7: an heir of a deceased debtor, himself a debtor, with his share in the
    estate (OP art. 97 § 1, 98 § 1; KC art. 1034: jointly liable until the division, then by
    share; see app/domain/estate.py). `basis`: the court's postanowienie o stwierdzeniu nabycia
    spadku or the notary's akt poświadczenia dziedziczenia."""

    __tablename__ = "estate_heir"
    __table_args__ = (UniqueConstraint("deceased_id", "heir_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    deceased_id: Mapped[int] = mapped_column(ForeignKey("debtor.id"), index=True)
    heir_id: Mapped[int] = mapped_column(ForeignKey("debtor.id"), index=True)
    share_num: Mapped[int] = mapped_column(Integer)
    share_den: Mapped[int] = mapped_column(Integer)
    basis: Mapped[str] = mapped_column(String(300))
    established_on: Mapped[date] = mapped_column(Date)
    created_by: Mapped[str | None] = mapped_column(String(64))


class EstateWriteOff(CreatedAt, Base):
    """Issue 20 item 7: the decision writing off a deceased debtor's receivables for lack of an
    estate (u.f.p. art. 64 ust. 1 pkt 1 w zw. z art. 56 ust. 1 pkt 1); each receivable's part is
    a write_off row with the same decision_ref."""

    __tablename__ = "estate_write_off"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    debtor_id: Mapped[int] = mapped_column(ForeignKey("debtor.id"), index=True)
    decided_on: Mapped[date] = mapped_column(Date)
    decision_ref: Mapped[str] = mapped_column(String(100))
    ground: Mapped[str] = mapped_column(String(40))
    household_value: Mapped[int | None] = mapped_column(BigInteger)  # grosze
    total: Mapped[int] = mapped_column(BigInteger)  # grosze written off, all receivables
    created_by: Mapped[str | None] = mapped_column(String(64))
