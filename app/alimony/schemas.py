"""Alimony JSON: amounts as "123.45" strings, dates ISO."""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import Field, model_validator

from app.domain.alimony import ClaimType, RecoverySource
from app.domain.alimony_registers import Register, RemovalReason
from app.schemas import AmountIn, AmountInOrZero, AmountOut, DateIn, Schema

# The API's short names of the claims a payout creates (art. 28 ust. 1 pkt 1 and 2).
ClaimName = Literal["fund", "advance"]
CLAIM_OF: dict[ClaimName, ClaimType] = {
    "fund": ClaimType.FUNDUSZ_ALIMENTACYJNY,
    "advance": ClaimType.ZALICZKA_ALIMENTACYJNA,
}
NAME_OF: dict[ClaimType, ClaimName] = {claim: name for name, claim in CLAIM_OF.items()}


class AwardCreate(Schema):
    monthly_amount: AmountInOrZero = Field(description="Zasądzone alimenty miesięcznie; 0 kończy")
    valid_from: DateIn
    entitled: str = Field(default="", max_length=300, description="Osoba uprawniona")


class AwardRead(Schema):
    id: int
    debtor_id: int
    entitled: str
    valid_from: date
    monthly_amount: AmountOut


class PayoutCreate(Schema):
    paid_on: DateIn
    amount: AmountIn
    entitled: str = Field(default="", max_length=300, description="Osoba uprawniona")
    claim: Literal["fund", "advance"] = "fund"


class PayoutRead(Schema):
    id: int
    debtor_id: int
    receivable_id: int
    paid_on: date
    amount: AmountOut
    entitled: str
    claim: Literal["fund", "advance"]


class RecoveryCreate(Schema):
    received_on: DateIn = Field(description="Dzień wyegzekwowania od dłużnika")
    amount: AmountIn
    source: RecoverySource
    reference: str | None = Field(default=None, min_length=1, max_length=140)


class AllocationRead(Schema):
    claim: str
    to_costs: AmountOut
    to_interest: AmountOut
    to_principal: AmountOut


class RecoveryRead(Schema):
    id: int
    debtor_id: int
    received_on: date
    amount: AmountOut
    source: RecoverySource
    reference: str | None
    regime: str | None
    allocations: list[AllocationRead]
    overpayment: AmountOut


class EnforcementCreate(Schema):
    authority: str = Field(min_length=1, max_length=300, description="Organ egzekucyjny")
    case_ref: str | None = Field(default=None, max_length=100, description="Sygnatura")
    started_on: DateIn
    ended_on: DateIn | None = None

    @model_validator(mode="after")
    def _order(self) -> EnforcementCreate:
        if self.ended_on is not None and self.ended_on < self.started_on:
            raise ValueError("ended_on: zakończenie wcześniejsze niż wszczęcie")
        return self


class EnforcementEnd(Schema):
    ended_on: DateIn


class EnforcementRead(Schema):
    id: int
    debtor_id: int
    authority: str
    case_ref: str | None
    started_on: date
    ended_on: date | None


class MonthRead(Schema):
    month: str  # "2026-10"
    awarded: AmountOut
    recovered: AmountOut
    effective: bool


class ClaimBalanceRead(Schema):
    claim: Literal["fund", "advance"]
    principal: AmountOut
    interest: AmountOut
    balance: AmountOut


class HistoryRead(Schema):
    debtor_id: int
    as_of: date
    months: list[MonthRead]
    effective_months: int  # the unbroken run ending with the last complete month
    claims: list[ClaimBalanceRead]
    principal: AmountOut
    interest: AmountOut
    balance: AmountOut
    written_off: AmountOut


class EligibilityRead(Schema):
    debtor_id: int
    effective_months: int
    step: int  # 30 | 50 | 100: percent written off in total after the decision
    amount: AmountOut


class WriteOffCreate(Schema):
    decided_on: DateIn
    decision_ref: str = Field(min_length=1, max_length=100)
    step: Literal[30, 50, 100]


class PartRead(Schema):
    claim: str
    principal: AmountOut
    interest: AmountOut


class DebtorBrief(Schema):
    name: str
    pesel: str | None
    address: str | None


class PriorWriteOffRead(Schema):
    decided_on: date
    step: int
    base: AmountOut
    amount: AmountOut


class WriteOffDraftRead(Schema):
    """Projekt decyzji (art. 30 ust. 1 i 3): what letters/ renders."""

    debtor_id: int
    debtor: DebtorBrief
    drafted_on: date
    legal_basis: str
    authority: str
    step: int
    effective_months: int
    period_from: date
    period_to: date
    months: list[MonthRead]
    base: AmountOut
    already_written_off: AmountOut
    prior_write_offs: list[PriorWriteOffRead]
    balance_before: AmountOut
    amount: AmountOut
    parts: list[PartRead]
    balance_after: AmountOut


class WriteOffRead(Schema):
    write_off_id: int
    receivable_id: int
    decision_ref: str
    draft: WriteOffDraftRead
    balance: AmountOut  # what the debtor owes after the decision, as of decided_on


class EvasionMonthRead(Schema):
    month: str
    awarded: AmountOut
    paid: AmountOut
    met: bool


class EvasionRead(Schema):
    debtor_id: int
    as_of: date
    legal_basis: str
    decision_barred: bool
    months: list[EvasionMonthRead]
    months_not_met: list[str]


class RegisterEntryRead(Schema):
    debtor_id: int
    debtor: DebtorBrief
    first_name: str | None
    last_name: str | None
    amount: AmountOut
    oldest_due_on: date
    legal_basis: str
    enforcement_authority: str | None
    missing: list[str]


class NoticeRead(Schema):
    """Zawiadomienie dłużnika o przekazaniu informacji do BIG (seed 001, zał. 9 pkt 7)."""

    debtor_id: int
    addressee: DebtorBrief
    amount: AmountOut
    oldest_due_on: date
    legal_basis: str


class RegisterRemovalRead(Schema):
    debtor_id: int
    debtor: DebtorBrief
    reason: RemovalReason


class RegisterPlanRead(Schema):
    # "register" itself would shadow BaseModel.register (abc): the JSON key is an alias.
    register_name: Register = Field(serialization_alias="register")
    as_of: date
    enter: list[RegisterEntryRead]
    update: list[RegisterEntryRead]
    remove: list[RegisterRemovalRead]
    keep: list[int]
    notices: list[NoticeRead]  # BIG only: each debtor entered is told so


class SubmissionCreate(Schema):
    as_of: DateIn = Field(description="Dzień, na który plan przekazano do rejestru")


class YearEndWriteOffRead(Schema):
    debtor_id: int
    debtor_name: str
    pesel: str | None
    receivable_id: int
    effective_from: date
    effective_to: date
    years: int
    percent: int
    legal_basis: str
    decision_number: str
    decision_on: date
    base: str  # amounts as "123.45", from YearEndWriteOff.as_json
    balance: str
    write_off: str
    fund_principal: str
    fund_interest: str
    advance_principal: str
    advance_interest: str
