"""i18: the procedure against an alimony debtor as a case on the debtor

Revision ID: i18_alimony_case
Revises: i14a_teryt
Create Date: 2026-12-06 18:18:00

Issue 18 (seed 001, annex 9; u.p.o.u.a. art. 3–5, 8, 8a; art. 209 k.k.): alimony_case (one per
debtor: trigger, opening day, the creditor's and the debtor's commune as TERC codes) and
alimony_case_step (each step on its day, its variant, the day it sets, what was written, the BIG
entry a pouczenie refers to).
"""

from collections.abc import Sequence

import sqlalchemy as sa

from alembic import op

revision: str = "i18_alimony_case"
down_revision: str | None = "i14a_teryt"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "alimony_case",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("debtor_id", sa.Integer(), nullable=False),
        sa.Column("trigger", sa.String(length=32), nullable=False),
        sa.Column("opened_on", sa.Date(), nullable=False),
        sa.Column("creditor_commune", sa.String(length=7), nullable=False),
        sa.Column("debtor_commune", sa.String(length=7), nullable=False),
        sa.Column("created_by", sa.String(length=64), nullable=True),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.func.now(),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["debtor_id"], ["debtor.id"], name=op.f("fk_alimony_case_debtor_id_debtor")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_alimony_case")),
        sa.UniqueConstraint("debtor_id", name=op.f("uq_alimony_case_debtor_id")),
    )
    op.create_table(
        "alimony_case_step",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("step", sa.String(length=32), nullable=False),
        sa.Column("done_on", sa.Date(), nullable=False),
        sa.Column("kind", sa.String(length=32), server_default="", nullable=False),
        sa.Column("due_on", sa.Date(), nullable=True),
        sa.Column("details", sa.JSON(), nullable=False),
        sa.Column("register_entry_id", sa.Integer(), nullable=True),
        sa.Column("created_by", sa.String(length=64), nullable=True),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.func.now(),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["case_id"], ["alimony_case.id"], name=op.f("fk_alimony_case_step_case_id_alimony_case")
        ),
        sa.ForeignKeyConstraint(
            ["register_entry_id"],
            ["alimony_register_entry.id"],
            name=op.f("fk_alimony_case_step_register_entry_id_alimony_register_entry"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_alimony_case_step")),
    )
    op.create_index(
        op.f("ix_alimony_case_step_case_id"), "alimony_case_step", ["case_id"], unique=False
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_alimony_case_step_case_id"), table_name="alimony_case_step")
    op.drop_table("alimony_case_step")
    op.drop_table("alimony_case")
