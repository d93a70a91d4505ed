"""Async Alembic environment. The URL comes from the Alembic config (set by app.migrations or
tests) or else from the settings; SQLite gets batch mode so ALTERs work."""

from __future__ import annotations

import asyncio
from functools import partial

from sqlalchemy.engine import Connection
from sqlalchemy.schema import SchemaItem

from alembic import context
from app.config import get_settings
from app.db import make_engine
from app.models import Base
from app.models.base import POSTGRESQL_ONLY

config = context.config
target_metadata = Base.metadata


def _url() -> str:
    return config.get_main_option("sqlalchemy.url") or get_settings().database_url


# Expression indexes PostgreSQL stores normalised ("(state)::text = ANY (ARRAY[...])"), which
# alembic cannot compare with the model's SQL text: it would drop and re-create them on every
# check. Their SQL is kept equal by a test instead (tests/web/test_receivable_list.py: the
# migration's DEADLINE_KEY is the model's).
UNCOMPARED_INDEXES = frozenset({"ix_receivable_deadline"})


def _include_object(
    dialect: str, obj: SchemaItem, name: str | None, type_: str, reflected: bool, _other: object
) -> bool:
    """Indexes declared with app.models.base.postgresql_only exist only on PostgreSQL."""
    if type_ == "index" and name in UNCOMPARED_INDEXES:
        return False
    postgresql_only = type_ == "index" and not reflected and obj.info.get(POSTGRESQL_ONLY)
    return not (postgresql_only and dialect != "postgresql")


def _configure(connection: Connection) -> None:
    dialect = connection.dialect.name
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=dialect == "sqlite",
        compare_type=True,
        include_object=partial(_include_object, dialect),
    )
    with context.begin_transaction():
        context.run_migrations()


async def _run_async() -> None:
    engine = make_engine(_url())
    async with engine.connect() as connection:
        await connection.run_sync(_configure)
        await connection.commit()
    await engine.dispose()


def run_migrations_offline() -> None:
    context.configure(url=_url(), target_metadata=target_metadata, literal_binds=True)
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    run_migrations_offline()
else:
    asyncio.run(_run_async())
