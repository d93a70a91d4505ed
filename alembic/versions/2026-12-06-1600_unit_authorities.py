"""unit and authorities: the unit's data and its enforcement authorities as tables

Revision ID: i14a_unit_authorities
Revises: i15_auth_sessions_audit
Create Date: 2026-12-06 10:00:00

Issue 14 item 2: the unit (the creditor on every document) and its enforcement authorities lived
only in environment variables. Now they are rows the admin edits; the settings fill an empty
database on its first start (app/unit/service.py seed). The authorities' territory is a list of
communes (TERC codes); a commune belongs to one authority at most. receivable_change records the
changes of a receivable's data that are not changes of state (an authority chosen by hand, with
its reason). Kinds get their bank account and budget classification. Static: no app imports.
"""

from collections.abc import Sequence

import sqlalchemy as sa

from alembic import op

revision: str = "i14a_unit_authorities"
down_revision: str | None = "i15_auth_sessions_audit"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

KIND_COLUMNS = (
    ("bank_account", 34),
    ("budget_dzial", 3),
    ("budget_rozdzial", 5),
    ("budget_paragraf", 4),
)


def _address() -> list[sa.Column[str]]:
    return [
        sa.Column("street", sa.String(length=200), nullable=False),
        sa.Column("postal_code", sa.String(length=10), nullable=False),
        sa.Column("city", sa.String(length=100), nullable=False),
        sa.Column("commune_code", sa.String(length=7), nullable=True),
        sa.Column("voivodeship", sa.String(length=40), nullable=True),
        sa.Column("county", sa.String(length=60), nullable=True),
        sa.Column("commune", sa.String(length=60), nullable=True),
    ]


def upgrade() -> None:
    op.create_table(
        "unit",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        *_address(),
        sa.Column("nip", sa.String(length=10), nullable=True),
        sa.Column("regon", sa.String(length=14), nullable=True),
        sa.Column("creditor_code", sa.String(length=32), nullable=True),
        sa.Column("bank_accounts", sa.JSON(), nullable=False),
        sa.Column("signatory_name", sa.String(length=200), nullable=False),
        sa.Column("signatory_position", sa.String(length=200), nullable=False),
        sa.Column("place_of_issue", sa.String(length=100), nullable=True),
        sa.Column("is_example", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("updated_by", sa.String(length=64), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_unit")),
    )
    op.create_table(
        "authority",
        sa.Column("code", sa.String(length=32), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        *_address(),
        sa.Column("office_code", sa.String(length=4), nullable=True),
        sa.Column("is_default", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_authority")),
    )
    op.create_table(
        "authority_commune",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("authority_code", sa.String(length=32), nullable=False),
        sa.Column("commune_code", sa.String(length=7), nullable=False),
        sa.ForeignKeyConstraint(
            ["authority_code"],
            ["authority.code"],
            name=op.f("fk_authority_commune_authority_code_authority"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_authority_commune")),
        sa.UniqueConstraint("commune_code", name=op.f("uq_authority_commune_commune_code")),
    )
    op.create_index(
        op.f("ix_authority_commune_authority_code"),
        "authority_commune",
        ["authority_code"],
        unique=False,
    )
    op.create_table(
        "receivable_change",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("receivable_id", sa.Integer(), nullable=False),
        sa.Column("field", sa.String(length=32), nullable=False),
        sa.Column("old", sa.String(length=300), nullable=True),
        sa.Column("new", sa.String(length=300), nullable=True),
        sa.Column("reason", sa.String(length=500), nullable=False),
        sa.Column("actor", sa.String(length=64), nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["receivable_id"],
            ["receivable.id"],
            name=op.f("fk_receivable_change_receivable_id_receivable"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_receivable_change")),
    )
    op.create_index(
        op.f("ix_receivable_change_receivable_id"),
        "receivable_change",
        ["receivable_id"],
        unique=False,
    )
    with op.batch_alter_table("receivable_kind", schema=None) as batch_op:
        for name, length in KIND_COLUMNS:
            batch_op.add_column(sa.Column(name, sa.String(length=length), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("receivable_kind", schema=None) as batch_op:
        for name, _length in reversed(KIND_COLUMNS):
            batch_op.drop_column(name)
    op.drop_index(op.f("ix_receivable_change_receivable_id"), table_name="receivable_change")
    op.drop_table("receivable_change")
    op.drop_index(op.f("ix_authority_commune_authority_code"), table_name="authority_commune")
    op.drop_table("authority_commune")
    op.drop_table("authority")
    op.drop_table("unit")
