"""Import a bank statement: every credit line is matched to a receivable by its title and booked
once; a line seen before (same key) is skipped, so importing a statement twice books it once."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy.ext.asyncio import AsyncSession

from app.bank.parse import StatementError, StatementLine, parse_statement
from app.bank.repository import BankRepository
from app.domain.money import format_amount
from app.errors import AppError, Conflict, Invalid, NotFound
from app.models import BankLine, BankStatement
from app.receivables import actions
from app.receivables.schemas import PaymentCreate

BOOKED, TO_MATCH, SKIPPED = "zaksiegowana", "do_dopasowania", "pominieta"


@dataclass
class ImportSummary:
    statement_id: int
    format: str
    lines: int
    booked: int = 0
    to_match: int = 0
    skipped: int = 0
    already_imported: int = 0
    unmatched_ids: list[int] = field(default_factory=list)


async def import_statement(
    session: AsyncSession, filename: str, content: bytes, actor: str, today: date
) -> ImportSummary:
    try:
        fmt, lines = parse_statement(content)
    except StatementError as exc:
        raise Invalid(str(exc), field="file") from exc
    repo = BankRepository(session)
    await repo.lock_imports()
    statement = BankStatement(
        filename=filename[:200], format=fmt, line_count=len(lines), created_by=actor
    )
    await repo.add(statement)
    known = await repo.known_keys([line.key for line in lines])
    summary = ImportSummary(statement.id, fmt, len(lines))
    for line in lines:
        if line.key in known:
            summary.already_imported += 1
            continue
        known.add(line.key)
        row = await _book_line(session, repo, statement.id, line, actor, today)
        summary.booked += row.status == BOOKED
        summary.skipped += row.status == SKIPPED
        if row.status == TO_MATCH:
            summary.to_match += 1
            summary.unmatched_ids.append(row.id)
    return summary


async def _book_line(
    session: AsyncSession,
    repo: BankRepository,
    statement_id: int,
    line: StatementLine,
    actor: str,
    today: date,
) -> BankLine:
    row = BankLine(
        statement_id=statement_id,
        key=line.key,
        booked_on=line.booked_on,
        amount=line.amount,
        title=line.title,
        counterparty=line.counterparty,
        status=TO_MATCH,
    )
    if line.amount <= 0:
        row.status, row.note = SKIPPED, "obciążenie rachunku – nie jest wpłatą"
        await repo.add(row)
        return row
    candidates = await repo.candidates(line.title)
    await repo.add(row)
    if len(candidates) != 1:
        row.note = (
            "brak należności o numerze z tytułu"
            if not candidates
            else "tytuł wskazuje kilka należności"
        )
        return row
    await _pay(session, row, candidates[0], actor, today)
    return row


async def _pay(
    session: AsyncSession, row: BankLine, receivable_id: int, actor: str, today: date
) -> None:
    data = PaymentCreate.model_validate(
        {
            "paid_on": row.booked_on,
            "amount": format_amount(row.amount),
            "reference": f"bank:{row.key}",
        }
    )
    try:
        async with session.begin_nested():
            payment, _created = await actions.record_payment(
                session, receivable_id, data, actor, today
            )
    except AppError as exc:
        row.note = exc.detail
        return
    row.status, row.receivable_id, row.payment_id, row.note = BOOKED, receivable_id, payment.id, ""
    await session.flush()


async def match_line(
    session: AsyncSession, line_id: int, receivable_id: int, actor: str, today: date
) -> BankLine:
    """Manual matching of a line the import could not match."""
    repo = BankRepository(session)
    row = await repo.line(line_id)
    if row is None:
        raise NotFound(f"Nie ma pozycji wyciągu o identyfikatorze {line_id}")
    if row.status != TO_MATCH:
        raise Conflict(
            f"Pozycja wyciągu ma status „{row.status}” – nie można jej dopasować ponownie"
        )
    await _pay(session, row, receivable_id, actor, today)
    if row.status != BOOKED:
        raise Conflict(f"Nie zaksięgowano wpłaty: {row.note}")
    return row
