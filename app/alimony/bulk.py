"""Bulk entry of payouts or recoveries (issue 19 item 3): the lines are read (app/domain/
alimony_import.py), each is matched to its debtor by PESEL or by case number (the reference of
one of the debtor's receivables, or the case number of an enforcement), and shown for review
with its errors. Saving runs the same use case as a single entry for each line, all or nothing:
one refused line leaves nothing written."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Literal

from pydantic import ValidationError
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.alimony import service
from app.alimony.schemas import PayoutCreate, RecoveryCreate
from app.domain.alimony_import import ImportLine, parse_lines
from app.domain.money import format_amount
from app.domain.parameters import MissingParameter
from app.errors import AppError, Invalid
from app.models import AlimonyEnforcement, Debtor, Receivable
from app.schemas import day_problem
from app.web.forms import polish_message
from app.web.templating import pl_date

Kind = Literal["wyplata", "wyegzekwowane"]


@dataclass
class Row:
    line: ImportLine
    debtor: Debtor | None = None
    errors: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


@dataclass
class Preview:
    rows: list[Row]

    @property
    def ok(self) -> bool:
        return bool(self.rows) and all(r.ok for r in self.rows)

    @property
    def total(self) -> int:
        return sum(r.line.amount or 0 for r in self.rows if r.ok)

    @property
    def failed(self) -> int:
        return sum(1 for r in self.rows if not r.ok)


async def _debtors_by(session: AsyncSession, key: str, is_pesel: bool) -> list[Debtor]:
    if is_pesel:
        return list(await session.scalars(select(Debtor).where(Debtor.pesel == key).limit(2)))
    ids = set(
        await session.scalars(select(Receivable.debtor_id).where(Receivable.reference == key))
    ) | set(
        await session.scalars(
            select(AlimonyEnforcement.debtor_id).where(AlimonyEnforcement.case_ref == key)
        )
    )
    if not ids:
        return []
    stmt = select(Debtor).where(Debtor.id.in_(sorted(ids))).limit(2)
    return list(await session.scalars(stmt))


async def preview(session: AsyncSession, text: str, today: date) -> Preview:
    rows = []
    for line in parse_lines(text):
        row = Row(line, errors=list(line.errors))
        if line.on is not None and line.on > today:
            row.errors.append(f"data {pl_date(line.on)} jest z przyszłości")
        elif line.on is not None and (problem := day_problem(line.on)):
            row.errors.append(problem)
        if line.key and (line.ok or not line.is_pesel):
            found = await _debtors_by(session, line.key, line.is_pesel)
            what = "o numerze PESEL" if line.is_pesel else "o numerze sprawy"
            if not found:
                row.errors.append(f"nie znaleziono zobowiązanego {what} {line.key}")
            elif len(found) > 1:
                row.errors.append(f"{what} {line.key} jest więcej niż jeden zobowiązany")
            else:
                row.debtor = found[0]
        rows.append(row)
    if not rows:
        rows.append(Row(ImportLine(0, "", False, None, None, ()), errors=["brak wierszy"]))
    return Preview(rows)


async def save(
    session: AsyncSession,
    text: str,
    kind: Kind,
    detail: str,
    actor: str,
    today: date,
) -> Preview:
    """Every line through record_payout / record_recovery; `detail` is the payout's claim
    (fund | advance) or the recovery's source. Refused if any line is wrong."""
    checked = await preview(session, text, today)
    if not checked.ok:
        raise Invalid(
            f"Nie zapisano nic. Wierszy z błędami: {checked.failed} — popraw je i sprawdź ponownie",
            field="text",
        )
    for row in checked.rows:
        assert row.debtor is not None
        assert row.line.on is not None
        assert row.line.amount is not None
        amount = format_amount(row.line.amount)
        try:
            if kind == "wyplata":
                data = PayoutCreate.model_validate(
                    {"paid_on": row.line.on, "amount": amount, "claim": detail}
                )
                await service.record_payout(session, row.debtor.id, data, actor, today)
            else:
                recovery = RecoveryCreate.model_validate(
                    {"received_on": row.line.on, "amount": amount, "source": detail}
                )
                await service.record_recovery(session, row.debtor.id, recovery, actor, today)
        except AppError as exc:
            raise type(exc)(f"Wiersz {row.line.number}: {exc.detail}", field="text") from exc
        except MissingParameter as exc:  # as attempt() tells a single entry
            raise Invalid(f"Wiersz {row.line.number}: {exc}", field="text") from exc
        except ValidationError as exc:  # in Polish, never pydantic's English
            why = "; ".join(polish_message(e) for e in exc.errors())
            raise Invalid(f"Wiersz {row.line.number}: {why}", field="text") from exc
    return checked
