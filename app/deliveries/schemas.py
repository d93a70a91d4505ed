from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from typing import Any, Literal

from pydantic import Field

from app.domain.delivery import DeliveryFacts, Method, Substitute
from app.models import Delivery, StoredFile
from app.schemas import DateIn, Schema

MethodIn = Literal["osobiscie", "zpo", "domownik", "awizo", "odmowa", "zwrot", "e_doreczenie"]


class DeliveryIn(Schema):
    """The receipt's facts; each way needs its dates (KPA art. 42–47, u.d.e. art. 42)."""

    method: MethodIn
    signed_on: DateIn | None = Field(default=None, description="osobiscie, zpo, domownik")
    substitute: Literal["domownik", "sasiad", "dozorca"] | None = Field(
        default=None, description="domownik: komu doręczono (art. 43 KPA)"
    )
    addressee_notified: bool = Field(
        default=False, description="sąsiad/dozorca: zawiadomiono adresata (art. 43 KPA)"
    )
    first_notice_on: DateIn | None = Field(default=None, description="awizo: pierwsze awizo")
    second_notice_on: DateIn | None = Field(default=None, description="awizo: powtórne awizo")
    refused_on: DateIn | None = Field(default=None, description="odmowa: dzień odmowy")
    returned_on: DateIn | None = Field(default=None, description="zwrot: dzień zwrotu")
    received_on: DateIn | None = Field(default=None, description="e_doreczenie: odebranie")
    arrived_on: DateIn | None = Field(default=None, description="e_doreczenie: wpłynięcie")
    note: str = Field(default="", max_length=2000)

    def facts(self) -> DeliveryFacts:
        return facts_from(self.model_dump())


DATES = (
    "signed_on",
    "first_notice_on",
    "second_notice_on",
    "refused_on",
    "returned_on",
    "received_on",
    "arrived_on",
)


def facts_from(values: Mapping[str, Any]) -> DeliveryFacts:
    """The receipt's facts from the API body or the card's form (same field names)."""
    substitute = values.get("substitute")
    return DeliveryFacts(
        method=Method(values["method"]),
        substitute=Substitute(substitute) if substitute else None,
        addressee_notified=bool(values.get("addressee_notified")),
        **{name: values.get(name) for name in DATES},
    )


class ScanRead(Schema):
    id: int
    name: str
    media_type: str
    size: int
    sha256: str
    url: str

    @classmethod
    def of(cls, f: StoredFile) -> ScanRead:
        return cls(
            id=f.id,
            name=f.name,
            media_type=f.media_type,
            size=f.size,
            sha256=f.sha256,
            url=f"/api/v1/files/{f.id}",
        )


class DeliveryRead(Schema):
    id: int
    document_id: int
    method: str
    effective_on: date | None
    deemed: bool
    basis: str
    signed_on: date | None
    substitute: str | None
    first_notice_on: date | None
    second_notice_on: date | None
    refused_on: date | None
    returned_on: date | None
    received_on: date | None
    arrived_on: date | None
    note: str
    term_ends_on: date | None = None
    address_search_id: int | None = None
    scan: ScanRead | None = None
    created_by: str
    created_at: datetime

    @classmethod
    def of(cls, d: Delivery, scan: StoredFile | None = None, **extra: object) -> DeliveryRead:
        data = {
            name: getattr(d, name)
            for name in cls.model_fields
            if name not in {"scan", "term_ends_on", "address_search_id"}
        }
        return cls.model_validate({**data, "scan": ScanRead.of(scan) if scan else None, **extra})
