"""Wezwanie, tytuł wykonawczy (TW-1, paper) and zawiadomienie: the data they carry, read back from
the PDF, the copies they come in, and the embedded font."""

from __future__ import annotations

from dataclasses import replace

import pytest

from letters import render_tytul, render_wezwanie, render_zawiadomienie
from letters.zawiadomienie import CHANGES
from tests.letters import samples
from tests.letters.pdfcheck import fonts, page_texts, text


def _first_page_of(pages: list[str], mark: str) -> int:
    return next(i for i, page in enumerate(pages) if mark in page)


# --- Wezwanie do zapłaty / rachunek (seed 003 §2.1–2.2) -------------------------------------------


def test_wezwanie_has_an_original_and_a_copy_each_with_the_full_demand() -> None:
    pages = page_texts(render_wezwanie(samples.WEZWANIE))
    original, copy = _first_page_of(pages, "ORYGINAŁ"), _first_page_of(pages, "KOPIA")
    assert original == 0 < copy
    halves = (" ".join(pages[original:copy]), " ".join(pages[copy:]))
    for half in halves:
        assert "WEZWANIE DO ZAPŁATY / RACHUNEK nr RACH/5/2026" in half
        assert "z dnia 2 marca 2026 r." in half
        assert "Łukasz Zażółć Gęślą Jaźń" in half
        assert "PESEL: 44051401359" in half
        assert "Razem do zapłaty 123,45 zł" in half
        assert "sto dwadzieścia trzy złote 45/100" in half
        # the 14-day term from delivery and the threat of enforcement (seed 003 §2.1, §3 ust. 1)
        assert "w terminie 14 dni od dnia doręczenia niniejszego wezwania" in half
        assert "sprawa zostanie skierowana na drogę postępowania egzekucyjnego" in half
        assert "12 1020 1026 0000 1502 0123 4567" in half
    assert "egzemplarz dla zobowiązanego" in halves[0]
    assert "egzemplarz dla wierzyciela" in halves[1]


def test_wezwanie_uses_only_the_embedded_font() -> None:
    found = fonts(render_wezwanie(samples.WEZWANIE))
    assert found
    assert all("DejaVuSans" in name and embedded for name, embedded in found.items())


# --- Tytuł wykonawczy TW-1 (rozporządzenie MFFiPR z 12.01.2021, Dz.U. 2022 poz. 1856) -------------


@pytest.fixture(scope="module")
def tytul_pages() -> list[str]:
    return page_texts(render_tytul(samples.TYTUL))


def test_tytul_has_the_original_and_the_copy_for_the_debtor(tytul_pages: list[str]) -> None:
    copy = _first_page_of(tytul_pages, "ODPIS DLA ZOBOWIĄZANEGO")
    assert "ORYGINAŁ" in tytul_pages[0]
    assert copy > 0
    assert all("ORYGINAŁ" in page for page in tytul_pages[:copy])  # the mark repeats on every page
    assert " ".join(tytul_pages[:copy]).replace("ORYGINAŁ", "") == " ".join(
        tytul_pages[copy:]
    ).replace("ODPIS DLA ZOBOWIĄZANEGO", "").replace("odpis dla zobowiązanego", "oryginał")


@pytest.mark.parametrize(
    "phrase",
    [
        "TW-1 TYTUŁ WYKONAWCZY stosowany w egzekucji należności pieniężnych",
        # issue 17: the paper model in force since 25.03.2024 and the XML version beside it
        "wzór: zał. nr 1 do rozp. MF z 19.03.2024 (Dz.U. 2024 poz. 431)",
        "postać elektroniczna: TW-1(5)",
        "Imię ojca nieznane wierzycielowi",
        "Osoba upoważniona do działania w imieniu wierzyciela Anna Śliwińska",
        "art. 26 ustawy z dnia 17 czerwca 1966 r. o postępowaniu egzekucyjnym w administracji",
        "1. Numer tytułu wykonawczego TW/3/2026",
        "2. Data wystawienia 07.12.2026",
        # A: the debtor, with the identifiers known and the birth date read from the PESEL
        "A. DANE ZOBOWIĄZANEGO",
        "Imię i nazwisko Łukasz Zażółć Gęślą Jaźń",
        "PESEL 44051401359",
        "Data urodzenia 14.05.1944",
        "B. DANE MAŁŻONKA ZOBOWIĄZANEGO – nie dotyczy",
        # D: the receivable
        "D. DANE DOTYCZĄCE NALEŻNOŚCI PIENIĘŻNEJ",
        "Akt normatywny art. 42² ust. 11 ustawy z dnia 26 października 1982 r.",
        "Kwota należności pieniężnej 123,45 zł",
        "Data doręczenia upomnienia 26.11.2026",
        "Koszty upomnienia 16,00 zł",
        "Stawka odsetek (na dzień wystawienia) 10,50% w stosunku rocznym",
        "Data, od której nalicza się odsetki 31.03.2026",
        "Kwota odsetek na dzień 07.12.2026 15,00 zł",
        # E: the creditor and its request; F: the enforcement authority
        "E. DANE WIERZYCIELA I WNIOSEK O WSZCZĘCIE EGZEKUCJI ADMINISTRACYJNEJ",
        "NIP 8881234566",
        "Kod wierzyciela PRMI082",
        "wnosi o wszczęcie egzekucji administracyjnej",
        "Anna Śliwińska",
        "F. ORGAN EGZEKUCYJNY",
        "Prezydent Miasta Włocławek – Wydział Windykacji i Egzekucji",
        "Kod urzędu 0415",
        # the official pouczenie of the TW-1(5) model
        "Zobowiązanemu przysługuje prawo wniesienia do wierzyciela, za pośrednictwem organu",
        "4) brak uprzedniego doręczenia zobowiązanemu upomnienia, jeżeli jest wymagane;",
        "(art. 36 § 3 pkt 2 i § 4 ustawy)",
    ],
)
def test_tytul_carries_the_tw1_data(tytul_pages: list[str], phrase: str) -> None:
    assert phrase in " ".join(tytul_pages)


def test_tytul_for_a_company_prints_its_name_and_nip_not_a_pesel() -> None:
    company = replace(
        samples.DEBTOR,
        name="Firma „Żuraw” Sp. z o.o.",
        is_person=False,
        pesel="44051401359",
        nip="8881234566",
        first_name=None,
        last_name=None,
    )
    printed = text(render_tytul(replace(samples.TYTUL, debtor=company)))
    assert "Nazwa Firma „Żuraw” Sp. z o.o." in printed
    assert "podmiot niebędący osobą fizyczną" in printed
    assert "PESEL" not in printed


def test_tytul_without_interest_says_so() -> None:
    receivable = replace(samples.TYTUL.receivable, interest_kind="", interest_amount=0)
    assert "Odsetki nie nalicza się" in text(
        render_tytul(replace(samples.TYTUL, receivable=receivable))
    )


# --- Zawiadomienie (seed 003 §3 ust. 7) ------------------------------------------------------


def test_zawiadomienie_of_a_partial_payment() -> None:
    printed = text(render_zawiadomienie(samples.ZAWIADOMIENIE))
    for phrase in (
        "ZAWIADOMIENIE nr ZAW/2/2027",
        "Prezydent Miasta Włocławek",
        "Tytuł wykonawczy nr TW/3/2026 z dnia 07.12.2026",
        "Łukasz Zażółć Gęślą Jaźń",
        "Zdarzenie wpłata części należności",
        "Data zdarzenia 12.01.2027",
        "Kwota 50,00 zł",
        "w dniu 12.01.2027 zobowiązany zapłacił kwotę 50,00 zł",
        "Do zapłaty pozostaje należność główna w kwocie 73,45 zł",
        "Anna Śliwińska",
    ):
        assert phrase in printed


@pytest.mark.parametrize(
    ("change", "request_phrase"),
    [
        ("wplata_czesciowa", "dalsze prowadzenie postępowania egzekucyjnego"),
        ("wplata_calkowita", "umorzenie postępowania egzekucyjnego (art. 59 u.p.e.a.)"),
        ("raty", "zawieszenie postępowania egzekucyjnego (art. 56 u.p.e.a.)"),
        ("wznowienie", "podjęcie zawieszonego postępowania egzekucyjnego (art. 57 u.p.e.a.)"),
        (
            "umorzenie",
            "ograniczenie postępowania egzekucyjnego do należności pozostałej do zapłaty",
        ),
        # Issue 20: corrections after the title.
        ("storno", "prowadzenie postępowania egzekucyjnego w zakresie należności pozostałej"),
        ("zmiana_decyzji", "w zakresie wynikającym ze zmienionej decyzji"),
        ("uchylenie", "umorzenie postępowania egzekucyjnego (art. 59 § 1 u.p.e.a.)"),
        ("wycofanie", "wycofuje tytuł wykonawczy nr"),
    ],
)
def test_every_change_has_its_own_request(change: str, request_phrase: str) -> None:
    printed = text(render_zawiadomienie(replace(samples.ZAWIADOMIENIE, change=change)))
    assert CHANGES[change] in printed
    assert request_phrase in printed


def test_a_full_write_off_asks_to_discontinue() -> None:
    z = replace(samples.ZAWIADOMIENIE, change="umorzenie", amount=12_345, remaining_principal=None)
    printed = text(render_zawiadomienie(z))
    assert "została umorzona w kwocie 123,45 zł." in printed
    assert "umorzenie postępowania egzekucyjnego (art. 59 u.p.e.a.)" in printed


def test_an_unknown_change_is_refused_with_its_name() -> None:
    with pytest.raises(ValueError, match="'przelew'"):
        render_zawiadomienie(replace(samples.ZAWIADOMIENIE, change="przelew"))
