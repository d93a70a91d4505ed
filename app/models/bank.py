from __future__ import annotations

from datetime import date

from sqlalchemy import BigInteger, Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, CreatedAt


class BankStatement(CreatedAt, Base):
    __tablename__ = "bank_statement"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    filename: Mapped[str] = mapped_column(String(200))
    format: Mapped[str] = mapped_column(String(16))
    line_count: Mapped[int] = mapped_column(Integer)
    created_by: Mapped[str | None] = mapped_column(String(64))


class BankLine(CreatedAt, Base):
    """One line of a bank statement. `key` is unique: a line imported again is not booked again."""

    __tablename__ = "bank_line"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    statement_id: Mapped[int] = mapped_column(ForeignKey("bank_statement.id"), index=True)
    key: Mapped[str] = mapped_column(String(64), unique=True)
    booked_on: Mapped[date] = mapped_column(Date)
    amount: Mapped[int] = mapped_column(BigInteger)  # grosze; debits negative
    title: Mapped[str] = mapped_column(Text)
    counterparty: Mapped[str] = mapped_column(Text, default="", server_default="")
    status: Mapped[str] = mapped_column(
        String(16), index=True
    )  # zaksiegowana | do_dopasowania | pominieta
    note: Mapped[str] = mapped_column(Text, default="", server_default="")
    receivable_id: Mapped[int | None] = mapped_column(ForeignKey("receivable.id"))
    payment_id: Mapped[int | None] = mapped_column(ForeignKey("payment.id"))
