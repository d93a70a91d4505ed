"""The retention page's forms (issue 20 item 8); each turns into its API schema."""

from __future__ import annotations

from pydantic import Field

from app.retention.schemas import ConsentCreate, ListCreate
from app.web.forms import Day, OptionalDay, WebForm


class DrawForm(WebForm):
    as_of: OptionalDay = None

    def to_schema(self) -> ListCreate:
        return ListCreate(as_of=self.as_of)


class ConsentForm(WebForm):
    consent_on: Day
    consent_ref: str = Field(min_length=1, max_length=100)
    archive: str = Field(min_length=1, max_length=200)

    def to_schema(self) -> ConsentCreate:
        return ConsentCreate.model_validate(self.model_dump())


class AnonymiseForm(WebForm):
    pass
