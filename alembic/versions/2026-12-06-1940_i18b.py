"""i18b: the amount a decision fixed and the period of payouts it covers (issue 16 item 8)

Revision ID: i18b_decision_amount
Revises: i19b_list
Create Date: 2026-12-06 18:55:00

A fund receivable grows with each payout, while the debtor's commune's decision on the
reimbursement (art. 27 u.p.o.u.a.) fixes one amount for the payouts of a period: receivable gets
decision_amount (grosze), decision_period_from and decision_period_to. The reminder and the title
demand only what a final decision covers; payouts after it need a new decision.
"""

from collections.abc import Sequence

import sqlalchemy as sa

from alembic import op

revision: str = "i18b_decision_amount"
down_revision: str | None = "i19b_list"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("receivable") as batch:
        batch.add_column(sa.Column("decision_amount", sa.BigInteger(), nullable=True))
        batch.add_column(sa.Column("decision_period_from", sa.Date(), nullable=True))
        batch.add_column(sa.Column("decision_period_to", sa.Date(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("receivable") as batch:
        batch.drop_column("decision_period_to")
        batch.drop_column("decision_period_from")
        batch.drop_column("decision_amount")
