"""The proof of an electronic delivery as imported (UPD: urzędowe poświadczenie doręczenia; the
e-Doręczenia "dowód otrzymania", u.d.e. art. 41) and the authority's UPO of a handoff.

Two formats are read.

1. The operator's evidence (ETSI EN 319 522, namespace http://uri.etsi.org/19522/v1#), as the
   e-Doręczenia mailbox gives it. The official schema was not reachable here; what was found
   (research of 2026-12-06 with the `search` tool):
   - the content of the dowód otrzymania (information that it is a dowód otrzymania under the
     u.d.e., sender and addressee, date of sending taken from the dowód wysłania, date of
     receipt, the evidence identifier, date of issue, integrity data, the services) and that the
     dowody are XML: wartowiedziec.pl, "Dowód wysłania i dowód otrzymania w e-Doręczeniach";
   - the element names, from a public XSL visualisation of e-Doręczenia evidence made by a
     voivode's office ("Wizualizacja stworzona przez WUW Oddział Obiegu Dokumentów"; code corpus,
     not copied): root ns2:Evidence with EvidenceIdentifier, ERDSEventId (…ContentConsignment /
     …ContentHandover, shown as "Doręczenie przesyłki"), EventTime and SubmissionTime (shown as
     UTC), EventReasons, SenderDetails and RecipientDetails (Identity with SAML attributes
     LegalName / LegalPersonIdentifier; Identifier = the ADE), UserContentInfo,
     EvidenceIssuerDetails, EvidenceIssuerPolicyID; some children are unqualified, so they are
     matched here by local name;
   - the event URIs http://uri.etsi.org/19522/Event/<event> (EN 319 522-3 Table 2) and the
     optional MessageIdentifier, from a public QERDS profile that restates EN 319 522-3.
   Read as: ContentHandover = the dowód otrzymania → the moment of receipt (u.d.e. art. 42 ust. 1:
   delivered at the moment the dowód otrzymania shows). SubmissionAcceptance (the dowód wysłania)
   and every other event are refused with their name. Not found: the element that carries the day
   of wpłynięcie in a dowód otrzymania issued after 14 days (art. 41 ust. 1 pkt 3, art. 42 ust. 2).
   Such a dowód cannot be told from a real pickup by its event alone, so a ContentHandover 14 days
   or more after SubmissionTime is refused: the specialist enters its dates in the delivery form
   (method e_doreczenie, arrived_on) and attaches the file. The operator's seal (ds:Signature) is
   not verified here; the file is kept as the delivery's evidence. The letter is found by
   MessageIdentifier when an API adapter recorded the operator's id, otherwise by the addressee's
   ADE among the letters still waiting for a proof (app/edelivery/service.py).

2. The product's own file (namespace urn:windykacja:e-doreczenie:dowod:1, version 1), which the
   test provider issues and an adapter may write:

  <dowod:DowodDoreczenia wersja="1">
    <dowod:IdentyfikatorWiadomosci>…</dowod:IdentyfikatorWiadomosci>   (our message id)
    <dowod:AdresADE>AE:PL-…</dowod:AdresADE>
    <dowod:Zdarzenie rodzaj="wplyniecie" czas="2025-03-05T10:12:00+01:00"/>  (art. 41 ust. 3)
    <dowod:Zdarzenie rodzaj="odebranie" czas="…"/>                          (art. 41 ust. 2)
  </dowod:DowodDoreczenia>

By hand, the specialist can always enter the dates of a PDF proof in the delivery form (method
e_doreczenie) and attach the PDF as the scan. The dates are taken in Polish time (Europe/Warsaw):
a proof at 23:30 UTC on 4 March is 5 March."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from lxml import etree

NS = "urn:windykacja:e-doreczenie:dowod:1"
ETSI = "http://uri.etsi.org/19522/v1#"  # ETSI EN 319 522 evidence
ETSI_EVENT = "http://uri.etsi.org/19522/Event/"
HANDOVER = "ContentHandover"  # the dowód otrzymania (u.d.e. art. 41 ust. 1)
FICTION_DAYS = 14  # u.d.e. art. 41 ust. 1 pkt 3
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
    evidence_id: str = ""  # the operator's EvidenceIdentifier (ETSI evidence only)


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
    if root.tag == f"{{{ETSI}}}Evidence":
        return _etsi(root)
    if root.tag != _q("DowodDoreczenia"):
        raise ProofError(
            "To nie jest dowód doręczenia w obsługiwanym formacie (dowód e-Doręczeń ETSI "
            "EN 319 522 albo DowodDoreczenia)"
        )
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
    at = _moment(value)
    if at.tzinfo is None:
        raise ProofError("Czas zdarzenia bez strefy czasowej")
    return at.astimezone(WARSAW).date()


def _moment(value: str) -> datetime:
    try:
        return datetime.fromisoformat(value.strip())
    except ValueError:
        raise ProofError(f"Nieprawidłowy czas zdarzenia: {value!r}") from None


def _local(el: etree._Element) -> str:
    return etree.QName(el).localname if isinstance(el.tag, str) else ""


def _child(parent: etree._Element | None, *path: str) -> etree._Element | None:
    """The first child by local name along a path: the evidence mixes qualified and unqualified
    children (see the module docstring)."""
    for name in path:
        if parent is None:
            return None
        parent = next((c for c in parent if _local(c) == name), None)
    return parent


def _text(parent: etree._Element, *path: str) -> str:
    el = _child(parent, *path)
    return "" if el is None else "".join(el.itertext()).strip()


def _utc(value: str, what: str) -> datetime:
    if not value:
        raise ProofError(f"Dowód bez {what}")
    at = _moment(value)
    # Shown as UTC by the e-Doręczenia visualisation; a time without an offset is read as UTC.
    return at if at.tzinfo is not None else at.replace(tzinfo=UTC)


def _etsi(root: etree._Element) -> Proof:
    event = _text(root, "ERDSEventId")
    name = event.removeprefix(ETSI_EVENT).rsplit("/", 1)[-1].rsplit("#", 1)[-1]
    if name == "SubmissionAcceptance":
        raise ProofError(
            "To jest dowód wysłania (SubmissionAcceptance), nie dowód otrzymania – "
            "zaimportuj dowód otrzymania"
        )
    if name != HANDOVER:
        raise ProofError(
            f"Zdarzenie {name or '(brak)'} nie jest dowodem otrzymania (ContentHandover)"
        )
    at = _utc(_text(root, "EventTime"), "czasu zdarzenia (EventTime)")
    sent = _text(root, "SubmissionTime")
    if sent and at - _utc(sent, "czasu nadania") >= timedelta(days=FICTION_DAYS):
        # art. 41 ust. 1 pkt 3: possibly a dowód issued after 14 days without pickup; its day
        # of wpłynięcie (art. 42 ust. 2) is not read here.
        raise ProofError(
            "Dowód otrzymania wystawiono 14 dni lub później po nadaniu – może to być doręczenie "
            "zastępcze (art. 41 ust. 1 pkt 3 ustawy o doręczeniach elektronicznych). Wpisz datę "
            "wpłynięcia z dowodu w formularzu doręczenia i dołącz plik dowodu"
        )
    evidence_id = _text(root, "EvidenceIdentifier")
    if not evidence_id:
        raise ProofError("Dowód bez identyfikatora (EvidenceIdentifier)")
    return Proof(
        message_id=_text(root, "MessageIdentifier"),
        address=_text(root, "RecipientDetails", "Identifier").upper(),
        arrived_on=None,
        received_on=at.astimezone(WARSAW).date(),
        evidence_id=evidence_id,
    )
