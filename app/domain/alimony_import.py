"""Many payouts or recoveries at once (issue 19 item 3): the lines the benefits system exports,
or a specialist pastes, read into entries with their errors, line by line. Pure: the service
resolves each line's debtor and saves nothing unless every line is right.

A line: PESEL or case number, date, amount — separated by a semicolon, a tab or a comma
(``44051401359;31.10.2026;500,00``; with commas, ``…,31.10.2026,500,00`` reads the last two
fields as one amount). A first line of column names is skipped; empty lines are ignored."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from app.domain.identifiers import IdentifierError, valid_pesel
from app.domain.money import AmountError, Grosze, parse_amount

MAX_LINES = 2000
_DATE = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})|(\d{4})-(\d{1,2})-(\d{1,2})")


@dataclass(frozen=True)
class ImportLine:
    number: int  # the line number in the text, from 1, as the specialist's editor shows it
    key: str  # PESEL or case number, as typed
    is_pesel: bool
    on: date | None
    amount: Grosze | None
    errors: tuple[str, ...]

    @property
    def ok(self) -> bool:
        return not self.errors


def _fields(line: str) -> list[str]:
    for sep in (";", "\t"):
        if sep in line:
            return [f.strip() for f in line.split(sep)]
    fields = [f.strip() for f in line.split(",")]
    if len(fields) == 4 and fields[3].isdigit() and len(fields[3]) <= 2:
        fields = [fields[0], fields[1], f"{fields[2]},{fields[3]}"]  # 500,00 split by the comma
    return fields


def parse_day(text: str) -> date:
    match = _DATE.fullmatch(text.strip())
    if match is None:
        raise ValueError(f"data „{text}”: podaj datę w postaci DD.MM.RRRR lub RRRR-MM-DD")
    d, m, y, y2, m2, d2 = match.groups()
    day, month, year = (int(d), int(m), int(y)) if d else (int(d2), int(m2), int(y2))
    try:
        return date(year, month, day)
    except ValueError:
        raise ValueError(f"nie ma dnia {day:02d}.{month:02d}.{year}") from None


def parse_money(text: str) -> Grosze:
    plain = re.sub(r"[\s\u00a0]", "", text).removesuffix("zł").replace(",", ".")
    try:
        return parse_amount(plain)
    except AmountError:
        raise ValueError(
            f"kwota „{text}”: podaj kwotę większą od zera, najwyżej dwa miejsca po przecinku"
        ) from None


def _line(number: int, raw: str) -> ImportLine:
    fields = _fields(raw)
    errors: list[str] = []
    if len(fields) != 3:
        return ImportLine(number, raw.strip()[:60], False, None, None, (
            f"oczekiwano 3 pól (PESEL lub numer sprawy; data; kwota), jest {len(fields)}",
        ))  # fmt: skip
    key, day_text, amount_text = fields
    is_pesel = key.isdigit() and len(key) == 11
    if not key:
        errors.append("brak numeru PESEL lub numeru sprawy")
    elif is_pesel:
        try:
            valid_pesel(key)
        except IdentifierError as exc:
            errors.append(str(exc))
    on = amount = None
    try:
        on = parse_day(day_text)
    except ValueError as exc:
        errors.append(str(exc))
    try:
        amount = parse_money(amount_text)
    except ValueError as exc:
        errors.append(str(exc))
    return ImportLine(number, key, is_pesel, on, amount, tuple(errors))


def _is_header(raw: str) -> bool:
    fields = _fields(raw)
    return len(fields) >= 2 and not any(c.isdigit() for c in fields[1])


def parse_lines(text: str) -> list[ImportLine]:
    """Every non-empty line with its entry or its errors (too many lines: an error of its own)."""
    lines = [(n, raw) for n, raw in enumerate(text.splitlines(), start=1) if raw.strip()]
    if lines and _is_header(lines[0][1]):
        lines = lines[1:]
    if len(lines) > MAX_LINES:
        return [ImportLine(0, "", False, None, None, (
            f"najwyżej {MAX_LINES} wierszy naraz, jest {len(lines)}: podziel plik",
        ))]  # fmt: skip
    return [_line(n, raw) for n, raw in lines]
