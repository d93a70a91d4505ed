"""Issue 21: the admin checks a portfolio file on /przeniesienie, reads the report, confirms."""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable

import httpx
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.imports import jobs
from app.models import Receivable
from tests.imports.test_api import _zip
from tests.imports.test_xlsx import XLSX, workbook
from tests.web.conftest import csrf_of


async def test_check_then_confirm(
    as_role: Callable[[str], Awaitable[httpx.AsyncClient]], session: AsyncSession
) -> None:
    admin = await as_role("admin")
    page = await admin.get("/przeniesienie")
    assert page.status_code == 200
    assert "naleznosci.csv" in page.text  # the sheets are described on the page
    token = await csrf_of(admin, "/przeniesienie")
    files = {"file": ("portfel.zip", _zip(), "application/zip")}
    started = await admin.post("/przeniesienie/proba", data={"csrf_token": token}, files=files)
    assert started.status_code == 303
    # The job ran after the redirect went out (the test transport waits for it).
    checked = await admin.get(started.headers["location"])
    assert checked.status_code == 200, checked.text
    assert "Refresh" not in checked.headers  # finished: no more refreshing
    assert "Zatwierdź import" in checked.text
    assert "Saldo na dziś" in checked.text
    assert await session.scalar(select(func.count()).select_from(Receivable)) == 0
    waiting = re.search(r'name="token" value="([0-9a-f]{32})"', checked.text)
    assert waiting
    done = await admin.post(
        "/przeniesienie/zatwierdz", data={"csrf_token": token, "token": waiting[1]}
    )
    assert done.status_code == 303
    imported = await admin.get(done.headers["location"])
    assert "Zaimportowano plik portfel.zip" in imported.text
    assert await session.scalar(select(func.count()).select_from(Receivable)) == 3
    again = await admin.post(
        "/przeniesienie/zatwierdz", data={"csrf_token": token, "token": waiting[1]}
    )
    assert again.status_code == 422
    assert "wygasł" in again.text


async def test_a_bad_file_shows_its_errors_and_no_confirmation(
    as_role: Callable[[str], Awaitable[httpx.AsyncClient]],
) -> None:
    admin = await as_role("admin")
    token = await csrf_of(admin, "/przeniesienie")
    sheets = {"dluznicy": ["klucz;nazwa;pesel", "D1;Jan;44051401358"]}
    files = {"file": ("portfel.zip", _zip(sheets), "application/zip")}
    started = await admin.post("/przeniesienie/proba", data={"csrf_token": token}, files=files)
    checked = await admin.get(started.headers["location"])
    assert "Nieprawidłowy numer PESEL" in checked.text
    assert "Zatwierdź import" not in checked.text


async def test_the_progress_page_refreshes_until_the_job_is_done(
    as_role: Callable[[str], Awaitable[httpx.AsyncClient]],
) -> None:
    admin = await as_role("admin")
    job = jobs.register(jobs.new_id(), "portfel.zip", dry_run=True, actor="admin")
    job.progress("zapis: wplaty", 3000)
    page = await admin.get(f"/przeniesienie/postep/{job.id}")
    assert page.headers["Refresh"] == "2"
    assert "zapis: wplaty: 3000 wierszy" in page.text
    assert (await admin.get("/przeniesienie/postep/" + "f" * 32)).status_code == 404


async def test_a_workbook_is_checked_on_the_page_and_the_export_comes_as_one(
    as_role: Callable[[str], Awaitable[httpx.AsyncClient]],
) -> None:
    admin = await as_role("admin")
    token = await csrf_of(admin, "/przeniesienie")
    files = {"file": ("portfel.xlsx", workbook(), XLSX)}
    started = await admin.post("/przeniesienie/proba", data={"csrf_token": token}, files=files)
    assert started.status_code == 303
    checked = await admin.get(started.headers["location"])
    assert "Raport sprawdzenia pliku portfel.xlsx" in checked.text
    assert "Zatwierdź import" in checked.text
    for url in ("/przeniesienie/eksport?format=xlsx", "/przeniesienie/szablon?format=xlsx"):
        r = await admin.get(url)
        assert (r.status_code, r.headers["content-type"]) == (200, XLSX), url
