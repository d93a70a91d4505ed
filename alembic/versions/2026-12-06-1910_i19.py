"""debtor notes: a debtor's notes and contacts log (phone call, visit, letter), dated, with who

Revision ID: i19_notes
Revises: i21_import_key
Create Date: 2026-12-06 18:30:00

Issue 19 item 5. Static on purpose: no app imports, no ORM.
"""

from collections.abc import Sequence

import sqlalchemy as sa

from alembic import op

revision: str = "i19_notes"
down_revision: str | None = "i21_import_key"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "debtor_note",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("debtor_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("occurred_on", sa.Date(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["debtor_id"], ["debtor.id"], name=op.f("fk_debtor_note_debtor_id_debtor")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_debtor_note")),
    )
    op.create_index(
        "ix_debtor_note_debtor", "debtor_note", ["debtor_id", "occurred_on"], unique=False
    )


def downgrade() -> None:
    op.drop_index("ix_debtor_note_debtor", table_name="debtor_note")
    op.drop_table("debtor_note")
