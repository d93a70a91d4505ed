"""i20: corrections after the demand: payment reversals, amended and annulled decisions,
enforcement suspended/ended, overpayments and their settlement, disputes pausing the sweeps

Revision ID: i20_corrections
Revises: i18_alimony_case
Create Date: 2026-12-06 18:50:00

Issue 20. New columns: payment.reversed_on, reversal_reason, reversed_by, reversed_reference
(a storno keeps the row); receivable.enforcement_suspended_on, paused_reason. New tables:
receivable_amendment (zmiana / uchylenie decyzji), overpayment and overpayment_settlement
(nadpłata, OP art. 72-76a), dispute (zarzuty u.p.e.a. art. 33-34, skarga na decyzję).

Parameter zarzut_stanowisko_dni = 30 from 2020-02-20: the days the creditor has for its
postanowienie on a zarzut w sprawie egzekucji administracyjnej (u.p.e.a. art. 34 as amended by
the act of 11.09.2019, Dz.U. 2019 poz. 2070, in force 20.02.2020). NOT VERIFIED (number and
date) against the text of the act: the stored sources reachable offline (the TW-1(5)
pouczenie, schemas/xsd/official) cite art. 33 and 35 but not art. 34's deadline; the value is
the one the project's lead must confirm (the pre-2020 wording gave the creditor 14 days for its
stanowisko). Change it by a new dated row (POST /api/v1/parameters), never by editing this one.
"""

from collections.abc import Sequence
from datetime import date

import sqlalchemy as sa

from alembic import op

revision: str = "i20_corrections"
down_revision: str | None = "i18_alimony_case"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _created_at() -> sa.Column[object]:
    return sa.Column(
        "created_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False
    )


PARAMETERS = [
    (
        "zarzut_stanowisko_dni",
        date(2020, 2, 20),
        30,
        "dni",
        "u.p.e.a. art. 34 (ustawa z 11.09.2019, Dz.U. 2019 poz. 2070): postanowienie wierzyciela"
        " w sprawie zarzutu; DO WERYFIKACJI z tekstem jednolitym ustawy",
    ),
]


def upgrade() -> None:
    with op.batch_alter_table("payment") as b:
        b.add_column(sa.Column("reversed_on", sa.Date(), nullable=True))
        b.add_column(sa.Column("reversal_reason", sa.String(500), nullable=True))
        b.add_column(sa.Column("reversed_by", sa.String(64), nullable=True))
        b.add_column(sa.Column("reversed_reference", sa.String(140), nullable=True))
    # The missed-instalment rule sums the payments not reversed from the index alone (PostgreSQL).
    op.drop_index("ix_payment_receivable_paid", table_name="payment")
    op.create_index(
        "ix_payment_receivable_paid",
        "payment",
        ["receivable_id", "paid_on"],
        postgresql_include=["amount", "reversed_on"],
    )
    with op.batch_alter_table("receivable") as b:
        b.add_column(sa.Column("enforcement_suspended_on", sa.Date(), nullable=True))
        b.add_column(sa.Column("paused_reason", sa.String(200), nullable=True))
    op.create_table(
        "receivable_amendment",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("receivable_id", sa.Integer(), sa.ForeignKey("receivable.id"), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("effective_on", sa.Date(), nullable=False),
        sa.Column("old_principal", sa.BigInteger(), nullable=False),
        sa.Column("new_principal", sa.BigInteger(), nullable=False),
        sa.Column("reason", sa.String(500), nullable=False),
        sa.Column("created_by", sa.String(64), nullable=True),
        _created_at(),
    )
    op.create_index(
        "ix_receivable_amendment_receivable_id", "receivable_amendment", ["receivable_id"]
    )
    op.create_table(
        "overpayment",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("debtor_id", sa.Integer(), sa.ForeignKey("debtor.id"), nullable=False),
        sa.Column("receivable_id", sa.Integer(), sa.ForeignKey("receivable.id"), nullable=False),
        sa.Column("arisen_on", sa.Date(), nullable=False),
        sa.Column("amount", sa.BigInteger(), nullable=False),
        _created_at(),
        sa.UniqueConstraint("receivable_id"),
    )
    op.create_index("ix_overpayment_debtor_id", "overpayment", ["debtor_id"])
    op.create_table(
        "overpayment_settlement",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("overpayment_id", sa.Integer(), sa.ForeignKey("overpayment.id"), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("decided_on", sa.Date(), nullable=False),
        sa.Column("amount", sa.BigInteger(), nullable=False),
        sa.Column("decision_ref", sa.String(100), nullable=False),
        sa.Column(
            "target_receivable_id", sa.Integer(), sa.ForeignKey("receivable.id"), nullable=True
        ),
        sa.Column("payment_id", sa.Integer(), sa.ForeignKey("payment.id"), nullable=True),
        sa.Column("created_by", sa.String(64), nullable=True),
        _created_at(),
    )
    op.create_index(
        "ix_overpayment_settlement_overpayment_id", "overpayment_settlement", ["overpayment_id"]
    )
    op.create_table(
        "dispute",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("receivable_id", sa.Integer(), sa.ForeignKey("receivable.id"), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("received_on", sa.Date(), nullable=False),
        sa.Column("answer_due_on", sa.Date(), nullable=True),
        sa.Column("description", sa.Text(), server_default="", nullable=False),
        sa.Column("resolved_on", sa.Date(), nullable=True),
        sa.Column("resolution", sa.String(500), nullable=True),
        sa.Column("created_by", sa.String(64), nullable=True),
        _created_at(),
    )
    op.create_index("ix_dispute_receivable_id", "dispute", ["receivable_id"])
    parameter = sa.table(
        "parameter",
        sa.column("code", sa.String),
        sa.column("valid_from", sa.Date),
        sa.column("value", sa.BigInteger),
        sa.column("unit", sa.String),
        sa.column("source", sa.Text),
        sa.column("created_by", sa.String),
    )
    op.bulk_insert(
        parameter,
        [
            {
                "code": code,
                "valid_from": day,
                "value": value,
                "unit": unit,
                "source": source,
                "created_by": "migracja i20_corrections",
            }
            for code, day, value, unit, source in PARAMETERS
        ],
    )


def downgrade() -> None:
    op.execute("DELETE FROM parameter WHERE code = 'zarzut_stanowisko_dni'")
    op.drop_table("dispute")
    op.drop_table("overpayment_settlement")
    op.drop_table("overpayment")
    op.drop_table("receivable_amendment")
    with op.batch_alter_table("receivable") as b:
        b.drop_column("paused_reason")
        b.drop_column("enforcement_suspended_on")
    op.drop_index("ix_payment_receivable_paid", table_name="payment")
    op.create_index(
        "ix_payment_receivable_paid",
        "payment",
        ["receivable_id", "paid_on"],
        postgresql_include=["amount"],
    )
    with op.batch_alter_table("payment") as b:
        b.drop_column("reversed_reference")
        b.drop_column("reversed_by")
        b.drop_column("reversal_reason")
        b.drop_column("reversed_on")
