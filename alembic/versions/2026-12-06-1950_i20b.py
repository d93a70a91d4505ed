"""i20b: deferral by decision (issue 20 item 3): the relief case table, the competent organ and
the prolongation fee per kind, the fee's dated share of the default-interest rate

Revision ID: i20b_deferral
Revises: i18b_decision_amount
Create Date: 2026-12-06 18:59:00

New table deferral (application, referral to the competent organ, decision received back, fee).
New columns receivable_kind.relief_organ and prolongation_fee_code. The stay fee (oplata_pobyt)
gets the organ of seed 003 §4 ("należności mogą być umarzane lub rozkładane na raty przez
Prezydenta Miasta Włocławek … wniosek dłużnika … jest przekazywany do Wydziału Finansów Urzędu
Miasta Włocławek"). No kind charges the prolongation fee by default: OP art. 57 §1 (t.j. Dz.U.
2023 poz. 2383) makes it compulsory only in decisions on taxes that are state budget income; a
unit whose receivables carry it sets the kind's prolongation_fee_code to
oplata_prolongacyjna_udzial.

Parameter oplata_prolongacyjna_udzial = 5000 (50.00 %, in basis points of the default-interest
rate) from 2016-01-01: OP art. 57 §2 ("Stawka opłaty prolongacyjnej jest równa obniżonej stawce
odsetek za zwłokę") with art. 56a §1 (the reduced rate is 50 % of the rate of art. 56 §1), both in
the wording of the act of 10.09.2015 (Dz.U. 2015 poz. 1649) in force from 1.01.2016; the MF
publishes 4 % from 8.01.2016 (M.P. 2016 poz. 20) when the default rate was 8 %.
"""

from collections.abc import Sequence
from datetime import date

import sqlalchemy as sa

from alembic import op

revision: str = "i20b_deferral"
down_revision: str | None = "i18b_decision_amount"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

ORGAN = "Prezydent Miasta Włocławek (Wydział Finansów Urzędu Miasta Włocławek)"
SHARE_SOURCE = (
    "OP art. 57 § 2 (stawka opłaty prolongacyjnej równa obniżonej stawce odsetek za zwłokę) i"
    " art. 56a § 1 (50 % stawki z art. 56 § 1), ustawa z 10.09.2015 (Dz.U. 2015 poz. 1649),"
    " w mocy od 1.01.2016; t.j. Dz.U. 2023 poz. 2383"
)

_kind = sa.table(
    "receivable_kind", sa.column("code", sa.String), sa.column("relief_organ", sa.String)
)


def upgrade() -> None:
    op.create_table(
        "deferral",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("receivable_id", sa.Integer(), sa.ForeignKey("receivable.id"), nullable=False),
        sa.Column("relief", sa.String(16), nullable=False),
        sa.Column("applied_on", sa.Date(), nullable=True),
        sa.Column("reasons", sa.Text(), server_default="", nullable=False),
        sa.Column("organ", sa.String(300), nullable=True),
        sa.Column("referred_on", sa.Date(), nullable=True),
        sa.Column("outcome", sa.String(16), nullable=True),
        sa.Column("decided_on", sa.Date(), nullable=True),
        sa.Column("decision_ref", sa.String(100), nullable=True),
        sa.Column("old_term", sa.Date(), nullable=True),
        sa.Column("new_term", sa.Date(), nullable=True),
        sa.Column("principal", sa.BigInteger(), nullable=True),
        sa.Column("fee", sa.BigInteger(), server_default="0", nullable=False),
        sa.Column("fee_waived", sa.String(300), nullable=True),
        sa.Column("amount", sa.BigInteger(), nullable=True),
        sa.Column("created_by", sa.String(64), nullable=True),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.func.now(),
            nullable=False,
        ),
    )
    op.create_index("ix_deferral_receivable_id", "deferral", ["receivable_id"])
    with op.batch_alter_table("receivable_kind") as b:
        b.add_column(sa.Column("relief_organ", sa.String(300), nullable=True))
        b.add_column(sa.Column("prolongation_fee_code", sa.String(64), nullable=True))
    op.execute(_kind.update().where(_kind.c.code == "oplata_pobyt").values(relief_organ=ORGAN))
    parameter = sa.table(
        "parameter",
        sa.column("code", sa.String),
        sa.column("valid_from", sa.Date),
        sa.column("value", sa.BigInteger),
        sa.column("unit", sa.String),
        sa.column("source", sa.Text),
    )
    op.bulk_insert(
        parameter,
        [
            {
                "code": "oplata_prolongacyjna_udzial",
                "valid_from": date(2016, 1, 1),
                "value": 5000,
                "unit": "bp",
                "source": SHARE_SOURCE,
            }
        ],
    )


def downgrade() -> None:
    op.execute("DELETE FROM parameter WHERE code = 'oplata_prolongacyjna_udzial'")
    with op.batch_alter_table("receivable_kind") as b:
        b.drop_column("prolongation_fee_code")
        b.drop_column("relief_organ")
    op.drop_index("ix_deferral_receivable_id", table_name="deferral")
    op.drop_table("deferral")
