"""TW-1(5): the executive title as the MF eTW document tw1:Dokument (rozporządzenie MF z 12.01.2021,
t.j. Dz.U. 2022 poz. 1856; schema schemas/xsd/official/tw-1(5)8e.xsd, wersjaSchemy 1-8E).

Element names and order follow the official schema and the official filled-in sample
(schemas/xsd/official/tytul_wykonawczy_niekompletny.xml). The parts of com: marked INVENTED in
schemas/xsd/reconstructed/schemat_commons.xsd (natural-person debtor, interest branch) are our
design: the real eTW Commons schema was not available."""

from __future__ import annotations

import copy
import functools
import re
import uuid

from lxml import etree

from app.domain.documents import (
    Address,
    Creditor,
    DebtorData,
    ReceivableData,
    Signatory,
    TytulWykonawczy,
)
from app.domain.identifiers import birth_date
from app.titles.etw_parts import address_parts, bank_account, checked_ids, first_and_last
from app.titles.xmltext import amount, day, percent, sub
from app.titles.xsd import XmlValidationError

FORM_CODE = "TW-1(5)"
TW1 = "http://crd.gov.pl/wzor/2021/06/15/10693/"
COM = "http://crd.gov.pl/xml/schematy/dziedzinowe/mf/2021/04/14/eTW/Commons/"
STR = "http://crd.gov.pl/xml/schematy/struktura/2009/11/16/"
META = "http://crd.gov.pl/xml/schematy/meta/2009/11/16/"
NSMAP = {"tw1": TW1, "com": COM, "str": STR, "meta": META}

# Fixed by the official schema (tw1:PodstawaPrawna fixed="…"): art. 26 u.p.e.a.
PODSTAWA_PRAWNA = (
    "art. 26 ustawy z dnia 17 czerwca 1966 r. o postępowaniu egzekucyjnym w administracji "
    "(Dz. U. z 2020 r. poz. 1427, z późn. zm.), zwanej dalej „ustawą”"
)
_UUID_NAMESPACE = uuid.UUID("6f1d7c1e-5b0a-4f57-9a43-7a0e3d2c9b11")  # ours, fixed forever
_ODPOWIEDZIALNOSC_WLASNA = "1"  # the debtor's own liability (sample value; see schemat_commons.xsd)


def t(ns: str, local: str) -> str:
    return f"{{{ns}}}{local}"


def build(title: TytulWykonawczy) -> etree._Element:
    """The tw1:Dokument element of one title (not yet validated: the caller validates)."""
    root = etree.Element(t(TW1, "Dokument"), nsmap=NSMAP)
    opis = sub(root, t(TW1, "OpisDokumentu"))
    sub(opis, t(META, "Jezyk"), kodJezyka="pol")
    dane = sub(root, t(TW1, "DaneDokumentu"))
    sub(sub(dane, t(META, "Data"), typDaty="stworzony"), t(META, "Czas"), day(title.issued_on))
    tresc = sub(root, t(TW1, "TrescDokumentu"), format="text/xml", kodowanie="XML")
    wniosek = sub(tresc, t(TW1, "Wniosek"))
    _naglowek(sub(wniosek, t(TW1, "Naglowek")), title)
    tw = sub(wniosek, t(TW1, "TW-1"))
    ref = sub(tw, t(TW1, "DaneReferencyjne"))
    sub(ref, t(COM, "Sygnatura"), title.number)
    sub(ref, t(COM, "DataWystawienia"), day(title.issued_on))
    sub(ref, t(TW1, "RodzajDokumentu"), "1")  # 1 = tytuł wykonawczy (not zmieniony/dalszy/ponowny)
    _zobowiazany(sub(tw, t(TW1, "Zobowiazany")), title.debtor)
    _naleznosc(sub(tw, t(TW1, "Naleznosc")), title)
    _wierzyciel(tw, title)
    sub(tw, t(TW1, "Pouczenie"), "1")  # 1 = potwierdzenie treści pouczenia
    return root


def document_uuid(title: TytulWykonawczy) -> str:
    """Stable per title: the same title always renders the same bytes."""
    key = "|".join((title.creditor.nip or title.creditor.name, title.authority.code, title.number))
    return str(uuid.uuid5(_UUID_NAMESPACE, f"{key}|{title.issued_on.isoformat()}"))


def _naglowek(naglowek: etree._Element, title: TytulWykonawczy) -> None:
    office = title.authority.office_code
    if not office or not re.fullmatch(r"\d{4}", office):
        raise XmlValidationError(
            "com:KodUrzedu",
            f"Organ egzekucyjny {title.authority.name!r} nie ma czterocyfrowego kodu urzędu "
            f"(Authority.office_code={office!r})",
        )
    sub(naglowek, t(COM, "KodUrzedu"), office)
    sub(naglowek, t(COM, "UUID"), document_uuid(title))
    slug = re.sub(r"[^0-9A-Za-z]+", "-", title.number).strip("-")
    sub(naglowek, t(COM, "NazwaPliku"), f"wydanie_tytułu_{title.issued_on:%m%d%Y}_{slug}")
    sub(naglowek, t(TW1, "KodFormularza"), "TW-1", kodSystemowy=FORM_CODE, wersjaSchemy="1-8E")
    sub(naglowek, t(TW1, "WariantFormularza"), "5")
    sub(naglowek, t(TW1, "PodstawaPrawna"), PODSTAWA_PRAWNA)


def _adm_id(parent: etree._Element, ids: dict[str, str]) -> None:
    if ids:
        adm = sub(parent, t(COM, "AdmId"))
        for element, value in ids.items():
            sub(adm, t(COM, element), value)


def _adres_polski(parent: etree._Element, address: Address | None, whose: str) -> None:
    parts = address_parts(address, whose)
    sub(parent, t(COM, "KodKraju"), "PL")
    opisowy = sub(sub(parent, t(COM, "PodzialAdm")), t(COM, "Opisowy"))
    sub(opisowy, t(COM, "Wojewodztwo"), parts.voivodeship)
    sub(opisowy, t(COM, "Powiat"), parts.county)
    sub(opisowy, t(COM, "Gmina"), parts.commune)
    sub(opisowy, t(COM, "Miejscowosc"), parts.city)
    if parts.street_name:
        sub(opisowy, t(COM, "NazwaUlicy"), parts.street_name)
    sub(parent, t(COM, "NrDomu"), parts.house_number)
    if parts.flat_number:
        sub(parent, t(COM, "NrLokalu"), parts.flat_number)
    sub(parent, t(COM, "KodPocztowy"), parts.postal_code)


def _zobowiazany(parent: etree._Element, debtor: DebtorData) -> None:
    ids = checked_ids(debtor.pesel if debtor.is_person else None, debtor.nip, debtor.regon)
    if debtor.is_person:
        osoba = sub(parent, t(TW1, "OsobaFizyczna"), wSpadku="false")
        first, last = first_and_last(debtor.first_name, debtor.last_name, debtor.name, "com:Imie")
        sub(osoba, t(COM, "Imie"), first)
        sub(osoba, t(COM, "Nazwisko"), last)
        _adm_id(osoba, ids)
        if "PESEL" in ids:  # art. 27 § 1 pkt 2: data urodzenia, when known (PESEL carries it)
            sub(osoba, t(COM, "DataUrodzenia"), day(birth_date(ids["PESEL"])))
    else:
        osoba = sub(parent, t(TW1, "OsobaNiefizyczna"), wSpadku="false")
        sub(osoba, t(COM, "Nazwa"), debtor.name)
        _adm_id(osoba, ids)
    _adres_polski(
        sub(sub(osoba, t(COM, "Adres")), t(COM, "AdresPolski")), debtor.address, "zobowiązany"
    )
    sub(osoba, t(COM, "Odpowiedzialnosc"), _ODPOWIEDZIALNOSC_WLASNA)


_ZNAKOWY = 240  # etd:TZnakowy maxLength


def _naleznosc(parent: etree._Element, title: TytulWykonawczy) -> None:
    r = title.receivable
    sub(parent, t(COM, "AktNormatywny"), r.legal_basis)
    attrs = {"kodPodstawyPrawnej": r.legal_basis_code} if r.legal_basis_code else {}
    sub(parent, t(COM, "RodzajNaleznosci"), r.kind_label, **attrs)
    # The source of the obligation: the decision that fixed it, when the kind has one (issue 16
    # item 8), else what the receivable is for.
    # (InnyDokument holds at most 240 characters: the decision alone when both do not fit.)
    source = r.title
    if r.decision:
        source = f"{r.decision}: {r.title}"
        source = source if len(source) <= _ZNAKOWY else r.decision
    sub(sub(parent, t(COM, "Obowiazek")), t(COM, "InnyDokument"), source)
    if title.reminder is not None:
        if title.reminder.delivered_on is None:
            raise XmlValidationError(
                "com:dataDoreczenia", f"Upomnienie {title.reminder.number} nie ma daty doręczenia"
            )
        upomnienie = sub(sub(parent, t(COM, "Doreczenia")), t(COM, "Upomnienie"))
        sub(upomnienie, t(COM, "KosztyUpomnienia"), amount(r.costs))
        sub(upomnienie, t(COM, "dataDoreczenia"), day(title.reminder.delivered_on))
    _zobowiazanie(sub(parent, t(COM, "Zobowiazanie")), r)
    info = sub(parent, t(COM, "InformacjeDotNalPienieznej"))
    sub(info, t(COM, "OdpowiedzialnoscObejmujeMajatekWspolny"), "false")
    sub(info, t(COM, "ObowiazekScisleZwiazanyZeZobowiazanym"), "false")


def _zobowiazanie(parent: etree._Element, r: ReceivableData) -> None:
    period_from, period_to = r.period_from or r.period_to, r.period_to or r.period_from
    if period_from is None or period_to is None:
        raise XmlValidationError("com:Okres", "Brak okresu, którego dotyczy należność")
    with_interest = bool(r.interest_kind.strip())
    pozycja = sub(
        sub(parent, t(COM, "Odsetki" if with_interest else "BrakOdsetek")), t(COM, "Pozycja")
    )
    sub(pozycja, t(COM, "Kwota"), amount(r.principal))
    okres = sub(pozycja, t(COM, "Okres"))
    sub(okres, t(COM, "DniaOd"), day(period_from))
    sub(okres, t(COM, "DniaDo"), day(period_to))
    if with_interest:  # art. 27 § 1 pkt 3: rodzaj, stawka, data początkowa odsetek
        sub(pozycja, t(COM, "RodzajOdsetek"), r.interest_kind)
        sub(pozycja, t(COM, "StawkaOdsetek"), percent(r.interest_rate_bp))
        sub(pozycja, t(COM, "DataNaliczaniaOdsetek"), day(r.interest_from))
        sub(pozycja, t(COM, "KwotaOdsetek"), amount(r.interest_amount))


def _wierzyciel(tw: etree._Element, title: TytulWykonawczy) -> None:
    # The creditor part is the same on every title of a unit: built once, copied (C-speed).
    tw.append(copy.deepcopy(_wierzyciel_element(title.creditor, title.signatory)))


@functools.lru_cache(maxsize=64)
def _wierzyciel_element(c: Creditor, s: Signatory) -> etree._Element:
    attrs = {"kodWierzyciela": c.creditor_code} if c.creditor_code else {}
    w = etree.Element(t(TW1, "Wierzyciel"), attrs, nsmap=NSMAP)
    sub(w, t(COM, "Nazwa"), c.name)
    _adres_polski(sub(w, t(COM, "Adres")), c.address, "wierzyciel")
    ids = checked_ids(None, c.nip, c.regon)
    if not ids:
        raise XmlValidationError("com:AdmId", "Wierzyciel nie ma NIP ani REGON")
    _adm_id(w, ids)
    if c.bank_account:
        beneficjent = sub(w, t(COM, "Beneficjent"))
        sub(beneficjent, t(COM, "Nazwa"), c.name)
        _adres_polski(sub(beneficjent, t(COM, "Adres")), c.address, "wierzyciel")
        sub(beneficjent, t(COM, "NrRachunkuPL"), bank_account(c.bank_account))
    sub(w, t(COM, "WniosekOWszczecie"), "1")
    upowazniona = sub(w, t(COM, "OsobaUpowazniona"))
    first, last = first_and_last(s.first_name, s.last_name, s.name, "com:OsobaUpowazniona")
    sub(upowazniona, t(COM, "Imie"), first)
    sub(upowazniona, t(COM, "Nazwisko"), last)
    sub(upowazniona, t(COM, "Stanowisko"), s.position)
    return w


def read_number(root: etree._Element) -> str | None:
    """The title number (com:Sygnatura) of a built document."""
    found = root.find(
        f"{t(TW1, 'TrescDokumentu')}//{t(TW1, 'DaneReferencyjne')}/{t(COM, 'Sygnatura')}"
    )
    return None if found is None or found.text is None else found.text


def read_office_code(root: etree._Element) -> str | None:
    found = root.find(
        f"{t(TW1, 'TrescDokumentu')}/{t(TW1, 'Wniosek')}/{t(TW1, 'Naglowek')}/{t(COM, 'KodUrzedu')}"
    )
    return None if found is None else found.text
