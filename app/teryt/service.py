"""The TERYT register in use: communes for the address forms (autocomplete, county and voivodeship
following from the commune), a city's commune for an address typed as one line, and the import of
a newer file as GUS publishes it."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from app.domain.teryt import (
    COMMUNE_KINDS,
    Place,
    city_commune,
    county_of,
    is_terc_commune,
    search_key,
    voivodeship_of,
)
from app.errors import Conflict, Invalid
from app.models import TerytLocality, TerytRegister, TerytUnit
from app.teryt.files import Catalogue, TerytFileError, read_catalogue
from app.teryt.repository import TerytRepository

SEARCH_LIMIT = 15


@dataclass(frozen=True, slots=True)
class Commune:
    """A commune with the county and voivodeship it lies in, named as documents name them."""

    code: str  # TERC, 7 digits
    name: str  # "Włocławek"
    kind: str  # "gmina miejska"
    county: str  # "Włocławek" (a city county) / "włocławski"
    voivodeship: str  # "kujawsko-pomorskie"

    @property
    def label(self) -> str:
        return f"{self.name} ({self.kind}), powiat {self.county}, woj. {self.voivodeship}"


@dataclass(frozen=True, slots=True)
class Resolution:
    """The commune of a city typed in an address when the city names exactly one city commune,
    else the candidates to choose from (possibly none)."""

    commune: Commune | None
    candidates: tuple[Commune, ...] = ()


async def communes(session: AsyncSession, codes: Iterable[str]) -> dict[str, Commune]:
    """The communes of the codes that are communes of the register, with their county and
    voivodeship (one read for all)."""
    wanted = [c for c in codes if is_terc_commune(c)]
    repo = TerytRepository(session)
    places = await repo.places([*wanted, *map(county_of, wanted), *map(voivodeship_of, wanted)])
    out = {}
    for code in wanted:
        commune = places.get(code)
        county, voivodeship = places.get(county_of(code)), places.get(voivodeship_of(code))
        if commune is not None and county is not None and voivodeship is not None:
            out[code] = Commune(
                code, commune.name, commune.kind, county.name, voivodeship.name.lower()
            )
    return out


async def commune(session: AsyncSession, code: str | None) -> Commune | None:
    return (await communes(session, [code])).get(code) if code else None


async def require_commune(session: AsyncSession, code: str, field: str) -> Commune:
    found = await commune(session, code)
    if found is None:
        raise Invalid(f"Nie ma gminy o kodzie TERC {code!r} w rejestrze TERYT", field=field)
    return found


async def search(session: AsyncSession, query: str, limit: int = SEARCH_LIMIT) -> list[Commune]:
    """Communes whose name starts with the query ("Włoc" → the city and the rural commune of
    Włocławek), case and diacritics ignored."""
    key = search_key(query)
    if len(key) < 2:
        return []
    places = await TerytRepository(session).communes_starting(key, limit)
    found = await communes(session, [p.code for p in places])
    return [found[p.code] for p in places if p.code in found]


async def resolve_city(session: AsyncSession, city: str) -> Resolution:
    """The commune of a city (issue 14: resolved when the city names exactly one city commune;
    otherwise the communes of that name, and of the SIMC localities of that name, to choose)."""
    repo = TerytRepository(session)
    key = search_key(city)
    code = city_commune(city, await repo.cities_named(key))
    if code is not None and (found := await commune(session, code)) is not None:
        return Resolution(found)
    named: list[Place] = await repo.named(key, COMMUNE_KINDS)
    codes = [p.code for p in named] + await repo.locality_communes(key)
    candidates = await communes(session, dict.fromkeys(codes))
    return Resolution(None, tuple(candidates.values()))


@dataclass(frozen=True)
class Imported:
    catalog: str
    rows: int
    valid_on: str
    orphans: int  # commune codes in use that the new register does not hold


async def import_file(
    session: AsyncSession, data: bytes, source: str, actor: str, now: datetime, *, force: bool
) -> Imported:
    """Replace a catalogue with a file as GUS publishes it, in one transaction; an older file than
    the one in use only with `force`."""
    try:
        catalogue = read_catalogue(data)
    except TerytFileError as exc:
        raise Invalid(str(exc), field="file") from exc
    repo = TerytRepository(session)
    current = await repo.register(catalogue.name)
    if current is not None and current.valid_on > catalogue.valid_on and not force:
        raise Conflict(
            f"Wczytany rejestr {catalogue.name} jest nowszy (stan na {current.valid_on}) niż plik "
            f"(stan na {catalogue.valid_on}); aby mimo to go zastąpić, użyj --force"
        )
    await _load(repo, catalogue, source[:300], actor, now)
    orphans = 0
    if catalogue.name == "TERC":
        known = {str(r["code"]) for r in catalogue.rows}
        orphans = len(await repo.codes_in_use() - known)
    return Imported(catalogue.name, len(catalogue.rows), catalogue.valid_on.isoformat(), orphans)


async def _load(
    repo: TerytRepository, catalogue: Catalogue, source: str, actor: str, now: datetime
) -> None:
    model = TerytUnit if catalogue.name == "TERC" else TerytLocality
    await repo.replace(model, catalogue.rows)
    await repo.record(
        TerytRegister(
            catalog=catalogue.name,
            valid_on=catalogue.valid_on,
            rows=len(catalogue.rows),
            source=source,
            imported_at=now,
            imported_by=actor,
        )
    )


async def registers(session: AsyncSession) -> list[TerytRegister]:
    """The catalogues loaded, each with the day it is as of."""
    return await TerytRepository(session).registers()


async def pick(
    session: AsyncSession, text: str | None, code: str | None, field: str = "commune"
) -> Commune | None:
    """The commune chosen in a form: by the code the autocomplete filled in, else by the text
    typed (a commune's name or its label from the list) when it names exactly one commune."""
    if code:
        return await require_commune(session, code, field)
    if not text:
        return None
    name = text.split(" (")[0]
    key = search_key(text)
    found = [
        c
        for c in await search(session, name, limit=50)
        if key in (search_key(c.label), search_key(c.name))
    ]
    if len(found) == 1:
        return found[0]
    if not found:
        raise Invalid(
            f"Nie ma gminy „{name}” w rejestrze TERYT: wybierz ją z podpowiedzi", field=field
        )
    listed = "; ".join(c.label for c in found[:6])
    raise Invalid(f"Kilka gmin o tej nazwie: {listed}. Wybierz jedną z podpowiedzi", field=field)
