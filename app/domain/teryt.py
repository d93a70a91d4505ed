"""The territorial division of the TERYT register (GUS, TERC catalogue), as the rules read it.

A TERC code of a commune is WOJ+POW+GMI+RODZ, 7 digits. RODZ (rodzaj jednostki), as GUS defines
it in the TERC description: 1 gmina miejska, 2 gmina wiejska, 3 gmina miejsko-wiejska, 4 miasto
w gminie miejsko-wiejskiej, 5 obszar wiejski w gminie miejsko-wiejskiej, 8 dzielnica m.st.
Warszawy, 9 delegatura (Kraków, Łódź, Poznań, Wrocław). Units 4, 5, 8 and 9 are parts of a
commune, not communes: an address belongs to the commune (1, 2 or 3)."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

COMMUNE_KINDS = frozenset({"1", "2", "3"})
# A city: a gmina miejska (1) or the town of an urban-rural commune (4).
CITY_KINDS = frozenset({"1", "4"})
URBAN_RURAL = "3"

# Letters NFKD does not decompose into a base letter and a mark.
_FOLD = str.maketrans({"ł": "l", "Ł": "l", "ß": "ss"})


def search_key(name: str) -> str:
    """ "Włocławek" → "wloclawek": case and Polish diacritics do not matter when searching."""
    decomposed = unicodedata.normalize("NFKD", name.translate(_FOLD).casefold())
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(bare.split())


@dataclass(frozen=True, slots=True)
class Place:
    """A TERC unit: code (2, 4 or 7 digits), name and kind (NAZWA_DOD)."""

    code: str
    name: str
    kind: str

    @property
    def rodz(self) -> str:
        return self.code[6:] if len(self.code) == 7 else ""

    @property
    def is_commune(self) -> bool:
        return self.rodz in COMMUNE_KINDS

    @property
    def is_city(self) -> bool:
        return self.rodz in CITY_KINDS


def commune_of(code: str) -> str:
    """The commune a TERC unit belongs to: a town (4) or rural area (5) of an urban-rural
    commune → the commune (3); a commune → itself. Districts (8, 9) are not resolved here."""
    if len(code) == 7 and code[6] in ("4", "5"):
        return code[:6] + URBAN_RURAL
    return code


def county_of(code: str) -> str:
    return code[:4]


def voivodeship_of(code: str) -> str:
    return code[:2]


def city_commune(city: str, places: Sequence[Place]) -> str | None:
    """The commune of `city` when it names exactly one city (issue 14: "Włocławek" is the city
    commune 0464011 though a rural commune bears the same name); None when it names none or
    several (then the specialist chooses among the candidates)."""
    key = search_key(city)
    cities = {commune_of(p.code) for p in places if p.is_city and search_key(p.name) == key}
    return cities.pop() if len(cities) == 1 else None


def is_terc_commune(code: str) -> bool:
    return len(code) == 7 and code.isdigit() and code[6] in COMMUNE_KINDS
