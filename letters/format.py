"""Polish formatting for documents: amounts (grosze → "1 234,56 zł" and in words), dates, rates,
bank accounts, and escaping of user text for reportlab Paragraph markup.

Amounts stay integers to the end: no float, no Decimal rounding here (STYLE rule 11)."""

from __future__ import annotations

import re
from datetime import date
from xml.sax.saxutils import escape

from babel.dates import format_date
from num2words import num2words  # type: ignore[import-untyped]

NBSP = "\u00a0"  # keeps "1 234,56 zł" on one line; DejaVu Sans has the glyph


def _group(whole: int, sep: str) -> str:
    digits = str(whole)
    head = len(digits) % 3 or 3
    parts = [digits[:head]] + [digits[i : i + 3] for i in range(head, len(digits), 3)]
    return sep.join(parts)


def amount(grosze: int) -> str:
    """12345678 → "123 456,78" (Polish grouping with a no-break space, decimal comma)."""
    sign = "-" if grosze < 0 else ""
    whole, frac = divmod(abs(grosze), 100)
    return f"{sign}{_group(whole, NBSP)},{frac:02d}"


def amount_zl(grosze: int) -> str:
    return f"{amount(grosze)}{NBSP}zł"


def fee_zl(grosze: int) -> str:
    """A statutory fee as the statute writes it: 10000 → "100 zł"; 1160 → "11,60 zł"."""
    whole, frac = divmod(grosze, 100)
    return f"{_group(whole, NBSP)}{NBSP}zł" if frac == 0 else amount_zl(grosze)


def csv_amount(grosze: int) -> str:
    """123456 → "1234,56": decimal comma, no grouping, so a Polish spreadsheet reads a number."""
    sign = "-" if grosze < 0 else ""
    whole, frac = divmod(abs(grosze), 100)
    return f"{sign}{whole},{frac:02d}"


def zloty_word(n: int) -> str:
    """The form of "złoty" that follows the number n in Polish: 1 złoty, 2–4 złote (but 12–14
    złotych), 22–24 złote, otherwise złotych (0, 5–21, 25–31, 100 …)."""
    if n == 1:
        return "złoty"
    if n % 10 in (2, 3, 4) and n % 100 not in (12, 13, 14):
        return "złote"
    return "złotych"


def amount_words(grosze: int) -> str:
    """12345 → "sto dwadzieścia trzy złote 45/100" (the form used on Polish payment documents)."""
    if grosze < 0:
        raise ValueError(f"Kwota słownie musi być nieujemna, podano {grosze} gr")
    whole, frac = divmod(grosze, 100)
    return f"{num2words(whole, lang='pl')} {zloty_word(whole)} {frac:02d}/100"


def day(value: date) -> str:
    """2026-11-23 → "23.11.2026"."""
    return f"{value.day:02d}.{value.month:02d}.{value.year}"


def long_date(value: date) -> str:
    """2026-11-23 → "23 listopada 2026 r." (month in the genitive, from CLDR via babel)."""
    return f"{format_date(value, 'd MMMM y', locale='pl_PL')} r."


def period(start: date | None, end: date | None) -> str:
    if start is None or end is None:
        only = start or end
        return "—" if only is None else day(only)
    return day(start) if start == end else f"{day(start)} – {day(end)}"


def percent(basis_points: int) -> str:
    """1150 → "11,50%" (a rate in basis points of a percent)."""
    whole, frac = divmod(basis_points, 100)
    return f"{whole},{frac:02d}%"


def nrb(account: str) -> str:
    """A 26-digit NRB grouped as printed on Polish documents: "12 3456 7890 1234 5678 9012 3456".
    Anything else (an IBAN with letters, a foreign account) is printed as given."""
    digits = re.sub(r"[\s-]", "", account)
    if digits.upper().startswith("PL"):
        digits = digits[2:]
    if not re.fullmatch(r"\d{26}", digits):
        return account
    return " ".join([digits[:2]] + [digits[i : i + 4] for i in range(2, 26, 4)])


def esc(text: object) -> str:
    """User text for reportlab Paragraph markup: & < > would otherwise be read as markup."""
    return escape(str(text))


def identifier_pairs(
    pesel: str | None, nip: str | None, regon: str | None
) -> list[tuple[str, str]]:
    """("PESEL", …), ("NIP", …), ("REGON", …) for the numbers that are known, in that order."""
    known = (("PESEL", pesel), ("NIP", nip), ("REGON", regon))
    return [(label, value.strip()) for label, value in known if value and value.strip()]


def identifiers(pesel: str | None, nip: str | None, regon: str | None) -> list[str]:
    """["PESEL: …", "NIP: …", "REGON: …"] for the numbers that are known; none known → []."""
    return [f"{label}: {value}" for label, value in identifier_pairs(pesel, nip, regon)]
