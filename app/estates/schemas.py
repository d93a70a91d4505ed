"""Issue 20 item 7: the debtor's death, heirs, the write-off for lack of an estate."""

from __future__ import annotations

from datetime import date
from fractions import Fraction

from pydantic import Field, field_validator

from app.domain.estate import Ground
from app.schemas import AmountIn, AmountOut, PlausibleDate, Schema


class DeathCreate(Schema):
    died_on: PlausibleDate | None = Field(
        default=None,
        description="data zgonu; puste: ta z odpowiedzi rejestru PESEL zapisana przy dłużniku",
    )


class HeirCreate(Schema):
    heir_id: int = Field(description="spadkobierca: dłużnik założony w systemie")
    share: str = Field(
        pattern=r"^[1-9][0-9]{0,3}/[1-9][0-9]{0,3}$", description="udział w spadku, np. 1/2"
    )
    basis: str = Field(
        min_length=1,
        max_length=300,
        description="postanowienie o stwierdzeniu nabycia spadku / akt poświadczenia dziedziczenia",
    )
    established_on: PlausibleDate

    @field_validator("share")
    @classmethod
    def _proper(cls, v: str) -> str:
        if Fraction(v) > 1:
            raise ValueError("Udział w spadku nie może przekraczać całości (1/1)")
        return v


class DivisionCreate(Schema):
    divided_on: PlausibleDate = Field(description="dzień działu spadku (KC art. 1034 § 2)")


class EstateWriteOffCreate(Schema):
    decided_on: PlausibleDate
    decision_ref: str = Field(min_length=1, max_length=100)
    ground: Ground
    household_value: AmountIn | None = Field(
        default=None, description="wartość przedmiotów codziennego użytku (tylko dla tej przyczyny)"
    )


class HeirRead(Schema):
    heir_id: int
    name: str
    share: str
    basis: str
    established_on: date


class EstateReceivable(Schema):
    receivable_id: int
    reference: str | None
    state: str
    balance: AmountOut
    paused_reason: str | None
    liability: dict[int, AmountOut] = Field(
        description="id spadkobiercy → kwota, za którą odpowiada"
    )


class EstateRead(Schema):
    debtor_id: int
    deceased: bool
    died_on: date | None
    divided_on: date | None
    liability_basis: str
    heirs: list[HeirRead]
    receivables: list[EstateReceivable]
    write_offs: list[int] = Field(description="identyfikatory decyzji o umorzeniu (PDF)")
