"""The forms of the deceased debtor's estate page (issue 20 item 7), each into its API schema."""

from __future__ import annotations

from pydantic import Field

from app.domain.estate import Ground
from app.domain.money import format_amount
from app.estates.schemas import DeathCreate, DivisionCreate, EstateWriteOffCreate, HeirCreate
from app.web.forms import Day, OptionalAmount, OptionalDay, WebForm


class DeathForm(WebForm):
    died_on: OptionalDay = None

    def to_schema(self) -> DeathCreate:
        return DeathCreate(died_on=self.died_on)


class HeirForm(WebForm):
    heir_id: int
    share: str = Field(min_length=3, max_length=9)
    basis: str = Field(min_length=3, max_length=300)
    established_on: Day

    def to_schema(self) -> HeirCreate:
        return HeirCreate.model_validate(self.model_dump())


class DivisionForm(WebForm):
    divided_on: Day

    def to_schema(self) -> DivisionCreate:
        return DivisionCreate(divided_on=self.divided_on)


class EstateWriteOffForm(WebForm):
    decided_on: Day
    decision_ref: str = Field(min_length=1, max_length=100)
    ground: Ground
    household_value: OptionalAmount = None

    def to_schema(self) -> EstateWriteOffCreate:
        value = self.household_value
        return EstateWriteOffCreate.model_validate(
            self.model_dump() | {"household_value": None if value is None else format_amount(value)}
        )
