"""Issue 22 item 6: the proposed list of year-end write-down allowances (odpisy aktualizujące,
ustawa o rachunkowości art. 35b ust. 1) for the chief accountant: gather every receivable owing
principal on the balance-sheet day and the unit's rules in force that day (dated parameters with
their source), decide each by app/domain/allowances.py, and print the list (page, PDF, XLSX)."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from datetime import date

from sqlalchemy.ext.asyncio import AsyncSession

from app import spreadsheet
from app.documents import service as document_service
from app.domain import allowances as rules_mod
from app.domain.money import to_decimal
from app.domain.parameters import LABELS, ParameterCode, ParameterRow, ParameterTable
from app.reports import book
from app.reports.repository import StatementRepository

CODES = (
    ParameterCode.ODPIS_PRZETERMINOWANE_MIESIACE,
    ParameterCode.ODPIS_PRZETERMINOWANE_PROCENT,
    ParameterCode.ODPIS_ZMARLY_PROCENT,
)
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@dataclass(frozen=True)
class Line:
    receivable_id: int
    reference: str | None
    kind_code: str
    debtor_name: str
    term: date | None
    principal: int
    basis: str
    percent: int
    amount: int
    overdue_months: int | None


@dataclass(frozen=True)
class Proposal:
    as_of: date
    parameters: list[tuple[str, ParameterRow]]  # (label, row in force)
    lines: list[Line]

    @property
    def principal(self) -> int:
        return sum(x.principal for x in self.lines)

    @property
    def total(self) -> int:
        return sum(x.amount for x in self.lines)


async def proposed(session: AsyncSession, as_of: date) -> Proposal:
    await book.refresh(session)
    repo = StatementRepository(session)
    rows = [
        ParameterRow(p.code, p.valid_from, p.value, p.source)
        for p in await repo.parameters([c.value for c in CODES])
    ]
    in_force = {c: ParameterTable.of(c, rows).row_on(as_of) for c in CODES}  # or MissingParameter
    rules = rules_mod.Rules(
        overdue_months=in_force[ParameterCode.ODPIS_PRZETERMINOWANE_MIESIACE].value,
        overdue_percent=in_force[ParameterCode.ODPIS_PRZETERMINOWANE_PROCENT].value,
        deceased_percent=in_force[ParameterCode.ODPIS_ZMARLY_PROCENT].value,
    )
    lines = []
    for (
        rid,
        reference,
        kind,
        name,
        term,
        principal,
        due,
        deceased,
    ) in await repo.allowance_candidates(as_of):
        facts = rules_mod.Facts(int(principal), term, bool(due), bool(deceased))
        found = rules_mod.allowance(facts, rules, as_of)
        if found is not None:
            lines.append(
                Line(rid, reference, kind, name, term, int(principal), found.basis,
                     found.percent, found.amount, found.overdue_months)
            )  # fmt: skip
    return Proposal(as_of, [(LABELS[c], in_force[c]) for c in CODES], lines)


HEADER = (
    "Należność",
    "Nr sprawy",
    "Rodzaj",
    "Dłużnik",
    "Termin płatności",
    "Należność główna",
    "Podstawa odpisu",
    "Procent",
    "Kwota odpisu",
)


async def file(session: AsyncSession, as_of: date, fmt: str) -> tuple[bytes, str, str]:
    found = await proposed(session, as_of)
    name = f"odpisy-aktualizujace-{as_of.isoformat()}.{fmt}"
    if fmt == "xlsx":
        rows: list[list[spreadsheet.Cell]] = [
            [x.receivable_id, x.reference, x.kind_code, x.debtor_name, x.term,
             to_decimal(x.principal), x.basis, x.percent, to_decimal(x.amount)]
            for x in found.lines
        ]  # fmt: skip
        rows.append(
            ["Razem", None, None, None, None, to_decimal(found.principal), None, None,
             to_decimal(found.total)]
        )  # fmt: skip
        title = f"Odpisy {as_of.isoformat()}"
        return spreadsheet.to_xlsx(title, HEADER, rows), name, XLSX
    from letters.allowances import render_allowances

    creditor = await document_service.creditor(session)
    pdf = await asyncio.to_thread(render_allowances, found, creditor)
    return pdf, name, "application/pdf"
