"""alimony debtors: awards, payouts, recoveries and their art. 28 allocation, write-offs, registers

Revision ID: 0003_alimony
Revises: 0002_parameters
Create Date: 2026-11-23 10:00:00

Tables of app/alimony (one ORM module each in app/models/alimony_*.py) and the legal numbers of
the alimony rules as dated parameter rows with their source (app/domain/parameters.py,
ParameterCode.ALIMENTY_*). Static on purpose: no app imports, no ORM.

u.p.o.u.a. = ustawa z dnia 7 września 2007 r. o pomocy osobom uprawnionym do alimentów
(Dz.U. 2007 nr 192 poz. 1378; t.j. Dz.U. 2024 poz. 1289). Its original text entered into force on
2008-10-01; the rows below start there unless a later amendment is known. Each source says what is
still to be checked against the consolidated text in ISAP.
"""

from collections.abc import Sequence
from datetime import date

import sqlalchemy as sa

from alembic import op

revision: str = "0003_alimony"
down_revision: str | None = "0002_parameters"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_ACT = "u.p.o.u.a. (ustawa z 7.09.2007, Dz.U. 2007 nr 192 poz. 1378)"
_IN_FORCE = date(2008, 10, 1)
_ART_30 = (
    "art. 30 ust. 1 pkt {pkt} " + _ACT + ": umorzenie należności z art. 28 ust. 1 pkt 1, 2 i 4"
    " w łącznej wysokości {pct} %, jeżeli egzekucja jest skuteczna przez okres {years} lat w"
    " wysokości miesięcznej nie niższej niż wysokość zasądzonych alimentów ({months} miesięcy);"
    " seed 001, zał. 9. Obowiązuje od wejścia w życie ustawy (2008-10-01); brzmienie do"
    " sprawdzenia z t.j. Dz.U. 2024 poz. 1289"
)


def _row(code: str, day: date, value: int, unit: str, source: str) -> dict[str, object]:
    return {"code": code, "valid_from": day, "value": value, "unit": unit, "source": source}


def _art_30(pkt: int, years: int, pct: int) -> list[dict[str, object]]:
    src = _ART_30.format(pkt=pkt, pct=pct, years=years, months=12 * years)
    return [
        _row(f"alimenty_umorzenie_pkt{pkt}_miesiace", _IN_FORCE, 12 * years, "miesiace", src),
        _row(f"alimenty_umorzenie_pkt{pkt}_procent", _IN_FORCE, pct, "procent", src),
    ]


ROWS: list[dict[str, object]] = [
    *_art_30(1, 3, 30),
    *_art_30(2, 5, 50),
    *_art_30(3, 7, 100),
    _row(
        "alimenty_big_miesiace",
        _IN_FORCE,
        6,
        "miesiace",
        "art. 8a ust. 1 pkt 1 " + _ACT + ": informacja do biura informacji gospodarczej o"
        " zobowiązaniach z art. 28 ust. 1 pkt 1 i 2 „w razie powstania zaległości za okres dłuższy"
        " niż 6 miesięcy”; seed 001, zał. 8 i zał. 9 pkt 7. Data wprowadzenia art. 8a do"
        " sprawdzenia w ISAP (wiersz od wejścia w życie ustawy)",
    ),
    *[
        _row(
            code,
            date(2017, 5, 31),
            value,
            unit,
            "art. 5 ust. 3a " + _ACT + ": nie wydaje się decyzji o uznaniu dłużnika za"
            " uchylającego się, gdy przez ostatnie 6 miesięcy wywiązywał się w każdym miesiącu w"
            " kwocie nie niższej niż 50 % bieżąco ustalonych alimentów; seed 001, zał. 9 pkt 5."
            " Przepis dodany ustawą z 23.03.2017 (Dz.U. 2017 poz. 952); data wejścia w życie"
            " 2017-05-31 do sprawdzenia w ISAP",
        )
        for code, value, unit in (
            ("alimenty_uchylanie_miesiace", 6, "miesiace"),
            ("alimenty_uchylanie_procent", 50, "procent"),
        )
    ],
    _row(
        "alimenty_krz_miesiace",
        date(2021, 12, 1),
        3,
        "miesiace",
        "art. 8a ust. 1 pkt 2 " + _ACT + " w zw. z art. 8 ustawy z 6.12.2018 o Krajowym"
        " Rejestrze Zadłużonych (t.j. Dz.U. 2021 poz. 1909), KRZ od 2021-12-01 (seed 000). Okres"
        " 3 miesięcy zaległości: DOMAIN.md („arrears over 3 months”); ustawa nie wskazuje okresu"
        " dla OPS: do potwierdzenia z jednostką",
    ),
]

_parameter = sa.table(
    "parameter",
    sa.column("code", sa.String),
    sa.column("valid_from", sa.Date),
    sa.column("value", sa.BigInteger),
    sa.column("unit", sa.String),
    sa.column("source", sa.Text),
    sa.column("created_by", sa.String),
)


def upgrade() -> None:
    op.create_table(
        "alimony_award",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("debtor_id", sa.Integer(), nullable=False),
        sa.Column("entitled_name", sa.String(length=300), server_default="", nullable=False),
        sa.Column("valid_from", sa.Date(), nullable=False),
        sa.Column("monthly_amount", sa.BigInteger(), nullable=False),
        sa.Column("created_by", sa.String(length=64), nullable=True),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["debtor_id"], ["debtor.id"], name=op.f("fk_alimony_award_debtor_id_debtor")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_alimony_award")),
        sa.UniqueConstraint(
            "debtor_id",
            "entitled_name",
            "valid_from",
            name=op.f("uq_alimony_award_debtor_id_entitled_name_valid_from"),
        ),
    )
    with op.batch_alter_table("alimony_award", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_alimony_award_debtor_id"), ["debtor_id"], unique=False)

    op.create_table(
        "alimony_enforcement",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("debtor_id", sa.Integer(), nullable=False),
        sa.Column("authority", sa.String(length=300), nullable=False),
        sa.Column("case_ref", sa.String(length=100), nullable=True),
        sa.Column("started_on", sa.Date(), nullable=False),
        sa.Column("ended_on", sa.Date(), nullable=True),
        sa.Column("created_by", sa.String(length=64), nullable=True),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["debtor_id"], ["debtor.id"], name=op.f("fk_alimony_enforcement_debtor_id_debtor")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_alimony_enforcement")),
    )
    with op.batch_alter_table("alimony_enforcement", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_alimony_enforcement_debtor_id"), ["debtor_id"], unique=False
        )

    op.create_table(
        "alimony_recovery",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("debtor_id", sa.Integer(), nullable=False),
        sa.Column("received_on", sa.Date(), nullable=False),
        sa.Column("received_month", sa.Integer(), nullable=False),
        sa.Column("amount", sa.BigInteger(), nullable=False),
        sa.Column("source", sa.String(length=32), nullable=False),
        sa.Column("reference", sa.String(length=140), nullable=True),
        sa.Column("overpayment", sa.BigInteger(), server_default="0", nullable=False),
        sa.Column("created_by", sa.String(length=64), nullable=True),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["debtor_id"], ["debtor.id"], name=op.f("fk_alimony_recovery_debtor_id_debtor")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_alimony_recovery")),
        sa.UniqueConstraint(
            "debtor_id", "reference", name=op.f("uq_alimony_recovery_debtor_id_reference")
        ),
    )
    with op.batch_alter_table("alimony_recovery", schema=None) as batch_op:
        batch_op.create_index(
            "ix_alimony_recovery_debtor_month",
            ["debtor_id", "received_month", "amount"],
            unique=False,
        )

    op.create_table(
        "alimony_register_entry",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("debtor_id", sa.Integer(), nullable=False),
        sa.Column("register", sa.String(length=8), nullable=False),
        sa.Column("entered_on", sa.Date(), nullable=False),
        sa.Column("amount", sa.BigInteger(), nullable=False),
        sa.Column("updated_on", sa.Date(), nullable=True),
        sa.Column("removed_on", sa.Date(), nullable=True),
        sa.Column("removal_reason", sa.String(length=32), nullable=True),
        sa.Column("created_by", sa.String(length=64), nullable=True),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["debtor_id"], ["debtor.id"], name=op.f("fk_alimony_register_entry_debtor_id_debtor")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_alimony_register_entry")),
    )
    with op.batch_alter_table("alimony_register_entry", schema=None) as batch_op:
        batch_op.create_index(
            "ix_alimony_register_entry_debtor_register", ["debtor_id", "register"], unique=False
        )

    op.create_table(
        "alimony_allocation",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("recovery_id", sa.Integer(), nullable=False),
        sa.Column("claim", sa.String(length=32), nullable=False),
        sa.Column("regime", sa.String(length=16), nullable=False),
        sa.Column("to_costs", sa.BigInteger(), nullable=False),
        sa.Column("to_interest", sa.BigInteger(), nullable=False),
        sa.Column("to_principal", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["recovery_id"],
            ["alimony_recovery.id"],
            name=op.f("fk_alimony_allocation_recovery_id_alimony_recovery"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_alimony_allocation")),
    )
    with op.batch_alter_table("alimony_allocation", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_alimony_allocation_recovery_id"), ["recovery_id"], unique=False
        )

    op.create_table(
        "alimony_payout",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("debtor_id", sa.Integer(), nullable=False),
        sa.Column("receivable_id", sa.Integer(), nullable=False),
        sa.Column("paid_on", sa.Date(), nullable=False),
        sa.Column("amount", sa.BigInteger(), nullable=False),
        sa.Column("entitled_name", sa.String(length=300), server_default="", nullable=False),
        sa.Column("claim", sa.String(length=32), nullable=False),
        sa.Column("created_by", sa.String(length=64), nullable=True),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["debtor_id"], ["debtor.id"], name=op.f("fk_alimony_payout_debtor_id_debtor")
        ),
        sa.ForeignKeyConstraint(
            ["receivable_id"],
            ["receivable.id"],
            name=op.f("fk_alimony_payout_receivable_id_receivable"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_alimony_payout")),
    )
    with op.batch_alter_table("alimony_payout", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_alimony_payout_debtor_id"), ["debtor_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_alimony_payout_receivable_id"), ["receivable_id"], unique=False
        )

    op.create_table(
        "alimony_write_off",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("write_off_id", sa.Integer(), nullable=False),
        sa.Column("debtor_id", sa.Integer(), nullable=False),
        sa.Column("step", sa.Integer(), nullable=False),
        sa.Column("point", sa.Integer(), nullable=False),
        sa.Column("effective_months", sa.Integer(), nullable=False),
        sa.Column("period_from", sa.Date(), nullable=False),
        sa.Column("period_to", sa.Date(), nullable=False),
        sa.Column("base", sa.BigInteger(), nullable=False),
        sa.Column("already_written_off", sa.BigInteger(), nullable=False),
        sa.Column("balance_before", sa.BigInteger(), nullable=False),
        sa.Column("fund_principal", sa.BigInteger(), nullable=False),
        sa.Column("fund_interest", sa.BigInteger(), nullable=False),
        sa.Column("advance_principal", sa.BigInteger(), nullable=False),
        sa.Column("advance_interest", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["debtor_id"], ["debtor.id"], name=op.f("fk_alimony_write_off_debtor_id_debtor")
        ),
        sa.ForeignKeyConstraint(
            ["write_off_id"],
            ["write_off.id"],
            name=op.f("fk_alimony_write_off_write_off_id_write_off"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_alimony_write_off")),
        sa.UniqueConstraint("write_off_id", name=op.f("uq_alimony_write_off_write_off_id")),
    )
    with op.batch_alter_table("alimony_write_off", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_alimony_write_off_debtor_id"), ["debtor_id"], unique=False
        )

    op.bulk_insert(_parameter, [{**row, "created_by": "migracja 0003_alimony"} for row in ROWS])


def downgrade() -> None:
    for row in ROWS:
        op.execute(
            _parameter.delete().where(
                _parameter.c.code == row["code"], _parameter.c.valid_from == row["valid_from"]
            )
        )
    with op.batch_alter_table("alimony_write_off", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_alimony_write_off_debtor_id"))

    op.drop_table("alimony_write_off")
    with op.batch_alter_table("alimony_payout", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_alimony_payout_receivable_id"))
        batch_op.drop_index(batch_op.f("ix_alimony_payout_debtor_id"))

    op.drop_table("alimony_payout")
    with op.batch_alter_table("alimony_allocation", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_alimony_allocation_recovery_id"))

    op.drop_table("alimony_allocation")
    with op.batch_alter_table("alimony_register_entry", schema=None) as batch_op:
        batch_op.drop_index("ix_alimony_register_entry_debtor_register")

    op.drop_table("alimony_register_entry")
    with op.batch_alter_table("alimony_recovery", schema=None) as batch_op:
        batch_op.drop_index("ix_alimony_recovery_debtor_month")

    op.drop_table("alimony_recovery")
    with op.batch_alter_table("alimony_enforcement", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_alimony_enforcement_debtor_id"))

    op.drop_table("alimony_enforcement")
    with op.batch_alter_table("alimony_award", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_alimony_award_debtor_id"))

    op.drop_table("alimony_award")
