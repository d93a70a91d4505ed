"""i21: import_key, the source keys of rows moved in from a unit's previous system (issue 21)

Revision ID: i21_import_key
Revises: i20_corrections
Create Date: 2026-12-06 18:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa

from alembic import op

revision: str = "i21_import_key"
down_revision: str | None = "i20_corrections"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "import_key",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("sheet", sa.String(length=32), nullable=False),
        sa.Column("source_key", sa.String(length=300), nullable=False),
        sa.Column("entity_id", sa.Integer(), nullable=False),
        sa.Column("file_name", sa.String(length=200), nullable=False),
        sa.Column("line", sa.Integer(), nullable=False),
        sa.Column(
            "created_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_import_key")),
        sa.UniqueConstraint("sheet", "source_key", name=op.f("uq_import_key_sheet_source_key")),
    )
    op.create_index("ix_import_key_entity", "import_key", ["sheet", "entity_id"])


def downgrade() -> None:
    op.drop_table("import_key")
