"""Polish number, amount-in-words and date formatting (letters/format.py): exact strings."""

from __future__ import annotations

from datetime import date

import pytest

from letters.format import (
    NBSP,
    amount,
    amount_words,
    amount_zl,
    csv_amount,
    day,
    esc,
    fee_zl,
    identifiers,
    long_date,
    nrb,
    percent,
    period,
    zloty_word,
)


@pytest.mark.parametrize(
    ("grosze", "expected"),
    [
        (0, "0,00"),
        (5, "0,05"),
        (12_345, "123,45"),
        (123_456, "1 234,56"),
        (100_000_000, "1 000 000,00"),
        (-12_345, "-123,45"),
    ],
)
def test_amount_groups_thousands_with_a_no_break_space(grosze: int, expected: str) -> None:
    assert amount(grosze) == expected.replace(" ", NBSP)


def test_amount_zl_and_fee() -> None:
    assert amount_zl(1_600) == f"16,00{NBSP}zł"
    assert fee_zl(10_000) == f"100{NBSP}zł"  # as the statute writes the 100 zł handling fee
    assert fee_zl(1_160) == f"11,60{NBSP}zł"


@pytest.mark.parametrize(
    ("grosze", "expected"),
    [(123_456, "1234,56"), (5, "0,05"), (0, "0,00"), (-100, "-1,00"), (100_000_000, "1000000,00")],
)
def test_csv_amount_has_a_decimal_comma_and_no_grouping(grosze: int, expected: str) -> None:
    assert csv_amount(grosze) == expected


@pytest.mark.parametrize(
    ("n", "word"),
    [
        (0, "złotych"),
        (1, "złoty"),
        (2, "złote"),
        (4, "złote"),
        (5, "złotych"),
        (11, "złotych"),
        (12, "złotych"),
        (14, "złotych"),
        (21, "złotych"),
        (22, "złote"),
        (24, "złote"),
        (25, "złotych"),
        (101, "złotych"),
        (102, "złote"),
        (112, "złotych"),
        (122, "złote"),
        (1000, "złotych"),
        (1002, "złote"),
        (1012, "złotych"),
    ],
)
def test_zloty_word_follows_polish_plural_rules(n: int, word: str) -> None:
    assert zloty_word(n) == word


@pytest.mark.parametrize(
    ("grosze", "words"),
    [
        (12_345, "sto dwadzieścia trzy złote 45/100"),
        (0, "zero złotych 00/100"),
        (100, "jeden złoty 00/100"),
        (101, "jeden złoty 01/100"),
        (500, "pięć złotych 00/100"),
        (1_400, "czternaście złotych 00/100"),
        (2_100, "dwadzieścia jeden złotych 00/100"),
        (2_250, "dwadzieścia dwa złote 50/100"),
        (15_145, "sto pięćdziesiąt jeden złotych 45/100"),
        (100_000, "tysiąc złotych 00/100"),
        (200_001, "dwa tysiące złotych 01/100"),
        (123_456, "tysiąc dwieście trzydzieści cztery złote 56/100"),
    ],
)
def test_amount_in_words(grosze: int, words: str) -> None:
    assert amount_words(grosze) == words


def test_amount_in_words_refuses_a_negative_amount() -> None:
    with pytest.raises(ValueError, match="nieujemna"):
        amount_words(-1)


def test_dates_rates_and_accounts() -> None:
    assert day(date(2026, 3, 2)) == "02.03.2026"
    assert long_date(date(2026, 11, 23)) == "23 listopada 2026 r."
    assert long_date(date(2026, 3, 2)) == "2 marca 2026 r."
    assert period(date(2026, 2, 28), date(2026, 2, 28)) == "28.02.2026"
    assert period(date(2026, 1, 1), date(2026, 1, 31)) == "01.01.2026 – 31.01.2026"
    assert period(None, date(2026, 1, 31)) == "31.01.2026"
    assert period(None, None) == "—"
    assert percent(1150) == "11,50%"
    assert percent(800) == "8,00%"
    assert nrb("12102010260000150201234567") == "12 1020 1026 0000 1502 0123 4567"
    assert nrb("PL12 1020 1026 0000 1502 0123 4567") == "12 1020 1026 0000 1502 0123 4567"
    assert nrb("DE89370400440532013000") == "DE89370400440532013000"  # not an NRB: as given


def test_identifiers_known_only_and_markup_escaped() -> None:
    assert identifiers("44051401359", None, "") == ["PESEL: 44051401359"]
    assert identifiers(None, None, None) == []
    assert esc("Kowalski & Syn <sp. j.>") == "Kowalski &amp; Syn &lt;sp. j.&gt;"
