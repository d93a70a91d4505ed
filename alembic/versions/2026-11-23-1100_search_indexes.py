"""debtor search indexes: trigram index on the name, pattern indexes on PESEL and NIP (PostgreSQL)

Revision ID: 0004_search_indexes
Revises: 0003_alimony
Create Date: 2026-11-23 11:00:00

The debtor search (app/debtors/repository.py) looks for a name fragment, ILIKE '%…%', and for a
PESEL or NIP prefix, LIKE '…%'. Without these indexes PostgreSQL reads the whole debtor table for
every search (issue 8: p95 ≈ 0.5 s at 333,000 debtors).

- name: a GIN trigram index (pg_trgm, a trusted contrib extension since PostgreSQL 13: the
  database owner may create it). The btree ix_debtor_name stays: it serves ORDER BY name.
- pesel, nip: a btree serves LIKE 'prefix%' only under the C collation, so their indexes are
  rebuilt with varchar_pattern_ops, which serves the prefix and equality alike.

SQLite: nothing. Its LIKE is case-insensitive and uses an index only under COLLATE NOCASE; the
development database is small. The models declare the same indexes (app/models/debtor.py); the
trigram one as PostgreSQL-only, which alembic/env.py honours.

The extension is left in place on downgrade: other objects may depend on it.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0004_search_indexes"
down_revision: str | None = "0003_alimony"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_PATTERN = ("pesel", "nip")


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    op.create_index(
        "ix_debtor_name_trgm",
        "debtor",
        ["name"],
        postgresql_using="gin",
        postgresql_ops={"name": "gin_trgm_ops"},
    )
    for column in _PATTERN:
        op.drop_index(f"ix_debtor_{column}", table_name="debtor")
        op.create_index(
            f"ix_debtor_{column}",
            "debtor",
            [column],
            postgresql_ops={column: "varchar_pattern_ops"},
        )


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for column in _PATTERN:
        op.drop_index(f"ix_debtor_{column}", table_name="debtor")
        op.create_index(f"ix_debtor_{column}", "debtor", [column])
    op.drop_index("ix_debtor_name_trgm", table_name="debtor")
