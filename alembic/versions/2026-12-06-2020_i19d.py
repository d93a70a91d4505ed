"""i19d: the narrow name search table of the receivable list (issue 19 item 2)

Revision ID: i19d_names
Revises: i22b_control
Create Date: 2026-12-06 18:55:00

debtor_name (debtor_id, name_key, name_folded): the sort key and the folded name of each debtor
(app/models/debtor_name.py), with a (name_key, debtor_id) index and, on PostgreSQL, a trigram
index on name_folded. Existing debtors are copied in name order (INSERT … SELECT … ORDER BY), so
the matches of a fragment, which share the start of their keys, lie on few pages.
"""

from collections.abc import Sequence

import sqlalchemy as sa

from alembic import op

revision: str = "i19d_names"
down_revision: str | None = "i22b_control"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    postgres = op.get_bind().dialect.name == "postgresql"
    key_type = sa.String(300, collation="C") if postgres else sa.String(300)
    op.create_table(
        "debtor_name",
        sa.Column("debtor_id", sa.Integer(), nullable=False),
        sa.Column("name_key", key_type, nullable=False),
        sa.Column("name_folded", sa.String(300), nullable=False),
        sa.ForeignKeyConstraint(
            ["debtor_id"],
            ["debtor.id"],
            name="fk_debtor_name_debtor_id_debtor",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("debtor_id", name="pk_debtor_name"),
    )
    op.execute(
        "INSERT INTO debtor_name (debtor_id, name_key, name_folded)"
        " SELECT id, name_key, name_folded FROM debtor ORDER BY name_key, id"
    )
    op.create_index("ix_debtor_name_key_id", "debtor_name", ["name_key", "debtor_id"])
    if postgres:
        op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        op.create_index(
            "ix_debtor_name_folded",
            "debtor_name",
            ["name_folded"],
            postgresql_using="gin",
            postgresql_ops={"name_folded": "gin_trgm_ops"},
        )
        op.execute("ANALYZE debtor_name")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.drop_index("ix_debtor_name_folded", table_name="debtor_name")
    op.drop_index("ix_debtor_name_key_id", table_name="debtor_name")
    op.drop_table("debtor_name")
