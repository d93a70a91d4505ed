"""Gap-free document numbers: a counter row per (kind, scope, year), bumped with
UPDATE … SET value = value + 1 RETURNING inside the issuing transaction. The row lock it takes makes
concurrent issuers queue; a rollback gives the number back, so no number is used without its
document and none is used twice."""

from __future__ import annotations

from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession

from app.models import Counter


async def next_number(session: AsyncSession, kind: str, scope: str, year: int) -> int:
    return (await next_numbers(session, kind, scope, year, 1)).start


async def next_numbers(
    session: AsyncSession, kind: str, scope: str, year: int, count: int
) -> range:
    """`count` consecutive numbers with one bump of the counter: the numbers `count` calls of
    next_number would have given, in the same order."""
    # One statement: the row is made with the first numbers, or bumped under its row lock
    # (ON CONFLICT DO UPDATE locks the existing row as UPDATE does). Both dialects: SQLite 3.24+.
    insert = pg_insert if session.bind.dialect.name == "postgresql" else sqlite_insert
    stmt = insert(Counter).values(kind=kind, scope=scope, year=year, value=count)
    stmt = stmt.on_conflict_do_update(
        index_elements=[Counter.kind, Counter.scope, Counter.year],
        set_={"value": Counter.value + count},
    ).returning(Counter.value)
    last = int((await session.execute(stmt)).scalar_one())
    return range(last - count + 1, last + 1)
