"""Issue 20 item 8: data retention (RODO art. 5 ust. 1 lit. e) with the state archive's consent."""

from __future__ import annotations

from datetime import date

from pydantic import Field

from app.schemas import PlausibleDate, Schema


class ListCreate(Schema):
    as_of: PlausibleDate | None = Field(
        default=None,
        description="stan na dzień (puste: dziś): akta, których okres minął",
    )


class ConsentCreate(Schema):
    consent_on: PlausibleDate = Field(description="data zgody dyrektora archiwum państwowego")
    consent_ref: str = Field(min_length=1, max_length=100, description="znak pisma ze zgodą")
    archive: str = Field(
        min_length=1, max_length=200, description="archiwum państwowe, które wyraziło zgodę"
    )


class DueFile(Schema):
    receivable_id: int
    reference: str | None
    debtor_id: int
    debtor_name: str
    kind: str
    category: str
    state: str
    closed_on: date
    due_from: date


class ListRead(Schema):
    id: int
    number: str
    drawn_on: date
    consent_on: date | None
    consent_ref: str | None
    archive: str | None
    anonymised_on: date | None
    files: list[DueFile]


class AnonymisationRead(Schema):
    list_id: int
    anonymised_on: date
    anonymised_debtors: list[int]
    kept_debtors: dict[int, str] = Field(description="dłużnik → dlaczego jego dane pozostają")
