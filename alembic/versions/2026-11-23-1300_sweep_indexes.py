"""sweep indexes: partial indexes on event for the instalment checks, payments by day

Revision ID: 0006_sweep_indexes
Revises: 0005_debtor_changes
Create Date: 2026-11-23 13:00:00

Issue 7 ("it uses indexes that the migration creates"), measured with benchmarks/sweep.py on
1,000,000 receivables:
- ix_event_missed_instalment: the nightly "resumptions without a notice" query otherwise reads
  the whole event table (~160 ms a night);
- ix_event_instalment_decision, ix_payment_receivable_paid: the missed-instalment rule reads the
  day a plan was decided and the payments since from the indexes alone (~200 ms off a 30-day
  catch-up). INCLUDE (amount) is PostgreSQL's; SQLite gets the two key columns.
The models declare the same indexes (app/models/event.py, app/models/payment.py).
"""

from collections.abc import Sequence

import sqlalchemy as sa

from alembic import op

revision: str = "0006_sweep_indexes"
down_revision: str | None = "0005_debtor_changes"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    missed = sa.text("action = 'rata_niezaplacona'")
    decided = sa.text("action = 'raty'")
    op.create_index(
        "ix_event_missed_instalment",
        "event",
        ["receivable_id"],
        postgresql_where=missed,
        sqlite_where=missed,
    )
    op.create_index(
        "ix_event_instalment_decision",
        "event",
        ["receivable_id", "occurred_on"],
        postgresql_where=decided,
        sqlite_where=decided,
    )
    op.create_index(
        "ix_payment_receivable_paid",
        "payment",
        ["receivable_id", "paid_on"],
        postgresql_include=["amount"],
    )


def downgrade() -> None:
    op.drop_index("ix_payment_receivable_paid", table_name="payment")
    op.drop_index("ix_event_instalment_decision", table_name="event")
    op.drop_index("ix_event_missed_instalment", table_name="event")
