"""The statements as files: Rb-N as PDF (letters/statements.py) and XLSX, the turnover as postings
for the general ledger (FK).

FK CSV layout (one posting per kind, component and movement of the period; the unit's accounts
per kind and component come from kind_booking):

    encoding UTF-8 without BOM, separator ";", line end CRLF, first row the header below;
    dates ISO (RRRR-MM-DD), amounts with a dot and two decimals ("1234.56"), no grouping.

    okres_od;okres_do;rodzaj;skladnik;dzial;rozdzial;paragraf;operacja;konto_wn;konto_ma;kwota;opis

    operacja   konto_wn              konto_ma              what
    BO         account               —                     opening balance (bilans otwarcia)
    PRZYPIS    account (221)         counter (720/750/760) charges: principal, costs, interest
    WPLATA     cash (130)            account (221)         payments received
    UMORZENIE  counter               account               write-offs by decision
    PRZEDAWN   counter               account               time-barred (off the books)
    NADPLATA   account               overpayment (240)     overpayments moved out of 221
    BZ         account               —                     closing balance (bilans zamknięcia)

Zero movements are left out. BO + PRZYPIS − WPLATA − UMORZENIE − PRZEDAWN + NADPLATA = BZ per
kind and component (app/reports/repository.py)."""

from __future__ import annotations

import asyncio
import csv
import io
from datetime import date

from fastapi import Response
from sqlalchemy.ext.asyncio import AsyncSession

from app import spreadsheet
from app.documents import service as document_service
from app.domain.money import format_amount, to_decimal
from app.reports import pictures, statements
from app.reports.repository import StatementRepository

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FK_HEADER = (
    "okres_od",
    "okres_do",
    "rodzaj",
    "skladnik",
    "dzial",
    "rozdzial",
    "paragraf",
    "operacja",
    "konto_wn",
    "konto_ma",
    "kwota",
    "opis",
)


def attachment(content: bytes, name: str, media: str) -> Response:
    return Response(
        content,
        media_type=media,
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


def _classification(r: object) -> str:
    parts = [getattr(r, "dzial", None), getattr(r, "rozdzial", None), getattr(r, "paragraf", None)]
    if not any(parts):
        return "(brak klasyfikacji)"
    return f"{parts[0] or ''} {parts[1] or ''} § {parts[2] or ''}".strip()


async def rb_n_file(session: AsyncSession, as_of: date, fmt: str) -> tuple[bytes, str, str]:
    found = await statements.rb_n(session, as_of)
    name = f"rb-n-{as_of.isoformat()}.{fmt}"
    if fmt == "xlsx":
        header = (
            "Rodzaj",
            "Nazwa",
            "Dział",
            "Rozdział",
            "Paragraf",
            "Liczba należności",
            "Należności (wartość nominalna)",
            "Liczba wymagalnych",
            "w tym wymagalne",
        )
        rows: list[list[spreadsheet.Cell]] = [
            [r.kind_code, r.label, r.dzial, r.rozdzial, r.paragraf, r.count,
             to_decimal(r.nominal), r.due_count, to_decimal(r.due)]
            for r in found.by_kind
        ]  # fmt: skip
        rows.append(
            ["Razem", None, None, None, None, found.count, to_decimal(found.nominal),
             found.due_count, to_decimal(found.due)]
        )  # fmt: skip
        return spreadsheet.to_xlsx(f"Rb-N {as_of.isoformat()}", header, rows), name, XLSX
    from letters.statements import RbNLine, render_rb_n

    lines = [
        RbNLine(r.label, _classification(r), r.count, r.nominal, r.due_count, r.due)
        for r in found.by_kind
    ]
    creditor = await document_service.creditor(session)
    charts = [d for _, _, d in statements.drawings(await statements.chart_data(session, as_of))]
    charts.append(pictures.titles_drawing(await pictures.titles_at_authorities(session)))
    pdf = await asyncio.to_thread(render_rb_n, lines, as_of, creditor, charts)
    return pdf, name, "application/pdf"


_FIELDS = (
    ("opening", "BO"),
    ("charges", "PRZYPIS"),
    ("payments", "WPLATA"),
    ("write_offs", "UMORZENIE"),
    ("time_barred", "PRZEDAWN"),
    ("corrections", "NADPLATA"),
    ("closing", "BZ"),
)


async def fk_csv(
    session: AsyncSession, start: date, end: date, kind: str | None
) -> tuple[bytes, str]:
    found = await statements.turnover(session, start, end, kind=kind)
    bookings = {
        (b.kind_code, b.component): b for b in await StatementRepository(session).bookings()
    }
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(FK_HEADER)
    for row in found.rows:
        b = bookings.get((row.key, row.component))
        acc = b.account if b else ""
        counter = b.counter_account if b else ""
        wn_ma = {
            "BO": (acc, ""),
            "PRZYPIS": (acc, counter),
            "WPLATA": (b.cash_account if b else "", acc),
            "UMORZENIE": (counter, acc),
            "PRZEDAWN": (counter, acc),
            "NADPLATA": (acc, b.overpayment_account if b else ""),
            "BZ": (acc, ""),
        }
        for attr, op in _FIELDS:
            value = getattr(row.movements, attr)
            if value == 0:
                continue
            wn, ma = wn_ma[op]
            writer.writerow(
                (
                    start.isoformat(),
                    end.isoformat(),
                    row.key,
                    row.component,
                    b.dzial if b else "",
                    b.rozdzial if b else "",
                    b.paragraf if b else "",
                    op,
                    wn,
                    ma,
                    format_amount(value),
                    f"{row.label} – {statements.COMPONENT_LABELS[row.component]}",
                )
            )
    return buffer.getvalue().encode("utf-8"), f"obroty-fk-{start.isoformat()}-{end.isoformat()}.csv"
