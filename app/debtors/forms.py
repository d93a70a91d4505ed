"""The debtor form of the web pages: fields as typed, checks as in DebtorCreate."""

from __future__ import annotations

import re
from typing import TypeVar

from pydantic import Field, field_validator

from app.debtors.schemas import DebtorCreate
from app.domain.identifiers import valid_nip, valid_pesel, valid_regon
from app.errors import Invalid
from app.models import Debtor
from app.teryt.service import Commune
from app.web.forms import Check, OptionalDay, Text, WebForm

D = TypeVar("D", bound=DebtorCreate)
_POSTAL = re.compile(r"^\d{2}-\d{3}$")
ADDRESS_FIELDS = {"street": "ulicę i numer", "postal_code": "kod pocztowy", "city": "miejscowość"}


class DebtorForm(WebForm):
    name: str = Field(min_length=1, max_length=300)
    first_name: Text = Field(default=None, max_length=100)
    last_name: Text = Field(default=None, max_length=150)
    street: Text = Field(default=None, max_length=200)
    postal_code: Text = None
    city: Text = Field(default=None, max_length=100)
    # The commune by autocomplete (the label shown, the TERC code in a hidden field).
    commune: Text = Field(default=None, max_length=200)
    commune_code: Text = Field(default=None, pattern=r"^\d{7}$")
    pesel: Text = None
    nip: Text = None
    regon: Text = None
    address_unknown: Check = False
    homeless: Check = False
    deceased: Check = False
    ade: Text = Field(default=None, max_length=40)
    ade_checked_on: OptionalDay = None

    @field_validator("postal_code")
    @classmethod
    def _postal(cls, v: str | None) -> str | None:
        if v is not None and not _POSTAL.match(v):
            raise ValueError("Kod pocztowy w postaci 00-000")
        return v

    @field_validator("pesel")
    @classmethod
    def _pesel(cls, v: str | None) -> str | None:
        return valid_pesel(v) if v else None

    @field_validator("nip")
    @classmethod
    def _nip(cls, v: str | None) -> str | None:
        return valid_nip(v.replace("-", "")) if v else None

    @field_validator("regon")
    @classmethod
    def _regon(cls, v: str | None) -> str | None:
        return valid_regon(v) if v else None

    def to_schema(self, schema: type[D], commune: Commune | None, *, keep: bool = False) -> D:
        """DebtorCreate or DebtorUpdate; an address is all three parts or none. `commune` is the
        one chosen; `keep`: the form left the commune as it was, so the debtor's stays."""
        given: dict[str, str | None] = {f: getattr(self, f) for f in ADDRESS_FIELDS}
        missing = [f for f, v in given.items() if not v]
        if 0 < len(missing) < len(ADDRESS_FIELDS):
            raise Invalid(
                f"Podaj {ADDRESS_FIELDS[missing[0]]} albo zostaw puste wszystkie pola adresu",
                field=missing[0],
            )
        if not keep:
            given["commune_code"] = commune.code if commune else None
        data = self.model_dump(exclude={*ADDRESS_FIELDS, "commune", "commune_code"})
        return schema.model_validate({**data, "address": None if missing else given})

    def keeps_commune(self, d: Debtor) -> bool:
        """The commune field still shows what the debtor had (no code picked, same text)."""
        return not self.commune_code and (self.commune or None) == (d.commune or None)

    @staticmethod
    def values_of(d: Debtor, commune: Commune | None) -> dict[str, str]:
        text = {
            k: getattr(d, k) or ""
            for k in (
                "name",
                "first_name",
                "last_name",
                "street",
                "postal_code",
                "city",
                "pesel",
                "nip",
                "regon",
                "ade",
            )
        }
        text["ade_checked_on"] = d.ade_checked_on.isoformat() if d.ade_checked_on else ""
        flags = {k: "on" for k in ("address_unknown", "homeless", "deceased") if getattr(d, k)}
        division = {
            "commune": commune.label if commune else d.commune or "",
            "commune_code": commune.code if commune else "",
        }
        return text | flags | division
