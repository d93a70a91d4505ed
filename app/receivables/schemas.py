from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import Field, model_validator

from app.schemas import AmountIn, AmountOut, DateIn, Schema


class ReceivableCreate(Schema):
    debtor_id: int
    kind: str = Field(min_length=1, max_length=64)
    principal: AmountIn
    title: str = Field(min_length=1, max_length=500, description="Za co (np. pobyt w dniu …)")
    issue_date: DateIn
    period_from: DateIn | None = None
    period_to: DateIn | None = None
    reference: str | None = Field(default=None, max_length=64)
    decision_final_on: DateIn | None = None
    authority_code: str | None = Field(default=None, max_length=32)

    @model_validator(mode="after")
    def _period(self) -> ReceivableCreate:
        if self.period_from and self.period_to and self.period_to < self.period_from:
            raise ValueError("Okres: data końcowa wcześniejsza niż początkowa")
        return self


class DeliveryCreate(Schema):
    document: Literal["wezwanie", "upomnienie"]
    delivered_on: DateIn


class PaymentCreate(Schema):
    paid_on: DateIn
    amount: AmountIn
    reference: str | None = Field(default=None, max_length=140)


class IssueCreate(Schema):
    issued_on: DateIn


class InstalmentIn(Schema):
    due_on: DateIn
    amount: AmountIn


class InstalmentPlanCreate(Schema):
    decided_on: DateIn
    decision_ref: str = Field(min_length=1, max_length=100)
    instalments: list[InstalmentIn] = Field(min_length=1, max_length=120)


class WriteOffCreate(Schema):
    decided_on: DateIn
    decision_ref: str = Field(min_length=1, max_length=100)
    full: bool = True
    amount: AmountIn | None = None

    @model_validator(mode="after")
    def _amount_for_partial(self) -> WriteOffCreate:
        if not self.full and self.amount is None:
            raise ValueError("Przy umorzeniu części podaj kwotę (amount)")
        return self


class DocumentRead(Schema):
    id: int
    kind: str
    number: str
    issued_on: date
    delivered_on: date | None
    costs: AmountOut


class EventRead(Schema):
    occurred_on: date
    action: str
    from_state: str | None
    to_state: str
    cause: str
    actor: str


class IssuedRead(Schema):
    id: int
    number: str
    kind: str
    issued_on: date
    receivable_state: str


class PaymentRead(Schema):
    id: int
    paid_on: date
    amount: AmountOut
    reference: str | None
    receivable_state: str
    balance: AmountOut
    overpayment: AmountOut


class ReceivableRead(Schema):
    id: int
    debtor_id: int
    kind: str
    reference: str | None
    title: str
    state: str
    as_of: date
    issue_date: date
    period_from: date | None
    period_to: date | None
    principal: AmountOut
    principal_remaining: AmountOut
    interest_due: AmountOut
    costs_due: AmountOut
    balance: AmountOut
    overpayment: AmountOut
    payment_term_ends_on: date | None
    due_from: date | None
    reminder_term_ends_on: date | None
    title_allowed_from: date | None
    time_barred_from: date | None
    allowed_actions: list[str]
    documents: list[DocumentRead]
    events: list[EventRead]
