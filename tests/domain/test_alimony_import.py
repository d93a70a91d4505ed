"""Reading the lines of a bulk alimony entry (app/domain/alimony_import.py)."""

from __future__ import annotations

from datetime import date

from app.domain.alimony_import import parse_lines


def test_lines_in_every_separator_and_a_header_skipped() -> None:
    text = (
        "PESEL;data;kwota\n"
        "44051401359;31.10.2026;500,00\n"
        "\n"
        "FA.4011.7.2025\t2026-10-31\t1 250,50\n"
        "Km 77/26,01.11.2026,99,99\n"
    )
    lines = parse_lines(text)
    assert [(x.number, x.key, x.is_pesel, x.on, x.amount, x.errors) for x in lines] == [
        (2, "44051401359", True, date(2026, 10, 31), 50000, ()),
        (4, "FA.4011.7.2025", False, date(2026, 10, 31), 125050, ()),
        (5, "Km 77/26", False, date(2026, 11, 1), 9999, ()),
    ]


def test_each_error_of_a_line_is_named() -> None:
    (line,) = parse_lines("44051401358;30.02.2025;12,345")
    assert line.errors == (
        "Nieprawidłowy numer PESEL (błędna długość lub cyfra kontrolna)",
        "nie ma dnia 30.02.2025",
        "kwota „12,345”: podaj kwotę większą od zera, najwyżej dwa miejsca po przecinku",
    )
    (short,) = parse_lines("44051401359;31.10.2026")
    assert short.errors == ("oczekiwano 3 pól (PESEL lub numer sprawy; data; kwota), jest 2",)
    (zero,) = parse_lines(";31.10.2026;0")
    assert zero.errors[0] == "brak numeru PESEL lub numeru sprawy"
    assert zero.errors[1].startswith("kwota „0”")
