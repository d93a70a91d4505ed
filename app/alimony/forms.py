"""The alimony forms of the web pages; each turns into the API schema its use case takes, so the
page and the API run the same validation and the same use case."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field

from app.alimony.schemas import (
    AwardCreate,
    EnforcementCreate,
    PayoutCreate,
    RecoveryCreate,
    SubmissionCreate,
    WriteOffCreate,
)
from app.domain.alimony import RecoverySource, Register
from app.domain.alimony_claims import CLAIM_LABELS as CLAIM_LABELS
from app.domain.money import format_amount
from app.web.forms import Amount, Day, Text, WebForm, web_amount

SOURCE_LABELS = {
    RecoverySource.EGZEKUCJA_SADOWA: "egzekucja komornicza (sądowa)",
    RecoverySource.EGZEKUCJA_ADMINISTRACYJNA: "egzekucja administracyjna",
    RecoverySource.WPLATA_DOBROWOLNA: "wpłata dobrowolna dłużnika",
}
PAYOUT_CLAIMS = {"fund": "świadczenie z funduszu", "advance": "zaliczka alimentacyjna"}
REGISTER_LABELS = {
    Register.BIG: "biuro informacji gospodarczej (BIG)",
    Register.KRZ: "Krajowy Rejestr Zadłużonych (KRZ)",
}
REMOVAL_LABELS = {
    "splata": "spłata zadłużenia",
    "umorzenie": "umorzenie należności",
    "egzekucja_zakonczona": "egzekucja już nie toczy się",
}


def _amount_or_zero(value: Any) -> Any:
    # An award of 0 zł ends the alimony (the court reversed it); every other amount as typed.
    if isinstance(value, str) and value.strip().replace(",", ".") in ("0", "0.0", "0.00"):
        return 0
    return web_amount(value)


AmountOrZero = Annotated[int, BeforeValidator(_amount_or_zero)]


class AwardForm(WebForm):
    monthly_amount: AmountOrZero
    valid_from: Day
    entitled: Text = Field(default=None, max_length=300)

    def to_schema(self) -> AwardCreate:
        return AwardCreate.model_validate(
            {
                "monthly_amount": format_amount(self.monthly_amount),
                "valid_from": self.valid_from,
                "entitled": self.entitled or "",
            }
        )


class PayoutForm(WebForm):
    paid_on: Day
    amount: Amount
    entitled: Text = Field(default=None, max_length=300)
    claim: Literal["fund", "advance"] = "fund"

    def to_schema(self) -> PayoutCreate:
        return PayoutCreate.model_validate(
            self.model_dump()
            | {"amount": format_amount(self.amount), "entitled": self.entitled or ""}
        )


class RecoveryForm(WebForm):
    received_on: Day
    amount: Amount
    source: RecoverySource
    reference: Text = Field(default=None, max_length=140)

    def to_schema(self) -> RecoveryCreate:
        return RecoveryCreate.model_validate(
            self.model_dump() | {"amount": format_amount(self.amount)}
        )


class EnforcementForm(WebForm):
    authority: str = Field(min_length=1, max_length=300)
    case_ref: Text = Field(default=None, max_length=100)
    started_on: Day

    def to_schema(self) -> EnforcementCreate:
        return EnforcementCreate.model_validate(self.model_dump())


class AlimonyWriteOffForm(WebForm):
    decided_on: Day
    decision_ref: str = Field(min_length=1, max_length=100)
    step: Literal["30", "50", "100"]

    def to_schema(self) -> WriteOffCreate:
        return WriteOffCreate.model_validate(self.model_dump() | {"step": int(self.step)})


class SubmissionForm(WebForm):
    as_of: Day

    def to_schema(self) -> SubmissionCreate:
        return SubmissionCreate.model_validate(self.model_dump())


# --- corrections (issue 19 item 3): the new values and the reason, kept in the history ---------

Reason = Annotated[str, Field(min_length=3, max_length=500)]


class PayoutCorrectionForm(WebForm):
    on: Day
    amount: Amount
    reason: Reason


class RecoveryCorrectionForm(WebForm):
    on: Day
    amount: Amount
    reason: Reason


class AwardCorrectionForm(WebForm):
    on: Day
    amount: AmountOrZero
    reason: Reason


class EnforcementCorrectionForm(WebForm):
    on: Day
    authority: str = Field(min_length=1, max_length=300)
    case_ref: Text = Field(default=None, max_length=100)
    reason: Reason


class ReversalForm(WebForm):
    reason: Reason


class EnforcementEndForm(WebForm):
    ended_on: Day
    reason: Text = Field(default=None, max_length=500)


CORRECTION_FORMS: dict[str, type[WebForm]] = {
    "wyplata": PayoutCorrectionForm,
    "wyegzekwowane": RecoveryCorrectionForm,
    "zasadzone": AwardCorrectionForm,
    "egzekucja": EnforcementCorrectionForm,
}
