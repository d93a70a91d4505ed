"""The chief accountant's statements on paper (issue 22): the Rb-N figures per kind, as of a day,
with the totals and the signatures (sporządził, główny księgowy, kierownik jednostki)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, PageBreak, Spacer

from app.domain.documents import Creditor
from letters.format import amount, long_date
from letters.lists import Column, _sum, approvals, heading, table
from letters.pages import build_pdf


@dataclass(frozen=True)
class RbNLine:
    kind_label: str
    classification: str
    count: int
    nominal: int
    due_count: int
    due: int


def rb_n_story(
    lines: Sequence[RbNLine],
    as_of: date,
    creditor: Creditor | None,
    charts: Sequence[Flowable] = (),
) -> list[Flowable]:
    columns: list[Column[RbNLine]] = [
        Column("Rodzaj należności", 70, lambda r: r.kind_label),
        Column("Klasyfikacja budżetowa", 40, lambda r: r.classification),
        Column("Liczba należności", 22, lambda r: str(r.count), True,
               lambda rows: str(sum(r.count for r in rows))),
        Column("Należności (wartość nominalna)", 34, lambda r: amount(r.nominal), True,
               _sum(lambda r: r.nominal)),
        Column("Liczba wymagalnych", 22, lambda r: str(r.due_count), True,
               lambda rows: str(sum(r.due_count for r in rows))),
        Column("w tym wymagalne", 34, lambda r: amount(r.due), True, _sum(lambda r: r.due)),
    ]  # fmt: skip
    subtitle = (
        f"stan na dzień {long_date(as_of)}; należność główna bez odsetek i kosztów "
        "(instrukcja do Rb-N, rozporządzenie MF z 17.12.2020)"
    )
    return [
        *heading(creditor, "NALEŻNOŚCI — DANE DO SPRAWOZDANIA Rb-N", subtitle, "Rb-N"),
        table(columns, lines),
        approvals("Sporządził", "Główny księgowy", "Kierownik jednostki"),
        *([PageBreak(), *(KeepTogether([c, Spacer(1, 6 * mm)]) for c in charts)] if charts else []),
    ]


def render_rb_n(
    lines: Sequence[RbNLine],
    as_of: date,
    creditor: Creditor | None,
    charts: Sequence[Flowable] = (),
) -> bytes:
    """The Rb-N figures, then the quarter's charts (letters/charts.py, the same as on the page)."""
    return build_pdf(
        rb_n_story(lines, as_of, creditor, charts),
        title=f"Rb-N na dzień {as_of.isoformat()}",
        author=creditor.name if creditor else "",
        wide=True,
    )
