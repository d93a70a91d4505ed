"""The form of the debtor card that writes a note down."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from app.notes.schemas import TEXT_MAX, NoteCreate
from app.web.forms import Day, WebForm


class NoteForm(WebForm):
    kind: Literal["telefon", "wizyta", "pismo", "email", "notatka"]
    occurred_on: Day
    text: str = Field(min_length=1, max_length=TEXT_MAX)

    def to_schema(self) -> NoteCreate:
        return NoteCreate(kind=self.kind, occurred_on=self.occurred_on, text=self.text)
