"""i22b: proposals under the chief accountant's preliminary control (issue 22 item 6)

Revision ID: i22b_control
Revises: i20c_estate_retention
Create Date: 2026-12-06 18:40:00

- control_proposal: a write-off, instalments (relief), a payment's storno, an amended or annulled
  decision proposed by a specialist, countersigned or returned by the chief accountant (u.f.p.
  art. 54 ust. 1 pkt 3) and decided by the manager where the law gives them the decision.
- parameter rows: the unit's rules for the year-end write-down allowances (odpisy aktualizujące,
  ustawa o rachunkowości art. 35b ust. 1 pkt 3 and 5), example values the unit confirms or
  changes by a new dated row (POST /api/v1/parameters) in its accounting policy.
"""

from collections.abc import Sequence
from datetime import date

import sqlalchemy as sa

from alembic import op

revision: str = "i22b_control"
down_revision: str | None = "i20c_estate_retention"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


_POLICY = (
    "Zasady (polityka) rachunkowości jednostki, art. 10 ust. 1 pkt 2 ustawy z 29.09.1994 "
    "o rachunkowości (Dz.U. 2023 poz. 120 ze zm.); kryteria odpisu z art. 35b ust. 1 pkt 3 i 5 "
    "tej ustawy. Wartość przykładowa: jednostka potwierdza ją lub zmienia nowym wierszem."
)
# ustawa o rachunkowości, art. 35b in its wording from 1.01.2002 (Dz.U. 2000 nr 113 poz. 1186).
PARAMETERS = [
    ("odpis_przeterminowane_miesiace", date(2002, 1, 1), 12, "miesiace", _POLICY),
    ("odpis_przeterminowane_procent", date(2002, 1, 1), 100, "procent", _POLICY),
    ("odpis_zmarly_procent", date(2002, 1, 1), 100, "procent", _POLICY),
]


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
                "created_by": "migracja i22b_control",
            }
            for code, day, value, unit, source in PARAMETERS
        ],
    )


def downgrade() -> None:
    op.execute("DELETE FROM parameter WHERE code LIKE 'odpis_%'")
    op.drop_index("ix_control_proposal_receivable_id", table_name="control_proposal")
    op.drop_index("ix_control_proposal_state", table_name="control_proposal")
    op.drop_table("control_proposal")
