"""Lists and statements as spreadsheets: CSV (semicolons and a BOM, as Excel in a Polish locale
opens it) and XLSX, written with openpyxl (the stack's XLSX library). Amounts are numbers with two
decimals, dates are dates shown dd.mm.rrrr. Text that would start a formula is prefixed with an
apostrophe (CSV injection, OWASP), in both formats, as app/postbook/en.py does: openpyxl would
otherwise store a text starting with "=" as a formula."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Sequence
from datetime import date
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font

Cell = str | int | Decimal | date | None
_FORMULA = ("=", "+", "-", "@", "\t", "\r")
_TITLE_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")
AMOUNT_FORMAT = "#,##0.00"
DATE_FORMAT = "DD.MM.YYYY"


def plain(value: str) -> str:
    """A text a spreadsheet shows as text, never runs as a formula."""
    return "'" + value if value.startswith(_FORMULA) else value


def _text(cell: Cell) -> str:
    if cell is None:
        return ""
    if isinstance(cell, date):
        return cell.strftime("%d.%m.%Y")
    if isinstance(cell, Decimal):
        return f"{cell:.2f}".replace(".", ",")
    if isinstance(cell, int):
        return str(cell)
    return plain(cell)


def to_csv(header: Sequence[str], rows: Iterable[Sequence[Cell]]) -> bytes:
    buffer = io.StringIO()
    out = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    out.writerow(header)
    out.writerows([_text(c) for c in row] for row in rows)
    return buffer.getvalue().encode("utf-8-sig")


def to_xlsx(title: str, header: Sequence[str], rows: Iterable[Sequence[Cell]]) -> bytes:
    """One sheet named `title` (cut to the 31 characters a sheet name may have), a bold header
    row, then the rows; written in openpyxl's write-only mode, row by row."""
    book = Workbook(write_only=True)
    sheet = book.create_sheet(_TITLE_FORBIDDEN.sub(" ", title)[:31] or "Arkusz")
    bold = Font(bold=True)
    heading = []
    for name in header:
        cell = WriteOnlyCell(sheet, value=_safe(name))
        cell.font = bold
        heading.append(cell)
    sheet.append(heading)
    for row in rows:
        sheet.append([_cell(sheet, value) for value in row])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _safe(text: str) -> str:
    """Text as a cell may hold it: no control characters (openpyxl refuses them), no formula."""
    return plain(ILLEGAL_CHARACTERS_RE.sub("", text))


def _cell(sheet: object, value: Cell) -> WriteOnlyCell | None:
    if value is None:
        return None
    if isinstance(value, Decimal):
        cell = WriteOnlyCell(sheet, value=value)
        cell.number_format = AMOUNT_FORMAT
        return cell
    if isinstance(value, date):
        cell = WriteOnlyCell(sheet, value=value)
        cell.number_format = DATE_FORMAT
        return cell
    if isinstance(value, int):
        return WriteOnlyCell(sheet, value=value)
    return WriteOnlyCell(sheet, value=_safe(value))
