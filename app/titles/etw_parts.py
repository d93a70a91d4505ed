"""Checks and conversions of document data into the parts an eTW (MF) form needs.

Each refusal is an XmlValidationError naming the form element the data would have filled, so the
building step stops with a message the specialist can act on (STYLE rule 13)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.domain.documents import Address
from app.domain.identifiers import (
    IdentifierError,
    valid_nip,
    valid_nrb,
    valid_pesel,
    valid_regon,
)
from app.titles.xmltext import clean
from app.titles.xsd import XmlValidationError

_POSTAL = re.compile(r"^(\d{2})-?(\d{3})$")
# "ul. Długa 5 m. 3", "Plac Bankowy 3/5", "Długa 12A", "Dobrzyń 15"
_STREET = re.compile(
    r"^(?:(?P<name>.*?)\s+)?(?P<house>\d+[A-Za-z]?)"
    r"(?:\s*(?:/|m\.?|lok\.?)\s*(?P<flat>[0-9A-Za-z]+))?$"
)
_UL = re.compile(r"^(?:ul\.|ulica)\s+", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class AddressParts:
    voivodeship: str
    county: str
    commune: str
    city: str
    street_name: str | None
    house_number: str
    flat_number: str | None
    postal_code: str  # five digits, no dash


def address_parts(address: Address | None, whose: str) -> AddressParts:
    """The structured Polish address of com:AdresPolski; `whose` goes into messages."""
    if address is None:
        raise XmlValidationError("com:Adres", f"Brak adresu ({whose}) - tytuł wymaga adresu")
    if address.country != "PL":
        raise XmlValidationError(
            "com:AdresPolski",
            f"Adres zagraniczny ({whose}, {address.country}): struktura adresu zagranicznego "
            "TW-1(5) nie jest znana - wystaw tytuł ręcznie",
        )
    street_name, house, flat = _street_parts(address, whose)
    return AddressParts(
        voivodeship=_required(address.voivodeship, "com:Wojewodztwo", "województwa", whose),
        county=_required(address.county, "com:Powiat", "powiatu", whose),
        commune=_required(address.commune, "com:Gmina", "gminy", whose),
        city=_required(address.city, "com:Miejscowosc", "miejscowości", whose),
        street_name=street_name,
        house_number=house,
        flat_number=flat,
        postal_code=_postal(address.postal_code, whose),
    )


def _required(value: str | None, element: str, what: str, whose: str) -> str:
    if value is None or not clean(value):
        raise XmlValidationError(element, f"Brak {what} w adresie ({whose})")
    return value


def _postal(code: str, whose: str) -> str:
    match = _POSTAL.match(clean(code))
    if match is None:
        raise XmlValidationError(
            "com:KodPocztowy", f"Kod pocztowy {code!r} ({whose}) nie ma postaci 00-000"
        )
    return match.group(1) + match.group(2)


def _street_parts(address: Address, whose: str) -> tuple[str | None, str, str | None]:
    if address.house_number:
        return address.street_name, address.house_number, address.flat_number
    match = _STREET.match(clean(address.street))
    if match is None:
        raise XmlValidationError(
            "com:NrDomu",
            f"Nie można odczytać numeru domu z adresu {address.street!r} ({whose}); "
            "podaj house_number",
        )
    name = _UL.sub("", match.group("name") or "").strip()
    # A village without streets: "Dobrzyń 15" names the locality, not a street.
    street = name if name and name != clean(address.city) else None
    return street, match.group("house"), match.group("flat")


def first_and_last(first: str | None, last: str | None, full: str, element: str) -> tuple[str, str]:
    """Imię and nazwisko; without both fields, only a two-word name is split (no guessing)."""
    if first and last:
        return first, last
    words = clean(full).split(" ")
    if len(words) != 2:
        raise XmlValidationError(
            element,
            f"Nie można rozdzielić imienia i nazwiska w {full!r}; podaj first_name i last_name",
        )
    return words[0], words[1]


def checked_ids(pesel: str | None, nip: str | None, regon: str | None) -> dict[str, str]:
    """Identifiers that are known, checksums verified; keys are the com:AdmId element names."""
    checks = (("PESEL", pesel, valid_pesel), ("NIP", nip, valid_nip), ("REGON", regon, valid_regon))
    ids: dict[str, str] = {}
    for element, value, check in checks:
        if value:
            try:
                ids[element] = check(clean(value))
            except IdentifierError as exc:
                raise XmlValidationError(f"com:{element}", str(exc)) from exc
    return ids


def bank_account(nrb: str) -> str:
    """NRB as 26 digits (spaces and a "PL" prefix dropped), its IBAN check digits verified."""
    try:
        return valid_nrb(nrb)
    except IdentifierError:
        raise XmlValidationError(
            "com:NrRachunkuPL", f"Nieprawidłowy numer rachunku bankowego {nrb!r}"
        ) from None
