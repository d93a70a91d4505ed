from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import Field

from app.schemas import AmountIn, AmountOut, PlausibleDate, Schema


class ReversalCreate(Schema):
    reversed_on: PlausibleDate
    reason: str = Field(min_length=3, max_length=500, description="np. zwrot przez bank")


class ReversalRead(Schema):
    payment_id: int
    receivable_id: int
    paid_on: date
    amount: AmountOut
    reversed_on: date
    reason: str
    receivable_state: str
    balance: AmountOut
    bank_line_id: int | None = Field(description="pozycja wyciągu wróciła do dopasowania")
    notice_id: int | None = Field(description="zawiadomienie dla organu egzekucyjnego")


class AmendmentCreate(Schema):
    effective_on: PlausibleDate
    principal: AmountIn
    reason: str = Field(min_length=3, max_length=500, description="np. decyzja zmieniająca nr …")


class AnnulmentCreate(Schema):
    effective_on: PlausibleDate
    reason: str = Field(min_length=3, max_length=500, description="np. decyzja SKO nr …")


class WithdrawalCreate(Schema):
    withdrawn_on: PlausibleDate
    reason: str = Field(min_length=3, max_length=500)


class EnforcementActCreate(Schema):
    """The enforcement authority's act on the title (u.p.e.a. art. 56, 57, 59)."""

    kind: Literal["zawieszenie", "podjecie", "umorzenie"]
    on: PlausibleDate
    uncollectable: bool = Field(
        default=False, description="umorzenie z powodu bezskuteczności (art. 59 § 2 u.p.e.a.)"
    )
    description: str = Field(default="", max_length=500)


class DisputeCreate(Schema):
    kind: Literal["zarzut", "skarga"]
    received_on: PlausibleDate
    description: str = Field(default="", max_length=2000)


class DisputeResolve(Schema):
    resolved_on: PlausibleDate
    resolution: str = Field(min_length=3, max_length=500)


class DisputeRead(Schema):
    id: int
    receivable_id: int
    kind: str
    received_on: date
    answer_due_on: date | None
    resolved_on: date | None
    resolution: str | None
