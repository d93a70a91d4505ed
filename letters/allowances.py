"""The proposed list of year-end write-down allowances (odpisy aktualizujące, ustawa
o rachunkowości art. 35b ust. 1), landscape A4, for the chief accountant to check and sign."""

from __future__ import annotations

from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from app.domain.documents import Creditor
from letters.blocks import Lines
from letters.format import amount, day, long_date
from letters.lists import Column, _sum, approvals, heading, table
from letters.pages import build_pdf


def story(proposal: Any, creditor: Creditor | None) -> list[Flowable]:
    """`proposal`: app.reports.allowances.Proposal (as_of, parameters, lines)."""
    columns: list[Column[Any]] = [
        Column("Nr sprawy", 24, lambda x: x.reference or str(x.receivable_id)),
        Column("Rodzaj", 30, lambda x: x.kind_code),
        Column("Dłużnik", 45, lambda x: x.debtor_name),
        Column("Termin płatności", 19, lambda x: day(x.term) if x.term else "—"),
        Column(
            "Należność główna", 24, lambda x: amount(x.principal), True, _sum(lambda x: x.principal)
        ),
        Column("Podstawa odpisu", 70, lambda x: x.basis),
        Column("%", 10, lambda x: str(x.percent), True),
        Column("Kwota odpisu", 24, lambda x: amount(x.amount), True, _sum(lambda x: x.amount)),
    ]
    rules = [
        f"{label}: {row.value} (od {day(row.valid_from)}; źródło: {row.source})"
        for label, row in proposal.parameters
    ]
    return [
        *heading(
            creditor,
            "PROPOZYCJA ODPISÓW AKTUALIZUJĄCYCH NALEŻNOŚCI",
            f"na dzień {long_date(proposal.as_of)} (ustawa o rachunkowości art. 35b ust. 1)",
            "Odpisy aktualizujące",
        ),
        Lines(["Zasady jednostki w dniu bilansowym:", *rules], size=7.5),
        Spacer(1, 3 * mm),
        table(columns, proposal.lines),
        approvals(
            "Sporządził(a)",
            "Sprawdził(a) – Główny Księgowy",
            "Zatwierdził(a) – Kierownik jednostki",
        ),
    ]


def render_allowances(proposal: Any, creditor: Creditor | None) -> bytes:
    return build_pdf(
        story(proposal, creditor), title="Propozycja odpisów aktualizujących", wide=True
    )
