"""The unit's data (the creditor on every document) and the one place documents read it from.

The row is filled from the WINDYKACJA_CREDITOR_* / WINDYKACJA_SIGNATORY_* settings when the
database has none (the first start); from then on the admin edits it ("Ustawienia jednostki",
PUT /api/v1/unit) and the settings are no longer read."""

from __future__ import annotations

from datetime import datetime

from pydantic import ValidationError
from sqlalchemy.ext.asyncio import AsyncSession

from app.config import Settings
from app.domain import documents as d
from app.errors import Incomplete
from app.models import Authority, Unit
from app.teryt.address import document_address, place
from app.unit.repository import UnitRepository
from app.unit.schemas import UnitUpdate

UNIT_ID = 1  # one instance, one unit: the row is read by its key (the session's identity map)
SETTINGS_HREF = "/jednostka"


class SeedError(RuntimeError):
    """A setting that would seed the unit or its authority is not valid: the service does not
    start, and the message names the variable."""


def missing_unit() -> Incomplete:
    return Incomplete(
        "Nie wprowadzono danych jednostki",
        [{"item": "Dane jednostki", "fix": "Ustawienia jednostki", "href": SETTINGS_HREF}],
    )


async def current(session: AsyncSession) -> Unit | None:
    return await session.get(Unit, UNIT_ID)


async def require(session: AsyncSession) -> Unit:
    unit = await current(session)
    if unit is None:
        raise missing_unit()
    return unit


async def _apply(session: AsyncSession, unit: Unit, data: UnitUpdate) -> None:
    where = await place(session, data.address)
    unit.name = data.name
    unit.street, unit.postal_code, unit.city = where.street, where.postal_code, where.city
    unit.commune_code, unit.commune = where.commune_code, where.commune
    unit.voivodeship, unit.county = where.voivodeship, where.county
    unit.nip, unit.regon, unit.creditor_code = data.nip, data.regon, data.creditor_code
    unit.bank_accounts = [a.model_dump() for a in data.bank_accounts]
    unit.signatory_name, unit.signatory_position = data.signatory.name, data.signatory.position
    unit.place_of_issue = data.place_of_issue


async def update(session: AsyncSession, data: UnitUpdate, actor: str, now: datetime) -> Unit:
    """Save the unit's data; they are no longer the example ones."""
    repo = UnitRepository(session)
    unit = await current(session) or Unit(id=UNIT_ID)
    await _apply(session, unit, data)
    unit.is_example, unit.updated_at, unit.updated_by = False, now, actor
    await repo.add(unit)
    return unit


def _from_settings(s: Settings) -> UnitUpdate:
    account = [{"number": s.creditor_bank_account}] if s.creditor_bank_account else []
    try:
        return UnitUpdate.model_validate(
            {
                "name": s.creditor_name,
                "address": {
                    "street": s.creditor_street,
                    "postal_code": s.creditor_postal_code,
                    "city": s.creditor_city,
                    "voivodeship": s.creditor_voivodeship,
                    "county": s.creditor_county,
                    "commune": s.creditor_commune,
                },
                "nip": s.creditor_nip,
                "regon": s.creditor_regon,
                "bank_accounts": account,
                "signatory": {"name": s.signatory_name, "position": s.signatory_position},
                "place_of_issue": s.creditor_city,
                "creditor_code": s.creditor_code,
            }
        )
    except ValidationError as exc:
        raise SeedError(seed_message("WINDYKACJA_CREDITOR_", exc)) from None


def seed_message(prefix: str, exc: ValidationError) -> str:
    first = exc.errors()[0]
    where = "_".join(str(p) for p in first["loc"] if not isinstance(p, int)).upper()
    return f"Nieprawidłowe ustawienie {prefix}{where}: {first['msg'].removeprefix('Value error, ')}"


async def seed(session: AsyncSession, settings: Settings) -> bool:
    """Fill an empty database with the unit from the settings; True when it did. The example
    unit (name and street not set) is marked as such: every page says so until it is edited."""
    if await current(session) is not None:
        return False
    unit = Unit(id=UNIT_ID)
    await _apply(session, unit, _from_settings(settings))
    unit.is_example = {"creditor_name", "creditor_street"}.isdisjoint(settings.model_fields_set)
    await UnitRepository(session).add(unit)
    return True


def document_address_of(row: Unit | Authority) -> d.Address:
    address = document_address(row)
    assert address is not None  # street, postal code and city are required of both
    return address


def _bank_account(unit: Unit, kind_account: str | None) -> str | None:
    if kind_account:
        return kind_account
    return str(unit.bank_accounts[0]["number"]) if unit.bank_accounts else None


async def creditor(session: AsyncSession, kind_account: str | None = None) -> d.Creditor:
    """The unit as the creditor of a document; payments go to the kind's account when it has
    one, else to the unit's first account."""
    unit = await require(session)
    return d.Creditor(
        name=unit.name,
        address=document_address_of(unit),
        nip=unit.nip,
        regon=unit.regon,
        bank_account=_bank_account(unit, kind_account),
        creditor_code=unit.creditor_code,
        place_of_issue=unit.place_of_issue,
    )


async def signatory(session: AsyncSession) -> d.Signatory:
    unit = await require(session)
    return d.Signatory(name=unit.signatory_name, position=unit.signatory_position)


async def is_example(session: AsyncSession) -> bool:
    unit = await current(session)
    return unit is None or unit.is_example
