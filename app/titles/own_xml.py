"""Elements of our own documents (schemas/xsd/windykacja/): the notice (zawiadomienie), the
register extract (ewidencja) and their shared parts. Built here, validated by app/titles/xml.py."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from lxml import etree

from app.domain.documents import (
    Address,
    Authority,
    Creditor,
    DebtorData,
    RegisterEntry,
    Signatory,
    Zawiadomienie,
)
from app.titles.etw_parts import bank_account, checked_ids
from app.titles.xmltext import amount, clean_block, day, sub
from app.titles.xsd import SCHEMA_DIR, SchemaSet, XmlValidationError

WSP = "urn:windykacja:common:1"
ZAW = "urn:windykacja:notice:1"
EW = "urn:windykacja:register:1"
PRZ = "urn:windykacja:handoff:1"
OWN_DIR = SCHEMA_DIR / "windykacja"
NOTICE_SCHEMAS = SchemaSet(OWN_DIR / "zawiadomienie-1.xsd")
REGISTER_SCHEMAS = SchemaSet(OWN_DIR / "ewidencja-1.xsd")

# Zawiadomienie.change → the element inside zaw:Zmiana; payments must state the amount.
_CHANGES = {
    "wplata_czesciowa": ("WplataCzesciowa", True),
    "wplata_calkowita": ("WplataCalkowita", True),
    "raty": ("Raty", False),
    "wznowienie": ("Wznowienie", False),
    "umorzenie": ("Umorzenie", False),
    "storno": ("Storno", True),
    "zmiana_decyzji": ("ZmianaDecyzji", False),
    "uchylenie": ("UchylenieDecyzji", False),
    "wycofanie": ("WycofanieTytulu", False),
}


def q(ns: str, local: str) -> str:
    return f"{{{ns}}}{local}"


def address(parent: etree._Element, tag: str, a: Address) -> None:
    el = sub(parent, tag)
    sub(el, q(WSP, "Ulica"), a.street)
    sub(el, q(WSP, "KodPocztowy"), a.postal_code)
    sub(el, q(WSP, "Miejscowosc"), a.city)
    sub(el, q(WSP, "Kraj"), a.country)


def creditor(parent: etree._Element, tag: str, c: Creditor) -> None:
    el = sub(parent, tag)
    sub(el, q(WSP, "Nazwa"), c.name)
    address(el, q(WSP, "Adres"), c.address)
    for element, value in checked_ids(None, c.nip, c.regon).items():
        sub(el, q(WSP, element), value)
    if c.bank_account:
        sub(el, q(WSP, "NrRachunku"), bank_account(c.bank_account))


def authority(parent: etree._Element, tag: str, a: Authority) -> None:
    el = sub(parent, tag)
    sub(el, q(WSP, "Kod"), a.code)
    sub(el, q(WSP, "Nazwa"), a.name)
    address(el, q(WSP, "Adres"), a.address)


def debtor(parent: etree._Element, tag: str, d: DebtorData) -> None:
    el = sub(parent, tag, osobaFizyczna="true" if d.is_person else "false")
    sub(el, q(WSP, "Nazwa"), d.name)
    if d.first_name:
        sub(el, q(WSP, "Imie"), d.first_name)
    if d.last_name:
        sub(el, q(WSP, "Nazwisko"), d.last_name)
    for element, value in checked_ids(d.pesel, d.nip, d.regon).items():
        sub(el, q(WSP, element), value)
    if d.address is not None:
        address(el, q(WSP, "Adres"), d.address)


def signatory(parent: etree._Element, tag: str, s: Signatory) -> None:
    el = sub(parent, tag)
    sub(el, q(WSP, "ImieINazwisko"), s.name)
    sub(el, q(WSP, "Stanowisko"), s.position)


def notice(z: Zawiadomienie) -> etree._Element:
    root = etree.Element(q(ZAW, "Zawiadomienie"), {"wersja": "1"}, nsmap={"zaw": ZAW, "wsp": WSP})
    sub(root, q(ZAW, "Numer"), z.number)
    sub(root, q(ZAW, "DataWystawienia"), day(z.issued_on))
    creditor(root, q(ZAW, "Wierzyciel"), z.creditor)
    authority(root, q(ZAW, "OrganEgzekucyjny"), z.authority)
    debtor(root, q(ZAW, "Zobowiazany"), z.debtor)
    tytul = sub(root, q(ZAW, "Tytul"))
    sub(tytul, q(WSP, "Numer"), z.title_number)
    sub(tytul, q(WSP, "DataWystawienia"), day(z.title_issued_on))
    _change(sub(root, q(ZAW, "Zmiana")), z)
    if z.description.strip():
        sub(root, q(ZAW, "Opis")).text = clean_block(z.description)
    if z.signatory is not None:
        signatory(root, q(ZAW, "Podpisujacy"), z.signatory)
    return root


def _change(parent: etree._Element, z: Zawiadomienie) -> None:
    if z.change not in _CHANGES:
        raise XmlValidationError("zaw:Zmiana", f"Nieznany rodzaj zmiany {z.change!r}")
    element, needs_amount = _CHANGES[z.change]
    if needs_amount and z.amount is None:
        raise XmlValidationError(
            f"zaw:{element}", f"Zawiadomienie o wpłacie bez kwoty ({z.number})"
        )
    el = sub(parent, q(ZAW, element))
    sub(el, q(ZAW, "DataZdarzenia"), day(z.event_on))
    if z.amount is not None:
        sub(el, q(ZAW, "Kwota"), amount(z.amount))
    if z.remaining_principal is not None:
        sub(el, q(ZAW, "PozostalaNaleznoscGlowna"), amount(z.remaining_principal))


def register(
    entries: Sequence[RegisterEntry], as_of: date, creditor_name: str | None
) -> etree._Element:
    root = etree.Element(q(EW, "WyciagZEwidencji"), {"wersja": "1"}, nsmap={"ew": EW})
    sub(root, q(EW, "DataSporzadzenia"), day(as_of))
    if creditor_name:
        sub(root, q(EW, "Wierzyciel"), creditor_name)
    for lp, entry in enumerate(entries, start=1):
        _register_entry(sub(root, q(EW, "Pozycja")), lp, entry)
    total = sub(root, q(EW, "Podsumowanie"))
    sub(total, q(EW, "LiczbaPozycji"), str(len(entries)))
    sums = [sum(getattr(e, f) for e in entries) for f in ("principal", "interest", "costs")]
    for tag, value in zip(
        ("NaleznoscGlowna", "Odsetki", "Koszty", "Razem"), [*sums, sum(sums)], strict=True
    ):
        sub(total, q(EW, tag), amount(value))
    return root


def _register_entry(el: etree._Element, lp: int, e: RegisterEntry) -> None:
    sub(el, q(EW, "Lp"), str(lp))
    sub(el, q(EW, "NumerTytulu"), e.title_number)
    sub(el, q(EW, "DataWystawienia"), day(e.issued_on))
    sub(el, q(EW, "Zobowiazany"), e.debtor_name)
    sub(el, q(EW, "NaleznoscGlowna"), amount(e.principal))
    sub(el, q(EW, "Odsetki"), amount(e.interest))
    sub(el, q(EW, "Koszty"), amount(e.costs))
    sub(el, q(EW, "Razem"), amount(e.principal + e.interest + e.costs))
    sub(el, q(EW, "OrganEgzekucyjny"), e.authority_name)
    if e.handoff_number:
        sub(el, q(EW, "NumerPrzekazania"), e.handoff_number)
    if e.events:
        events = sub(el, q(EW, "Zdarzenia"))
        for event in e.events:
            sub(events, q(EW, "Zdarzenie"), event)
