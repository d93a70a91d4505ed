"""Year-end lists for the chief accountant (seed 003 §5.3; art. 30 u.p.o.u.a.) as rows the letters
render to PDF and CSV."""

from __future__ import annotations

from datetime import date

from sqlalchemy.ext.asyncio import AsyncSession

from app.alimony import service as alimony_service
from app.models import Debtor
from app.receivables import figures as figures_mod
from app.receivables import service as receivable_service
from app.sweeps import service as sweep_service
from letters.documents import AlimonyWriteOffRow, TimeBarredRow

PAGE = 1000


async def time_barred_rows(session: AsyncSession, year: int) -> list[TimeBarredRow]:
    """Every receivable time-barred by 31 December of `year` and not written off by then, with
    what it amounted to on the day it became time-barred."""
    end, rows, offset = date(year, 12, 31), [], 0
    while batch := await sweep_service.time_barred_list(session, end, limit=PAGE, offset=offset):
        offset += PAGE
        for row in batch:
            rows.append(await _time_barred_row(session, row.id, row.day))
    return rows


async def _time_barred_row(
    session: AsyncSession, receivable_id: int, barred_on: date
) -> TimeBarredRow:
    receivable = await receivable_service.load(session, receivable_id)
    rules = await receivable_service.rules_of(session, receivable)
    debtor = await session.get(Debtor, receivable.debtor_id)
    assert debtor is not None
    figs = await figures_mod.figures_of(session, receivable, rules, barred_on)
    ident = (
        f"PESEL {debtor.pesel}"
        if debtor.pesel
        else f"NIP {debtor.nip}"
        if debtor.nip
        else f"REGON {debtor.regon}"
        if debtor.regon
        else None
    )
    return TimeBarredRow(
        debtor_name=debtor.name,
        reference=receivable.reference or f"N/{receivable.id}",
        kind_label=rules.label,
        due_date=receivable.payment_term_ends_on or receivable.issued_on,
        time_barred_on=barred_on,
        principal=figs.principal_remaining,
        interest=figs.interest_due,
        costs=figs.costs_due,
        debtor_id=ident,
    )


async def alimony_rows(session: AsyncSession, year: int) -> list[AlimonyWriteOffRow]:
    return [
        AlimonyWriteOffRow(
            debtor_name=r.debtor_name,
            pesel=r.pesel,
            effective_from=r.effective_from,
            effective_to=r.effective_to,
            years=r.years,
            percent=r.percent,
            balance=r.balance,
            write_off=r.write_off,
            fund_principal=r.fund_principal,
            fund_interest=r.fund_interest,
            advance_principal=r.advance_principal,
            advance_interest=r.advance_interest,
            decision_number=r.decision_number,
            decision_on=r.decision_on,
            legal_basis=r.legal_basis,
        )
        for r in await alimony_service.year_end_write_off_list(session, year)
    ]
