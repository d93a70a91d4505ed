"""`windykacja sweep --as-of … --job …` runs a job by hand with a progress bar on stderr."""

from __future__ import annotations

import pytest

from app import cli
from app.config import get_settings


@pytest.fixture
def fresh_database(tmp_path, monkeypatch):
    monkeypatch.setenv("DATABASE_URL", f"sqlite+aiosqlite:///{tmp_path}/cli.db")
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


@pytest.mark.usefixtures("fresh_database")
def test_sweep_by_hand_draws_its_progress_and_prints_the_counts(capsys):
    assert cli.main(["sweep", "--as-of", "2025-03-20"]) == 0
    out, err = capsys.readouterr()
    # Issue 19 item 4: Polish date, plural form and labels, no programmer words.
    assert out == (
        "Przegląd dzienny na dzień 20.03.2025: zmieniono 0 należności (po terminie płatności: "
        "0, niezapłacona rata: 0, przedawnione: 0, nowe do tytułu wykonawczego: 0)\n"
    )
    assert "[##############################] 5/5 nowe do tytułu wykonawczego" in err
    assert "] 1/5 po terminie płatności" in err
    assert "] 4/5 zawiadomienia" in err


@pytest.mark.usefixtures("fresh_database")
def test_a_sweep_for_a_day_to_come_is_refused_and_nothing_is_run(capsys, tmp_path):
    # The instalment rule's window (app/sweeps/rules.py) counts on no run being for a later day.
    assert cli.main(["sweep", "--as-of", "2999-01-04"]) == 2
    assert "Przeglądu nie można uruchomić na dzień z przyszłości (2999-01-04" in (
        capsys.readouterr().err
    )
    assert not (tmp_path / "cli.db").exists()  # not even migrated


@pytest.mark.usefixtures("fresh_database")
def test_sweep_by_hand_runs_the_archive_job(capsys):
    assert cli.main(["sweep", "--as-of", "2025-05-11", "--job", "archive"]) == 0
    assert capsys.readouterr().out.startswith("Archiwum na dzień 11.05.2025: zmieniono 0")
