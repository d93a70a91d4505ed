"""The register of executive titles and the chief accountant's year-end lists, as PDF and CSV."""

from __future__ import annotations

import csv
import io
from dataclasses import replace
from datetime import date

import pytest

from letters import (
    csv_alimony,
    csv_time_barred,
    render_register,
    render_year_end_alimony,
    render_year_end_time_barred,
)
from tests.letters import samples
from tests.letters.pdfcheck import fonts, reader, text


def test_register_lists_every_title_with_totals_on_landscape_pages() -> None:
    pdf = render_register(samples.REGISTER, creditor=samples.CREDITOR, as_of=date(2026, 12, 31))
    printed = text(pdf)
    assert "EWIDENCJA TYTUŁÓW WYKONAWCZYCH" in printed
    assert "stan na dzień 31 grudnia 2026 r." in printed
    for entry in samples.REGISTER:
        assert entry.title_number in printed
    assert "Kowalski & Syn <sp. j.>" in printed
    assert "Dłużnik 1 Zażółć Gęślą Jaźń" in printed
    assert "PRZ/3/2026" in printed
    assert "wpłata częściowa 12.01.2027" in printed
    # 123,45 × (1+2+3+4+5) = 1 851,75; interest 15,01…15,05 = 75,15; costs 5 × 16,00 = 80,00
    assert "Razem 1 851,75 75,15 80,00 2 006,90" in printed
    page = reader(pdf).pages[0]
    assert page.mediabox.width > page.mediabox.height
    assert all("DejaVuSans" in name and embedded for name, embedded in fonts(pdf).items())


def test_a_long_register_repeats_its_header_on_every_page() -> None:
    entries = [samples.REGISTER[0]] * 120
    pdf = render_register(entries)
    pages = reader(pdf).pages
    assert len(pages) > 2
    assert all("Numer tytułu" in page.extract_text() for page in pages)
    assert "120 TW/1/2026" in text(pdf)


def test_year_end_time_barred_list() -> None:
    printed = text(render_year_end_time_barred(samples.TIME_BARRED, 2025, samples.CREDITOR))
    assert "WYKAZ NALEŻNOŚCI PRZEDAWNIONYCH DO ODPISANIA – ROK 2025" in printed
    assert "Ścibor Zażółć Gęślą Jaźń" in printed
    assert "=SUM(A1:A9) Bezdomny" in printed  # in a PDF it is just text
    assert "15.03.2025" in printed
    assert "1 234,56" in printed
    assert "Razem 1 549,56 456,00 11,60 2 017,16" in printed
    assert "Główny Księgowy" in printed


def test_year_end_alimony_list() -> None:
    printed = text(render_year_end_alimony(samples.ALIMONY, 2026, samples.CREDITOR))
    assert "WYKAZ UMORZEŃ NALEŻNOŚCI ALIMENTACYJNYCH – ROK 2026" in printed
    assert "art. 30 ust. 1 ustawy z dnia 7 września 2007 r." in printed
    assert "Żaneta Zażółć Gęślą Jaźń" in printed
    assert "01.01.2019 – 31.12.2025" in printed
    assert "art. 30 ust. 1 pkt 3 i ust. 3 u.p.o.u.a.; FA.4410.1.2026 z 15.12.2026" in printed
    assert "do wydania" in printed
    assert "7 / 100%" in printed
    # balance; fund principal, interest; advance principal, interest; written off
    assert "Razem 13 345,68 10 000,00 2 000,00 600,00 45,67 12 645,67" in printed


def _rows(data: bytes) -> list[list[str]]:
    assert data.startswith(b"\xef\xbb\xbf"), (
        "UTF-8 BOM missing: Excel would not read the file as UTF-8"
    )
    body = data[3:].decode("utf-8")
    assert "\r\n" in body
    return list(csv.reader(io.StringIO(body, newline=""), delimiter=";"))


def test_csv_time_barred_opens_in_a_polish_spreadsheet() -> None:
    rows = _rows(csv_time_barred(samples.TIME_BARRED))
    assert rows[0] == [
        "Lp.",
        "Dłużnik",
        "PESEL / NIP",
        "Nr sprawy",
        "Rodzaj należności",
        "Termin płatności",
        "Przedawniona od",
        "Należność główna",
        "Odsetki",
        "Koszty",
        "Razem",
    ]
    assert rows[1] == [
        "1",
        "Ścibor Zażółć Gęślą Jaźń",
        "PESEL 44051401359",
        "CW/12/2022",
        "Opłata za pobyt w centrum wsparcia",
        "14.03.2022",
        "15.03.2025",
        "1234,56",
        "456,00",
        "11,60",
        "1702,16",
    ]
    assert rows[2][1] == "'=SUM(A1:A9) Bezdomny"  # never read as a formula
    assert rows[2][2] == ""
    assert len(rows) == 3


def test_csv_alimony_keeps_identifiers_as_text_and_splits_by_claim() -> None:
    rows = _rows(csv_alimony(samples.ALIMONY))
    assert rows[0][:3] == ["Lp.", "Dłużnik alimentacyjny", "PESEL"]
    assert len(rows[0]) == 16
    assert rows[1] == [
        "1", "Żaneta Zażółć Gęślą Jaźń", '="44051401359"', "01.01.2019", "31.12.2025", "7", "100",
        "art. 30 ust. 1 pkt 3 i ust. 3 u.p.o.u.a.", "FA.4410.1.2026", "15.12.2026",
        "12345,67", "10000,00", "2000,00", "300,00", "45,67", "12345,67",
    ]  # fmt: skip
    assert rows[2][2] == ""
    assert rows[2][8:10] == ["", ""]
    assert rows[2][10:] == ["1000,01", "0,00", "0,00", "300,00", "0,00", "300,00"]


def test_an_alimony_row_whose_parts_do_not_add_up_is_refused() -> None:
    with pytest.raises(ValueError, match="nie sumują się"):
        replace(samples.ALIMONY[1], advance_principal=29_999)


def test_empty_lists_give_a_header_only_csv() -> None:
    assert len(_rows(csv_time_barred([]))) == 1
    assert len(_rows(csv_alimony([]))) == 1
