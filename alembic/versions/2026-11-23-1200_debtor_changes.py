"""debtor changes: the audit trail of a debtor's data (who, when, which fields, old and new)

Revision ID: 0005_debtor_changes
Revises: 0004_search_indexes
Create Date: 2026-11-23 12:00:00

Issue 8 item 10: "who did what and when, for every change". The receivable's own history is in
event, document, payment, write_off and instalment (each with its actor); a debtor's data had
none. Static on purpose: no app imports, no ORM.
"""

from collections.abc import Sequence

import sqlalchemy as sa

from alembic import op

revision: str = "0005_debtor_changes"
down_revision: str | None = "0004_search_indexes"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "debtor_change",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("debtor_id", sa.Integer(), nullable=False),
        sa.Column("action", sa.String(length=16), nullable=False),
        sa.Column("actor", sa.String(length=64), nullable=False),
        sa.Column("changes", sa.JSON(), nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["debtor_id"], ["debtor.id"], name=op.f("fk_debtor_change_debtor_id_debtor")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_debtor_change")),
    )
    op.create_index(
        op.f("ix_debtor_change_debtor_id"), "debtor_change", ["debtor_id"], unique=False
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_debtor_change_debtor_id"), table_name="debtor_change")
    op.drop_table("debtor_change")
