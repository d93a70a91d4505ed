"""PESEL, NIP and REGON validated with python-stdnum; bad checksum → a Polish message."""

from __future__ import annotations

import re
from datetime import date

from stdnum import iban
from stdnum.exceptions import ValidationError
from stdnum.pl import nip, pesel, regon


class IdentifierError(ValueError):
    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


def valid_pesel(value: str) -> str:
    try:
        return str(pesel.validate(value))
    except ValidationError as exc:
        raise IdentifierError(
            "pesel", "Nieprawidłowy numer PESEL (błędna długość lub cyfra kontrolna)"
        ) from exc


def valid_nip(value: str) -> str:
    try:
        return str(nip.validate(value))
    except ValidationError as exc:
        raise IdentifierError(
            "nip", "Nieprawidłowy numer NIP (błędna długość lub cyfra kontrolna)"
        ) from exc


def valid_regon(value: str) -> str:
    try:
        return str(regon.validate(value))
    except ValidationError as exc:
        raise IdentifierError(
            "regon", "Nieprawidłowy numer REGON (błędna długość lub cyfra kontrolna)"
        ) from exc


def valid_nrb(value: str) -> str:
    """A Polish bank account (NRB, or its IBAN with "PL") as 26 digits, the check digits verified
    (the IBAN check of ISO 13616, which NRB shares)."""
    digits = re.sub(r"[\s-]", "", value).upper().removeprefix("PL")
    if not (len(digits) == 26 and digits.isdigit() and iban.is_valid("PL" + digits)):
        raise IdentifierError(
            "bank_account", "Nieprawidłowy numer rachunku bankowego (26 cyfr, cyfry kontrolne)"
        )
    return digits


def birth_date(pesel_number: str) -> date:
    return pesel.get_birth_date(pesel_number)  # type: ignore[no-any-return]


def mask_pesel(value: str | None) -> str:
    """For lists: the first 6 digits (birth date) and the rest hidden."""
    return "" if not value else value[:6] + "•••••"
