"""i22b: proposals under the chief accountant's preliminary control (issue 22 item 6)

Revision ID: i22b_control
Revises: i19b_list
Create Date: 2026-12-06 18:40:00

- control_proposal: a write-off, instalments (relief), a payment's storno, an amended or annulled
  decision proposed by a specialist, countersigned or returned by the chief accountant (u.f.p.
  art. 54 ust. 1 pkt 3) and decided by the manager where the law gives them the decision.
"""

from collections.abc import Sequence

import sqlalchemy as sa

from alembic import op

revision: str = "i22b_control"
down_revision: str | None = "i19b_list"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "control_proposal",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("state", sa.String(length=20), nullable=False),
        sa.Column("receivable_id", sa.Integer(), nullable=False),
        sa.Column("payment_id", sa.Integer(), nullable=True),
        sa.Column("payload", sa.JSON(), nullable=False),
        sa.Column("justification", sa.String(length=500), server_default="", nullable=False),
        sa.Column("proposed_by", sa.String(length=64), nullable=False),
        sa.Column("proposed_on", sa.Date(), nullable=False),
        sa.Column("countersigned_by", sa.String(length=64), nullable=True),
        sa.Column("countersigned_on", sa.Date(), nullable=True),
        sa.Column("decided_by", sa.String(length=64), nullable=True),
        sa.Column("decided_on", sa.Date(), nullable=True),
        sa.Column("returned_reason", sa.String(length=500), nullable=True),
        sa.Column("effected_on", sa.Date(), nullable=True),
        sa.Column(
            "created_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False
        ),
        sa.ForeignKeyConstraint(
            ["receivable_id"],
            ["receivable.id"],
            name="fk_control_proposal_receivable_id_receivable",
        ),
        sa.ForeignKeyConstraint(
            ["payment_id"], ["payment.id"], name="fk_control_proposal_payment_id_payment"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_control_proposal"),
    )
    op.create_index("ix_control_proposal_state", "control_proposal", ["state"])
    op.create_index("ix_control_proposal_receivable_id", "control_proposal", ["receivable_id"])


def downgrade() -> None:
    op.drop_index("ix_control_proposal_receivable_id", table_name="control_proposal")
    op.drop_index("ix_control_proposal_state", table_name="control_proposal")
    op.drop_table("control_proposal")
