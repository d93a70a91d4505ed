from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, Index, MetaData, func
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class CreatedAt:
    created_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now(), nullable=False
    )


POSTGRESQL_ONLY = "postgresql_only"


def postgresql_only(index: Index) -> Index:
    """An index only PostgreSQL can build (an operator class of an extension): created only there,
    and left out of the comparison on SQLite by alembic/env.py."""
    index.info[POSTGRESQL_ONLY] = True
    return index.ddl_if(dialect="postgresql")
