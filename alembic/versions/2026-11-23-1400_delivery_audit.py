"""delivery audit: who entered a document's delivery date, and when

Revision ID: 0007_delivery_audit
Revises: 0006_sweep_indexes
Create Date: 2026-11-23 14:00:00

Issue 8 item 10 ("who did what and when, for every change"): recording the delivery of a demand or
a reminder changes the receivable's terms, so the audit trail names the person who entered it.
Rows from before this migration keep NULL (shown as unknown).
"""

from collections.abc import Sequence

import sqlalchemy as sa

from alembic import op

revision: str = "0007_delivery_audit"
down_revision: str | None = "0006_sweep_indexes"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("document") as batch:
        batch.add_column(sa.Column("delivery_recorded_by", sa.String(length=64), nullable=True))
        batch.add_column(
            sa.Column("delivery_recorded_at", sa.DateTime(timezone=True), nullable=True)
        )


def downgrade() -> None:
    with op.batch_alter_table("document") as batch:
        batch.drop_column("delivery_recorded_at")
        batch.drop_column("delivery_recorded_by")
