"""Engine and sessions per database URL; the request or job owns the transaction."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from sqlalchemy import event
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)


def make_engine(url: str, **kwargs: Any) -> AsyncEngine:
    # Bind parameters are names, PESEL numbers, addresses: never in a log line or an error message
    # (SQLAlchemy prints "[SQL parameters hidden due to hide_parameters=True]" instead).
    kwargs.setdefault("hide_parameters", True)
    if url.startswith("sqlite"):
        engine = create_async_engine(url, connect_args={"timeout": 30}, **kwargs)
        _sqlite_transactions(engine)
        return engine
    return create_async_engine(url, pool_pre_ping=True, **kwargs)


class _NoPersonalData(logging.Filter):
    """Whatever level an operator sets, the rows SQLAlchemy logs at DEBUG ("Row %r") and the calls
    aiosqlite logs at DEBUG (each with its SQL parameters) are dropped: they carry personal data.
    The statements themselves are still logged, with their parameters hidden."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.name == "aiosqlite":
            return record.levelno > logging.DEBUG
        return record.msg != "Row %r"


for _name in ("sqlalchemy.engine.Engine", "aiosqlite"):
    logging.getLogger(_name).addFilter(_NoPersonalData())


def _sqlite_transactions(engine: AsyncEngine) -> None:
    # SQLAlchemy's documented recipe for aiosqlite: let SQLAlchemy emit BEGIN itself so that
    # SAVEPOINTs and rollbacks behave; IMMEDIATE takes the write lock at the start, so two writers
    # queue on busy_timeout instead of failing on a lock upgrade.
    @event.listens_for(engine.sync_engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=30000")
        cursor.close()

    @event.listens_for(engine.sync_engine, "begin")
    def _on_begin(conn: Any) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE")


def make_sessionmaker(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    return async_sessionmaker(engine, expire_on_commit=False, autoflush=False)


@asynccontextmanager
async def session_scope(maker: async_sessionmaker[AsyncSession]) -> AsyncIterator[AsyncSession]:
    """Commit once at the end, roll back on any exception: bad input leaves nothing behind."""
    async with maker() as session:
        try:
            yield session
            await session.commit()
        except BaseException:
            await session.rollback()
            raise
