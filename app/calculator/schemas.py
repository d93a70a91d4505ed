from __future__ import annotations

from datetime import date

from pydantic import Field, model_validator

from app.schemas import AmountIn, AmountOut, DateIn, Schema


class DatedAmount(Schema):
    date: DateIn
    amount: AmountIn


class CalculatorRequest(Schema):
    kind: str = Field(min_length=1, max_length=64, examples=["oplata_pobyt"])
    principal: AmountIn | None = Field(default=None, examples=["1000.00"])
    due_date: DateIn | None = Field(default=None, description="ostatni dzień terminu płatności")
    payouts: list[DatedAmount] = Field(
        default_factory=list,
        max_length=1000,
        description="wypłaty świadczeń (fundusz alimentacyjny)",
    )
    payments: list[DatedAmount] = Field(default_factory=list, max_length=1000)
    reminder_costs: list[DatedAmount] = Field(
        default_factory=list,
        max_length=20,
        description="koszty upomnienia (data doręczenia, kwota)",
    )
    decision_final_on: DateIn | None = None
    as_of: DateIn

    @model_validator(mode="after")
    def _principal_or_payouts(self) -> CalculatorRequest:
        if self.payouts and (self.principal is not None or self.due_date is not None):
            raise ValueError("Podaj albo wypłaty (payouts), albo kwotę główną z terminem płatności")
        if not self.payouts and (self.principal is None or self.due_date is None):
            raise ValueError("Podaj kwotę główną (principal) i termin płatności (due_date)")
        return self


class AllocationRead(Schema):
    date: date
    amount: AmountOut
    to_costs: AmountOut
    to_interest: AmountOut
    to_principal: AmountOut
    overpayment: AmountOut


class RatePeriodRead(Schema):
    from_: date = Field(serialization_alias="from")
    to: date
    principal: AmountOut
    rate: str
    days: int
    interest: AmountOut


class CalculatorResult(Schema):
    kind: str
    as_of: date
    term_ends_on: date | None = Field(
        default=None,
        description="ostatni dzień terminu płatności po przesunięciu z soboty lub dnia wolnego"
        " na najbliższy dzień roboczy (OP art. 12 § 5)",
    )
    term_note: str | None = Field(default=None, description="dlaczego termin się przesunął")
    principal_remaining: AmountOut
    interest_due: AmountOut
    interest_not_charged: AmountOut
    costs_due: AmountOut
    balance: AmountOut
    overpayment: AmountOut
    time_barred_from: date | None
    allocations: list[AllocationRead]
    rate_periods: list[RatePeriodRead]
