from __future__ import annotations

import re

from sqlalchemy import func, insert, select, text
from sqlalchemy.ext.asyncio import AsyncSession

from app.models import BankLine, BankStatement, Receivable

_TOKEN = re.compile(r"[A-Za-z0-9][A-Za-z0-9/._-]{2,63}")
_OUR_NUMBER = re.compile(r"\bN/(\d{1,12})\b", re.IGNORECASE)
_IMPORT_LOCK = 0x77696E64_62616E6B  # "windbank": the advisory-lock key of statement imports


class BankRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def add(self, obj: object) -> None:
        self.session.add(obj)
        await self.session.flush()

    async def lock_imports(self) -> None:
        """One import at a time: a second import of the same statement waits for the first to
        commit and then finds its lines known, instead of failing on the unique key. A
        transaction-level advisory lock; SQLite has one writer (BEGIN IMMEDIATE) already."""
        if self.session.get_bind().dialect.name == "postgresql":
            lock = text("SELECT pg_advisory_xact_lock(:key)")
            await self.session.execute(lock, {"key": _IMPORT_LOCK})

    async def known_keys(self, keys: list[str]) -> set[str]:
        if not keys:
            return set()
        rows = await self.session.scalars(select(BankLine.key).where(BankLine.key.in_(keys)))
        return set(rows)

    async def candidates(self, title: str) -> list[int]:
        """Receivables the payment title names: by their reference, or by our number N/<id>."""
        return (await self.candidates_of([title]))[0]

    async def candidates_of(self, titles: list[str]) -> list[list[int]]:
        """`candidates` for a batch of titles in two statements (not two per line)."""
        tokens = [{t.upper() for t in _TOKEN.findall(title)} for title in titles]
        numbers = [{int(m) for m in _OUR_NUMBER.findall(title)} for title in titles]
        by_reference: dict[str, set[int]] = {}
        all_tokens = set().union(*tokens)
        if all_tokens:
            upper = func.upper(Receivable.reference)
            rows = await self.session.execute(
                select(upper, Receivable.id).where(upper.in_(sorted(all_tokens)))
            )
            for reference, rid in rows:
                by_reference.setdefault(reference, set()).add(rid)
        all_numbers = set().union(*numbers)
        existing = (
            set(
                await self.session.scalars(
                    select(Receivable.id).where(Receivable.id.in_(sorted(all_numbers)))
                )
            )
            if all_numbers
            else set()
        )
        return [
            sorted(set().union(*(by_reference.get(t, set()) for t in line)) | (ids & existing))
            for line, ids in zip(tokens, numbers, strict=True)
        ]

    async def add_lines(self, rows: list[dict[str, object]]) -> list[int]:
        """Many lines in one executemany; their ids, in the order given."""
        if not rows:
            return []
        result = await self.session.execute(
            insert(BankLine).returning(BankLine.id, sort_by_parameter_order=True), rows
        )
        return list(result.scalars())

    async def line(self, line_id: int) -> BankLine | None:
        return await self.session.get(BankLine, line_id, with_for_update=True)

    async def line_of_payment(self, payment_id: int) -> BankLine | None:
        """The statement line a payment was booked from (issue 20: its storno unmatches it)."""
        stmt = select(BankLine).where(BankLine.payment_id == payment_id).with_for_update()
        return await self.session.scalar(stmt)

    async def lines(self, status: str | None, limit: int = 200) -> list[BankLine]:
        stmt = select(BankLine).order_by(BankLine.booked_on, BankLine.id).limit(limit)
        if status:
            stmt = stmt.where(BankLine.status == status)
        return list(await self.session.scalars(stmt))

    async def statement(self, statement_id: int) -> BankStatement | None:
        return await self.session.get(BankStatement, statement_id)
