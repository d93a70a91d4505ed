"""A list as a spreadsheet: CSV (semicolons and a BOM, as Excel in a Polish locale opens it) and
XLSX. The XLSX is written here, a zip of five XML parts of ECMA-376 (SpreadsheetML, inline
strings, numbers as numbers), so the list needs no new dependency. Text cells that would start a
formula are prefixed with an apostrophe (CSV injection, OWASP), as app/postbook/en.py does."""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from xml.sax.saxutils import escape

Cell = str | int | Decimal | date | None
_FORMULA = ("=", "+", "-", "@", "\t", "\r")


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


def to_csv(header: Sequence[str], rows: Sequence[Sequence[Cell]]) -> bytes:
    buffer = io.StringIO()
    out = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    out.writerow(header)
    out.writerows([_text(c) for c in row] for row in rows)
    return buffer.getvalue().encode("utf-8-sig")


def _column(index: int) -> str:
    name = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = chr(65 + rest) + name
    return name


def _xml_cell(ref: str, cell: Cell) -> str:
    if cell is None:
        return ""
    if isinstance(cell, (int, Decimal)):
        return f'<c r="{ref}" s="{2 if isinstance(cell, Decimal) else 0}"><v>{cell}</v></c>'
    if isinstance(cell, date):
        serial = (cell - date(1899, 12, 30)).days  # the spreadsheet's day number
        return f'<c r="{ref}" s="1"><v>{serial}</v></c>'
    return (
        f'<c r="{ref}" t="inlineStr"><is><t xml:space="preserve">{escape(plain(cell))}</t></is></c>'
    )


def _sheet(header: Sequence[str], rows: Sequence[Sequence[Cell]]) -> str:
    lines = []
    for r, row in enumerate([list(header), *rows], start=1):
        cells = "".join(_xml_cell(f"{_column(c)}{r}", v) for c, v in enumerate(row))
        lines.append(f'<row r="{r}">{cells}</row>')
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" '
        'activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>'
        f"<sheetData>{''.join(lines)}</sheetData></worksheet>"
    )


_XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
_PKG = "http://schemas.openxmlformats.org/package/2006"
_DOC = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_SML = "application/vnd.openxmlformats-officedocument.spreadsheetml"


def _override(part: str, kind: str) -> str:
    return f'<Override PartName="{part}" ContentType="{_SML}.{kind}+xml"/>'


def _relationships(*links: tuple[str, str]) -> str:
    rels = "".join(
        f'<Relationship Id="rId{i}" Type="{_DOC}/{kind}" Target="{target}"/>'
        for i, (kind, target) in enumerate(links, start=1)
    )
    return f'{_XML}<Relationships xmlns="{_PKG}/relationships">{rels}</Relationships>'


_CONTENT_TYPES = (
    f'{_XML}<Types xmlns="{_PKG}/content-types">'
    '<Default Extension="rels" '
    'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    + _override("/xl/workbook.xml", "sheet.main")
    + _override("/xl/worksheets/sheet1.xml", "worksheet")
    + _override("/xl/styles.xml", "styles")
    + "</Types>"
)
_RELS = _relationships(("officeDocument", "xl/workbook.xml"))
_WORKBOOK_RELS = _relationships(("worksheet", "worksheets/sheet1.xml"), ("styles", "styles.xml"))
# Cell styles: 0 general, 1 a date dd.mm.yyyy, 2 an amount with two decimals.
_STYLES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    '<numFmts count="1"><numFmt numFmtId="164" formatCode="dd.mm.yyyy"/></numFmts>'
    '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>'
    '<fills count="2"><fill><patternFill patternType="none"/></fill>'
    '<fill><patternFill patternType="gray125"/></fill></fills>'
    '<borders count="1"><border/></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    '<xf numFmtId="4" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    "</cellXfs></styleSheet>"
)


def to_xlsx(title: str, header: Sequence[str], rows: Sequence[Sequence[Cell]]) -> bytes:
    workbook = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        f'<sheets><sheet name="{escape(title[:31])}" sheetId="1" r:id="rId1"/></sheets></workbook>'
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", _CONTENT_TYPES)
        z.writestr("_rels/.rels", _RELS)
        z.writestr("xl/workbook.xml", workbook)
        z.writestr("xl/_rels/workbook.xml.rels", _WORKBOOK_RELS)
        z.writestr("xl/styles.xml", _STYLES)
        z.writestr("xl/worksheets/sheet1.xml", _sheet(header, rows))
    return buffer.getvalue()
