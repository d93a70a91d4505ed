"""Issue 21: the portfolio as one XLSX workbook (openpyxl): a worksheet per sheet, number and date
cells taken exactly, the same bounds as a ZIP, the template as a workbook."""

from __future__ import annotations

import io
import zipfile
from datetime import date, datetime

import httpx
import pytest
from openpyxl import Workbook, load_workbook  # type: ignore[import-untyped]
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.domain.portfolio import CellError, parse_amount
from app.domain.portfolio_sheets import SHEET
from app.imports import sources
from app.imports.sources import cell_text
from app.models import Debtor, Payment
from tests.imports import portfolio

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _cell(kind: str, text: str) -> object:
    """As a spreadsheet holds it: amounts as numbers, dates as dates, the rest as text."""
    if not text:
        return None
    if kind in ("amount", "amount0"):
        return float(text.replace(",", "."))
    if kind in ("date", "term"):
        return datetime.fromisoformat(text)
    return text


def workbook(sheets: dict[str, list[str]] | None = None, **extra: list[list[object]]) -> bytes:
    wb = Workbook()
    assert wb.active is not None
    wb.remove(wb.active)
    for name, lines in (sheets or portfolio.SHEETS).items():
        ws = wb.create_sheet(name)
        header = lines[0].split(";")
        kinds = {c.name: c.kind for c in SHEET[name].columns}
        ws.append(header)
        for line in lines[1:]:
            cells = line.split(";")
            ws.append([_cell(kinds[h], c) for h, c in zip(header, cells, strict=False)])
    for name, rows in extra.items():
        ws = wb.create_sheet(name)
        for row in rows:
            ws.append(row)
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


async def _send(api: httpx.AsyncClient, data: bytes, **params: str) -> httpx.Response:
    files = {"file": ("portfel.xlsx", data, XLSX)}
    return await api.post("/api/v1/imports", files=files, params=params)


def test_a_number_cell_is_read_through_its_decimal_repr_not_float_arithmetic() -> None:
    assert cell_text(250.0) == "250.0"
    assert parse_amount(cell_text(250.0), allow_zero=False) == 25000
    assert parse_amount(cell_text(1234.56), allow_zero=False) == 123456
    assert cell_text(0.1 + 0.2) == "0.30000000000000004"  # what the cell really holds
    with pytest.raises(CellError, match="więcej niż dwa miejsca"):
        parse_amount(cell_text(1.005), allow_zero=False)  # not rounded to 1.00 or 1.01
    assert cell_text(1e-05) == "0.00001"
    assert cell_text(44051401359) == "44051401359"
    assert cell_text(datetime(2025, 3, 3)) == "2025-03-03"
    assert cell_text(date(2025, 3, 3)) == "2025-03-03"
    assert cell_text(True) == "tak"
    assert cell_text(None) == ""


async def test_a_workbook_is_checked_then_imported_like_the_csv_sheets(
    api: httpx.AsyncClient, session: AsyncSession
) -> None:
    data = workbook(OPIS=[["opis arkuszy, pomijany"]])
    dry = await _send(api, data, dry_run="true")
    assert dry.status_code == 200, dry.text
    body = dry.json()
    assert body["ok"], body
    assert body["created"]["naleznosci"] == 3
    assert body["figures"]["states"] == {"zaplacona": 1, "tytul_wykonawczy": 1, "wystawiona": 1}
    done = await _send(api, data)
    assert done.status_code == 201, done.text
    assert await session.scalar(select(func.count()).select_from(Debtor)) == 4
    # W1: 250.00 typed as a number cell, paid on a date cell.
    paid = (await session.execute(select(Payment.paid_on, Payment.amount))).all()
    assert [tuple(p) for p in paid] == [(date(2025, 3, 20), 25000)]
    again = await _send(api, data)
    assert set(again.json()["created"].values()) == {0}


async def test_a_number_cell_with_three_decimals_refuses_the_workbook(
    api: httpx.AsyncClient, session: AsyncSession
) -> None:
    sheets = {
        **portfolio.SHEETS,
        "wplaty": [*portfolio.SHEETS["wplaty"], "W2;N1;2025-03-21;1.005;"],
    }
    r = await _send(api, workbook(sheets))
    assert r.status_code == 422
    assert r.json()["errors"] == [
        {
            "sheet": "wplaty",
            "line": 3,
            "field": "kwota",
            "message": "kwota „1.005” ma więcej niż dwa miejsca po przecinku",
        }
    ]
    assert await session.scalar(select(func.count()).select_from(Debtor)) == 0


async def test_a_workbook_bomb_and_unknown_sheets_are_refused(
    api: httpx.AsyncClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    r = await _send(api, workbook(Arkusz1=[["x"]]))
    assert r.status_code == 422
    assert "Nieznany arkusz w skoroszycie: Arkusz1" in r.json()["detail"]
    # An XLSX is a ZIP: its parts are bounded before openpyxl opens it (ratio lowered here).
    monkeypatch.setattr(sources, "MAX_RATIO", 4)
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "dluznicy"
    ws.append(["klucz", "nazwa"])
    for _i in range(60_000):
        ws.append(["D", "0" * 100])
    buffer = io.BytesIO()
    wb.save(buffer)
    r = await _send(api, buffer.getvalue())
    assert r.status_code == 422
    assert "zbyt wielkiego rozmiaru" in r.json()["detail"], r.json()
    r = await _send(api, b"PK\x03\x04 broken")
    assert r.status_code == 422
    old = await api.post("/api/v1/imports", files={"file": ("portfel.xls", b"\xd0\xcf", "x")})
    assert old.status_code == 422
    assert "zapisz go jako XLSX" in old.json()["detail"]


async def test_the_template_as_a_workbook(api: httpx.AsyncClient) -> None:
    r = await api.get("/api/v1/imports/template", params={"format": "xlsx"})
    assert r.status_code == 200
    assert r.headers["content-type"] == XLSX
    wb = load_workbook(io.BytesIO(r.content), read_only=True)
    assert wb.sheetnames[-1] == "OPIS"
    header = next(wb["wplaty"].iter_rows(values_only=True))
    assert list(header)[:5] == ["klucz", "klucz_naleznosci", "data", "kwota", "tytul"]
    assert zipfile.is_zipfile(io.BytesIO(r.content))
