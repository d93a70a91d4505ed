from __future__ import annotations

from datetime import date

from pydantic import Field

from app.schemas import AmountOut, PlausibleDate, Schema


class RefundCreate(Schema):
    decided_on: PlausibleDate
    decision_ref: str = Field(min_length=1, max_length=100, description="znak postanowienia")


class SetOffCreate(Schema):
    receivable_id: int
    decided_on: PlausibleDate
    decision_ref: str = Field(min_length=1, max_length=100, description="znak postanowienia")


class SettlementRead(Schema):
    kind: str
    decided_on: date
    amount: AmountOut
    decision_ref: str
    target_receivable_id: int | None
    payment_id: int | None


class OverpaymentRead(Schema):
    id: int
    debtor_id: int
    receivable_id: int
    arisen_on: date
    amount: AmountOut
    available: AmountOut
    settlements: list[SettlementRead]


class YearEndOverpaymentRead(Schema):
    """An overpayment still to refund or set off on 31 December (the year-end list)."""

    overpayment_id: int
    debtor_id: int
    debtor_name: str
    receivable_id: int
    arisen_on: date
    amount: AmountOut
    open_amount: AmountOut
