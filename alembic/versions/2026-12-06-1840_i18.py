"""i18: the procedure against an alimony debtor as a case on the debtor

Revision ID: i18_alimony_case
Revises: i16b_decisions
Create Date: 2026-12-06 18:18:00

Issue 18 (seed 001, annex 9; u.p.o.u.a. art. 3–5, 8, 8a; art. 209 k.k.): alimony_case (one per
debtor: trigger, opening day, the creditor's and the debtor's commune as TERC codes) and
alimony_case_step (each step on its day, its variant, the day it sets, what was written, the BIG
entry a pouczenie refers to).

Parameters (dated rows with their source; app/domain/alimony_case.Terms reads them):
- alimenty_sprawa_miesiace = 1: k.p.a. art. 35 § 3 (a case needing explanation within a month);
- alimenty_odwolanie_dni = 14: k.p.a. art. 129 § 2 (appeal within 14 days of delivery);
- alimenty_pismo_dni = 7: the unit's own term for the letters that follow a step (no statute);
- alimenty_rejestracja_pup_dni = 14: the term the organ sets on the obligation to register at the
  PUP (u.p.o.u.a. art. 5 ust. 2 pkt 1 sets none).
"""

from collections.abc import Sequence
from datetime import date

import sqlalchemy as sa

from alembic import op

revision: str = "i18_alimony_case"
down_revision: str | None = "i16b_decisions"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_KPA = "ustawa z 14.06.1960 – Kodeks postępowania administracyjnego (t.j. Dz.U. 2024 poz. 572)"
PARAMETERS: list[tuple[str, date, int, str, str]] = [
    (
        "alimenty_sprawa_miesiace",
        date(1980, 1, 1),
        1,
        "miesiace",
        f"{_KPA}, art. 35 § 3: sprawa wymagająca postępowania wyjaśniającego – nie później niż"
        " w ciągu miesiąca (wywiad po wszczęciu sprawy, decyzja po wszczęciu postępowania, ulga)",
    ),
    (
        "alimenty_odwolanie_dni",
        date(1980, 1, 1),
        14,
        "dni",
        f"{_KPA}, art. 129 § 2: odwołanie wnosi się w terminie czternastu dni od dnia doręczenia"
        " decyzji; bez odwołania decyzja jest ostateczna (art. 16 § 1)",
    ),
    (
        "alimenty_pismo_dni",
        date(1980, 1, 1),
        7,
        "dni",
        "Termin wewnętrzny jednostki (zarządzenie, zał. 9; ustawa z 7.09.2007 o pomocy osobom"
        " uprawnionym do alimentów nie określa terminu): pismo po czynności wysyła się w 7 dni",
    ),
    (
        "alimenty_rejestracja_pup_dni",
        date(1980, 1, 1),
        14,
        "dni",
        "Termin wyznaczany przez organ właściwy dłużnika w zobowiązaniu do rejestracji w PUP"
        " (art. 5 ust. 2 pkt 1 ustawy z 7.09.2007 o pomocy osobom uprawnionym do alimentów"
        " terminu nie określa)",
    ),
]


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
                "created_by": "migracja i18_alimony_case",
            }
            for code, day, value, unit, source in PARAMETERS
        ],
    )


def downgrade() -> None:
    codes = ", ".join(f"'{code}'" for code, *_ in PARAMETERS)
    op.execute(f"DELETE FROM parameter WHERE code IN ({codes})")
    op.drop_index(op.f("ix_alimony_case_step_case_id"), table_name="alimony_case_step")
    op.drop_table("alimony_case_step")
    op.drop_table("alimony_case")
