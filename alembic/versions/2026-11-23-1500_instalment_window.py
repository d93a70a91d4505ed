"""instalment window: the sweep reads the instalments that fell due since its last run, writes none

Revision ID: 0008_instalment_window
Revises: 0007_delivery_audit
Create Date: 2026-11-23 15:00:00

Issue 7 (sweep <= 2 x a bare UPDATE of the same rows, benchmarks/sweep.py). The missed-instalment
rule used to mark every instalment it had looked at (checked_on): about 1,360 instalment rows
rewritten a night on 1,000,000 receivables, each on its own page, beside some 3,200 state
changes. Now a run looks at the instalments due since the previous successful run
(sweep_run) and at those of plans entered since then (recorded_on), and writes nothing to
instalment. What the check needs of the plan is stored with each instalment when the plan is
granted, so that the index alone answers it:
- decided_on: the day of the plan's decision (payments count from it, OP art. 49 §2 as
  app/domain/instalments.py reads it);
- owed_through: the instalments due up to and including this one, in grosze (the cumulative test);
- recorded_on: the day the plan was entered.
The notices of resumed enforcement are made for the resumptions the run itself has just written
(its statement returns them), no longer by looking for resumptions without a notice among all
the past ones: ix_event_missed_instalment (migration 0006) served that search only, and
ix_event_instalment_decision the old rule's decision lookup only.

Existing rows: decided_on from the plan's latest `raty` event (the receivable's issue date if there
is none), owed_through summed over the plan, recorded_on the day an earlier run checked the row, or
the day of this migration for a row no run has checked (so the next run looks at it).
"""

from collections.abc import Sequence
from datetime import date, timedelta

import sqlalchemy as sa

from alembic import op

revision: str = "0008_instalment_window"
down_revision: str | None = "0007_delivery_audit"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Migration 0006's partial indexes on event, which only the old rule and its notices read.
EVENT_INDEXES = (
    ("ix_event_missed_instalment", sa.text("action = 'rata_niezaplacona'")),
    ("ix_event_instalment_decision", sa.text("action = 'raty'")),
)

FILL = """
    UPDATE instalment SET
        decided_on = COALESCE(
            (SELECT max(e.occurred_on) FROM event e
             WHERE e.receivable_id = instalment.receivable_id AND e.action = 'raty'),
            (SELECT r.issued_on FROM receivable r WHERE r.id = instalment.receivable_id)),
        owed_through = (
            SELECT sum(j.amount) FROM instalment j
            WHERE j.receivable_id = instalment.receivable_id
              AND (j.due_on < instalment.due_on
                   OR (j.due_on = instalment.due_on AND j.number <= instalment.number))),
        recorded_on = COALESCE(checked_on, CURRENT_DATE)"""


def upgrade() -> None:
    with op.batch_alter_table("instalment") as batch:
        batch.add_column(sa.Column("decided_on", sa.Date(), nullable=True))
        batch.add_column(sa.Column("owed_through", sa.BigInteger(), nullable=True))
        batch.add_column(sa.Column("recorded_on", sa.Date(), nullable=True))
    op.execute(FILL)
    with op.batch_alter_table("instalment") as batch:
        batch.drop_index(
            "ix_instalment_unchecked",
            postgresql_where=sa.text("checked_on IS NULL"),
            sqlite_where=sa.text("checked_on IS NULL"),
        )
        batch.drop_column("checked_on")
        batch.alter_column("decided_on", existing_type=sa.Date(), nullable=False)
        batch.alter_column("owed_through", existing_type=sa.BigInteger(), nullable=False)
        batch.alter_column("recorded_on", existing_type=sa.Date(), nullable=False)
        batch.create_index(
            "ix_instalment_due",
            ["due_on"],
            postgresql_include=["receivable_id", "number", "decided_on", "owed_through"],
        )
        batch.create_index("ix_instalment_recorded_on", ["recorded_on", "due_on"])
    for name, where in EVENT_INDEXES:
        op.drop_index(name, table_name="event", postgresql_where=where, sqlite_where=where)


def downgrade() -> None:
    for (name, where), columns in zip(
        EVENT_INDEXES, (["receivable_id"], ["receivable_id", "occurred_on"]), strict=True
    ):
        op.create_index(name, "event", columns, postgresql_where=where, sqlite_where=where)
    with op.batch_alter_table("instalment") as batch:
        batch.drop_index("ix_instalment_recorded_on")
        batch.drop_index("ix_instalment_due")
        batch.add_column(sa.Column("checked_on", sa.Date(), nullable=True))
    # The old rule looks at the rows with checked_on NULL: those the runs so far have looked at
    # (due before the last successful daily run, and entered before it) are marked.
    last = op.get_bind().scalar(
        sa.text(
            "SELECT max(as_of) FROM sweep_run WHERE job = 'daily' AND error IS NULL "
            "AND finished_at IS NOT NULL"
        )
    )
    if last is not None:
        last = last if isinstance(last, date) else date.fromisoformat(last)
        bound = {"last": last, "entered": last - timedelta(days=1)}
        if op.get_bind().dialect.name != "postgresql":
            bound = {k: v.isoformat() for k, v in bound.items()}
        op.execute(
            sa.text(
                "UPDATE instalment SET checked_on = recorded_on "
                "WHERE due_on < :last AND recorded_on < :entered"
            ).bindparams(**bound)
        )
    with op.batch_alter_table("instalment") as batch:
        batch.create_index(
            "ix_instalment_unchecked",
            ["due_on"],
            postgresql_where=sa.text("checked_on IS NULL"),
            sqlite_where=sa.text("checked_on IS NULL"),
        )
        batch.drop_column("recorded_on")
        batch.drop_column("owed_through")
        batch.drop_column("decided_on")
