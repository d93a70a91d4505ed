"""Import a bank statement: every credit line is matched to a receivable by its title and booked
once; a line seen before (same key) is skipped, so importing a statement twice books it once."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.bank.parse import StatementError, StatementLine, parse_statement
from app.bank.repository import BankRepository
from app.db import session_scope
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


# Issue 15 item 6: a statement is imported in batches, each in a short transaction of its own, so
# that a 5 MB file (~45,000 lines) never holds SQLite's one write lock for long nor sends
# PostgreSQL more than its 32,767 bind parameters in one statement. Between batches the import
# steps aside briefly, so that a card or a search waiting for the lock gets it. A file that fails
# half-way keeps the batches already committed; importing it again books only the rest (each
# line once, by its key).
BATCH = 500
PAUSE_SQLITE = 0.05  # seconds between batches: SQLite readers wait on the same lock


async def import_statement(
    maker: async_sessionmaker[AsyncSession],
    filename: str,
    content: bytes,
    actor: str,
    today: date,
) -> ImportSummary:
    try:
        # Parsing 5 MB is CPU work: off the event loop, which keeps answering other requests.
        fmt, lines = await asyncio.to_thread(parse_statement, content)
    except StatementError as exc:
        raise Invalid(str(exc), field="file") from exc
    async with session_scope(maker) as session:
        statement = BankStatement(
            filename=filename[:200], format=fmt, line_count=len(lines), created_by=actor
        )
        await BankRepository(session).add(statement)
        pause = PAUSE_SQLITE if session.get_bind().dialect.name == "sqlite" else 0
    summary = ImportSummary(statement.id, fmt, len(lines))
    for start in range(0, len(lines), BATCH):
        async with session_scope(maker) as session:
            await _import_batch(session, summary, lines[start : start + BATCH], actor, today)
        await asyncio.sleep(pause)
    return summary


async def _import_batch(
    session: AsyncSession,
    summary: ImportSummary,
    lines: list[StatementLine],
    actor: str,
    today: date,
) -> None:
    repo = BankRepository(session)
    await repo.lock_imports()  # a concurrent import of the same file waits, then finds the keys
    known = await repo.known_keys([line.key for line in lines])
    fresh = []
    for line in lines:
        if line.key in known:
            summary.already_imported += 1
        else:
            known.add(line.key)
            fresh.append(line)
    credits = [line for line in fresh if line.amount > 0]
    found = dict(
        zip(
            (id(c) for c in credits),
            await repo.candidates_of([c.title for c in credits]),
            strict=True,
        )
    )
    plain: list[dict[str, object]] = []
    for line in fresh:
        candidates = found.get(id(line))
        if candidates is not None and len(candidates) == 1:
            row = _row(summary.statement_id, line, TO_MATCH)
            await repo.add(row)
            await _pay(session, row, candidates[0], actor, today)
            _count(summary, row.status, row.id)
        else:
            status = TO_MATCH if candidates is not None else SKIPPED
            plain.append(_values(summary.statement_id, line, status, _note(candidates)))
    for values, row_id in zip(plain, await repo.add_lines(plain), strict=True):
        _count(summary, str(values["status"]), row_id)


def _note(candidates: list[int] | None) -> str:
    if candidates is None:
        return "obciążenie rachunku – nie jest wpłatą"
    return (
        "brak należności o numerze z tytułu"
        if not candidates
        else "tytuł wskazuje kilka należności"
    )


def _values(
    statement_id: int, line: StatementLine, status: str, note: str = ""
) -> dict[str, object]:
    return {
        "statement_id": statement_id,
        "key": line.key,
        "booked_on": line.booked_on,
        "amount": line.amount,
        "title": line.title,
        "counterparty": line.counterparty,
        "status": status,
        "note": note,
    }


def _row(statement_id: int, line: StatementLine, status: str) -> BankLine:
    return BankLine(**_values(statement_id, line, status))


def _count(summary: ImportSummary, status: str, row_id: int) -> None:
    summary.booked += status == BOOKED
    summary.skipped += status == SKIPPED
    if status == TO_MATCH:
        summary.to_match += 1
        summary.unmatched_ids.append(row_id)


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
