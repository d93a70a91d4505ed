"""The NBP interest-rate archive (stopy_procentowe_archiwum.xml, the format NBP publishes at
static.nbp.pl/dane/stopy/): parsed into NbpDecision rows for app.domain.rates.

    <stopy_procentowe_archiwum data_publikacji="2015-03-04">
      <pozycje obowiazuje_od="2023-10-05">
        <pozycja id="ref" oprocentowanie="5,75" /> <pozycja id="lom" oprocentowanie="6,25" /> …

Only the reference (ref) and lombard (lom) rates are read. The file comes from an upload or a URL,
so it is parsed as untrusted: no DTD, no entities, no network, a size limit; every error names
the place in the file and is in Polish."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from lxml import etree

from app.domain.rates import NbpDecision
from app.polish import pl_date

MAX_BYTES = 2 * 1024 * 1024  # the real file is ~34 kB
_RATE = re.compile(r"^\s*(\d{1,3})(?:[,.](\d{1,2}))?\s*$")


class NbpFileError(ValueError):
    """The file is not an NBP rate archive; the message says where and why (Polish)."""


@dataclass(frozen=True)
class NbpArchive:
    published_on: date | None  # data_publikacji of the root, if given
    decisions: tuple[NbpDecision, ...]  # in date order


def parse_archive(content: bytes) -> NbpArchive:
    if len(content) > MAX_BYTES:
        raise NbpFileError(f"Plik jest za duży (ponad {MAX_BYTES // 1024} kB); to nie archiwum NBP")
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False
    )
    try:
        root = etree.fromstring(content, parser)
    except etree.XMLSyntaxError as exc:
        raise NbpFileError(
            f"Plik nie jest poprawnym XML: {exc.msg} (wiersz {exc.lineno})"
        ) from None
    if root.tag != "stopy_procentowe_archiwum":
        raise NbpFileError(
            "To nie jest archiwum stóp procentowych NBP: oczekiwano elementu"
            f" <stopy_procentowe_archiwum>, jest <{root.tag}>"
        )
    decisions = [_decision(p) for p in root.iter("pozycje")]
    if not decisions:
        raise NbpFileError("Archiwum NBP nie zawiera żadnej pozycji <pozycje>")
    days = [d.valid_from for d in decisions]
    if len(set(days)) != len(days):
        raise NbpFileError("Archiwum NBP zawiera dwa razy ten sam dzień obowiazuje_od")
    published = root.get("data_publikacji")
    return NbpArchive(
        _day(published, root.sourceline) if published else None, tuple(sorted(decisions))
    )


def _decision(element: etree._Element) -> NbpDecision:
    line = element.sourceline
    day = _day(element.get("obowiazuje_od"), line)
    rates = {p.get("id"): p.get("oprocentowanie") for p in element.iter("pozycja")}
    missing = [name for name in ("ref", "lom") if rates.get(name) is None]
    if missing:
        raise NbpFileError(
            f"Pozycje z dnia {pl_date(day)} (wiersz {line}): brak stopy {', '.join(missing)}"
        )
    return NbpDecision(day, _bp(rates["ref"], day), _bp(rates["lom"], day))


def _day(text: str | None, line: int | None) -> date:
    try:
        return date.fromisoformat(text or "")
    except ValueError:
        raise NbpFileError(
            f"Nieprawidłowa data {text!r} w wierszu {line}: oczekiwano RRRR-MM-DD"
        ) from None


def _bp(text: str | None, day: date) -> int:
    match = _RATE.match(text or "")
    if not match:
        raise NbpFileError(
            f"Nieprawidłowa stopa {text!r} z dnia {pl_date(day)}: oczekiwano np. 5,75"
        )
    return int(match[1]) * 100 + int((match[2] or "0").ljust(2, "0"))
