"""The backup on the scheduler page and over the API (issue 14, item 6): the last copy and a failed
attempt shown to every role that sees the page, "Wykonaj kopię teraz" for the administrator only."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from app.backup import files
from app.migrations import head_revision
from app.models import SweepRun
from tests.web.conftest import post_form


@pytest.fixture
def settings(settings, tmp_path):
    return settings.model_copy(update={"backup_dir": str(tmp_path / "kopie"), "backup_keep": 5})


async def test_the_admin_makes_a_copy_and_the_page_shows_it(as_role, settings):
    admin = await as_role("admin")
    page = (await admin.get("/przeglady")).text
    assert "Kopia zapasowa bazy danych" in page
    assert "W katalogu kopii nie ma jeszcze żadnej kopii." in page
    assert "przechowywanych jest 5 najnowszych kopii" in page

    r = await post_form(admin, "/przeglady/kopia", page="/przeglady")
    assert (r.status_code, r.headers["location"]) == (303, "/przeglady")
    [copy] = files.copies(Path(settings.backup_dir))
    page = (await admin.get("/przeglady")).text
    assert f"Zapisano kopię zapasową bazy danych: {copy.name} (" in page  # the flash
    assert f"Ostatnia kopia: <strong>{copy.made_at:%d.%m.%Y %H:%M}</strong>" in page
    assert "kopia zapasowa bazy danych</td>" in page  # its run in the history
    assert str(Path(settings.backup_dir).resolve()) in page  # where: for the admin


async def test_other_roles_see_the_backup_but_cannot_make_one(as_role, settings):
    accountant = await as_role("ksiegowy")
    page = (await accountant.get("/przeglady")).text
    assert "Kopia zapasowa bazy danych" in page
    assert "Wykonaj kopię teraz" not in page
    assert str(Path(settings.backup_dir).resolve()) not in page
    r = await post_form(accountant, "/przeglady/kopia", page="/przeglady")
    assert r.status_code == 403
    assert files.copies(Path(settings.backup_dir)) == []


async def test_a_failed_night_is_shown_in_red_with_its_reason(as_role, session):
    session.add(
        SweepRun(
            job="backup",
            as_of=date(2026, 11, 23),
            started_at=datetime(2026, 11, 23, 2, 0, tzinfo=UTC),
            finished_at=datetime(2026, 11, 23, 2, 0, 1, tzinfo=UTC),
            details="",
            error="Nie znaleziono programu pg_dump (w katalogach PATH).",
            triggered_by="scheduler",
        )
    )
    await session.flush()
    page = (await (await as_role("specjalista")).get("/przeglady")).text
    assert '<p class="error">Ostatnia próba (' in page
    assert "nie powiodła się: Nie znaleziono programu pg_dump (w katalogach PATH)." in page


async def test_the_api_lists_the_copies_and_makes_one(api, settings):
    status = (await api.get("/api/v1/backups")).json()
    assert status == {
        "directory": str(Path(settings.backup_dir).resolve()),
        "keep": 5,
        "nightly": True,
        "copies": [],
        "last_run": None,
    }
    r = await api.post("/api/v1/backups")
    assert r.status_code == 201, r.text
    made = r.json()
    assert made["revision"] == head_revision()
    assert made["as_of"] == "2026-11-23"
    status = (await api.get("/api/v1/backups")).json()
    assert [c["name"] for c in status["copies"]] == [made["name"]]
    assert status["copies"][0]["size"] == made["size"] > 0
    assert status["last_run"]["job"] == "backup"
    assert status["last_run"]["triggered_by"] == "admin"
