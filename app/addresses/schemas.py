from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import Field

from app.addresses.service import Answer
from app.models import AddressSearch, Debtor, Document
from app.schemas import DateIn, Schema


class AnswerIn(Schema):
    answered_on: DateIn
    source: str = Field(min_length=1, max_length=200, description="np. rejestr PESEL, znak pisma")
    result: Literal["nowy_adres", "zgon", "brak_danych"]
    street: str | None = Field(default=None, max_length=200)
    postal_code: str | None = Field(default=None, max_length=10)
    city: str | None = Field(default=None, max_length=100)
    terc: str | None = Field(default=None, max_length=7, description="TERC gminy (TERYT)")
    death_on: DateIn | None = None
    note: str = Field(default="", max_length=2000)

    def answer(self) -> Answer:
        return Answer(**self.model_dump())


class RequestedIn(Schema):
    requested_on: DateIn


class AddressSearchRead(Schema):
    id: int
    debtor_id: int
    debtor_name: str
    document_id: int | None
    document_number: str | None
    opened_on: date
    status: str
    requested_on: date | None
    answered_on: date | None
    source: str | None
    result: str | None
    street: str | None
    postal_code: str | None
    city: str | None
    terc: str | None
    death_on: date | None

    @classmethod
    def of(cls, s: AddressSearch, debtor: Debtor, doc: Document | None) -> AddressSearchRead:
        fields = {n: getattr(s, n) for n in cls.model_fields if hasattr(s, n)}
        return cls.model_validate(
            fields
            | {
                "debtor_name": debtor.name,
                "document_number": doc.number if doc else None,
            }
        )
