"""i16a tranches and limitation as data: payouts of one art. 23 receivable; interrupting and
suspending events of each kind

Revision ID: i16a_tranches_limitation
Revises: i14a_teryt
Create Date: 2026-12-06 18:20:00

Issue 16 item 4: a receivable for benefits received without right (art. 23 u.p.o.u.a.) may cover
several payouts, each with its own amount and start of interest: table receivable_tranche. The
kind nienaleznie_pobrane then settles payments payout by payout (allocation rule kc_451_tranches:
the oldest payout first, KC art. 451 §3; within it interest, then principal, §1). A receivable
with one amount is settled as before.

Issue 16 item 5: the kind says which events interrupt and which suspend its limitation, and the
absolute bar on the decision. art. 23 ust. 3 u.p.o.u.a. (t.j. Dz.U. 2022 poz. 1205): interrupted by
a deferral, instalments and a notified enforcement measure; ust. 4: no decision when more than 10
years have passed since the payout. Static: no app imports.
"""

from collections.abc import Sequence

import sqlalchemy as sa

from alembic import op

revision: str = "i16a_tranches_limitation"
down_revision: str | None = "i14a_teryt"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_kind = sa.table(
    "receivable_kind",
    sa.column("code", sa.String),
    sa.column("allocation_rule", sa.String),
    sa.column("limitation_interrupted_by", sa.String),
    sa.column("decision_bar_years", sa.Integer),
)


def upgrade() -> None:
    op.create_table(
        "receivable_tranche",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("receivable_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("paid_out_on", sa.Date(), nullable=False),
        sa.Column("amount", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["receivable_id"],
            ["receivable.id"],
            name=op.f("fk_receivable_tranche_receivable_id_receivable"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_receivable_tranche")),
        sa.UniqueConstraint(
            "receivable_id", "number", name=op.f("uq_receivable_tranche_receivable_id_number")
        ),
    )
    with op.batch_alter_table("receivable_tranche", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_receivable_tranche_receivable_id"), ["receivable_id"], unique=False
        )
    with op.batch_alter_table("receivable_kind", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                "limitation_interrupted_by", sa.String(length=200), server_default="",
                nullable=False,
            )
        )  # fmt: skip
        batch_op.add_column(
            sa.Column(
                "limitation_suspended_by", sa.String(length=200), server_default="",
                nullable=False,
            )
        )  # fmt: skip
        batch_op.add_column(sa.Column("decision_bar_years", sa.Integer(), nullable=True))
    op.execute(
        _kind.update()
        .where(_kind.c.code == "nienaleznie_pobrane")
        .values(
            limitation_interrupted_by="odroczenie,raty,srodek_egzekucyjny",
            decision_bar_years=10,
        )
    )
    op.execute(
        _kind.update()
        .where(_kind.c.code == "nienaleznie_pobrane", _kind.c.allocation_rule == "kc_451")
        .values(allocation_rule="kc_451_tranches")
    )


def downgrade() -> None:
    op.execute(
        _kind.update()
        .where(_kind.c.allocation_rule == "kc_451_tranches")
        .values(allocation_rule="kc_451")
    )
    with op.batch_alter_table("receivable_kind", schema=None) as batch_op:
        batch_op.drop_column("decision_bar_years")
        batch_op.drop_column("limitation_suspended_by")
        batch_op.drop_column("limitation_interrupted_by")
    with op.batch_alter_table("receivable_tranche", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_receivable_tranche_receivable_id"))
    op.drop_table("receivable_tranche")
