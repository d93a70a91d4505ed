"""The enforcement authorities (organy egzekucyjne) titles go to, and which one is competent.

Seed 003 hands titles to the authority competent "zgodnie z podziałem terytorialnym": the one
whose territory (communes, TERC codes) holds the debtor's commune, else the default one. A
specialist may choose another for a receivable, with a reason (app/receivables/details.py)."""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import ValidationError
from sqlalchemy.ext.asyncio import AsyncSession

from app.config import Settings
from app.domain import documents as d
from app.errors import Conflict, Invalid, NotFound
from app.models import Authority
from app.teryt import service as teryt
from app.teryt.address import place
from app.unit import service as unit_service
from app.unit.repository import UnitRepository
from app.unit.schemas import AuthorityCreate, AuthorityUpdate
from app.unit.service import SeedError, seed_message


@dataclass(frozen=True)
class Competent:
    """The authority a receivable's title goes to, and why (shown on the card)."""

    authority: Authority | None
    why: str


async def listing(session: AsyncSession) -> list[tuple[Authority, list[str]]]:
    repo = UnitRepository(session)
    territories = await repo.territories()
    return [(a, territories.get(a.code, [])) for a in await repo.authorities()]


async def get(session: AsyncSession, code: str) -> Authority:
    found = await UnitRepository(session).authority(code)
    if found is None:
        raise NotFound(f"Nie ma organu egzekucyjnego o kodzie {code!r}")
    return found


async def known(session: AsyncSession, code: str, field: str) -> Authority:
    """An authority named in a request: 422 when there is no such authority (issue 15 item 10:
    a code is never taken on trust into a title number)."""
    found = await UnitRepository(session).authority(code)
    if found is None:
        raise Invalid(f"Nie ma organu egzekucyjnego o kodzie {code[:40]!r}", field=field)
    return found


async def territory(session: AsyncSession, code: str) -> list[str]:
    return (await UnitRepository(session).territories()).get(code, [])


async def _check_territory(session: AsyncSession, code: str, communes: list[str]) -> list[str]:
    unique = sorted(set(communes))
    found = await teryt.communes(session, unique)
    unknown = [c for c in unique if c not in found]
    if unknown:
        raise Invalid(
            f"Nie ma w rejestrze TERYT gmin o kodach: {', '.join(unknown[:10])}", field="communes"
        )
    taken = {c: a for c, a in (await UnitRepository(session).owners(unique)).items() if a != code}
    if taken:
        listed = ", ".join(f"{found[c].name} ({c}) – organ {a}" for c, a in sorted(taken.items()))
        raise Conflict(f"Gminy należą już do innego organu: {listed}", field="communes")
    return unique


async def _apply(session: AsyncSession, a: Authority, data: AuthorityUpdate) -> None:
    where = await place(session, data.address)
    a.name, a.office_code = data.name, data.office_code
    a.street, a.postal_code, a.city = where.street, where.postal_code, where.city
    a.commune_code, a.commune = where.commune_code, where.commune
    a.voivodeship, a.county = where.voivodeship, where.county


async def _save(
    session: AsyncSession, a: Authority, data: AuthorityUpdate, communes: list[str]
) -> Authority:
    repo = UnitRepository(session)
    # Exactly one default: the first authority is it; naming another moves it there.
    a.is_default = data.is_default or a.is_default or not await repo.authorities()
    await repo.add(a)
    if data.is_default:
        await repo.clear_default(a.code)
    await repo.set_territory(a.code, communes)
    return a


async def create(session: AsyncSession, data: AuthorityCreate) -> Authority:
    if await UnitRepository(session).authority(data.code) is not None:
        raise Conflict(f"Organ egzekucyjny o kodzie {data.code} już istnieje", field="code")
    communes = await _check_territory(session, data.code, data.communes)
    authority = Authority(code=data.code)
    await _apply(session, authority, data)
    return await _save(session, authority, data, communes)


async def update(session: AsyncSession, code: str, data: AuthorityUpdate) -> Authority:
    authority = await get(session, code)
    if authority.is_default and not data.is_default:
        raise Conflict(
            "Organ domyślny pozostaje domyślny, dopóki innego nie wskaże się jako domyślny",
            field="is_default",
        )
    communes = await _check_territory(session, code, data.communes)
    await _apply(session, authority, data)
    return await _save(session, authority, data, communes)


async def competent(
    session: AsyncSession, chosen: str | None, commune_code: str | None
) -> Competent:
    """The authority chosen for the receivable by hand, else the one of the debtor's commune,
    else the default one."""
    repo = UnitRepository(session)
    if chosen:
        return Competent(await repo.authority(chosen), "wskazany dla tej należności")
    if commune_code and (owner := await repo.authority_of_commune(commune_code)) is not None:
        return Competent(owner, "właściwy dla gminy zobowiązanego")
    default = await repo.default_authority()
    return Competent(default, "organ domyślny" if default else "brak organu egzekucyjnego")


def document_authority(a: Authority) -> d.Authority:
    return d.Authority(
        code=a.code,
        name=a.name,
        address=unit_service.document_address_of(a),
        office_code=a.office_code,
    )


async def of_document(session: AsyncSession, code: str) -> d.Authority:
    """The authority a title (document scope) goes to, with its current data."""
    return document_authority(await get(session, code))


def _from_settings(s: Settings) -> AuthorityCreate:
    try:
        return AuthorityCreate.model_validate(
            {
                "code": s.authority_code.upper(),
                "name": s.authority_name,
                "address": {
                    "street": s.authority_street,
                    "postal_code": s.authority_postal_code,
                    "city": s.authority_city,
                    "voivodeship": s.authority_voivodeship,
                    "county": s.authority_county,
                    "commune": s.authority_commune,
                },
                "office_code": s.authority_office_code,
                "is_default": True,
            }
        )
    except ValidationError as exc:
        raise SeedError(seed_message("WINDYKACJA_AUTHORITY_", exc)) from None


async def seed(session: AsyncSession, settings: Settings) -> bool:
    """Fill an empty database with the default authority from the settings."""
    if await UnitRepository(session).authorities():
        return False
    await create(session, _from_settings(settings))
    return True
