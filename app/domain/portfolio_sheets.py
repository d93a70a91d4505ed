"""The portfolio sheets a unit moves in with (issue 21): their names and columns, as data. The
template, the description on the page and in OPIS.txt, the check and the export all read them."""

from __future__ import annotations

from dataclasses import dataclass

from app.domain.alimony_claims import ClaimType
from app.domain.alimony_history import RecoverySource
from app.domain.lifecycle import State

Row = dict[str, object]


@dataclass(frozen=True, slots=True)
class Column:
    name: str
    kind: str  # text | date | term | amount | amount0 | int | pesel | nip | regon | choice
    required: bool = False
    choices: tuple[str, ...] = ()
    label: str = ""


@dataclass(frozen=True, slots=True)
class Sheet:
    name: str
    label: str
    columns: tuple[Column, ...]

    @property
    def header(self) -> list[str]:
        return [c.name for c in self.columns]


def _c(name: str, kind: str = "text", label: str = "", *choices: str, req: bool = False) -> Column:
    return Column(name, kind, req, tuple(choices), label)


def _r(name: str, kind: str = "text", label: str = "", *choices: str) -> Column:
    return _c(name, kind, label, *choices, req=True)


KEY = _r("klucz", "text", "klucz w poprzednim systemie (niepowtarzalny w arkuszu)")
DOC_KINDS = ("wezwanie", "upomnienie", "zawiadomienie")
REPORT_KINDS = ("srodek", "wyegzekwowano", "zwrot_nieegzekwowalny")
STATES = tuple(s.value for s in State)
AMENDMENT_KINDS = ("zmiana", "uchylenie")

SHEETS: tuple[Sheet, ...] = (
    Sheet(
        "dluznicy",
        "Zobowiązani",
        (
            KEY,
            _r("nazwa", "text", "imię i nazwisko albo nazwa"),
            _c("imie"),
            _c("nazwisko"),
            _c("pesel", "pesel"),
            _c("nip", "nip"),
            _c("regon", "regon"),
            _c("ulica", "text", "ulica z numerem, np. ul. Długa 5 m. 3"),
            _c("kod_pocztowy"),
            _c("miejscowosc"),
            _c("gmina_teryt", "text", "kod TERC gminy (7 cyfr)"),
            _c("adres_nieznany", "choice", "", "tak", "nie"),
            _c("bezdomny", "choice", "", "tak", "nie"),
            _c("zmarly", "choice", "", "tak", "nie"),
            _c("data_zgonu", "date"),
        ),
    ),
    Sheet(
        "naleznosci",
        "Należności",
        (
            KEY,
            _r("klucz_dluznika", "text", "klucz z arkusza dluznicy"),
            _r("rodzaj", "text", "kod rodzaju należności (Ustawienia › Rodzaje)"),
            _r("tytul", "text", "za co"),
            _r("kwota", "amount0", "kwota główna obowiązująca (0 tylko po uchyleniu decyzji)"),
            _r("data_wystawienia", "date"),
            _c("okres_od", "date"),
            _c("okres_do", "date"),
            _c("data_prawomocnosci", "date", "dzień, w którym decyzja stała się ostateczna"),
            _c("numer", "text", "sygnatura sprawy"),
            _c("organ", "text", "kod organu egzekucyjnego"),
            _c("stan", "choice", "stan w poprzednim systemie; pusty: wyliczony", *STATES),
            _c("saldo_deklarowane", "amount0", "saldo wg poprzedniego systemu na dziś"),
            _c("odsetki_deklarowane", "amount0", "odsetki wg poprzedniego systemu na dziś"),
            _c("decyzja_znak", "text", "znak decyzji ustalającej należność"),
            _c("decyzja_data_wydania", "date"),
            _c("decyzja_data_doreczenia", "date"),
            _c(
                "termin_platnosci",
                "term",
                "termin płatności, gdy nie biegnie od doręczenia wezwania (np. z decyzji)",
            ),
        ),
    ),
    Sheet(
        "dokumenty",
        "Dokumenty wystawione",
        (
            KEY,
            _r("klucz_naleznosci"),
            _r("rodzaj", "choice", "", *DOC_KINDS),
            _r("numer", "text", "WZ/n/rok, UP/n/rok, ZW/n/rok"),
            _r("data_wystawienia", "date"),
            _c("data_doreczenia", "date", "skuteczne doręczenie"),
            _c("koszty", "amount0", "koszty upomnienia"),
        ),
    ),
    Sheet(
        "tytuly",
        "Tytuły wykonawcze",
        (
            KEY,
            _r("klucz_naleznosci"),
            _r("numer", "text", "TW/organ/n/rok"),
            _r("organ", "text", "kod organu egzekucyjnego"),
            _r("data_wystawienia", "date"),
        ),
    ),
    Sheet(
        "meldunki",
        "Informacje organu egzekucyjnego o tytułach",
        (
            KEY,
            _r("klucz_tytulu", "text", "klucz z arkusza tytuly"),
            _r("data", "date"),
            _r("rodzaj", "choice", "", *REPORT_KINDS),
            _c("kwota", "amount"),
            _c("opis"),
        ),
    ),
    Sheet(
        "wplaty",
        "Wpłaty",
        (
            KEY,
            _r("klucz_naleznosci"),
            _r("data", "date"),
            _r("kwota", "amount"),
            _c("tytul", "text", "tytuł przelewu albo numer dowodu"),
            _c("data_storna", "date", "wpłata wycofana (storno) tego dnia: nie liczy się"),
            _c("przyczyna_storna"),
        ),
    ),
    Sheet(
        "raty",
        "Raty (decyzje o rozłożeniu na raty)",
        (
            KEY,
            _r("klucz_naleznosci"),
            _r("data_decyzji", "date"),
            _r("nr_raty", "int"),
            _r("termin", "term", "termin raty (może być przyszły)"),
            _r("kwota", "amount"),
        ),
    ),
    Sheet(
        "umorzenia",
        "Umorzenia (decyzje)",
        (
            KEY,
            _r("klucz_naleznosci"),
            _r("data_decyzji", "date"),
            _r("kwota", "amount", "kwota umorzona"),
            _r("w_calosci", "choice", "umorzenie całej należności", "tak", "nie"),
            _r("decyzja", "text", "znak decyzji"),
        ),
    ),
    Sheet(
        "alimenty_zasadzone",
        "Alimenty zasądzone",
        (
            KEY,
            _r("klucz_dluznika"),
            _c("uprawniony"),
            _r("od_dnia", "date"),
            _r("kwota_miesieczna", "amount0"),
        ),
    ),
    Sheet(
        "alimenty_wyplaty",
        "Świadczenia wypłacone z funduszu alimentacyjnego",
        (
            KEY,
            _r("klucz_naleznosci", "text", "należność rodzaju fundusz_alimentacyjny"),
            _r("data", "date"),
            _r("kwota", "amount"),
            _c("uprawniony"),
            _r("roszczenie", "choice", "", *(c.value for c in list(ClaimType)[:2])),
        ),
    ),
    Sheet(
        "alimenty_odzyskane",
        "Kwoty wyegzekwowane od dłużnika alimentacyjnego",
        (
            KEY,
            _r("klucz_dluznika"),
            _r("data", "date"),
            _r("kwota", "amount"),
            _r("zrodlo", "choice", "", *(s.value for s in RecoverySource)),
            _c("referencja"),
        ),
    ),
    Sheet(
        "wyplaty_naleznosci",
        "Wypłaty objęte należnością (świadczenia nienależnie pobrane, art. 23 u.p.o.u.a.)",
        (
            KEY,
            _r("klucz_naleznosci"),
            _r("nr", "int", "kolejny numer wypłaty w należności"),
            _r("data_wyplaty", "date", "odsetki od 1. dnia następnego miesiąca"),
            _r("kwota", "amount"),
        ),
    ),
    Sheet(
        "zmiany_decyzji",
        "Zmiany i uchylenia decyzji (kwota należności przed i po)",
        (
            KEY,
            _r("klucz_naleznosci"),
            _r("rodzaj", "choice", "", *AMENDMENT_KINDS),
            _r("data", "date", "od kiedy obowiązuje"),
            _r("kwota_przed", "amount0"),
            _r("kwota_po", "amount0", "0 przy uchyleniu"),
            _r("powod", "text", "np. decyzja zmieniająca nr …"),
        ),
    ),
)
SHEET = {s.name: s for s in SHEETS}
