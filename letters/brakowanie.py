"""Spis dokumentacji niearchiwalnej przeznaczonej do brakowania (issue 20 item 8): the list of
closed files whose retention period has run, sent with the unit's request for the consent of the
director of the state archive (ustawa o narodowym zasobie archiwalnym i archiwach art. 5 ust. 2;
the columns follow the spis of the zarządzenie NDAP of 20.05.1988, form Pu-A-33a: the file's
sign and title, its dates, category). No debtor's name or PESEL: the archive needs none."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from reportlab.platypus import Flowable

from app.domain.documents import Creditor
from letters.format import day, long_date
from letters.lists import Column, approvals, heading, table
from letters.pages import build_pdf
from letters.styles import Styles
from letters.textblocks import paragraphs


@dataclass(frozen=True, slots=True)
class SpisRow:
    reference: str
    kind: str
    category: str
    closed_on: date
    due_from: date


@dataclass(frozen=True, slots=True)
class RetentionSpis:
    creditor: Creditor
    number: str
    drawn_on: date
    rows: tuple[SpisRow, ...]


def story(s: RetentionSpis) -> list[Flowable]:
    numbered: Sequence[tuple[int, SpisRow]] = list(enumerate(s.rows, start=1))
    columns: list[Column[tuple[int, SpisRow]]] = [
        Column("Lp.", 10, lambda r: str(r[0])),
        Column("Znak sprawy", 34, lambda r: r[1].reference),
        Column("Tytuł teczki (rodzaj należności)", 70, lambda r: r[1].kind),
        Column("Data zakończenia sprawy", 26, lambda r: day(r[1].closed_on)),
        Column("Kategoria archiwalna", 20, lambda r: r[1].category),
        Column("Brakowanie od", 24, lambda r: day(r[1].due_from)),
    ]
    return [
        *heading(
            s.creditor,
            f"SPIS DOKUMENTACJI NIEARCHIWALNEJ PRZEZNACZONEJ DO BRAKOWANIA nr {s.number}",
            f"stan na dzień {long_date(s.drawn_on)}; liczba spraw: {len(s.rows)}",
            f"Spis do brakowania {s.number}",
        ),
        *paragraphs("spis_brakowania.txt", style=Styles.small, count=len(s.rows)),
        table(columns, numbered),
        approvals("Sporządził(a)", "Zatwierdził(a) – Kierownik jednostki"),
    ]


def render_spis(s: RetentionSpis) -> bytes:
    return build_pdf(
        story(s), title=f"Spis do brakowania {s.number}", author=s.creditor.name, wide=True
    )
