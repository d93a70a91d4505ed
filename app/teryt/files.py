"""TERYT files as GUS publishes them (eteryt.stat.gov.pl, "pliki pełne"): TERC (territorial
units) and SIMC (localities), in CSV (";"-separated, UTF-8, a header row) or XML (<teryt><catalog
name=… date=…><row>…</row></catalog></teryt>, each column a <col name="WOJ"> element in older
exports, a <WOJ> element in newer ones). Pure: bytes in, rows out; a bad file raises
TerytFileError with a Polish message naming the row."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from typing import cast

from lxml import etree

from app.domain.teryt import search_key

_TWO = re.compile(r"^\d{2}$")
_ONE = re.compile(r"^\d$")
_SYM = re.compile(r"^\d{7}$")


class TerytFileError(ValueError):
    pass


@dataclass(frozen=True)
class Catalogue:
    name: str  # TERC | SIMC
    valid_on: date  # STAN_NA (the latest day in the file)
    rows: list[dict[str, object]]  # ready for teryt_unit / teryt_locality


def read_catalogue(data: bytes) -> Catalogue:
    """A TERC or SIMC file, recognised by its columns."""
    is_xml = data.lstrip(b"\xef\xbb\xbf \r\n\t").startswith(b"<")
    records = list(_xml_records(data) if is_xml else _csv_records(data))
    if not records:
        raise TerytFileError("Plik nie zawiera żadnego wiersza rejestru TERYT")
    columns = set(records[0])
    if {"SYM", "RODZ_GMI"} <= columns:
        rows = [_locality(n, r) for n, r in enumerate(records, start=1)]
        name = "SIMC"
    elif {"WOJ", "POW", "GMI", "RODZ", "NAZWA"} <= columns:
        rows = [_unit(n, r) for n, r in enumerate(records, start=1)]
        name = "TERC"
    else:
        raise TerytFileError(
            "Nie rozpoznano pliku: oczekiwano katalogu TERC (kolumny WOJ, POW, GMI, RODZ, NAZWA) "
            "albo SIMC (kolumny WOJ, POW, GMI, RODZ_GMI, NAZWA, SYM)"
        )
    return Catalogue(name, max(cast(date, r["valid_on"]) for r in rows), rows)


def _decode(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1250")  # older GUS exports


def _csv_records(data: bytes) -> Iterator[Mapping[str, str]]:
    reader = csv.DictReader(io.StringIO(_decode(data)), delimiter=";")
    for record in reader:
        yield {(k or "").strip(): (v or "").strip() for k, v in record.items()}


def _xml_records(data: bytes) -> Iterator[Mapping[str, str]]:
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise TerytFileError(f"Plik XML jest uszkodzony: {exc}") from exc
    for row in root.iter("row"):
        record = {}
        for col in row:
            if not isinstance(col.tag, str):
                continue
            name = col.get("name") if col.tag == "col" else col.tag
            record[str(name)] = (col.text or "").strip()
        yield record


def _field(n: int, record: Mapping[str, str], name: str, pattern: re.Pattern[str] | None) -> str:
    value = record.get(name, "")
    if pattern is not None and value and not pattern.match(value):
        raise TerytFileError(f"Wiersz {n}: nieprawidłowa wartość kolumny {name}: {value[:20]!r}")
    return value


def _name(n: int, record: Mapping[str, str]) -> str:
    name = record.get("NAZWA", "")
    if not name or len(name) > 100:
        raise TerytFileError(f"Wiersz {n}: brak nazwy albo nazwa dłuższa niż 100 znaków")
    return name


def _day(n: int, record: Mapping[str, str]) -> date:
    try:
        return date.fromisoformat(record.get("STAN_NA", ""))
    except ValueError:
        raise TerytFileError(f"Wiersz {n}: STAN_NA nie jest datą RRRR-MM-DD") from None


def _unit(n: int, record: Mapping[str, str]) -> dict[str, object]:
    woj = _field(n, record, "WOJ", _TWO)
    pow_ = _field(n, record, "POW", _TWO)
    gmi = _field(n, record, "GMI", _TWO)
    rodz = _field(n, record, "RODZ", _ONE)
    if not woj or (gmi and not pow_) or (rodz and not gmi) or (gmi and not rodz):
        raise TerytFileError(f"Wiersz {n}: niepełny kod jednostki {woj}{pow_}{gmi}{rodz!r}")
    name = _name(n, record)
    return {
        "code": woj + pow_ + gmi + rodz,
        "woj": woj,
        "pow": pow_ or None,
        "gmi": gmi or None,
        "rodz": rodz or None,
        "name": name,
        "kind": (record.get("NAZWA_DOD") or record.get("NAZDOD") or "")[:60],
        "search_key": search_key(name),
        "valid_on": _day(n, record),
    }


def _locality(n: int, record: Mapping[str, str]) -> dict[str, object]:
    parts = [_field(n, record, c, _TWO) for c in ("WOJ", "POW", "GMI")]
    rodz = _field(n, record, "RODZ_GMI", _ONE)
    sym = _field(n, record, "SYM", _SYM)
    if not all(parts) or not rodz or not sym:
        raise TerytFileError(f"Wiersz {n}: niepełny kod gminy albo identyfikator miejscowości")
    name = _name(n, record)
    return {
        "sym": sym,
        "name": name,
        "commune_code": "".join(parts) + rodz,
        "search_key": search_key(name),
        "valid_on": _day(n, record),
    }
