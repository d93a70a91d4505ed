"""The books behind the chief accountant's statements (issue 22): how each payment and write-off
was allocated, and the classification and FK accounts of each component of a kind."""

from __future__ import annotations

from datetime import date

from sqlalchemy import BigInteger, Date, ForeignKey, Index, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base


class BookEntry(Base):
    """One payment or write-off of a receivable as the money engine allocated it (costs, interest,
    principal, overpayment): derived data, rewritten per receivable by app/reports/book.py
    whenever the receivable's facts change, so the statements are plain SQL sums over it."""

    __tablename__ = "book_entry"
    __table_args__ = (Index("ix_book_entry_receivable_on", "receivable_id", "booked_on"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    receivable_id: Mapped[int] = mapped_column(ForeignKey("receivable.id"))
    booked_on: Mapped[date] = mapped_column(Date, index=True)
    source: Mapped[str] = mapped_column(String(16))  # wplata | umorzenie | alimenty
    amount: Mapped[int] = mapped_column(BigInteger)
    to_costs: Mapped[int] = mapped_column(BigInteger)
    to_interest: Mapped[int] = mapped_column(BigInteger)
    to_principal: Mapped[int] = mapped_column(BigInteger)
    overpayment: Mapped[int] = mapped_column(BigInteger)


class ReceivableBook(Base):
    """What a receivable's book entries were computed from (counts and sums of its payments,
    write-offs, reminder costs and alimony recoveries, and its state): a receivable whose facts
    no longer match is recomputed before a statement is drawn."""

    __tablename__ = "receivable_book"

    receivable_id: Mapped[int] = mapped_column(ForeignKey("receivable.id"), primary_key=True)
    payments_n: Mapped[int] = mapped_column(Integer)
    payments_sum: Mapped[int] = mapped_column(BigInteger)
    write_offs_n: Mapped[int] = mapped_column(Integer)
    write_offs_sum: Mapped[int] = mapped_column(BigInteger)
    costs_n: Mapped[int] = mapped_column(Integer)
    costs_sum: Mapped[int] = mapped_column(BigInteger)
    recoveries_n: Mapped[int] = mapped_column(Integer)
    recoveries_sum: Mapped[int] = mapped_column(BigInteger)
    principal: Mapped[int] = mapped_column(BigInteger)  # the fund's grows with each payout
    state: Mapped[str] = mapped_column(String(32))


class KindBooking(Base):
    """The budget classification and the FK accounts of one component (principal, interest,
    costs) of a kind: the classification belongs to the component, not to the kind (rozporządzenie
    MF z 2.03.2010 w sprawie szczegółowej klasyfikacji dochodów …: odsetki § 0910/0920, koszty
    upomnień § 0640). Accounts: the unit's chart of accounts (zakładowy plan kont)."""

    __tablename__ = "kind_booking"
    __table_args__ = (UniqueConstraint("kind_code", "component"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind_code: Mapped[str] = mapped_column(ForeignKey("receivable_kind.code"))
    component: Mapped[str] = mapped_column(String(16))  # principal | interest | costs
    dzial: Mapped[str] = mapped_column(String(3))
    rozdzial: Mapped[str] = mapped_column(String(5))
    paragraf: Mapped[str] = mapped_column(String(4))
    account: Mapped[str] = mapped_column(String(32))  # receivables account, e.g. 221
    counter_account: Mapped[str] = mapped_column(String(32))  # revenue, e.g. 720 / 750 / 760
    cash_account: Mapped[str] = mapped_column(String(32))  # bank, e.g. 130
    overpayment_account: Mapped[str] = mapped_column(String(32))  # overpayments, e.g. 240
