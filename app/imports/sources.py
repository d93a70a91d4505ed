"""Where the sheets come from and go to: a directory of CSV files, one ZIP of them, or one XLSX
workbook (a worksheet per sheet, named like the CSV file without .csv). Rows are read
one at a time (flat memory), each time a pass asks for them. A ZIP is opened with bounds: only the
known sheet names, a ceiling on each member's unpacked size and on its packing ratio, checked
while it unpacks (a member lying about its size stops at the ceiling), so a ZIP bomb ends in a
Polish error, not in a full disk or memory.

An XLSX workbook is a ZIP too: its members' sizes and packing ratios are checked the same way
before openpyxl opens it (zipfile then stops each member at its declared size, failing on the CRC
if it lied), and it is read streaming (read_only, values only). Its cells become the same text a
CSV cell would be (cell_text): a number cell goes through its shortest decimal repr, never through
float arithmetic, so 1.005 stays 1.005 and is refused as an amount with three decimals."""

from __future__ import annotations

import csv
import io
import tempfile
import zipfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime, time
from decimal import Decimal
from pathlib import Path
from typing import IO, Any

from openpyxl import Workbook, load_workbook  # type: ignore[import-untyped]
from openpyxl.utils.exceptions import InvalidFileException  # type: ignore[import-untyped]

from app.domain.portfolio_sheets import SHEET, SHEETS
from app.errors import Invalid

DELIMITER = ";"
MAX_MEMBER = 2 * 1024**3  # 2 GB of CSV: far above 300 000 payments (about 20 MB)
MAX_RATIO = 200  # CSV packs 5-15 times; a bomb packs a thousand times and more
MAX_MEMBERS = 32
MAX_XLSX_MEMBERS = 64  # a workbook's parts: a worksheet per sheet, styles, strings, relations
DESCRIPTION_SHEET = "OPIS"  # the template's description; ignored on import
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
csv.field_size_limit(64 * 1024)


class Source:
    """The sheets present, each readable as often as needed. A workbook is opened once and kept
    open until close() (openpyxl reads the workbook, its strings and every sheet's extent on
    opening: once, not at each pass over a sheet); use it as a context manager. Its worksheets
    are parsed once: the first pass over a sheet writes the cells' text to a temporary CSV file
    as it goes, the later passes read that (openpyxl's parsing costs several times the CSV's)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.is_zip = path.is_file()
        self.is_xlsx = self.is_zip and is_xlsx(path)
        self._book: Any = None
        self._file: IO[bytes] | None = None
        self._spool: tempfile.TemporaryDirectory[str] | None = None
        self._spooled: set[str] = set()
        if self.is_xlsx:
            try:
                self.names = _xlsx_sheets(self._workbook())
            except BaseException:
                self.close()
                raise
        elif self.is_zip:
            self.names = _zip_sheets(path)
        elif path.is_dir():
            self.names = {p.stem for p in path.glob("*.csv") if p.stem in SHEET}
        else:
            raise Invalid(f"Nie ma pliku ani katalogu {path.name}", field="file")
        if not self.names:
            known = ", ".join(f"{s.name}.csv" for s in SHEETS)
            raise Invalid(
                f"Nie znaleziono żadnego arkusza (oczekiwane pliki: {known})", field="file"
            )

    def __enter__(self) -> Source:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def close(self) -> None:
        if self._spool is not None:
            self._spool.cleanup()
            self._spool, self._spooled = None, set()
        if self._book is not None:
            self._book.close()
            self._book = None
        if self._file is not None:
            self._file.close()
            self._file = None

    def _workbook(self) -> Any:
        if self._book is None:
            _xlsx_checked(self.path)
            # A file object, not the path: openpyxl judges a path by its suffix, and an upload
            # waits under a name of our own.
            self._file = self.path.open("rb")
            try:
                self._book = load_workbook(self._file, read_only=True, data_only=True)
            except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError, ValueError):
                raise Invalid("Plik nie jest poprawnym skoroszytem XLSX", field="file") from None
        return self._book

    def _xlsx(self, sheet: str) -> Iterator[tuple[int, list[str], dict[str, str | None]]]:
        if self._spool is None:
            self._spool = tempfile.TemporaryDirectory(prefix="windykacja-skoroszyt-")
        path = Path(self._spool.name) / f"{sheet}.csv"
        if sheet in self._spooled:
            with path.open(encoding="utf-8", newline="") as f:
                reader = csv.reader(f)
                header = next(reader)
                for line, *cells in reader:
                    yield int(line), header, dict(zip(header, cells, strict=False))  # type: ignore[misc]
            return
        with path.open("w", encoding="utf-8", newline="") as f:
            writer = csv.writer(f)
            header: list[str] | None = None
            for line, head, row in _xlsx_rows(self._workbook(), sheet):
                if header is None:
                    header = head
                    writer.writerow(header)
                writer.writerow([line, *(row.get(h) or "" for h in header)])
                yield line, head, row
            if header is None:
                writer.writerow([])
        self._spooled.add(sheet)  # only once the whole sheet went through

    @contextmanager
    def _open(self, sheet: str) -> Iterator[IO[bytes]]:
        if not self.is_zip:
            with (self.path / f"{sheet}.csv").open("rb") as f:
                yield f
            return
        with zipfile.ZipFile(self.path) as zf:
            info = next(i for i in zf.infolist() if _sheet_of(i.filename) == sheet)
            with zf.open(info) as raw:
                yield _Bounded(raw, info)  # type: ignore[misc]

    def rows(self, sheet: str) -> Iterator[tuple[int, list[str], dict[str, str | None]]]:
        """(line, header, row): the header is line 1."""
        if sheet not in self.names:
            return
        if self.is_xlsx:
            yield from self._xlsx(sheet)
            return
        with self._open(sheet) as binary:
            text = io.TextIOWrapper(binary, encoding="utf-8-sig", newline="")
            try:
                reader = csv.DictReader(text, delimiter=DELIMITER)
                header = [h.strip() for h in reader.fieldnames or []]
                reader.fieldnames = header
                for row in reader:
                    yield reader.line_num, header, row  # type: ignore[misc]
            except UnicodeDecodeError:
                raise Invalid(f"Arkusz {sheet}: plik nie jest zapisany w UTF-8") from None
            except (zipfile.BadZipFile, zlib.error, EOFError):  # a CRC or size that does not match
                raise Invalid(f"Arkusz {sheet}: plik w archiwum jest uszkodzony") from None
            except csv.Error as exc:
                raise Invalid(f"Arkusz {sheet}: błędny CSV ({exc})") from None


def _sheet_of(name: str) -> str | None:
    stem = Path(name).name
    return stem[:-4] if stem.endswith(".csv") and stem[:-4] in SHEET else None


def _zip_sheets(path: Path) -> set[str]:
    try:
        with zipfile.ZipFile(path) as zf:
            infos = [i for i in zf.infolist() if not i.is_dir()]
    except zipfile.BadZipFile:
        raise Invalid("Plik nie jest archiwum ZIP z arkuszami CSV", field="file") from None
    if len(infos) > MAX_MEMBERS:
        raise Invalid(f"Archiwum ma za dużo plików ({len(infos)})", field="file")
    names = set()
    for info in infos:
        sheet = _sheet_of(info.filename)
        if sheet is None:
            raise Invalid(f"Nieznany plik w archiwum: {info.filename}", field="file")
        if sheet in names:
            raise Invalid(f"Arkusz {sheet} występuje w archiwum dwa razy", field="file")
        _check_size(info, info.file_size)
        names.add(sheet)
    return names


def _check_size(info: zipfile.ZipInfo, size: int) -> None:
    if size > MAX_MEMBER or size > max(info.compress_size, 1024 * 1024) * MAX_RATIO:
        raise Invalid(
            f"Plik {info.filename} w archiwum rozpakowuje się do zbyt wielkiego rozmiaru",
            field="file",
        )


class _Bounded(io.RawIOBase):
    """A member's stream that stops at the ceiling, whatever its header declared."""

    def __init__(self, raw: IO[bytes], info: zipfile.ZipInfo) -> None:
        self.raw, self.info, self.seen = raw, info, 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        data = self.raw.read(len(buffer))
        self.seen += len(data)
        _check_size(self.info, max(self.seen, self.info.file_size))
        if self.seen > self.info.file_size:
            raise Invalid(f"Plik {self.info.filename} w archiwum jest uszkodzony", field="file")
        buffer[: len(data)] = data
        return len(data)


def is_xlsx(path: Path) -> bool:
    """A workbook, whatever its name says: a ZIP with the workbook part (an upload waits under
    a name of our own)."""
    try:
        with zipfile.ZipFile(path) as zf:
            return "xl/workbook.xml" in zf.namelist()
    except zipfile.BadZipFile:
        return False


def _xlsx_checked(path: Path) -> None:
    with zipfile.ZipFile(path) as zf:
        infos = zf.infolist()
    if len(infos) > MAX_XLSX_MEMBERS:
        raise Invalid(f"Skoroszyt ma za dużo części ({len(infos)})", field="file")
    total = 0
    for info in infos:
        _check_size(info, info.file_size)
        total += info.file_size
    if total > MAX_MEMBER:
        raise Invalid("Skoroszyt rozpakowuje się do zbyt wielkiego rozmiaru", field="file")


def _xlsx_sheets(wb: Any) -> set[str]:
    titles = [t.strip() for t in wb.sheetnames]
    names = set()
    for title in titles:
        if title == DESCRIPTION_SHEET:
            continue
        if title not in SHEET:
            known = ", ".join(s.name for s in SHEETS)
            raise Invalid(
                f"Nieznany arkusz w skoroszycie: {title} (dozwolone: {known})", field="file"
            )
        names.add(title)
    return names


def _xlsx_rows(wb: Any, sheet: str) -> Iterator[tuple[int, list[str], dict[str, str | None]]]:
    ws = next(wb[t] for t in wb.sheetnames if t.strip() == sheet)
    header: list[str] = []
    try:
        for line, values in enumerate(ws.iter_rows(values_only=True), start=1):
            cells = [cell_text(v) for v in values]
            if line == 1:
                header = [c.strip() for c in cells]
                while header and not header[-1]:
                    header.pop()
                continue
            if not any(c.strip() for c in cells):
                continue  # an empty row (Excel keeps formatted ones)
            yield line, header, dict(zip(header, cells, strict=False))  # type: ignore[misc]
    except (zipfile.BadZipFile, zlib.error, EOFError):
        raise Invalid(f"Arkusz {sheet}: skoroszyt jest uszkodzony") from None


def cell_text(value: object) -> str:
    """An XLSX cell as the text its CSV cell would be. A number goes through repr (the shortest
    decimal that reads back as the same double: what Excel wrote) into Decimal, never through
    float arithmetic; a date cell is RRRR-MM-DD; TRUE/FALSE are tak/nie."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "tak" if value else "nie"
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time() else value.isoformat(" ")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            return str(value)
        return format(Decimal(repr(value)), "f")
    return str(value)


def write_csv(target: IO[str], header: list[str], rows: Iterator[list[str]]) -> None:
    writer = csv.writer(target, delimiter=DELIMITER, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)


def template_zip() -> bytes:
    """Every sheet with its header only, and the description of the columns."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        for sheet in SHEETS:
            text = io.StringIO()
            write_csv(text, sheet.header, iter([]))
            zf.writestr(f"{sheet.name}.csv", "\ufeff" + text.getvalue())
        zf.writestr("OPIS.txt", description())
    return buffer.getvalue()


def template_xlsx(target: IO[bytes]) -> None:
    """One workbook: a worksheet per sheet with its header, and OPIS with the description."""
    wb = Workbook(write_only=True)
    for sheet in SHEETS:
        ws = wb.create_sheet(sheet.name)
        ws.append(sheet.header)
    opis = wb.create_sheet(DESCRIPTION_SHEET)
    for line in description().splitlines():
        opis.append([line])
    wb.save(target)


def description() -> str:
    lines = [
        "Arkusze importu portfela (CSV, UTF-8, separator ';', pierwszy wiersz: nazwy kolumn),"
        " albo jeden skoroszyt XLSX: arkusz na każdy plik, nazwany jak plik bez .csv, te same"
        " kolumny; komórki liczbowe i datowe są przyjmowane, identyfikatory (PESEL, NIP)"
        " wpisuj jako tekst.",
        "Kwoty 1234.56 (albo 1234,56), najwyżej dwa miejsca po przecinku; daty RRRR-MM-DD.",
        "Każdy wiersz ma klucz z poprzedniego systemu: ponowny import tego samego klucza nic nie"
        " zmienia. * = kolumna wymagana.",
        "",
    ]
    for sheet in SHEETS:
        lines.append(f"{sheet.name}.csv — {sheet.label}")
        for c in sheet.columns:
            extra = f" ({', '.join(c.choices)})" if c.choices and len(c.choices) < 9 else ""
            note = f": {c.label}" if c.label else ""
            lines.append(f"  {c.name}{' *' if c.required else ''}{note}{extra}")
        lines.append("")
    return "\n".join(lines)
