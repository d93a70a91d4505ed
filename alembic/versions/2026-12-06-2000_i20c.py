"""i20c: the debtor's death (heirs, the write-off for lack of an estate) and data retention
(archival category per kind, retention lists with the state archive's consent); issue 20 items
7 and 8.

Parameter spadek_przedmioty_codziennego_uzytku = 6000 zł (600000 gr): the
amount is in u.f.p. art. 56 ust. 1 pkt 1 as in force for the texts read (gov.legalis.pl, RIO
stance citing the current act); the day it was first set could not be verified offline, so the
row is dated from the act's entry into force (2010-01-01) and the lead must confirm it. Change
it by a new dated row (POST /api/v1/parameters), never by editing this one.

Revision ID: i20c_estate_retention
Revises: i20b_deferral
Create Date: 2026-12-06 18:55:00
"""

from collections.abc import Sequence
from datetime import date

import sqlalchemy as sa

from alembic import op

revision: str = "i20c_estate_retention"
down_revision: str | None = "i20b_deferral"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _created_at() -> sa.Column[object]:
    return sa.Column(
        "created_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False
    )


def upgrade() -> None:
    with op.batch_alter_table("debtor") as b:
        b.add_column(sa.Column("estate_divided_on", sa.Date(), nullable=True))
        b.add_column(sa.Column("anonymised_on", sa.Date(), nullable=True))
    with op.batch_alter_table("receivable_kind") as b:
        b.add_column(
            sa.Column("archival_category", sa.String(length=8), server_default="B5", nullable=False)
        )
    op.create_table(
        "estate_heir",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("deceased_id", sa.Integer(), nullable=False),
        sa.Column("heir_id", sa.Integer(), nullable=False),
        sa.Column("share_num", sa.Integer(), nullable=False),
        sa.Column("share_den", sa.Integer(), nullable=False),
        sa.Column("basis", sa.String(length=300), nullable=False),
        sa.Column("established_on", sa.Date(), nullable=False),
        sa.Column("created_by", sa.String(length=64), nullable=True),
        _created_at(),
        sa.ForeignKeyConstraint(
            ["deceased_id"], ["debtor.id"], name=op.f("fk_estate_heir_deceased_id_debtor")
        ),
        sa.ForeignKeyConstraint(
            ["heir_id"], ["debtor.id"], name=op.f("fk_estate_heir_heir_id_debtor")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_estate_heir")),
        sa.UniqueConstraint(
            "deceased_id", "heir_id", name=op.f("uq_estate_heir_deceased_id_heir_id")
        ),
    )
    op.create_index(op.f("ix_estate_heir_deceased_id"), "estate_heir", ["deceased_id"])
    op.create_index(op.f("ix_estate_heir_heir_id"), "estate_heir", ["heir_id"])
    op.create_table(
        "estate_write_off",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("debtor_id", sa.Integer(), nullable=False),
        sa.Column("decided_on", sa.Date(), nullable=False),
        sa.Column("decision_ref", sa.String(length=100), nullable=False),
        sa.Column("ground", sa.String(length=40), nullable=False),
        sa.Column("household_value", sa.BigInteger(), nullable=True),
        sa.Column("total", sa.BigInteger(), nullable=False),
        sa.Column("created_by", sa.String(length=64), nullable=True),
        _created_at(),
        sa.ForeignKeyConstraint(
            ["debtor_id"], ["debtor.id"], name=op.f("fk_estate_write_off_debtor_id_debtor")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_estate_write_off")),
    )
    op.create_index(op.f("ix_estate_write_off_debtor_id"), "estate_write_off", ["debtor_id"])
    op.create_table(
        "retention_list",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=32), nullable=False),
        sa.Column("drawn_on", sa.Date(), nullable=False),
        sa.Column("consent_on", sa.Date(), nullable=True),
        sa.Column("consent_ref", sa.String(length=100), nullable=True),
        sa.Column("archive", sa.String(length=200), nullable=True),
        sa.Column("anonymised_on", sa.Date(), nullable=True),
        sa.Column("created_by", sa.String(length=64), nullable=True),
        _created_at(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_retention_list")),
        sa.UniqueConstraint("number", name=op.f("uq_retention_list_number")),
    )
    op.create_table(
        "retention_item",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("list_id", sa.Integer(), nullable=False),
        sa.Column("receivable_id", sa.Integer(), nullable=False),
        sa.Column("category", sa.String(length=8), nullable=False),
        sa.Column("closed_on", sa.Date(), nullable=False),
        sa.Column("due_from", sa.Date(), nullable=False),
        sa.ForeignKeyConstraint(
            ["list_id"],
            ["retention_list.id"],
            name=op.f("fk_retention_item_list_id_retention_list"),
        ),
        sa.ForeignKeyConstraint(
            ["receivable_id"],
            ["receivable.id"],
            name=op.f("fk_retention_item_receivable_id_receivable"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_retention_item")),
        sa.UniqueConstraint("receivable_id", name=op.f("uq_retention_item_receivable_id")),
    )
    op.create_index(op.f("ix_retention_item_list_id"), "retention_item", ["list_id"])
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
                "code": "spadek_przedmioty_codziennego_uzytku",
                "valid_from": date(2010, 1, 1),
                "value": 600000,
                "unit": "grosze",
                "source": "u.f.p. (ustawa z 27.08.2009, Dz.U. 2009 nr 157 poz. 1240) art. 56 ust. 1"
                " pkt 1: przedmioty codziennego użytku domowego zmarłego do 6000 zł; DO"
                " WERYFIKACJI: data obowiązywania kwoty",
                "created_by": "migracja i20c_estate_retention",
            }
        ],
    )


def downgrade() -> None:
    op.execute("DELETE FROM parameter WHERE code = 'spadek_przedmioty_codziennego_uzytku'")
    op.drop_table("retention_item")
    op.drop_table("retention_list")
    op.drop_table("estate_write_off")
    op.drop_table("estate_heir")
    with op.batch_alter_table("receivable_kind") as b:
        b.drop_column("archival_category")
    with op.batch_alter_table("debtor") as b:
        b.drop_column("anonymised_on")
        b.drop_column("estate_divided_on")
