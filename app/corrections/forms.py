"""The correction forms of the receivable card (issue 20); each turns into its API schema."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from app.corrections.schemas import (
    AmendmentCreate,
    AnnulmentCreate,
    DisputeCreate,
    DisputeResolve,
    EnforcementActCreate,
    ReversalCreate,
    WithdrawalCreate,
)
from app.domain.money import format_amount
from app.overpayments.schemas import RefundCreate, SetOffCreate
from app.web.forms import Amount, Check, Day, Text, WebForm


class ReversalForm(WebForm):
    payment_id: int
    reversed_on: Day
    reason: str = Field(min_length=3, max_length=500)

    def to_schema(self) -> ReversalCreate:
        return ReversalCreate(reversed_on=self.reversed_on, reason=self.reason)


class AmendmentForm(WebForm):
    effective_on: Day
    principal: Amount
    reason: str = Field(min_length=3, max_length=500)

    def to_schema(self) -> AmendmentCreate:
        return AmendmentCreate.model_validate(
            self.model_dump() | {"principal": format_amount(self.principal)}
        )


class AnnulmentForm(WebForm):
    effective_on: Day
    reason: str = Field(min_length=3, max_length=500)

    def to_schema(self) -> AnnulmentCreate:
        return AnnulmentCreate(effective_on=self.effective_on, reason=self.reason)


class WithdrawalForm(WebForm):
    withdrawn_on: Day
    reason: str = Field(min_length=3, max_length=500)

    def to_schema(self) -> WithdrawalCreate:
        return WithdrawalCreate(withdrawn_on=self.withdrawn_on, reason=self.reason)


class EnforcementActForm(WebForm):
    kind: Literal["zawieszenie", "podjecie", "umorzenie"]
    on: Day
    uncollectable: Check = False
    description: Text = Field(default=None, max_length=500)

    def to_schema(self) -> EnforcementActCreate:
        return EnforcementActCreate(
            kind=self.kind,
            on=self.on,
            uncollectable=self.uncollectable,
            description=self.description or "",
        )


class DisputeForm(WebForm):
    kind: Literal["zarzut", "skarga"]
    received_on: Day
    description: Text = Field(default=None, max_length=2000)

    def to_schema(self) -> DisputeCreate:
        return DisputeCreate(
            kind=self.kind, received_on=self.received_on, description=self.description or ""
        )


class DisputeResolveForm(WebForm):
    dispute_id: int
    resolved_on: Day
    resolution: str = Field(min_length=3, max_length=500)

    def to_schema(self) -> DisputeResolve:
        return DisputeResolve(resolved_on=self.resolved_on, resolution=self.resolution)


class RefundForm(WebForm):
    overpayment_id: int
    decided_on: Day
    decision_ref: str = Field(min_length=1, max_length=100)

    def to_schema(self) -> RefundCreate:
        return RefundCreate(decided_on=self.decided_on, decision_ref=self.decision_ref)


class SetOffForm(WebForm):
    overpayment_id: int
    receivable_id: int
    decided_on: Day
    decision_ref: str = Field(min_length=1, max_length=100)

    def to_schema(self) -> SetOffCreate:
        return SetOffCreate(
            receivable_id=self.receivable_id,
            decided_on=self.decided_on,
            decision_ref=self.decision_ref,
        )


FORMS: dict[str, type[WebForm]] = {
    "storno": ReversalForm,
    "zmiana_decyzji": AmendmentForm,
    "uchylenie": AnnulmentForm,
    "wycofanie": WithdrawalForm,
    "egzekucja": EnforcementActForm,
    "spor": DisputeForm,
    "spor_koniec": DisputeResolveForm,
    "nadplata_zwrot": RefundForm,
    "nadplata_zaliczenie": SetOffForm,
}
