"""A Polish address as the API and the forms take it, placed in the territorial division: the
commune's TERC code gives its county and voivodeship; an address typed as one line gets its
commune when the city names exactly one city commune (issue 14 item 3)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Protocol

from pydantic import Field
from sqlalchemy.ext.asyncio import AsyncSession

from app.domain.documents import Address
from app.schemas import Schema
from app.teryt import service as teryt
from app.teryt.service import Commune

_ONE_LINE = re.compile(r"^(?P<street>.+?),\s*(?P<postal_code>\d{2}-\d{3})\s+(?P<city>\S.*)$")


class AddressIn(Schema):
    street: str = Field(min_length=1, max_length=200)
    postal_code: str = Field(pattern=r"^\d{2}-\d{3}$")
    city: str = Field(min_length=1, max_length=100)
    commune_code: str | None = Field(
        default=None,
        pattern=r"^\d{7}$",
        description="kod TERC gminy (7 cyfr, np. 0464011); województwo i powiat wynikają z gminy",
    )
    voivodeship: str | None = Field(default=None, max_length=40, description="województwo")
    county: str | None = Field(default=None, max_length=60, description="powiat")
    commune: str | None = Field(default=None, max_length=60, description="gmina")


class HasAddress(Protocol):
    """A row with an address (debtor, unit, enforcement authority)."""

    street: str | None
    postal_code: str | None
    city: str | None
    commune_code: str | None
    voivodeship: str | None
    county: str | None
    commune: str | None


def address_in(row: HasAddress) -> AddressIn | None:
    """A row's address as the API shows it; None when it has none."""
    if not (row.street and row.postal_code and row.city):
        return None
    return AddressIn(
        street=row.street,
        postal_code=row.postal_code,
        city=row.city,
        commune_code=row.commune_code,
        voivodeship=row.voivodeship,
        county=row.county,
        commune=row.commune,
    )


def document_address(row: HasAddress) -> Address | None:
    """A row's address as documents print it (TW-1 needs the division); None when it has none."""
    if not (row.street and row.postal_code and row.city):
        return None
    return Address(
        row.street,
        row.postal_code,
        row.city,
        voivodeship=row.voivodeship,
        county=row.county,
        commune=row.commune,
    )


def parse_address(value: object) -> object:
    """Accept "ul. Długa 5, 87-800 Włocławek" as well as {street, postal_code, city, …}."""
    if isinstance(value, str):
        match = _ONE_LINE.match(value.strip())
        if not match:
            raise ValueError("Adres w postaci „ulica i numer, 00-000 Miejscowość”")
        return match.groupdict()
    return value


@dataclass(frozen=True)
class Placed:
    """An address with its commune: from the code given, from the city when it names one city
    commune, or from the names given by hand; `candidates` when the city was ambiguous."""

    street: str
    postal_code: str
    city: str
    commune_code: str | None
    voivodeship: str | None
    county: str | None
    commune: str | None
    candidates: tuple[Commune, ...] = ()


def _of(a: AddressIn, c: Commune) -> Placed:
    return Placed(a.street, a.postal_code, a.city, c.code, c.voivodeship, c.county, c.name)


async def place(session: AsyncSession, a: AddressIn, field: str = "address") -> Placed:
    if a.commune_code:
        return _of(a, await teryt.require_commune(session, a.commune_code, f"{field}.commune_code"))
    found = await teryt.resolve_city(session, a.city)
    if found.commune is not None:
        return _of(a, found.commune)
    return Placed(
        a.street,
        a.postal_code,
        a.city,
        None,
        a.voivodeship,
        a.county,
        a.commune,
        found.candidates,
    )
