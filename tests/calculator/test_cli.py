"""`windykacja calc` prints the same breakdown as the API."""

import argparse
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from app import cli
from app.calculator.cli import render, request_of
from app.calculator.service import calculate
from app.config import get_settings


async def test_calc_table_shows_periods_allocations_and_totals(session):
    args = argparse.Namespace(
        kind="oplata_pobyt",
        principal="1000.00",
        due_date="2024-03-15",
        payout=[],
        payment=["2024-05-10:300.00"],
        cost=[],
        as_of="2025-01-01",
    )
    request = request_of(args)
    assert request.as_of == date(2025, 1, 1)
    calc = await calculate(session, request)
    text = render(request, calc.result, calc.term_note)
    assert "2024-03-16  2025-01-01" in text
    assert "Przedawnienie od:              2027-05-11" in text
    assert "Saldo:" in text


@pytest.fixture
def database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    url = f"sqlite+aiosqlite:///{tmp_path}/kalkulator.db"
    monkeypatch.setenv("DATABASE_URL", url)
    get_settings.cache_clear()
    yield url
    get_settings.cache_clear()


@pytest.mark.usefixtures("database")
def test_calc_of_an_alimony_payout_of_2010(capsys):
    # Issue 16: `windykacja calc` for a fund payout of 2010-05-10 used to die with a traceback;
    # now the three periods (13 %, 8 %, 7 %, each to the grosz) and 376.51 zł as of 2016-12-31.
    code = cli.main(
        ["calc", "--kind", "fundusz_alimentacyjny", "--payout", "2010-05-10:500.00"]
        + ["--as-of", "2016-12-31"]
    )
    out = capsys.readouterr().out
    assert code == 0
    assert "2010-05-11  2014-12-22          500.00     13.00  1687      300.42" in out
    assert "2014-12-23  2015-12-31          500.00      8.00   374       40.99" in out
    assert "2016-01-01  2016-12-31          500.00      7.00   366       35.10" in out
    assert "Odsetki:                           376.51" in out


@pytest.mark.usefixtures("database")
def test_calc_names_a_missing_rate_without_a_traceback(capsys):
    code = cli.main(
        ["calc", "--kind", "fundusz_alimentacyjny", "--payout", "2003-06-10:500.00"]
        + ["--as-of", "2004-01-01"]
    )
    captured = capsys.readouterr()
    assert code == 2
    assert captured.err.startswith("błąd: Brak parametru „stawka odsetek ustawowych")
    assert "(odsetki_ustawowe_za_opoznienie) obowiązującego w dniu 11.06.2003" in captured.err
    assert "Traceback" not in captured.err


@pytest.mark.usefixtures("database")
def test_calc_moves_a_saturday_term_as_the_card_does(capsys):
    # OP art. 12 §5
    code = cli.main(
        ["calc", "--principal", "1000.00", "--due-date", "2024-03-16", "--as-of", "2024-05-10"]
    )
    out = capsys.readouterr().out
    assert code == 0
    assert "Termin płatności 2024-03-16 przypadał w sobotę: upływa 2024-03-18" in out
    assert "2024-03-19  2024-05-10         1000.00     14.50    53       21.05" in out
