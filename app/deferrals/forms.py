"""The relief forms of the deferral page (issue 20 item 3); each turns into its API schema."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field

from app.deferrals.schemas import ApplicationCreate, DeferralCreate, RefusalCreate
from app.web.forms import Check, Day, Text, WebForm, web_date


def _optional_day(value: Any) -> Any:
    return None if isinstance(value, str) and not value.strip() else web_date(value)


OptionalDay = Annotated[date | None, BeforeValidator(_optional_day)]


class ApplicationForm(WebForm):
    applied_on: Day
    relief: Literal["odroczenie", "raty"] = "odroczenie"
    reasons: Text = None

    def to_schema(self) -> ApplicationCreate:
        return ApplicationCreate(
            applied_on=self.applied_on, relief=self.relief, reasons=self.reasons or ""
        )


class ReferralForm(WebForm):
    application_id: int
    referred_on: Day


class DeferralForm(WebForm):
    decided_on: Day
    new_term: Day
    decision_ref: Text = None
    applied_on: OptionalDay = None
    waive_fee: Check = False
    fee_waived: Text = Field(default=None, max_length=300)

    def to_schema(self) -> DeferralCreate:
        waived = (self.fee_waived or "odstąpiono (OP art. 57 § 6)") if self.waive_fee else None
        return DeferralCreate(
            decided_on=self.decided_on,
            new_term=self.new_term,
            decision_ref=self.decision_ref or "",
            applied_on=self.applied_on,
            fee_waived=waived,
        )


class RefusalForm(WebForm):
    application_id: int
    decided_on: Day
    decision_ref: Text = None

    def to_schema(self) -> RefusalCreate:
        return RefusalCreate(decided_on=self.decided_on, decision_ref=self.decision_ref or "")
