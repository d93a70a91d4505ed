"""Issue 21: the cells and rows of the portfolio sheets (app/domain/portfolio.py), by hand."""

from __future__ import annotations

from datetime import date

import pytest

from app.domain.lifecycle import State
from app.domain.portfolio import (
    CellError,
    Checker,
    Numbered,
    StateFacts,
    derived_state,
    header_issues,
    parse_amount,
    parse_number,
    parse_row,
)
from app.domain.portfolio_sheets import SHEET

TODAY = date(2026, 12, 6)


@pytest.mark.parametrize(
    ("text", "grosze"),
    [("1234.56", 123456), ("1234,56", 123456), ("1 234,5", 123450), ("0.01", 1), ("7", 700)],
)
def test_amounts_in_either_notation(text: str, grosze: int) -> None:
    assert parse_amount(text, allow_zero=False) == grosze


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("12.345", "więcej niż dwa miejsca po przecinku"),  # never rounded: the old system erred
        ("-5.00", "nie jest kwotą"),
        ("1e3", "nie jest kwotą"),
        ("0.00", "większa od zera"),
    ],
)
def test_bad_amounts(text: str, message: str) -> None:
    with pytest.raises(CellError, match=message):
        parse_amount(text, allow_zero=False)


@pytest.mark.parametrize(
    ("kind", "number", "authority", "expected"),
    [
        ("wezwanie", "WZ/15/2025", "", Numbered("", 15, 2025)),
        ("upomnienie", "UP/1/2025", "", Numbered("", 1, 2025)),
        (
            "tytul_wykonawczy",
            "TW/UM-WLOCLAWEK/230/2025",
            "UM-WLOCLAWEK",
            Numbered("UM-WLOCLAWEK", 230, 2025),
        ),
    ],
)
def test_numbers_in_their_series(
    kind: str, number: str, authority: str, expected: Numbered
) -> None:
    assert parse_number(kind, number, date(2025, 6, 2), authority) == expected


@pytest.mark.parametrize(
    ("kind", "number", "authority", "message"),
    [
        ("tytul_wykonawczy", "TW/US/5/2025", "UM", "nie pasuje do serii \\(np. TW/UM/15/2025\\)"),
        ("tytul_wykonawczy", "TW/5/2025", "UM", "nie pasuje do serii"),
        ("upomnienie", "UP/0/2025", "", "nie pasuje do serii"),
        ("wezwanie", "FN.3111.15.2025", "", "nie pasuje do serii"),
        # The counters are per year: the number's year is the year of issue.
        ("wezwanie", "WZ/15/2024", "", "inny niż rok wystawienia 2025"),
    ],
)
def test_numbers_outside_their_series(kind: str, number: str, authority: str, message: str) -> None:
    with pytest.raises(CellError, match=message):
        parse_number(kind, number, date(2025, 6, 2), authority)


def test_a_row_reports_every_bad_cell_by_column() -> None:
    raw = {"klucz": "D1", "nazwa": "", "pesel": "44051401358", "nip": "7740001454"}
    row, issues = parse_row(SHEET["dluznicy"], 7, raw, TODAY)
    assert [(i.line, i.column) for i in issues] == [(7, "nazwa"), (7, "pesel")]
    assert row["nip"] == "7740001454"
    assert issues[1].text() == (
        "arkusz dluznicy, wiersz 7, kolumna pesel: "
        "Nieprawidłowy numer PESEL (błędna długość lub cyfra kontrolna)"
    )


def test_a_date_after_today_is_refused() -> None:
    raw = {"klucz": "W1", "klucz_naleznosci": "N1", "data": "2026-12-07", "kwota": "1.00"}
    _, issues = parse_row(SHEET["wplaty"], 2, raw, TODAY)
    assert [i.message for i in issues] == ["data 2026-12-07 jest późniejsza niż dzisiejsza"]


def test_a_key_twice_in_a_sheet() -> None:
    checker = Checker(TODAY, frozenset({"oplata_pobyt"}), frozenset({"UM"}))
    raw = {"klucz": "D1", "nazwa": "Jan"}
    first, _ = parse_row(SHEET["dluznicy"], 2, raw, TODAY)
    second, _ = parse_row(SHEET["dluznicy"], 3, raw, TODAY)
    assert checker.check("dluznicy", first) == []
    assert [i.message for i in checker.check("dluznicy", second)] == [
        "klucz „D1” powtarza się w arkuszu"
    ]


def _facts(**changes: object) -> StateFacts:
    base: dict[str, object] = {
        "balance": 25000,
        "payment_term_ends_on": date(2025, 3, 19),
        "reminder_issued": False,
        "title_issued": False,
        "instalments": False,
        "time_barred_from": date(2031, 1, 1),
    }
    return StateFacts(**{**base, **changes})  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("facts", "state"),
    [
        (_facts(balance=0), State.ZAPLACONA),
        # Written off in full (OP art. 67a §1 pkt 3): the balance is 0, but nothing was paid.
        (_facts(balance=0, written_off=True), State.UMORZONA),
        # The limitation date has come (u.f.p. art. 60 pkt 1 → OP art. 70 §1): time-barred.
        (_facts(time_barred_from=date(2026, 1, 1)), State.PRZEDAWNIONA),
        (_facts(instalments=True, title_issued=True), State.RATY),
        (_facts(title_issued=True, reminder_issued=True), State.TYTUL_WYKONAWCZY),
        (_facts(reminder_issued=True), State.UPOMNIENIE),
        # The term ended 2025-03-19: due from the next day (seed 003 §3.1).
        (_facts(), State.WYMAGALNA),
        (_facts(payment_term_ends_on=date(2026, 12, 6)), State.WYSTAWIONA),
        (_facts(payment_term_ends_on=None), State.WYSTAWIONA),
    ],
)
def test_the_state_a_receivable_moves_in_with(facts: StateFacts, state: State) -> None:
    assert derived_state(facts, TODAY) is state


def test_a_misspelt_or_missing_column_is_reported_on_the_header_line() -> None:
    issues = header_issues(SHEET["dluznicy"], ["klucz", "nazwa", "Pesel", ""])
    assert [(i.line, i.column, i.message[:16]) for i in issues] == [
        (1, "Pesel", "nieznana kolumna")
    ]
    issues = header_issues(SHEET["wplaty"], ["klucz", "klucz_naleznosci", "data"])
    assert [(i.column, i.message) for i in issues] == [("kwota", "brak kolumny")]
