"""Issue 20 item 3: the relief case of a receivable over the API (application, referral,
decision received back)."""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import Field

from app.schemas import AmountOut, PlausibleDate, Schema


class ApplicationCreate(Schema):
    """The debtor's application for a relief (OP art. 67a §1 pkt 1-2)."""

    applied_on: PlausibleDate = Field(description="dzień złożenia wniosku przez dłużnika")
    relief: Literal["odroczenie", "raty"] = "odroczenie"
    reasons: str = Field(default="", max_length=2000, description="uzasadnienie wniosku")


class ReferralCreate(Schema):
    referred_on: PlausibleDate = Field(description="dzień przekazania do organu właściwego")


class DeferralCreate(Schema):
    """The decision deferring the payment term, received back from the organ (or the unit's)."""

    decided_on: PlausibleDate
    new_term: PlausibleDate = Field(description="odroczony termin płatności")
    decision_ref: str = Field(default="", max_length=100, description="znak decyzji")
    application_id: int | None = Field(
        default=None, description="wniosek, którego dotyczy (domyślnie ostatni nierozpatrzony)"
    )
    applied_on: PlausibleDate | None = Field(
        default=None, description="dzień wniosku, gdy nie został zapisany wcześniej"
    )
    fee_waived: str | None = Field(
        default=None,
        max_length=300,
        description="podstawa nieustalenia opłaty prolongacyjnej (OP art. 57 § 5-6)",
    )


class RefusalCreate(Schema):
    decided_on: PlausibleDate
    decision_ref: str = Field(default="", max_length=100)


class DeferralRead(Schema):
    id: int
    receivable_id: int
    relief: str
    applied_on: date | None
    reasons: str
    organ: str | None
    referred_on: date | None
    outcome: str | None = Field(description="odroczenie | odmowa | null (nierozpatrzony)")
    decided_on: date | None
    decision_ref: str | None
    old_term: date | None
    new_term: date | None
    principal: AmountOut | None = Field(description="kwota, od której liczona jest opłata")
    fee: AmountOut = Field(description="opłata prolongacyjna (OP art. 57)")
    fee_waived: str | None
    amount: AmountOut | None = Field(description="do zapłaty w odroczonym terminie")
    receivable_state: str
