"""The forms of "Ustawienia jednostki": the unit and an enforcement authority, as typed; each turns
into the API schema (the same checks as PUT /api/v1/unit and /api/v1/authorities)."""

from __future__ import annotations

import re
from typing import Any

from pydantic import Field

from app.models import Authority, Unit
from app.teryt.service import Commune
from app.unit.schemas import AuthorityCreate, AuthorityUpdate, UnitUpdate
from app.web.forms import Check, Text, WebForm

_TERC = re.compile(r"\b(\d{7})\b")
# Schema error locations → the form field that shows them.
ALIASES = {
    "address": "street",
    "signatory": "signatory_name",
    "commune_code": "commune",
}


class AddressForm(WebForm):
    street: str = Field(min_length=1, max_length=200)
    postal_code: str = Field(min_length=1, max_length=10)
    city: str = Field(min_length=1, max_length=100)
    commune: Text = Field(default=None, max_length=200)
    commune_code: Text = Field(default=None, pattern=r"^\d{7}$")

    def address(self, commune: Commune | None) -> dict[str, Any]:
        return {
            "street": self.street,
            "postal_code": self.postal_code,
            "city": self.city,
            "commune_code": commune.code if commune else None,
        }


def _address_values(row: Unit | Authority, commune: Commune | None) -> dict[str, str]:
    return {
        "street": row.street,
        "postal_code": row.postal_code,
        "city": row.city,
        "commune": commune.label if commune else row.commune or "",
        "commune_code": commune.code if commune else "",
    }


class UnitForm(AddressForm):
    name: str = Field(min_length=1, max_length=300)
    nip: Text = None
    regon: Text = None
    bank_accounts: Text = Field(default=None, max_length=2000)
    signatory_name: str = Field(min_length=1, max_length=200)
    signatory_position: str = Field(min_length=1, max_length=200)
    place_of_issue: Text = Field(default=None, max_length=100)
    creditor_code: Text = Field(default=None, max_length=32)

    def to_schema(self, commune: Commune | None) -> UnitUpdate:
        accounts = []
        for line in (self.bank_accounts or "").splitlines():
            number, _, kind = line.partition(";")
            if number.strip():
                accounts.append({"number": number.strip(), "kind": kind.strip() or None})
        return UnitUpdate.model_validate(
            {
                "name": self.name,
                "address": self.address(commune),
                "nip": self.nip,
                "regon": self.regon,
                "bank_accounts": accounts,
                "signatory": {"name": self.signatory_name, "position": self.signatory_position},
                "place_of_issue": self.place_of_issue,
                "creditor_code": self.creditor_code,
            }
        )

    @staticmethod
    def values_of(u: Unit, commune: Commune | None) -> dict[str, str]:
        accounts = "\n".join(
            f"{a['number']}; {a['kind']}" if a.get("kind") else str(a["number"])
            for a in u.bank_accounts
        )
        return _address_values(u, commune) | {
            "name": u.name,
            "nip": u.nip or "",
            "regon": u.regon or "",
            "bank_accounts": accounts,
            "signatory_name": u.signatory_name,
            "signatory_position": u.signatory_position,
            "place_of_issue": u.place_of_issue or "",
            "creditor_code": u.creditor_code or "",
        }


class AuthorityForm(AddressForm):
    code: Text = Field(default=None, max_length=20)
    name: str = Field(min_length=1, max_length=300)
    office_code: Text = None
    # One commune a line: its TERC code, or its name / label from the suggestions.
    communes: Text = Field(default=None, max_length=100_000)
    is_default: Check = False

    def commune_lines(self) -> list[tuple[str | None, str]]:
        """Each line of the territory: (the TERC code written in it, the line)."""
        out = []
        for line in (self.communes or "").splitlines():
            if line.strip():
                found = _TERC.search(line)
                out.append((found[1] if found else None, line.strip()))
        return out

    def to_update(self, commune: Commune | None, territory: list[str]) -> AuthorityUpdate:
        return AuthorityUpdate.model_validate(
            {
                "name": self.name,
                "address": self.address(commune),
                "office_code": self.office_code,
                "communes": territory,
                "is_default": self.is_default,
            }
        )

    def to_create(self, commune: Commune | None, territory: list[str]) -> AuthorityCreate:
        data = self.to_update(commune, territory).model_dump()
        return AuthorityCreate.model_validate({**data, "code": self.code or ""})

    @staticmethod
    def values_of(
        a: Authority, commune: Commune | None, territory: list[Commune]
    ) -> dict[str, str]:
        flags = {"is_default": "on"} if a.is_default else {}
        return (
            _address_values(a, commune)
            | flags
            | {
                "code": a.code,
                "name": a.name,
                "office_code": a.office_code or "",
                "communes": "\n".join(f"{c.code} {c.label}" for c in territory),
            }
        )
