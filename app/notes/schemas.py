"""The notes and contacts log in the API: what a note is, as written and as read."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from typing import Literal

from pydantic import Field

from app.models import DebtorNote
from app.schemas import PlausibleDate, Schema

# The kinds of entry a specialist moving from a desktop system expects in a contacts log.
NoteKind = Literal["telefon", "wizyta", "pismo", "email", "notatka"]
NOTE_KINDS: Mapping[str, str] = {
    "telefon": "rozmowa telefoniczna",
    "wizyta": "wizyta / rozmowa osobista",
    "pismo": "pismo",
    "email": "e-mail",
    "notatka": "notatka",
}
TEXT_MAX = 4000


class NoteCreate(Schema):
    kind: NoteKind
    occurred_on: PlausibleDate
    text: str = Field(min_length=1, max_length=TEXT_MAX)


class NoteRead(Schema):
    id: int
    debtor_id: int
    kind: NoteKind
    kind_label: str
    occurred_on: date
    text: str
    created_by: str
    created_at: datetime

    @classmethod
    def of(cls, n: DebtorNote) -> NoteRead:
        return cls(
            id=n.id,
            debtor_id=n.debtor_id,
            kind=n.kind,  # type: ignore[arg-type]
            kind_label=NOTE_KINDS[n.kind],
            occurred_on=n.occurred_on,
            text=n.text,
            created_by=n.created_by,
            created_at=n.created_at,
        )
