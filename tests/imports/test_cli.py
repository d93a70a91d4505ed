"""Issue 21: `windykacja import PATH [--dry-run]` and `windykacja export DIR`."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook  # type: ignore[import-untyped]

from app import cli
from app.config import get_settings
from tests.imports import portfolio
from tests.imports.test_xlsx import workbook


@pytest.fixture
def database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    url = f"sqlite+aiosqlite:///{tmp_path}/przeniesienie.db"
    monkeypatch.setenv("DATABASE_URL", url)
    get_settings.cache_clear()
    yield url
    get_settings.cache_clear()


@pytest.mark.usefixtures("database")
def test_import_dry_run_import_again_and_export(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sheets = portfolio.write(tmp_path / "arkusze")
    assert cli.main(["import", str(sheets), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Próba (nic nie zapisano) pliku arkusze")
    assert "  Należności: 3 do utworzenia" in out
    assert cli.main(["import", str(sheets)]) == 0
    assert "Numeracja wezwanie 2025: dalej od 9" in capsys.readouterr().out
    assert cli.main(["import", str(sheets)]) == 0
    assert (
        "Należności: 0 do utworzenia (pominięte, już zaimportowane: 3)" in capsys.readouterr().out
    )
    assert cli.main(["export", str(tmp_path / "eksport")]) == 0
    assert "naleznosci.csv: 3 wierszy" in capsys.readouterr().out
    assert (tmp_path / "eksport" / "wplaty.csv").read_text(encoding="utf-8-sig").splitlines() == [
        "klucz;klucz_naleznosci;data;kwota;tytul;data_storna;przyczyna_storna",
        "W1;N1;2025-03-20;250.00;Pobyt marzec;;",
    ]


@pytest.mark.usefixtures("database")
def test_errors_go_to_stderr_and_nothing_is_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = {
        **portfolio.SHEETS,
        "naleznosci": [*portfolio.SHEETS["naleznosci"], "N9;D7;x;y;1;2025-01-01;;;;;;;;"],
    }
    assert cli.main(["import", str(portfolio.write(tmp_path / "zle", bad))]) == 1
    err = capsys.readouterr().err
    assert "Import: 2 błędów, nic nie zapisano." in err
    assert (
        "arkusz naleznosci, wiersz 5, kolumna klucz_dluznika: nie ma zobowiązanego o kluczu „D7”"
        in err
    )
    assert cli.main(["export", str(tmp_path / "eksport")]) == 0
    assert "dluznicy.csv: 0 wierszy" in capsys.readouterr().out


@pytest.mark.usefixtures("database")
def test_import_a_workbook_and_export_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    book = tmp_path / "portfel.xlsx"
    book.write_bytes(workbook())
    assert cli.main(["import", str(book), "--dry-run"]) == 0
    assert "  Należności: 3 do utworzenia" in capsys.readouterr().out
    assert cli.main(["import", str(book)]) == 0
    capsys.readouterr()
    assert cli.main(["export", str(tmp_path / "eksport"), "--xlsx"]) == 0
    out = capsys.readouterr().out
    assert f"{tmp_path / 'eksport' / 'portfel.xlsx'} [naleznosci]: 3 wierszy" in out
    wb = load_workbook(tmp_path / "eksport" / "portfel.xlsx", read_only=True)
    rows = [r[:5] for r in wb["wplaty"].iter_rows(values_only=True)]
    wb.close()
    # The amount a number cell with two decimals, the day a date cell.
    assert rows == [
        ("klucz", "klucz_naleznosci", "data", "kwota", "tytul"),
        ("W1", "N1", datetime(2025, 3, 20), 250, "Pobyt marzec"),
    ]
