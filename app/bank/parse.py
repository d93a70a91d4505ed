"""Bank statements → lines: MT940 (the `mt-940` package) and the CSV that Polish banks export."""

from __future__ import annotations

import csv
import hashlib
import io
import re
from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation

import mt940

from app.domain.money import MAX_GROSZE, round_to_grosz
from app.schemas import day_problem


class StatementError(ValueError):
    """A file that is not a statement we can read; the message says why, in Polish."""


@dataclass(frozen=True, slots=True)
class StatementLine:
    booked_on: date
    amount: int  # grosze; negative for debits
    title: str
    counterparty: str
    bank_ref: str
    key: str  # stable identity of the line: the same line imported twice has the same key


def parse_statement(content: bytes) -> tuple[str, list[StatementLine]]:
    text = _decode(content)
    if ":61:" in text and ":20:" in text:
        return "mt940", _keyed(_mt940(text))
    return "csv", _keyed(_csv(text))


def _decode(content: bytes) -> str:
    for encoding in ("utf-8-sig", "cp1250"):
        try:
            return content.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise StatementError("Nie można odczytać pliku (kodowanie inne niż UTF-8 i Windows-1250)")


def _mt940(text: str) -> list[tuple[date, int, str, str, str]]:
    try:
        transactions = mt940.parse(text)
    except Exception as exc:  # the parser raises many kinds; all mean "not a valid MT940"
        raise StatementError(f"Nieprawidłowy plik MT940: {type(exc).__name__}") from exc
    rows = []
    for number, t in enumerate(transactions, start=1):
        data = t.data
        amount = _mt940_amount(data["amount"].amount, number)
        details = str(data.get("transaction_details") or "").replace("\n", "")
        ref = str(data.get("bank_reference") or data.get("customer_reference") or "")
        day = data["date"]
        rows.append(
            (
                date(day.year, day.month, day.day),
                amount,
                _title_of(details),
                _counterparty_of(details),
                ref,
            )
        )
    return rows


def _mt940_amount(value: object, number: int) -> int:
    where = f"Transakcja {number} (pole :61:)"
    try:
        exact = Decimal(str(value))
    except InvalidOperation:
        raise StatementError(f"{where}: nieprawidłowa kwota") from None
    if not exact.is_finite():
        raise StatementError(f"{where}: nieprawidłowa kwota")
    return _bounded(round_to_grosz(exact * 100), where)


_FIELDS = {
    "date": ("data operacji", "data księgowania", "data ksiegowania", "data transakcji", "data"),
    "amount": ("kwota", "kwota operacji", "kwota transakcji"),
    "title": ("tytuł", "tytul", "tytuł operacji", "opis", "opis operacji", "tytułem"),
    "counterparty": (
        "nadawca",
        "kontrahent",
        "nadawca / odbiorca",
        "dane kontrahenta",
        "nazwa nadawcy",
    ),
    "ref": ("numer referencyjny", "nr referencyjny", "identyfikator transakcji", "id transakcji"),
}


def _csv(text: str) -> list[tuple[date, int, str, str, str]]:
    # newline="" as the csv module asks: a bare CR inside a quoted title is data, not a line end.
    delimiter = ";" if text.count(";") >= text.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        rows = [r for r in reader if any(cell.strip() for cell in r)]
    except csv.Error as exc:
        raise StatementError(f"Nieprawidłowy plik CSV: {exc}") from exc
    if not rows:
        raise StatementError("Pusty plik")
    header = [h.strip().lower() for h in rows[0]]
    where = {
        f: next((header.index(n) for n in names if n in header), None)
        for f, names in _FIELDS.items()
    }
    if where["date"] is None or where["amount"] is None or where["title"] is None:
        raise StatementError(
            "Plik CSV musi mieć kolumny: data, kwota i tytuł (nagłówek w pierwszym wierszu)"
        )

    def cell(row: list[str], f: str) -> str:
        i = where[f]
        return row[i].strip() if i is not None and i < len(row) else ""

    out = []
    for n, row in enumerate(rows[1:], start=2):
        out.append(
            (
                _date(cell(row, "date"), n),
                _amount(cell(row, "amount"), n),
                cell(row, "title"),
                cell(row, "counterparty"),
                cell(row, "ref"),
            )
        )
    return out


def _date(value: str, line: int) -> date:
    for fmt in ("%Y-%m-%d", "%d.%m.%Y", "%d-%m-%Y"):
        try:
            day = datetime.strptime(value, fmt).date()
        except ValueError:
            continue
        if problem := day_problem(day):
            raise StatementError(f"Wiersz {line}: {problem}")
        return day
    raise StatementError(f"Wiersz {line}: nieprawidłowa data {value[:40]!r}")


# Issue 15 items 6 and 11: an amount as banks write it, "1 234,56", "-15,00", "1234.56",
# "1.234,56" — never an exponent ("1E3" was booked as 1000.00 zł), "NaN" or "Infinity" (a 500).
_CSV_AMOUNT = re.compile(r"[+-]?\d{1,12}(?:[.,]\d{1,2})?")


def _amount(value: str, line: int) -> int:
    cleaned = re.sub(r"[\s\u00a0]|PLN|zł", "", value, flags=re.IGNORECASE)
    if "," in cleaned and "." in cleaned:  # 1.234,56: the dot groups thousands
        cleaned = cleaned.replace(".", "")
    if not _CSV_AMOUNT.fullmatch(cleaned):
        raise StatementError(
            f"Wiersz {line}: nieprawidłowa kwota {value[:40]!r} (oczekiwano np. 1 234,56)"
        )
    return _bounded(round_to_grosz(Decimal(cleaned.replace(",", ".")) * 100), f"Wiersz {line}")


def _bounded(grosze: int, where: str) -> int:
    if abs(grosze) > MAX_GROSZE:
        raise StatementError(f"{where}: kwota poza dopuszczalnym zakresem")
    return grosze


# Polish banks put the title and the sender into :86: subfields (~20..~25 title, ~32/~33 name).
_SUB = re.compile(r"[~^?](\d{2})")


def _subfields(details: str) -> dict[str, str]:
    parts = _SUB.split(details)
    if len(parts) < 3:
        return {}
    fields: dict[str, str] = {}
    for code, value in zip(parts[1::2], parts[2::2], strict=False):
        fields[code] = fields.get(code, "") + value
    return fields


def _title_of(details: str) -> str:
    # Banks cut a long title into ~20..~25 at fixed widths: the pieces are joined as they are, and
    # a space marks the cut so that a reference at the end of one piece stays a word.
    fields = _subfields(details)
    title = " ".join(fields[str(c)] for c in range(20, 26) if fields.get(str(c)))
    return (title or details).strip()


def _counterparty_of(details: str) -> str:
    fields = _subfields(details)
    return (fields.get("32", "") + fields.get("33", "")).strip()


def _keyed(rows: list[tuple[date, int, str, str, str]]) -> list[StatementLine]:
    """The key is the bank's reference when there is one; otherwise the line's content and its
    occurrence number in the file, so two equal transfers on one day stay two lines."""
    seen: Counter[tuple[date, int, str, str]] = Counter()
    out = []
    for booked_on, amount, title, counterparty, ref in rows:
        content = (booked_on, amount, " ".join(title.split()).lower(), counterparty.lower())
        seen[content] += 1
        basis = f"ref:{ref}" if ref and ref.upper() != "NONREF" else f"{content}#{seen[content]}"
        key = hashlib.sha256(basis.encode()).hexdigest()
        out.append(StatementLine(booked_on, amount, title, counterparty, ref, key))
    return out
