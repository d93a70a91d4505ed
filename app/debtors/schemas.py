from __future__ import annotations

import re
from datetime import date, datetime
from typing import Literal

from pydantic import Field, field_validator

from app.domain.identifiers import mask_pesel, valid_nip, valid_pesel, valid_regon
from app.models import Debtor, DebtorChange
from app.schemas import DateIn, Schema
from app.teryt.address import AddressIn, address_in, parse_address

__all__ = ["AddressIn", "DebtorCreate", "DebtorRead", "DebtorUpdate", "parse_address", "valid_ade"]

# Adres do doręczeń elektronicznych as the BAE register writes it: AE:PL-12345-67890-ABCDE-12.
_ADE = re.compile(r"^AE:PL-[0-9A-Z]{5}-[0-9A-Z]{5}-[0-9A-Z]{5}-[0-9A-Z]{2}$")


def valid_ade(value: str | None) -> str | None:
    if value is None or not value.strip():
        return None
    ade = re.sub(r"\s+", "", value).upper()
    if not _ADE.match(ade):
        raise ValueError("Adres do doręczeń elektronicznych w postaci AE:PL-12345-67890-ABCDE-12")
    return ade


class DebtorCreate(Schema):
    name: str = Field(min_length=1, max_length=300)
    first_name: str | None = Field(default=None, max_length=100)
    last_name: str | None = Field(default=None, max_length=150)
    address: AddressIn | None = None
    pesel: str | None = None
    nip: str | None = None
    regon: str | None = None
    homeless: bool = False
    deceased: bool = False
    address_unknown: bool = False
    # Issue 17. On an update a field left out of the request keeps its value (clients and forms
    # that do not know it never erase it).
    ade: str | None = Field(default=None, description="adres do doręczeń elektronicznych (BAE)")
    ade_checked_on: DateIn | None = Field(default=None, description="data sprawdzenia BAE")
    deceased_on: DateIn | None = Field(default=None, description="data zgonu (rejestr PESEL)")

    _address = field_validator("address", mode="before")(parse_address)
    _ade = field_validator("ade")(valid_ade)

    @field_validator("pesel")
    @classmethod
    def _pesel(cls, v: str | None) -> str | None:
        return valid_pesel(v) if v else None

    @field_validator("nip")
    @classmethod
    def _nip(cls, v: str | None) -> str | None:
        return valid_nip(v) if v else None

    @field_validator("regon")
    @classmethod
    def _regon(cls, v: str | None) -> str | None:
        return valid_regon(v) if v else None


class DebtorUpdate(DebtorCreate):
    """Only the fields sent change: one left out keeps its value, an explicit null clears it."""

    name: str | None = Field(default=None, min_length=1, max_length=300)  # type: ignore[assignment]


class DebtorRead(Schema):
    id: int
    name: str
    first_name: str | None
    last_name: str | None
    address: AddressIn | None
    pesel: str | None
    nip: str | None
    regon: str | None
    homeless: bool
    deceased: bool
    address_unknown: bool
    ade: str | None
    ade_checked_on: date | None
    deceased_on: date | None

    @classmethod
    def of(cls, d: Debtor) -> DebtorRead:
        return cls(
            id=d.id,
            name=d.name,
            first_name=d.first_name,
            last_name=d.last_name,
            address=address_in(d),
            pesel=d.pesel,
            nip=d.nip,
            regon=d.regon,
            homeless=d.homeless,
            deceased=d.deceased,
            address_unknown=d.address_unknown,
            ade=d.ade,
            ade_checked_on=d.ade_checked_on,
            deceased_on=d.deceased_on,
        )


class DebtorListItem(Schema):
    id: int
    name: str
    pesel_masked: str
    nip: str | None
    city: str | None

    @classmethod
    def of(cls, d: Debtor) -> DebtorListItem:
        return cls(id=d.id, name=d.name, pesel_masked=mask_pesel(d.pesel), nip=d.nip, city=d.city)


class FieldChange(Schema):
    field: str
    old: str | bool | None
    new: str | bool | None


class DebtorChangeRead(Schema):
    id: int
    debtor_id: int
    action: Literal["utworzenie", "zmiana"]
    actor: str
    at: datetime
    changes: list[FieldChange]

    @classmethod
    def of(cls, c: DebtorChange) -> DebtorChangeRead:
        return cls(
            id=c.id,
            debtor_id=c.debtor_id,
            action=c.action,  # type: ignore[arg-type]
            actor=c.actor,
            at=c.created_at,
            changes=[FieldChange.model_validate(x) for x in c.changes],
        )
