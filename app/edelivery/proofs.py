"""The proof of an electronic delivery as imported (UPD: urzędowe poświadczenie doręczenia; the
e-Doręczenia "dowód otrzymania", u.d.e. art. 41) and the authority's UPO of a handoff.

The official e-Doręczenia evidence is an ETSI EN 319 522 REM evidence sealed by the operator; its
schema was not reachable here. The product therefore defines the file it reads (namespace
urn:windykacja:e-doreczenie:dowod:1, version 1):

  <dowod:DowodDoreczenia wersja="1">
    <dowod:IdentyfikatorWiadomosci>…</dowod:IdentyfikatorWiadomosci>   (our message id)
    <dowod:AdresADE>AE:PL-…</dowod:AdresADE>
    <dowod:Zdarzenie rodzaj="wplyniecie" czas="2025-03-05T10:12:00+01:00"/>  (art. 41 ust. 3)
    <dowod:Zdarzenie rodzaj="odebranie" czas="…"/>                          (art. 41 ust. 2)
  </dowod:DowodDoreczenia>

An API adapter converts the operator's evidence into it; by hand, the specialist enters the dates
of a PDF proof in the delivery form (method e_doreczenie) and attaches the PDF as the scan. The
dates are taken in Polish time (Europe/Warsaw): a proof at 23:30 UTC on 4 March is 5 March."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

from lxml import etree

NS = "urn:windykacja:e-doreczenie:dowod:1"
WARSAW = ZoneInfo("Europe/Warsaw")
EVENTS = ("wplyniecie", "odebranie")


class ProofError(ValueError):
    pass


@dataclass(frozen=True, slots=True)
class Proof:
    message_id: str
    address: str
    arrived_on: date | None
    received_on: date | None


def _q(name: str) -> str:
    return f"{{{NS}}}{name}"


def build(message_id: str, address: str, events: Sequence[tuple[str, datetime]]) -> bytes:
    root = etree.Element(_q("DowodDoreczenia"), wersja="1", nsmap={"dowod": NS})
    etree.SubElement(root, _q("IdentyfikatorWiadomosci")).text = message_id
    etree.SubElement(root, _q("AdresADE")).text = address
    for kind, at in events:
        etree.SubElement(root, _q("Zdarzenie"), rodzaj=kind, czas=at.isoformat())
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def parse(content: bytes) -> Proof:
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    try:
        root = etree.fromstring(content, parser)
    except etree.XMLSyntaxError as exc:
        raise ProofError(f"Plik dowodu nie jest poprawnym XML: {exc.msg}") from None
    if root.tag != _q("DowodDoreczenia"):
        raise ProofError("To nie jest dowód doręczenia w obsługiwanym formacie (DowodDoreczenia)")
    message_id = (root.findtext(_q("IdentyfikatorWiadomosci")) or "").strip()
    if not message_id:
        raise ProofError("Dowód bez identyfikatora wiadomości")
    days: dict[str, date] = {}
    for event in root.iterfind(_q("Zdarzenie")):
        kind = event.get("rodzaj", "")
        if kind not in EVENTS:
            raise ProofError(f"Nieznany rodzaj zdarzenia w dowodzie: {kind!r}")
        days[kind] = _day(event.get("czas", ""))
    if not days:
        raise ProofError("Dowód nie zawiera zdarzenia wpłynięcia ani odebrania")
    return Proof(
        message_id=message_id,
        address=(root.findtext(_q("AdresADE")) or "").strip(),
        arrived_on=days.get("wplyniecie"),
        received_on=days.get("odebranie"),
    )


def _day(value: str) -> date:
    try:
        at = datetime.fromisoformat(value)
    except ValueError:
        raise ProofError(f"Nieprawidłowy czas zdarzenia: {value!r}") from None
    if at.tzinfo is None:
        raise ProofError("Czas zdarzenia bez strefy czasowej")
    return at.astimezone(WARSAW).date()
