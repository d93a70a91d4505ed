"""Issue 21 item 4: the import over the API (dry run, commit, refusals) and the template."""

from __future__ import annotations

import io
import zipfile

import httpx
import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.domain.collation import fold, sort_key
from app.imports import sources
from app.models import Debtor, DebtorName
from tests.imports import portfolio


def _zip(sheets: dict[str, list[str]] | None = None) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, lines in (sheets or portfolio.SHEETS).items():
            zf.writestr(f"{name}.csv", "\n".join(lines) + "\n")
    return buffer.getvalue()


async def _send(api: httpx.AsyncClient, data: bytes, **params: str) -> httpx.Response:
    files = {"file": ("portfel.zip", data, "application/zip")}
    return await api.post("/api/v1/imports", files=files, params=params)


async def _debtors(session: AsyncSession) -> int:
    return int(await session.scalar(select(func.count()).select_from(Debtor)) or 0)


async def test_dry_run_then_commit_then_again(
    api: httpx.AsyncClient, session: AsyncSession
) -> None:
    dry = await _send(api, _zip(), dry_run="true")
    assert dry.status_code == 200, dry.text
    body = dry.json()
    assert body["ok"]
    assert body["dry_run"]
    assert body["created"]["naleznosci"] == 3
    assert body["figures"]["states"] == {"zaplacona": 1, "tytul_wykonawczy": 1, "wystawiona": 1}
    assert await _debtors(session) == 0
    done = await _send(api, _zip())
    assert done.status_code == 201, done.text
    assert done.json()["created"]["dluznicy"] == 4
    assert await _debtors(session) == 4
    # The imported debtors are found by the list's name search and sorted in Polish order
    # (issue 19 item 2): their sort key and folded name are derived as a form's would be.
    rows = (
        await session.execute(
            select(Debtor.name, DebtorName.name_key, DebtorName.name_folded).join(DebtorName)
        )
    ).all()
    assert len(rows) == 4
    assert all((key, folded) == (sort_key(name), fold(name)) for name, key, folded in rows)
    again = await _send(api, _zip())
    assert again.status_code == 201
    assert set(again.json()["created"].values()) == {0}
    assert await _debtors(session) == 4


async def test_errors_refuse_the_whole_file(api: httpx.AsyncClient, session: AsyncSession) -> None:
    sheets = {
        **portfolio.SHEETS,
        "wplaty": [*portfolio.SHEETS["wplaty"], "W2;N1;2025-03-21;1.005;"],
    }
    r = await _send(api, _zip(sheets))
    assert r.status_code == 422
    assert r.headers["content-type"] == "application/problem+json"
    assert r.json()["errors"] == [
        {
            "sheet": "wplaty",
            "line": 3,
            "field": "kwota",
            "message": "kwota „1.005” ma więcej niż dwa miejsca po przecinku",
        }
    ]
    assert await _debtors(session) == 0
    dry = await _send(api, _zip(sheets), dry_run="true")
    assert dry.status_code == 200
    assert dry.json()["error_count"] == 1


async def test_a_zip_bomb_and_strangers_are_refused(
    api: httpx.AsyncClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The ceiling is a packing ratio of 200 (above 1 MB); lowered here so that the bomb is small.
    monkeypatch.setattr(sources, "MAX_RATIO", 4)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("dluznicy.csv", b"klucz;nazwa\n" + b"0" * (8 * 1024 * 1024))
    assert len(buffer.getvalue()) < 1024 * 1024  # 8 MB packed into some kB
    r = await _send(api, buffer.getvalue())
    assert r.status_code == 422
    assert "zbyt wielkiego rozmiaru" in r.json()["detail"]
    r = await _send(api, _zip({"../../etc/passwd": ["x"]}))
    assert r.status_code == 422
    assert "Nieznany plik" in r.json()["detail"]
    r = await _send(api, b"not a zip")
    assert r.status_code == 422
    assert "nie jest archiwum ZIP" in r.json()["detail"]


async def test_the_template_has_every_sheet_and_its_description(api: httpx.AsyncClient) -> None:
    r = await api.get("/api/v1/imports/template")
    assert r.status_code == 200
    with zipfile.ZipFile(io.BytesIO(r.content)) as zf:
        names = set(zf.namelist())
        header = zf.read("wplaty.csv").decode("utf-8-sig")
        opis = zf.read("OPIS.txt").decode()
    assert {"dluznicy.csv", "naleznosci.csv", "tytuly.csv", "alimenty_odzyskane.csv"} <= names
    assert header == "klucz;klucz_naleznosci;data;kwota;tytul;data_storna;przyczyna_storna\r\n"
    assert "klucz_naleznosci *" in opis


async def test_the_import_takes_bodies_above_the_usual_ceiling(api: httpx.AsyncClient) -> None:
    big = b"0" * (11 * 1024 * 1024)  # above the 10 MB every other route takes (app/limits.py)
    r = await _send(api, big)
    assert r.status_code == 422  # read whole, then found not to be a ZIP
    assert "nie jest archiwum ZIP" in r.json()["detail"]
    files = {"file": ("wyciag.sta", big, "text/plain")}
    assert (await api.post("/api/v1/bank-statements", files=files)).status_code == 413
