"""Lists, landscape A4: the register of executive titles (ewidencja tytułów wykonawczych) and the
year-end lists for the chief accountant – time-barred receivables to write off (seed 003 §5.3) and
alimony write-offs (art. 30 ust. 1 of the act on help for persons entitled to alimony)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Generic, TypeVar

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle

from app.domain.documents import Creditor, RegisterEntry
from letters.blocks import Lines, wrap_text
from letters.documents import AlimonyWriteOffRow, TimeBarredRow
from letters.format import amount, day, long_date
from letters.pages import Marker
from letters.styles import FONT, FONT_BOLD, GRID, SHADE, Styles
from letters.textblocks import paragraphs

Row = TypeVar("Row")
SIZE = 7.2
PAD = 3.0


@dataclass(frozen=True)
class Column(Generic[Row]):
    header: str
    width: float  # mm
    value: Callable[[Row], str]
    numeric: bool = False
    total: Callable[[Sequence[Row]], str] | None = None


def _wrap(text: str, width: float, font: str = FONT) -> str:
    return "\n".join(wrap_text(text, font, SIZE, width * mm - 2 * PAD))


LP_WIDTH = 9  # mm


def table(columns: Sequence[Column[Row]], rows: Sequence[Row]) -> Table:
    """A numbered list ("Lp." first): plain-text cells wrapped to the column, the header repeated on
    every page, the totals ("Razem") in the last row."""
    data = [["Lp.", *(_wrap(c.header, c.width, FONT_BOLD) for c in columns)]]
    data += [
        [str(i), *(_wrap(c.value(r), c.width) for c in columns)]
        for i, r in enumerate(rows, start=1)
    ]
    data.append(["", *(c.total(rows) if c.total else "" for c in columns)])
    data[-1][1] = "Razem"
    numeric = [i + 1 for i, c in enumerate(columns) if c.numeric]
    widths = [LP_WIDTH * mm, *(c.width * mm for c in columns)]
    result = Table(data, colWidths=widths, repeatRows=1, hAlign="LEFT")
    result.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), FONT, SIZE, SIZE * 1.2),
                ("FONT", (0, 0), (-1, 0), FONT_BOLD, SIZE, SIZE * 1.2),
                ("FONT", (0, -1), (-1, -1), FONT_BOLD, SIZE, SIZE * 1.2),
                ("BACKGROUND", (0, 0), (-1, 0), SHADE),
                ("BACKGROUND", (0, -1), (-1, -1), SHADE),
                ("GRID", (0, 0), (-1, -1), 0.4, GRID),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("ALIGN", (0, 1), (0, -1), "RIGHT"),
                ("LEFTPADDING", (0, 0), (-1, -1), PAD),
                ("RIGHTPADDING", (0, 0), (-1, -1), PAD),
                ("TOPPADDING", (0, 0), (-1, -1), 1.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
                *[("ALIGN", (i, 0), (i, -1), "RIGHT") for i in numeric],
            ]
        )
    )
    return result


def _sum(value: Callable[[Row], int]) -> Callable[[Sequence[Row]], str]:
    return lambda rows: amount(sum(value(r) for r in rows))


def heading(creditor: Creditor | None, caption: str, subtitle: str, label: str) -> list[Flowable]:
    top = [creditor.name, creditor.address.one_line()] if creditor else []
    return [
        Marker("", label),
        Lines(top, bold_first=True, size=8.5),
        Spacer(1, 3 * mm),
        Lines([caption], size=13, bold=True, align="center"),
        Lines([subtitle], size=9, align="center"),
        Spacer(1, 4 * mm),
    ]


def approvals(*who: str) -> Flowable:
    lines = [f"{person}: ………………………………………… (data, podpis)" for person in who]
    return KeepTogether([Spacer(1, 10 * mm), Lines(lines, size=8.5)])


def register_story(
    entries: Sequence[RegisterEntry], creditor: Creditor | None, as_of: date | None
) -> list[Flowable]:
    columns: list[Column[RegisterEntry]] = [
        Column("Numer tytułu", 24, lambda e: e.title_number),
        Column("Data wystawienia", 19, lambda e: day(e.issued_on)),
        Column("Zobowiązany", 45, lambda e: e.debtor_name),
        Column(
            "Należność główna", 22, lambda e: amount(e.principal), True, _sum(lambda e: e.principal)
        ),
        Column("Odsetki", 18, lambda e: amount(e.interest), True, _sum(lambda e: e.interest)),
        Column("Koszty", 16, lambda e: amount(e.costs), True, _sum(lambda e: e.costs)),
        Column(
            "Razem",
            22,
            lambda e: amount(e.principal + e.interest + e.costs),
            True,
            _sum(lambda e: e.principal + e.interest + e.costs),
        ),
        Column("Organ egzekucyjny", 40, lambda e: e.authority_name),
        Column("Nr przekazania", 22, lambda e: e.handoff_number or ""),
        Column("Zdarzenia", 24, lambda e: "; ".join(e.events)),
    ]
    state = f"stan na dzień {long_date(as_of)}" if as_of else f"liczba tytułów: {len(entries)}"
    return [
        *heading(
            creditor, "EWIDENCJA TYTUŁÓW WYKONAWCZYCH", state, "Ewidencja tytułów wykonawczych"
        ),
        table(columns, entries),
    ]


def time_barred_story(
    rows: Sequence[TimeBarredRow], year: int, creditor: Creditor
) -> list[Flowable]:
    columns: list[Column[TimeBarredRow]] = [
        Column("Dłużnik", 40, lambda r: r.debtor_name),
        Column("PESEL / NIP", 28, lambda r: r.debtor_id or ""),
        Column("Nr sprawy", 22, lambda r: r.reference),
        Column("Rodzaj należności", 36, lambda r: r.kind_label),
        Column("Termin płatności", 18, lambda r: day(r.due_date)),
        Column("Przedawniona od", 21, lambda r: day(r.time_barred_on)),
        Column(
            "Należność główna", 22, lambda r: amount(r.principal), True, _sum(lambda r: r.principal)
        ),
        Column("Odsetki", 18, lambda r: amount(r.interest), True, _sum(lambda r: r.interest)),
        Column("Koszty", 16, lambda r: amount(r.costs), True, _sum(lambda r: r.costs)),
        Column("Razem", 22, lambda r: amount(r.total), True, _sum(lambda r: r.total)),
    ]
    return [
        *heading(
            creditor,
            f"WYKAZ NALEŻNOŚCI PRZEDAWNIONYCH DO ODPISANIA – ROK {year}",
            "zestawienie dla Głównego Księgowego (kwoty w zł)",
            f"Należności przedawnione {year}",
        ),
        *paragraphs("lista_przedawnione.txt", style=Styles.small, year=year, count=len(rows)),
        table(columns, rows),
        approvals(
            "Sporządził(a)",
            "Sprawdził(a) – Główny Księgowy",
            "Zatwierdził(a) – Kierownik jednostki",
        ),
    ]


def alimony_story(
    rows: Sequence[AlimonyWriteOffRow], year: int, creditor: Creditor
) -> list[Flowable]:
    columns: list[Column[AlimonyWriteOffRow]] = [
        Column("Dłużnik alimentacyjny", 36, lambda r: r.debtor_name),
        Column("PESEL", 22, lambda r: r.pesel or ""),
        Column(
            "Okres skutecznej egzekucji",
            30,
            lambda r: f"{day(r.effective_from)} – {day(r.effective_to)}",
        ),
        Column("Lata / %", 15, lambda r: f"{r.years} / {r.percent}%", True),
        Column("Podstawa, decyzja", 38, lambda r: f"{r.legal_basis}; {_decision(r)}"),
        Column("Zadłużenie", 20, lambda r: amount(r.balance), True, _sum(lambda r: r.balance)),
        Column(
            "Fundusz: należność",
            19,
            lambda r: amount(r.fund_principal),
            True,
            _sum(lambda r: r.fund_principal),
        ),
        Column(
            "Fundusz: odsetki",
            17,
            lambda r: amount(r.fund_interest),
            True,
            _sum(lambda r: r.fund_interest),
        ),
        Column(
            "Zaliczka: należność",
            19,
            lambda r: amount(r.advance_principal),
            True,
            _sum(lambda r: r.advance_principal),
        ),
        Column(
            "Zaliczka: odsetki",
            17,
            lambda r: amount(r.advance_interest),
            True,
            _sum(lambda r: r.advance_interest),
        ),
        Column(
            "Umorzono razem", 19, lambda r: amount(r.write_off), True, _sum(lambda r: r.write_off)
        ),
    ]
    return [
        *heading(
            creditor,
            f"WYKAZ UMORZEŃ NALEŻNOŚCI ALIMENTACYJNYCH – ROK {year}",
            "zestawienie dla Głównego Księgowego (kwoty w zł)",
            f"Umorzenia alimentacyjne {year}",
        ),
        *paragraphs("lista_alimenty.txt", style=Styles.small, year=year, count=len(rows)),
        table(columns, rows),
        approvals(
            "Sporządził(a)",
            "Sprawdził(a) – Główny Księgowy",
            "Zatwierdził(a) – Kierownik jednostki",
        ),
    ]


def _decision(r: AlimonyWriteOffRow) -> str:
    if r.decision_number and r.decision_on:
        return f"{r.decision_number} z {day(r.decision_on)}"
    return r.decision_number or "do wydania"
