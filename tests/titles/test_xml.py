"""XML of the executive title (TW-1(5) eTW document), the notice, the register extract and the
handoff batch: built from frozen documents, validated before they leave the building step.

Identifiers: PESEL 44051401359, NIP 7740001454, REGON 192598184 (given) and the creditor's
NIP 8881234563 / REGON 910866181 / NRB 67 1020 2892 0000 1234 5678 9012 are checksum-valid
(python-stdnum) but made up. Kod urzędu 0415 is a four-digit example."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from datetime import date

import pytest
from lxml import etree
from stdnum.pl import nip, pesel, regon

from app.domain.documents import (
    Address,
    Authority,
    Creditor,
    DebtorData,
    ReceivableData,
    RegisterEntry,
    ReminderRef,
    Signatory,
    TytulWykonawczy,
    Zawiadomienie,
)
from app.titles import xsd
from app.titles.etw_parts import address_parts
from app.titles.forms import FORMS
from app.titles.own_xml import NOTICE_SCHEMAS, REGISTER_SCHEMAS
from app.titles.tw1_5 import COM, TW1
from app.titles.xml import (
    HANDOFF_SCHEMAS,
    XmlValidationError,
    build_handoff_xml,
    build_notice_xml,
    build_register_xml,
    build_title_xml,
)

NS = {
    "tw1": TW1,
    "com": COM,
    "prz": "urn:windykacja:handoff:1",
    "ew": "urn:windykacja:register:1",
    "zaw": "urn:windykacja:notice:1",
    "wsp": "urn:windykacja:common:1",
}
TW1_5 = FORMS["TW-1(5)"].schemas
WLOCLAWEK = {"voivodeship": "kujawsko-pomorskie", "county": "Włocławek", "commune": "Włocławek"}


def address(
    street: str = "ul. Długa 5 m. 3",
    postal_code: str = "87-800",
    city: str = "Włocławek",
    **parts: str,
) -> Address:
    return Address(street=street, postal_code=postal_code, city=city, **{**WLOCLAWEK, **parts})


CREDITOR = Creditor(
    name="Centrum Wsparcia dla Osób w Kryzysie we Włocławku",
    address=address("ul. Kilińskiego 13"),
    nip="8881234563",
    regon="910866181",
    bank_account="PL67 1020 2892 0000 1234 5678 9012",
    creditor_code="PRWL001",
)
AUTHORITY = Authority(
    code="US-WLOCLAWEK",
    name="Naczelnik Urzędu Skarbowego we Włocławku",
    address=address("ul. Okrzei 72"),
    office_code="0415",
)
SIGNATORY = Signatory(name="Anna Nowak", position="Kierownik Centrum")


def debtor(
    *,
    name: str = "Jan Kowalski",
    is_person: bool = True,
    pesel: str | None = "44051401359",
    nip: str | None = None,
    regon: str | None = None,
    **kw: object,
) -> DebtorData:
    return DebtorData(
        name=name,
        address=kw.pop("address", address()),
        is_person=is_person,  # type: ignore[arg-type]
        pesel=pesel,
        nip=nip,
        regon=regon,
        **kw,
    )  # type: ignore[arg-type]


def receivable(**kw: object) -> ReceivableData:
    defaults: dict[str, object] = {
        "kind_code": "oplata_pobyt",
        "kind_label": "Opłata za pobyt w centrum wsparcia dla osób w kryzysie",
        "legal_basis": "art. 42² ust. 11 ustawy z dnia 26 października 1982 r. o wychowaniu w "
        "trzeźwości i przeciwdziałaniu alkoholizmowi",
        "title": "pobyt w dniu 2024-02-28, karta 123/2024",
        "period_from": date(2024, 2, 28),
        "period_to": date(2024, 2, 28),
        "due_date": date(2024, 3, 25),
        "principal": 319_00,
        "interest_kind": "odsetki za zwłokę",
        "interest_amount": 31_00,
        "interest_rate_bp": 1450,  # 14.50 % from 2023-10-05
        "interest_from": date(2024, 3, 26),
        "costs": 16_00,  # koszty upomnienia since 2021-10-13
    }
    return ReceivableData(**{**defaults, **kw})  # type: ignore[arg-type]


def title(number: str = "TW/1/2025", **kw: object) -> TytulWykonawczy:
    defaults: dict[str, object] = {
        "number": number,
        "issued_on": date(2025, 1, 15),
        "creditor": CREDITOR,
        "debtor": debtor(),
        "authority": AUTHORITY,
        "receivable": receivable(),
        "reminder": ReminderRef(
            number="UP/7/2024", issued_on=date(2024, 11, 2), delivered_on=date(2024, 11, 8)
        ),
        "signatory": SIGNATORY,
    }
    return TytulWykonawczy(**{**defaults, **kw})  # type: ignore[arg-type]


def notice(
    change: str = "wplata_czesciowa", amount: int | None = 100_00, **kw: object
) -> Zawiadomienie:
    defaults: dict[str, object] = {
        "number": "Z/1/2025",
        "issued_on": date(2025, 2, 3),
        "creditor": CREDITOR,
        "authority": AUTHORITY,
        "debtor": debtor(),
        "title_number": "TW/9/2024",
        "title_issued_on": date(2024, 12, 2),
        "change": change,
        "event_on": date(2025, 1, 30),
        "amount": amount,
        "remaining_principal": 219_00,
        "signatory": SIGNATORY,
    }
    return Zawiadomienie(**{**defaults, **kw})  # type: ignore[arg-type]


def entry(t: TytulWykonawczy) -> RegisterEntry:
    r = t.receivable
    return RegisterEntry(
        title_number=t.number,
        issued_on=t.issued_on,
        debtor_name=t.debtor.name,
        principal=r.principal,
        interest=r.interest_amount,
        costs=r.costs,
        authority_name=t.authority.name,
        handoff_number="P/1/2025",
    )


def valid(xml: bytes, schemas: xsd.SchemaSet) -> etree._Element:
    """Parse, and check that lxml and xmlschema both accept it (the two engines must agree)."""
    root = etree.fromstring(xml)
    assert xsd.lxml_for(schemas).validate(root), xsd.lxml_for(schemas).error_log
    assert xsd.xmlschema_for(schemas).is_valid(root)
    return root


def text(root: etree._Element, path: str) -> str | None:
    return root.findtext(path, namespaces=NS)


# --- the title ---------------------------------------------------------------------------------


def test_title_of_a_person_with_pesel() -> None:
    root = valid(build_title_xml(title()), TW1_5)
    osoba = root.find(".//tw1:Zobowiazany/tw1:OsobaFizyczna", NS)
    assert (text(osoba, "com:Imie"), text(osoba, "com:Nazwisko")) == ("Jan", "Kowalski")
    assert pesel.is_valid("44051401359")
    assert text(osoba, "com:AdmId/com:PESEL") == "44051401359"
    assert text(osoba, "com:DataUrodzenia") == "1944-05-14"  # from the PESEL (art. 27 § 1 pkt 2)
    opisowy = osoba.find(".//com:Opisowy", NS)
    assert [c.text for c in opisowy] == [
        "kujawsko-pomorskie",
        "Włocławek",
        "Włocławek",
        "Włocławek",
        "Długa",
    ]
    assert (
        text(osoba, ".//com:NrDomu"),
        text(osoba, ".//com:NrLokalu"),
        text(osoba, ".//com:KodPocztowy"),
    ) == ("5", "3", "87800")


def test_title_of_a_company_with_only_nip() -> None:
    assert nip.is_valid("7740001454")
    t = title(
        debtor=debtor(
            name="Transport Kujawy Sp. z o.o.", is_person=False, pesel=None, nip="7740001454"
        )
    )
    root = valid(build_title_xml(t), TW1_5)
    osoba = root.find(".//tw1:Zobowiazany/tw1:OsobaNiefizyczna", NS)
    assert text(osoba, "com:Nazwa") == "Transport Kujawy Sp. z o.o."
    assert [etree.QName(c).localname for c in osoba.find("com:AdmId", NS)] == ["NIP"]


def test_title_of_a_person_with_only_nip() -> None:
    root = valid(build_title_xml(title(debtor=debtor(pesel=None, nip="7740001454"))), TW1_5)
    osoba = root.find(".//tw1:OsobaFizyczna", NS)
    assert text(osoba, "com:AdmId/com:NIP") == "7740001454"
    assert osoba.find("com:DataUrodzenia", NS) is None


def test_title_of_a_debtor_with_no_identifier_only_an_address() -> None:
    root = valid(build_title_xml(title(debtor=debtor(pesel=None))), TW1_5)
    osoba = root.find(".//tw1:OsobaFizyczna", NS)
    assert osoba.find("com:AdmId", NS) is None
    assert (
        text(osoba, "com:Adres/com:AdresPolski/com:PodzialAdm/com:Opisowy/com:Miejscowosc")
        == "Włocławek"
    )


def test_title_of_a_company_with_regon_and_nip() -> None:
    assert regon.is_valid("192598184")
    t = title(
        debtor=debtor(
            name="Hurtownia „Mazur” s.c.",
            is_person=False,
            pesel=None,
            nip="7740001454",
            regon="192598184",
        )
    )
    root = valid(build_title_xml(t), TW1_5)
    assert text(root, ".//tw1:OsobaNiefizyczna/com:AdmId/com:REGON") == "192598184"


def test_title_carries_every_element_the_issue_asks_for() -> None:
    root = valid(build_title_xml(title()), TW1_5)
    assert text(root, ".//tw1:Naglowek/com:KodUrzedu") == "0415"  # the authority it goes to
    assert text(root, ".//tw1:DaneReferencyjne/com:Sygnatura") == "TW/1/2025"
    assert text(root, ".//tw1:DaneReferencyjne/com:DataWystawienia") == "2025-01-15"
    n = root.find(".//tw1:Naleznosc", NS)
    assert text(n, "com:AktNormatywny").startswith("art. 42² ust. 11")
    assert (
        text(n, "com:RodzajNaleznosci") == "Opłata za pobyt w centrum wsparcia dla osób w kryzysie"
    )
    assert text(n, "com:Doreczenia/com:Upomnienie/com:KosztyUpomnienia") == "16.00"
    assert text(n, "com:Doreczenia/com:Upomnienie/com:dataDoreczenia") == "2024-11-08"
    p = n.find("com:Zobowiazanie/com:Odsetki/com:Pozycja", NS)
    assert [
        text(p, f"com:{e}")
        for e in (
            "Kwota",
            "RodzajOdsetek",
            "StawkaOdsetek",
            "DataNaliczaniaOdsetek",
            "KwotaOdsetek",
        )
    ] == ["319.00", "odsetki za zwłokę", "14.50", "2024-03-26", "31.00"]
    assert (text(p, "com:Okres/com:DniaOd"), text(p, "com:Okres/com:DniaDo")) == (
        "2024-02-28",
        "2024-02-28",
    )
    w = root.find(".//tw1:Wierzyciel", NS)
    assert w.get("kodWierzyciela") == "PRWL001"
    assert (text(w, "com:AdmId/com:NIP"), text(w, "com:AdmId/com:REGON")) == (
        "8881234563",
        "910866181",
    )
    assert text(w, "com:Beneficjent/com:NrRachunkuPL") == "67102028920000123456789012"
    assert [
        text(w, f"com:OsobaUpowazniona/com:{e}") for e in ("Imie", "Nazwisko", "Stanowisko")
    ] == ["Anna", "Nowak", "Kierownik Centrum"]


def test_title_without_interest_uses_brak_odsetek() -> None:
    root = valid(
        build_title_xml(title(receivable=receivable(interest_kind="", interest_amount=0))), TW1_5
    )
    assert root.find(".//com:Zobowiazanie/com:BrakOdsetek/com:Pozycja/com:Kwota", NS) is not None


def test_title_bytes_are_the_same_for_the_same_title() -> None:
    assert build_title_xml(title()) == build_title_xml(title())
    assert build_title_xml(title()) != build_title_xml(title("TW/2/2025"))


NASTY = "Zażółć gęślą jaźń & <Spółka> \"Cudzysłów\" 'apostrof'\x00\x07\x1b\ufffe\ud800 ŁÓDŹ"


def test_names_with_polish_letters_markup_quotes_and_control_characters() -> None:
    t = title(
        debtor=debtor(name=NASTY, is_person=False, pesel=None),
        receivable=receivable(title='faktura <nr 5> & "korekta"\x0b'),
    )
    xml = build_title_xml(t)
    assert b"&amp; &lt;Sp\xc3\xb3\xc5\x82ka&gt;" in xml  # escaped by lxml
    root = valid(xml, TW1_5)
    assert text(root, ".//tw1:OsobaNiefizyczna/com:Nazwa") == (
        "Zażółć gęślą jaźń & <Spółka> \"Cudzysłów\" 'apostrof' ŁÓDŹ"
    )
    assert text(root, ".//com:Obowiazek/com:InnyDokument") == 'faktura <nr 5> & "korekta"'


def test_names_with_polish_letters_in_a_person_and_the_notice() -> None:
    t = title(debtor=debtor(name="Żaneta Łęcka-Ćwik", first_name="Żaneta", last_name="Łęcka-Ćwik"))
    root = valid(build_title_xml(t), TW1_5)
    assert text(root, ".//tw1:OsobaFizyczna/com:Nazwisko") == "Łęcka-Ćwik"
    z = valid(
        build_notice_xml(notice(debtor=debtor(name=NASTY), description=f"Opis\n{NASTY}")),
        NOTICE_SCHEMAS,
    )
    assert (
        text(z, "zaw:Zobowiazany/wsp:Nazwa")
        == "Zażółć gęślą jaźń & <Spółka> \"Cudzysłów\" 'apostrof' ŁÓDŹ"
    )


# --- refusals: the building step names the element --------------------------------------------


def test_a_deliberately_broken_document_is_refused_with_the_element_named() -> None:
    root = FORMS["TW-1(5)"].build(title())
    opisowy = root.find(".//tw1:OsobaFizyczna//com:Opisowy", NS)
    opisowy.remove(opisowy.find("com:Miejscowosc", NS))
    with pytest.raises(XmlValidationError) as caught:
        xsd.validate(root, TW1_5)
    assert caught.value.element == "com:Opisowy"
    assert "com:Miejscowosc" in caught.value.message
    assert caught.value.path.endswith(
        "/tw1:OsobaFizyczna/com:Adres/com:AdresPolski/com:PodzialAdm/com:Opisowy"
    )
    assert "com:Opisowy" in str(caught.value)


@pytest.mark.parametrize(
    ("t", "element", "words"),
    [
        (title(debtor=debtor(name="X" * 241, is_person=False, pesel=None)), "com:Nazwa", "240"),
        (title(debtor=debtor(pesel="44051401358")), "com:PESEL", "PESEL"),
        (title(debtor=debtor(pesel=None, nip="7740001455")), "com:NIP", "NIP"),
        (
            title(authority=dataclasses.replace(AUTHORITY, office_code=None)),
            "com:KodUrzedu",
            "kodu urzędu",
        ),
        (title(debtor=debtor(address=address(voivodeship=None))), "com:Wojewodztwo", "województwa"),
        (title(debtor=debtor(address=None)), "com:Adres", "adresu"),
        (title(debtor=debtor(address=address(postal_code="878"))), "com:KodPocztowy", "00-000"),
        (title(debtor=debtor(address=address(street="Długa"))), "com:NrDomu", "house_number"),
        (
            title(debtor=debtor(address=Address("Hauptstraße 1", "10115", "Berlin", country="DE"))),
            "com:AdresPolski",
            "zagraniczny",
        ),
        (title(debtor=debtor(name="Jan Maria Kowalski")), "com:Imie", "first_name"),
        (title(receivable=receivable(period_from=None, period_to=None)), "com:Okres", "okresu"),
        (
            title(reminder=ReminderRef("UP/7/2024", date(2024, 11, 2), None)),
            "com:dataDoreczenia",
            "UP/7/2024",
        ),
        (
            title(creditor=dataclasses.replace(CREDITOR, bank_account="12 3456")),
            "com:NrRachunkuPL",
            "rachunku",
        ),
        (title(number="TW 1/2025"), "com:Sygnatura", "pattern"),
        (title(form_version="TW-1(7)"), "tw1:Dokument", "TW-1(5)"),
    ],
    ids=[
        "name-too-long",
        "pesel-checksum",
        "nip-checksum",
        "no-office-code",
        "no-voivodeship",
        "no-address",
        "postal-code",
        "no-house-number",
        "foreign-address",
        "three-word-name",
        "no-period",
        "reminder-not-delivered",
        "bank-account",
        "number-pattern",
        "unknown-form",
    ],
)
def test_invalid_data_is_refused_naming_the_element(
    t: TytulWykonawczy, element: str, words: str
) -> None:
    with pytest.raises(XmlValidationError) as caught:
        build_title_xml(t)
    assert caught.value.element == element
    assert words in caught.value.message


# --- addresses -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("street", "city", "expected"),
    [
        ("ul. Długa 5 m. 3", "Włocławek", ("Długa", "5", "3")),
        ("Plac Bankowy 3/5", "Warszawa", ("Plac Bankowy", "3", "5")),
        ("ul. 3 Maja 12A", "Włocławek", ("3 Maja", "12A", None)),
        ("al. Jana Pawła II 19 lok. 4", "Kraków", ("al. Jana Pawła II", "19", "4")),
        ("Dobrzyń 15", "Dobrzyń", (None, "15", None)),  # a village without streets
    ],
)
def test_street_numbers_are_read_from_the_one_line_street(
    street: str, city: str, expected: tuple[str | None, str, str | None]
) -> None:
    parts = address_parts(address(street, city=city), "zobowiązany")
    assert (parts.street_name, parts.house_number, parts.flat_number) == expected


def test_structured_address_fields_win_over_the_one_line_street() -> None:
    a = address(
        "Osiedle Południe blok 7",
        street_name="Osiedle Południe",
        house_number="7",
        flat_number="12",
    )
    parts = address_parts(a, "zobowiązany")
    assert (parts.street_name, parts.house_number, parts.flat_number, parts.postal_code) == (
        "Osiedle Południe",
        "7",
        "12",
        "87800",
    )


# --- notice, register, handoff -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("change", "amount", "element"),
    [
        ("wplata_czesciowa", 100_00, "WplataCzesciowa"),
        ("wplata_calkowita", 319_00, "WplataCalkowita"),
        ("raty", None, "Raty"),
        ("wznowienie", None, "Wznowienie"),
        ("umorzenie", 50_00, "Umorzenie"),
    ],
)
def test_notice_validates(change: str, amount: int | None, element: str) -> None:
    root = valid(build_notice_xml(notice(change, amount)), NOTICE_SCHEMAS)
    assert text(root, "zaw:Tytul/wsp:Numer") == "TW/9/2024"
    zmiana = root.find("zaw:Zmiana", NS)[0]
    assert etree.QName(zmiana).localname == element
    assert text(zmiana, "zaw:DataZdarzenia") == "2025-01-30"
    assert text(zmiana, "zaw:Kwota") == (
        None if amount is None else f"{amount // 100}.{amount % 100:02d}"
    )


def test_notice_of_a_payment_without_an_amount_is_refused() -> None:
    with pytest.raises(XmlValidationError) as caught:
        build_notice_xml(notice("wplata_czesciowa", amount=None))
    assert caught.value.element == "zaw:WplataCzesciowa"


def test_register_extract_totals() -> None:
    titles = [title(f"TW/{n}/2025") for n in (1, 2)]
    root = valid(
        build_register_xml(
            [entry(t) for t in titles], as_of=date(2025, 2, 3), creditor_name=CREDITOR.name
        ),
        REGISTER_SCHEMAS,
    )
    assert [p.findtext("ew:Lp", namespaces=NS) for p in root.findall("ew:Pozycja", NS)] == [
        "1",
        "2",
    ]
    assert text(root, "ew:Pozycja/ew:Razem") == "366.00"  # 319.00 + 31.00 + 16.00
    assert [
        text(root, f"ew:Podsumowanie/ew:{e}")
        for e in ("LiczbaPozycji", "NaleznoscGlowna", "Odsetki", "Koszty", "Razem")
    ] == ["2", "638.00", "62.00", "32.00", "732.00"]


def handoff(
    titles: Sequence[bytes | TytulWykonawczy],
    notices: Sequence[Zawiadomienie] = (),
    entries: Sequence[RegisterEntry] | None = None,
) -> bytes:
    objects = [t for t in titles if isinstance(t, TytulWykonawczy)]
    return build_handoff_xml(
        "P/1/2025",
        date(2025, 2, 3),
        AUTHORITY,
        titles,
        [entry(t) for t in objects] if entries is None else entries,
        notices,
        creditor=CREDITOR,
    )


def test_handoff_batch_of_three_titles_validates() -> None:
    titles = [
        title("TW/1/2025"),
        title(
            "TW/2/2025",
            debtor=debtor(
                name="Transport Kujawy Sp. z o.o.", is_person=False, pesel=None, nip="7740001454"
            ),
        ),
        title("TW/3/2025", debtor=debtor(pesel=None)),
    ]
    # the second one as already-built bytes, as the service may store and resend it
    xml = handoff(
        [titles[0], build_title_xml(titles[1]), titles[2]], [notice()], [entry(t) for t in titles]
    )
    root = valid(xml, HANDOFF_SCHEMAS)
    tytuly = root.findall("prz:Tytuly/prz:Tytul", NS)
    assert [(t.get("lp"), t.get("numer"), t.get("wersjaFormularza")) for t in tytuly] == [
        ("1", "TW/1/2025", "TW-1(5)"),
        ("2", "TW/2/2025", "TW-1(5)"),
        ("3", "TW/3/2025", "TW-1(5)"),
    ]
    # the reminder's number travels beside the official document (bytes: not known)
    assert [t.get("numerUpomnienia") for t in tytuly] == ["UP/7/2024", None, "UP/7/2024"]
    compact = etree.XMLParser(remove_blank_text=True)
    embedded = etree.fromstring(xml, compact).findall("prz:Tytuly/prz:Tytul/tw1:Dokument", NS)
    for t, document in zip(
        titles, embedded, strict=True
    ):  # each embedded document is the official one, as is
        alone = etree.fromstring(build_title_xml(t), compact)
        assert etree.tostring(document, method="c14n", exclusive=True) == etree.tostring(
            alone, method="c14n", exclusive=True
        )
    assert text(root, "ew:WyciagZEwidencji/ew:Podsumowanie/ew:LiczbaPozycji") == "3"
    assert text(root, "prz:Podsumowanie/prz:LiczbaTytulow") == "3"
    assert text(root, "prz:Podsumowanie/prz:LiczbaZawiadomien") == "1"
    assert text(root, "prz:OrganEgzekucyjny/wsp:Kod") == "US-WLOCLAWEK"


def test_handoff_names_the_broken_title_inside_the_batch() -> None:
    good = build_title_xml(title("TW/2/2025"))
    broken = good.replace(
        b"<com:KodPocztowy>87800</com:KodPocztowy>", b"<com:KodPocztowy>87-800</com:KodPocztowy>", 1
    )
    with pytest.raises(XmlValidationError) as caught:
        handoff([title("TW/1/2025"), broken])
    assert caught.value.element == "com:KodPocztowy"
    assert caught.value.path.startswith("/prz:Przekazanie/prz:Tytuly/prz:Tytul[2]/tw1:Dokument/")


@pytest.mark.parametrize(
    ("titles", "notices", "element", "words"),
    [
        ([b"<tw1:Dokument"], [], "prz:Tytul[1]", "XML"),
        ([title(), title()], [], "prz:Tytul[2]", "dwa razy"),
        (
            [
                title(
                    authority=dataclasses.replace(
                        AUTHORITY, code="UM-WLOCLAWEK", name="Prezydent Miasta Włocławek"
                    )
                )
            ],
            [],
            "prz:Tytul[1]",
            "Prezydent Miasta",
        ),
        (
            [build_title_xml(title(authority=dataclasses.replace(AUTHORITY, office_code="0401")))],
            [],
            "prz:Tytul[1]",
            "0401",
        ),
        (
            [],
            [
                notice(
                    authority=dataclasses.replace(AUTHORITY, code="UM-X", name="Prezydent Miasta X")
                )
            ],
            "zaw:Zawiadomienie[1]",
            "Prezydent Miasta X",
        ),
        ([], [], "prz:Przekazanie", "Pusta"),
        ([build_notice_xml(notice())], [], "zaw:Zawiadomienie", "tytułem"),
    ],
    ids=[
        "not-xml",
        "duplicate",
        "other-authority",
        "other-office-code",
        "notice-other-authority",
        "empty",
        "not-a-title",
    ],
)
def test_handoff_refuses_what_does_not_belong(
    titles: list[bytes | TytulWykonawczy], notices: list[Zawiadomienie], element: str, words: str
) -> None:
    with pytest.raises(XmlValidationError) as caught:
        handoff(titles, notices, entries=[])
    assert caught.value.element == element
    assert words in caught.value.message


def test_handoff_names_the_broken_notice_and_register_entry() -> None:
    with pytest.raises(XmlValidationError) as caught:
        handoff([], [notice(), notice(number="Z/" + "9" * 60)], entries=[])
    assert caught.value.element == "zaw:Numer"
    assert caught.value.path == "/prz:Przekazanie/prz:Zawiadomienia/zaw:Zawiadomienie[2]/zaw:Numer"
    t = title()
    with pytest.raises(XmlValidationError) as caught:
        handoff([t], entries=[dataclasses.replace(entry(t), debtor_name="\x00")])
    assert caught.value.element == "ew:Zobowiazany"
    assert caught.value.path == "/prz:Przekazanie/ew:WyciagZEwidencji/ew:Pozycja/ew:Zobowiazany"


def test_handoff_of_notices_only() -> None:
    root = valid(
        handoff([], [notice(), notice("raty", None, number="Z/2/2025")], entries=[]),
        HANDOFF_SCHEMAS,
    )
    assert root.find("prz:Tytuly", NS) is None
    assert len(root.findall("prz:Zawiadomienia/zaw:Zawiadomienie", NS)) == 2


def test_titles_build_the_same_from_several_threads() -> None:
    # asyncio.to_thread runs the renderer in worker threads; each thread compiles its own lxml
    # validator (an lxml validator keeps its error log on the object).
    titles = [title(f"TW/{n}/2025") for n in range(1, 21)]
    with ThreadPoolExecutor(4) as pool:
        in_threads = list(pool.map(build_title_xml, titles))
    assert in_threads == [build_title_xml(t) for t in titles]
