"""XML renderers of the executive-title documents: the title (official MF eTW form), the notice,
the register extract and the handoff batch (our own formats, schemas/xsd/windykacja/).

Pure: frozen document objects in, bytes out; no database, no files. Every document is validated
against its XSD before it is returned; invalid data raises XmlValidationError naming the element.
CPU-bound: call from async code through asyncio.to_thread (STYLE rule 13)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from lxml import etree

from app.domain.documents import Authority, Creditor, RegisterEntry, TytulWykonawczy, Zawiadomienie
from app.titles import own_xml
from app.titles.forms import FORMS, FormVersion, form, form_of
from app.titles.own_xml import EW, PRZ, WSP, ZAW, q
from app.titles.xmltext import day, sub, to_bytes
from app.titles.xsd import SchemaSet, XmlValidationError, explain, lxml_for, validate

__all__ = [
    "HANDOFF_SCHEMAS",
    "XmlValidationError",
    "build_handoff_xml",
    "build_notice_xml",
    "build_register_xml",
    "build_title_xml",
]

# The handoff schema with every registered form loaded beside it: its titles validate strictly.
HANDOFF_SCHEMAS = SchemaSet(
    own_xml.OWN_DIR / "przekazanie-1.xsd",
    extra=tuple((f.namespace, f.schema) for f in FORMS.values()),
)


def build_title_xml(title: TytulWykonawczy) -> bytes:
    """The title as the official eTW document of its form version (TW-1(5): tw1:Dokument)."""
    version = form(title.form_version)
    root = version.build(title)
    validate(root, version.schemas)
    return to_bytes(root)


def build_notice_xml(notice: Zawiadomienie) -> bytes:
    root = own_xml.notice(notice)
    validate(root, own_xml.NOTICE_SCHEMAS)
    return to_bytes(root)


def build_register_xml(
    entries: Sequence[RegisterEntry], *, as_of: date, creditor_name: str | None = None
) -> bytes:
    """Extract from the ewidencja tytułów wykonawczych, drawn up on `as_of`."""
    root = own_xml.register(entries, as_of, creditor_name)
    validate(root, own_xml.REGISTER_SCHEMAS)
    return to_bytes(root)


def build_handoff_xml(
    batch_number: str,
    issued_on: date,
    authority: Authority,
    titles: Sequence[bytes | TytulWykonawczy],
    register_entries: Sequence[RegisterEntry],
    notices: Sequence[Zawiadomienie] = (),
    *,
    creditor: Creditor | None = None,
) -> bytes:
    """One file for one enforcement authority: its titles (each the official document, embedded
    as is), the register extract and the notices. Titles given as bytes are checked too."""
    if not titles and not notices:
        raise XmlValidationError("prz:Przekazanie", "Pusta paczka: brak tytułów i zawiadomień")
    root = etree.Element(
        q(PRZ, "Przekazanie"), {"wersja": "1"}, nsmap={"prz": PRZ, "wsp": WSP, "ew": EW, "zaw": ZAW}
    )
    sub(root, q(PRZ, "NumerPrzekazania"), batch_number)
    sub(root, q(PRZ, "DataPrzekazania"), day(issued_on))
    if creditor is not None:
        own_xml.creditor(root, q(PRZ, "Wierzyciel"), creditor)
    own_xml.authority(root, q(PRZ, "OrganEgzekucyjny"), authority)
    parts: list[_Part] = []
    if titles:
        parts += _titles(sub(root, q(PRZ, "Tytuly")), titles, authority)
    _check_register(register_entries, authority)
    extract = own_xml.register(register_entries, issued_on, creditor.name if creditor else None)
    parts.append((extract, own_xml.REGISTER_SCHEMAS, "/prz:Przekazanie/ew:WyciagZEwidencji"))
    root.append(extract)
    if notices:
        parts += _notices(sub(root, q(PRZ, "Zawiadomienia")), notices, authority)
    summary = sub(root, q(PRZ, "Podsumowanie"))
    sub(summary, q(PRZ, "LiczbaTytulow"), str(len(titles)))
    sub(summary, q(PRZ, "LiczbaZawiadomien"), str(len(notices)))
    _validate_batch(root, parts)
    return to_bytes(root)


# A part of the batch: the element, the schema set it obeys alone, its XPath in the file.
_Part = tuple[etree._Element, SchemaSet, str]


def _validate_batch(root: etree._Element, parts: list[_Part]) -> None:
    """One validation of the whole file (titles strictly, against their form set). Only when it
    fails are the parts validated one by one, so that the error names the title or notice; the
    file itself is explained last (its own header)."""
    validator = lxml_for(HANDOFF_SCHEMAS)
    if validator.validate(root):
        return
    last_error = validator.error_log.last_error
    for element, schemas, where in parts:
        validate(element, schemas, where=where)
    raise explain(root, HANDOFF_SCHEMAS, fallback=last_error)


def _titles(
    parent: etree._Element, titles: Sequence[bytes | TytulWykonawczy], authority: Authority
) -> list[_Part]:
    parts: list[_Part] = []
    seen: set[str] = set()
    for lp, item in enumerate(titles, start=1):
        where = f"prz:Tytul[{lp}]"
        version, document, number = _title_document(item, authority, where)
        if number in seen:
            raise XmlValidationError(where, f"Tytuł {number} występuje w paczce dwa razy")
        seen.add(number)
        attrs = {"lp": str(lp), "wersjaFormularza": version.code, "numer": number}
        if isinstance(item, TytulWykonawczy) and item.reminder is not None:
            attrs["numerUpomnienia"] = item.reminder.number
        sub(parent, q(PRZ, "Tytul"), **attrs).append(document)
        xpath = f"/prz:Przekazanie/prz:Tytuly/{where}/{version.prefix}:{version.root}"
        parts.append((document, version.schemas, xpath))
    return parts


def _title_document(
    item: bytes | TytulWykonawczy, authority: Authority, where: str
) -> tuple[FormVersion, etree._Element, str]:
    if isinstance(item, TytulWykonawczy):
        if item.authority.code != authority.code:
            raise XmlValidationError(
                where, f"Tytuł {item.number} jest skierowany do {item.authority.name}"
            )
        version = form(item.form_version)
        return version, version.build(item), item.number
    document = _parse(item, where)
    version = form_of(document)
    number = version.read_number(document)
    if not number:
        raise XmlValidationError(where, "Tytuł bez numeru")
    office = version.read_office_code(document)
    if authority.office_code and office != authority.office_code:
        raise XmlValidationError(where, f"Tytuł {number} jest skierowany do urzędu {office}")
    return version, document, number


def _parse(data: bytes, where: str) -> etree._Element:
    parser = etree.XMLParser(resolve_entities=False, no_network=True, remove_blank_text=True)
    try:
        return etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise XmlValidationError(where, f"Tytuł nie jest poprawnym dokumentem XML: {exc}") from exc


def _check_register(entries: Sequence[RegisterEntry], authority: Authority) -> None:
    for lp, entry in enumerate(entries, start=1):
        if entry.authority_name != authority.name:
            raise XmlValidationError(
                f"ew:Pozycja[{lp}]",
                f"Pozycja ewidencji {entry.title_number} dotyczy {entry.authority_name}",
            )


def _notices(
    parent: etree._Element, notices: Sequence[Zawiadomienie], authority: Authority
) -> list[_Part]:
    parts: list[_Part] = []
    for lp, notice in enumerate(notices, start=1):
        if notice.authority.code != authority.code:
            raise XmlValidationError(
                f"zaw:Zawiadomienie[{lp}]",
                f"Zawiadomienie {notice.number} jest skierowane do {notice.authority.name}",
            )
        document = own_xml.notice(notice)
        parent.append(document)
        where = f"/prz:Przekazanie/prz:Zawiadomienia/zaw:Zawiadomienie[{lp}]"
        parts.append((document, own_xml.NOTICE_SCHEMAS, where))
    return parts
