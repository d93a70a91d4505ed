"""The SQL of a restore, on a connection of its own (a restore runs with the service stopped, not
in a request's transaction): what the database holds, and emptying a PostgreSQL one."""

from __future__ import annotations

from sqlalchemy import func, inspect, select, table, text
from sqlalchemy.ext.asyncio import AsyncConnection


async def table_names(conn: AsyncConnection) -> list[str]:
    return sorted(await conn.run_sync(lambda sync: inspect(sync).get_table_names()))


async def row_counts(conn: AsyncConnection) -> dict[str, int]:
    return {
        name: int(await conn.scalar(select(func.count()).select_from(table(name))) or 0)
        for name in await table_names(conn)
    }


async def empty_postgresql(conn: AsyncConnection) -> None:
    """Everything of the schema public goes, so that what the copy restores is all there is (a
    table made by a later migration would otherwise stay and break the next upgrade)."""
    await conn.execute(text("DROP SCHEMA public CASCADE"))
    await conn.execute(text("CREATE SCHEMA public"))
