from __future__ import annotations

from datetime import date, datetime
from typing import Literal

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
        return DeliveryFacts(
            method=Method(self.method),
            signed_on=self.signed_on,
            substitute=Substitute(self.substitute) if self.substitute else None,
            addressee_notified=self.addressee_notified,
            first_notice_on=self.first_notice_on,
            second_notice_on=self.second_notice_on,
            refused_on=self.refused_on,
            returned_on=self.returned_on,
            received_on=self.received_on,
            arrived_on=self.arrived_on,
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
