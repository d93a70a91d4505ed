"""The day's registered letters as an import file for Poczta Polska's Elektroniczny Nadawca.

XML: the "Opis interfejsu wymiany danych o przesyłkach między systemem Klienta a systemem Poczty
Polskiej" (POSTDATA S.A. for Poczta Polska, v1.8.08 of 07.2012 … v1.13.01 of 08.2014, file
"Przesyłki do nadania"), structure 1.6: Nadawca/Zbior/Przesylka with the parcel's data as
Atrybut elements. The specification itself was reachable only as a title and table of contents
(docplayer.pl / doczz.pl copies); the element and attribute names, the symbol 845 of a registered
letter and the services code (R = polecenie, O = potwierdzenie odbioru) are as public
implementations write them (GitHub itma/Poczta-Polska-XML: Nadawca, Zbior, Przesylka,
PrzesylkaPolecona; an e-commerce exporter with Nadawca Struktura="1.6", Zrodlo="NADAWCA",
Zbior Nazwa="RRRR-MM-DD\\n"). Check the file with a test import in the unit's EN account.

Checked on 2026-12-06 against two further public writers of this file (code corpus of the
`search` tool): a court EPO test producer (Java, package pl.ms.gov.eukw.epo, NadawcaProducer) and a
shop exporter (C#, LajtIt PocztaPolskaHelper). Both agree with what is written here on Nadawca
Struktura="1.6", Przesylka/Atrybut with Typ="Adresat" for the address, Symbol 845 (registered
letter), Kategoria "E", PosteRestante/EgzBibl "N", IloscPotwOdb, Strefa, Wersja "1", Kod without
the dash. One mismatch was found and fixed: the "for the blind" attribute is named "DlaOciemn" in
the file; "dlaOciem" is only the property name of the PHP library (itma), not the XML name.
Zbior Nazwa "RRRR-MM-DD\\1" and DataUtworzenia "RRRR-MM-DDTGG:MM:SS" agree with a file made by EN
itself as quoted in a shop exporter (PHP, comment `Zbior Nazwa="2018-09-06\\1" … Opis="Pwrd by
EN …"`). Not verifiable here (the POSTDATA spec text was not reachable, only its table of
contents: docplayer.pl 8151033 v1.8.08, doczz.pl 1910013 v1.13.01 EN): the file encoding (that
exporter writes ISO-8859-2; we write UTF-8 with the declaration, which an XML parser reads) and
the optional Masa/Umowa/KartaUmowy. No description of an EN *CSV* import was found (searched:
"Elektroniczny Nadawca import pliku CSV format kolumny", "… szablon importu definicja pól",
"ELEKTRONICZNY NADAWCA user's manual import file fields"); the CSV below stays our own list.

CSV: our documented list of the same letters (one per line), for an EN CSV import template or
any other program: UTF-8 with BOM, ";" separated, header row:
  lp;numer_nadania;adresat;ulica;dom;lokal;kod_pocztowy;miejscowosc;kraj;kategoria;uslugi;
  ilosc_zpo;dokument;sprawa
kategoria E (ekonomiczna), uslugi "RO" (polecona + potwierdzenie odbioru), kod_pocztowy 5 digits
without the dash, as the EN XML writes it."""

from __future__ import annotations

import csv
import io
import re
import uuid
from collections.abc import Sequence
from datetime import date

from lxml import etree

from app.domain.documents import Creditor
from letters.postbook import PostItem

STRUCTURE = "1.6"
SYMBOL_POLECONA = "845"
SERVICES = "RO"  # R – polecenie, O – potwierdzenie odbioru
_NS = uuid.UUID("0c5b4c1e-7d5e-4a63-8f0e-2b1d5e6f7a81")  # ours, fixed: same letters → same GUIDs
_STREET = re.compile(
    r"^(?:(?:ul|al|pl|os)\.\s*)?(?P<name>.*?)\s*(?P<house>\d+[A-Za-z]?)"
    r"(?:\s*(?:m\.|/|lok\.)\s*(?P<flat>\w+))?$"
)


def split_street(street: str) -> tuple[str, str, str]:
    """ "ul. Długa 5 m. 3" → ("Długa", "5", "3"); a village without streets: ("", "12", "")."""
    match = _STREET.match(street.strip())
    if not match:
        return street.strip(), "", ""
    return match["name"].strip(), match["house"], match["flat"] or ""


def _guid(*parts: str) -> str:
    return "{" + str(uuid.uuid5(_NS, "/".join(parts))).upper() + "}"


def _attr(parent: etree._Element, name: str, value: str, typ: str = "") -> None:
    el = etree.SubElement(parent, "Atrybut", Typ=typ, Nazwa=name)
    el.text = value


def en_xml(items: Sequence[PostItem], day: date, sender: Creditor) -> bytes:
    name, house, flat = split_street(sender.address.street)
    root = etree.Element(
        "Nadawca",
        Struktura=STRUCTURE,
        Nazwa=sender.name[:60],
        NazwaSkrocona=(sender.name.split()[0] if sender.name else "NADAWCA")[:10].ljust(6, "_"),
        Ulica=name[:30],
        Dom=house[:5],
        Lokal=flat[:5],
        Miejscowosc=sender.address.city[:30],
        Kod=sender.address.postal_code.replace("-", ""),
        NIP=sender.nip or "",
        Zrodlo="NADAWCA",
        Guid=_guid("nadawca", sender.nip or sender.name),
    )
    zbior = etree.SubElement(
        root,
        "Zbior",
        Nazwa=f"{day.isoformat()}\\1",
        DataUtworzenia=f"{day.isoformat()}T00:00:00",
        Opis=f"Windykacja – listy polecone ZPO z dnia {day.isoformat()}",
        IloscPrzesylek=str(len(items)),
        Guid=_guid("zbior", day.isoformat()),
    )
    for item in items:
        _przesylka(zbior, item)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def _przesylka(zbior: etree._Element, item: PostItem) -> None:
    p = etree.SubElement(zbior, "Przesylka", Guid=_guid("przesylka", item.document_number))
    for field, value in (
        ("Symbol", SYMBOL_POLECONA),
        ("NrNadania", item.registered_number or ""),
        ("Kategoria", "E"),
        ("PosteRestante", "N"),
        ("EgzBibl", "N"),
        ("DlaOciemn", "N"),  # the XML name (see the docstring), not "DlaOciem"
        ("Uslugi", SERVICES),
        ("IloscPotwOdb", "1"),
        ("Strefa", "A"),
        ("Ilosc", "1"),
        ("Wersja", "1"),
    ):
        _attr(p, field, value)
    street, house, flat = split_street(item.street)
    for field, value in (
        ("Nazwa", item.name[:60]),
        ("NazwaII", ""),
        ("Ulica", street),
        ("Dom", house),
        ("Lokal", flat),
        ("Miejscowosc", item.city),
        ("Kod", item.postal_code.replace("-", "")),
        ("Kraj", "Polska"),
    ):
        _attr(p, field, value, typ="Adresat")


CSV_HEADER = (
    "lp",
    "numer_nadania",
    "adresat",
    "ulica",
    "dom",
    "lokal",
    "kod_pocztowy",
    "miejscowosc",
    "kraj",
    "kategoria",
    "uslugi",
    "ilosc_zpo",
    "dokument",
    "sprawa",
)


def en_csv(items: Sequence[PostItem]) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(CSV_HEADER)
    for lp, item in enumerate(items, start=1):
        street, house, flat = split_street(item.street)
        writer.writerow(
            [
                lp,
                item.registered_number or "",
                _plain(item.name),
                _plain(street),
                house,
                flat,
                item.postal_code.replace("-", ""),
                _plain(item.city),
                "Polska",
                "E",
                SERVICES,
                1,
                item.document_number,
                _plain(item.reference),
            ]
        )
    return buffer.getvalue().encode("utf-8-sig")


def _plain(value: str) -> str:
    # A value read by a spreadsheet must not start a formula (CSV injection).
    return "'" + value if value.startswith(("=", "+", "-", "@", "\t", "\r")) else value
