from __future__ import annotations

import re
from datetime import datetime
from typing import Annotated, Any

from pydantic import AfterValidator, BeforeValidator, Field, field_validator

from app.domain.identifiers import valid_nip, valid_nrb, valid_regon
from app.models import Authority, Unit
from app.schemas import Schema
from app.teryt.address import AddressIn, address_in, parse_address

# An authority's code is the scope of its title counter and a part of every title number
# (TW/<code>/<n>/<year>, TW-1 com:Sygnatura [a-zA-Z0-9.:-/]{1,60}): letters A-Z, digits and
# single hyphens only, so that a number can never carry a control character (issue 15 item 10).
AUTHORITY_CODE = r"^[A-Z0-9]+(?:-[A-Z0-9]+)*$"


def _code(value: str) -> str:
    if not re.fullmatch(AUTHORITY_CODE, value):
        raise ValueError(
            "Kod organu: wielkie litery A-Z, cyfry i pojedyncze łączniki, np. UM-WLOCLAWEK"
        )
    return value


AuthorityCode = Annotated[
    str,
    Field(
        min_length=1,
        max_length=20,
        description="kod organu: wielkie litery A-Z, cyfry i łączniki, np. UM-WLOCLAWEK",
        json_schema_extra={"pattern": AUTHORITY_CODE},
    ),
    AfterValidator(_code),
]


def _blank(value: Any) -> Any:
    return None if isinstance(value, str) and not value.strip() else value


Nip = Annotated[str | None, BeforeValidator(_blank), AfterValidator(lambda v: v and valid_nip(v))]
Regon = Annotated[
    str | None, BeforeValidator(_blank), AfterValidator(lambda v: v and valid_regon(v))
]
TercCode = Annotated[str, Field(pattern=r"^\d{7}$", description="kod TERC gminy (7 cyfr)")]


class BankAccountIn(Schema):
    number: str = Field(min_length=1, max_length=40, description="NRB, 26 cyfr (spacje dozwolone)")
    kind: str | None = Field(
        default=None, max_length=60, description="przeznaczenie, np. „należności”"
    )

    _number = field_validator("number")(lambda v: valid_nrb(v))


class SignatoryIn(Schema):
    name: str = Field(min_length=3, max_length=200, description="imię i nazwisko")
    position: str = Field(min_length=2, max_length=200, description="stanowisko")


class UnitUpdate(Schema):
    name: str = Field(min_length=1, max_length=300)
    address: AddressIn
    nip: Nip = None
    regon: Regon = None
    bank_accounts: list[BankAccountIn] = Field(default_factory=list, max_length=10)
    signatory: SignatoryIn
    place_of_issue: str | None = Field(
        default=None, max_length=100, description="miejscowość wystawienia dokumentów"
    )
    creditor_code: str | None = Field(
        default=None, max_length=32, description="kod wierzyciela ze słownika MF (TW-1)"
    )

    _address = field_validator("address", mode="before")(parse_address)


def _address(row: Unit | Authority) -> AddressIn:
    address = address_in(row)
    assert address is not None  # street, postal code and city are required of both
    return address


class BankAccountRead(Schema):
    number: str
    kind: str | None


class SignatoryRead(Schema):
    name: str
    position: str


class UnitRead(Schema):
    name: str
    address: AddressIn
    nip: str | None
    regon: str | None
    bank_accounts: list[BankAccountRead]
    signatory: SignatoryRead
    place_of_issue: str | None
    creditor_code: str | None
    is_example: bool = Field(description="dane przykładowe, nie zmienione od instalacji")
    updated_at: datetime | None
    updated_by: str | None

    @classmethod
    def of(cls, u: Unit) -> UnitRead:
        return cls(
            name=u.name,
            address=_address(u),
            nip=u.nip,
            regon=u.regon,
            bank_accounts=[BankAccountRead.model_validate(a) for a in u.bank_accounts],
            signatory=SignatoryRead(name=u.signatory_name, position=u.signatory_position),
            place_of_issue=u.place_of_issue,
            creditor_code=u.creditor_code,
            is_example=u.is_example,
            updated_at=u.updated_at,
            updated_by=u.updated_by,
        )


class AuthorityUpdate(Schema):
    name: str = Field(min_length=1, max_length=300)
    address: AddressIn
    office_code: str | None = Field(
        default=None, pattern=r"^\d{4}$", description="kod urzędu (4 cyfry), TW-1 KodUrzedu"
    )
    communes: list[TercCode] = Field(
        default_factory=list,
        max_length=2500,
        description="gminy (kody TERC), na których terenie organ jest właściwy",
    )
    is_default: bool = Field(default=False, description="właściwy, gdy gmina nie należy do innego")

    _address = field_validator("address", mode="before")(parse_address)


class AuthorityCreate(AuthorityUpdate):
    code: AuthorityCode


class AuthorityRead(Schema):
    code: str
    name: str
    address: AddressIn
    office_code: str | None
    communes: list[str]
    is_default: bool

    @classmethod
    def of(cls, a: Authority, communes: list[str]) -> AuthorityRead:
        return cls(
            code=a.code,
            name=a.name,
            address=_address(a),
            office_code=a.office_code,
            communes=communes,
            is_default=a.is_default,
        )
