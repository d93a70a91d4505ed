"""rate_check: the administrator's "stopy sprawdzone na dzień …" and the scheduled NBP fetch

Revision ID: i16a_rate_check
Revises: i16a_article_superscript
Create Date: 2026-12-06 13:02:00

Issue 16 item 2: the dashboard warns when no rate row and no such check is newer than 45 days.
"""

from collections.abc import Sequence

import sqlalchemy as sa

from alembic import op

revision: str = "i16a_rate_check"
down_revision: str | None = "i16a_article_superscript"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "rate_check",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("checked_on", sa.Date(), nullable=False),
        sa.Column("note", sa.Text(), server_default="", nullable=False),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        sa.Column(
            "created_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rate_check")),
    )
    op.create_index(op.f("ix_rate_check_checked_on"), "rate_check", ["checked_on"])


def downgrade() -> None:
    op.drop_index(op.f("ix_rate_check_checked_on"), table_name="rate_check")
    op.drop_table("rate_check")
