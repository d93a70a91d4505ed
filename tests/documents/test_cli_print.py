"""`windykacja print …` (issue 5: "the same from the CLI"): one issued document, the day's
reminders in one PDF with a progress bar, the year-end lists as PDF or CSV. A refusal is one
Polish line on stderr, exit code 1, and no file.

The data are entered through the API of an app on its own database file (committed, as in real
use), then the CLI reads that database like an operator at the server would."""

from __future__ import annotations

import asyncio
from datetime import date
from pathlib import Path

import httpx
import pytest

from app import cli
from app.config import Settings, get_settings
from app.main import create_app
from app.migrations import upgrade
from tests.conftest import ADMIN_PASSWORD, token_for
from tests.factories import create_debtor, create_receivable, deliver, sweep
from tests.letters.pdfcheck import normalise, text


async def _enter_a_reminder(url: str) -> tuple[int, int]:
    """A receivable of 250.00 (demand WZ/1/2025), due 2025-03-20, its reminder UP/1/2025 issued
    2025-04-01; returns (demand id, reminder id)."""
    settings = Settings(environment="test", database_url=url, admin_password=ADMIN_PASSWORD)
    app = create_app(settings, clock=lambda: date(2025, 4, 1))
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as api:
            token = await token_for(api, "admin", ADMIN_PASSWORD)
            api.headers["Authorization"] = f"Bearer {token}"
            r = await create_receivable(api, await create_debtor(api))
            await deliver(api, r["id"], "wezwanie", "2025-03-05")
            await sweep(api, "2025-03-20")
            rem = await api.post(
                f"/api/v1/receivables/{r['id']}/reminders", json={"issued_on": "2025-04-01"}
            )
            assert rem.status_code == 201, rem.text
            return r["documents"][0]["id"], rem.json()["id"]


@pytest.fixture
def database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    url = f"sqlite+aiosqlite:///{tmp_path}/druk.db"
    upgrade(url)
    monkeypatch.setenv("DATABASE_URL", url)
    monkeypatch.setenv("WINDYKACJA_ADMIN_PASSWORD", ADMIN_PASSWORD)
    monkeypatch.chdir(tmp_path)
    get_settings.cache_clear()
    yield url  # type: ignore[misc]
    get_settings.cache_clear()


def test_print_a_document_the_days_reminders_and_a_year_end_list(database, tmp_path, capsys):
    demand, reminder = asyncio.run(_enter_a_reminder(database))

    assert cli.main(["print", "document", str(reminder)]) == 0
    body = normalise(text((tmp_path / "UP-1-2025.pdf").read_bytes()))
    assert "UPOMNIENIE" in body
    assert "UP/1/2025" in body
    assert "250,00 zł" in body

    out = tmp_path / "wezwanie.pdf"
    assert cli.main(["print", "document", str(demand), "-o", str(out)]) == 0
    assert "WZ/1/2025" in normalise(text(out.read_bytes()))

    capsys.readouterr()
    assert cli.main(["print", "reminders", "--issued-on", "2025-04-01"]) == 0
    err = capsys.readouterr().err
    assert "[##############################] 1/1 upomnienia" in err
    assert "Upomnienia z dnia 01.04.2025: 1" in err
    assert "UP/1/2025" in normalise(text((tmp_path / "upomnienia-2025-04-01.pdf").read_bytes()))

    assert cli.main(["print", "year-end", "--year", "2025", "--format", "csv"]) == 0
    csv = (tmp_path / "przedawnione-2025.csv").read_bytes()
    assert csv.startswith("\ufeff".encode())  # UTF-8 with BOM: opens right in a Polish spreadsheet
    assert cli.main(["print", "year-end", "--year", "2025", "--list", "alimony"]) == 0
    assert (tmp_path / "umorzenia-alimentacyjne-2025.pdf").read_bytes().startswith(b"%PDF-")


@pytest.mark.usefixtures("database")
def test_a_refusal_is_one_line_and_writes_no_file(tmp_path, capsys):
    assert cli.main(["print", "document", "999999", "-o", "x.pdf"]) == 1
    assert capsys.readouterr().err.strip() == "Nie ma dokumentu o identyfikatorze 999999"
    assert cli.main(["print", "reminders", "--issued-on", "2025-04-02", "-o", "u.pdf"]) == 1
    assert "Brak upomnień wystawionych w dniu 2025-04-02" in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["druk.db"]
