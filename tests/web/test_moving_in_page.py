"""Issue 21: the admin checks a portfolio file on /przeniesienie, reads the report, confirms."""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable

import httpx
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.models import Receivable
from tests.imports.test_api import _zip
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
    checked = await admin.post("/przeniesienie/proba", data={"csrf_token": token}, files=files)
    assert checked.status_code == 200, checked.text
    assert "Zatwierdź import" in checked.text
    assert "Saldo na dziś" in checked.text
    assert await session.scalar(select(func.count()).select_from(Receivable)) == 0
    waiting = re.search(r'name="token" value="([0-9a-f]{32})"', checked.text)
    assert waiting
    done = await admin.post(
        "/przeniesienie/zatwierdz",
        data={"csrf_token": token, "token": waiting[1], "file_name": "portfel.zip"},
    )
    assert done.status_code == 303
    assert await session.scalar(select(func.count()).select_from(Receivable)) == 3
    again = await admin.post(
        "/przeniesienie/zatwierdz",
        data={"csrf_token": token, "token": waiting[1], "file_name": "portfel.zip"},
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
    checked = await admin.post("/przeniesienie/proba", data={"csrf_token": token}, files=files)
    assert checked.status_code == 200
    assert "Nieprawidłowy numer PESEL" in checked.text
    assert "Zatwierdź import" not in checked.text
