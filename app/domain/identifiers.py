"""PESEL, NIP and REGON validated with python-stdnum; bad checksum → a Polish message."""

from __future__ import annotations

from datetime import date

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


def birth_date(pesel_number: str) -> date:
    return pesel.get_birth_date(pesel_number)  # type: ignore[no-any-return]


def mask_pesel(value: str | None) -> str:
    """For lists: the first 6 digits (birth date) and the rest hidden."""
    return "" if not value else value[:6] + "•••••"
