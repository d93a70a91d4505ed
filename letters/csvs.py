"""The year-end lists as CSV for a Polish spreadsheet (Excel, LibreOffice with the Polish locale):
UTF-8 with BOM (so Excel detects UTF-8), ";" as separator (the list separator of the Polish locale,
where "," is the decimal sign), CRLF line ends, amounts with a decimal comma and no grouping
("1234,56"), dates as DD.MM.YYYY (read as dates under the Polish locale). One header row, one row
per item, no totals row (a spreadsheet sums).

Identifiers and case numbers made only of digits and / . - (a PESEL "02270803628", a case "1/2026")
are written as ="…": a spreadsheet would otherwise read them as a number (dropping the leading zero,
showing 2,27E+09) or a date. Other user text that starts like a formula gets an apostrophe in front
(CSV injection; the apostrophe stays visible)."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Sequence

from letters.documents import AlimonyWriteOffRow, TimeBarredRow
from letters.format import csv_amount, day

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER_OR_DATE_LIKE = re.compile(r"[0-9][0-9 /.\-]*")


def text(value: str | None) -> str:
    """User text: never read as a formula, a number or a date."""
    value = value or ""
    if _NUMBER_OR_DATE_LIKE.fullmatch(value):
        return f'="{value}"'
    return "'" + value if value.startswith(_FORMULA_START) else value


def _csv(header: Sequence[str], rows: Iterable[Sequence[str]]) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=";", quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8-sig")


TIME_BARRED_HEADER = (
    "Lp.",
    "Dłużnik",
    "PESEL / NIP",
    "Nr sprawy",
    "Rodzaj należności",
    "Termin płatności",
    "Przedawniona od",
    "Należność główna",
    "Odsetki",
    "Koszty",
    "Razem",
)

ALIMONY_HEADER = (
    "Lp.",
    "Dłużnik alimentacyjny",
    "PESEL",
    "Skuteczna egzekucja od",
    "Skuteczna egzekucja do",
    "Lata",
    "Procent umorzenia",
    "Podstawa prawna",
    "Nr decyzji",
    "Data decyzji",
    "Zadłużenie",
    "Fundusz: należność główna",
    "Fundusz: odsetki",
    "Zaliczka: należność główna",
    "Zaliczka: odsetki",
    "Umorzono razem",
)


def csv_time_barred(rows: Iterable[TimeBarredRow]) -> bytes:
    return _csv(
        TIME_BARRED_HEADER,
        (
            (
                str(i),
                text(r.debtor_name),
                text(r.debtor_id),
                text(r.reference),
                text(r.kind_label),
                day(r.due_date),
                day(r.time_barred_on),
                csv_amount(r.principal),
                csv_amount(r.interest),
                csv_amount(r.costs),
                csv_amount(r.total),
            )
            for i, r in enumerate(rows, start=1)
        ),
    )


def csv_alimony(rows: Iterable[AlimonyWriteOffRow]) -> bytes:
    return _csv(
        ALIMONY_HEADER,
        (
            (
                str(i),
                text(r.debtor_name),
                text(r.pesel),
                day(r.effective_from),
                day(r.effective_to),
                str(r.years),
                str(r.percent),
                text(r.legal_basis),
                text(r.decision_number),
                day(r.decision_on) if r.decision_on else "",
                csv_amount(r.balance),
                csv_amount(r.fund_principal),
                csv_amount(r.fund_interest),
                csv_amount(r.advance_principal),
                csv_amount(r.advance_interest),
                csv_amount(r.write_off),
            )
            for i, r in enumerate(rows, start=1)
        ),
    )
