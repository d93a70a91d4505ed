"""i22: the chief accountant's statements — allocated book entries, kinds' classification per
component with FK accounts, the alimony-fund shares

Revision ID: i22_statements
Revises: i19_notes
Create Date: 2026-12-06 18:30:00

Issue 22. book_entry / receivable_book: the allocation of every payment and write-off (derived,
rewritten by app/reports/book.py) so that Rb-N, Rb-27S, turnover and aging are SQL sums.
kind_booking: the budget classification and accounts of each component of a kind, seeded for the
three kinds of the installation; the unit corrects them to its own plan of accounts.
Parameters fa_udzial_budzet_panstwa / fa_udzial_gmina: the split of alimony-fund recoveries.
Static: no app imports.
"""

from collections.abc import Sequence
from datetime import date

import sqlalchemy as sa

from alembic import op

revision: str = "i22_statements"
down_revision: str | None = "i19_notes"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_ACTOR = "migracja i22_statements"

# Szczegółowa klasyfikacja dochodów (rozporządzenie MF z 2.03.2010, Dz.U. 2014 poz. 1053 t.j. ze
# zm.): § 0830 wpływy z usług, § 0910 odsetki od nieterminowych wpłat z tytułu podatków i opłat,
# § 0920 pozostałe odsetki, § 0640 wpływy z tytułu kosztów egzekucyjnych, opłaty komorniczej i
# kosztów upomnień, § 0980 wpływy z tytułu zwrotów wypłaconych świadczeń z funduszu
# alimentacyjnego, § 0940 wpływy z rozliczeń/zwrotów z lat ubiegłych. Dział 851 rozdział 85158
# izby wytrzeźwień; dział 855 rozdział 85502 świadczenia rodzinne, z funduszu alimentacyjnego.
# Accounts (rozporządzenie MF z 13.09.2017 w sprawie rachunkowości oraz planów kont, załącznik 3):
# 221 należności z tytułu dochodów budżetowych, 720 przychody z tytułu dochodów budżetowych, 750
# przychody finansowe (odsetki), 760 pozostałe przychody operacyjne, 130 rachunek bieżący, 240
# pozostałe rozrachunki (nadpłaty).
_BOOKINGS = [
    ("oplata_pobyt", "principal", "851", "85158", "0830", "221", "720"),
    ("oplata_pobyt", "interest", "851", "85158", "0910", "221", "750"),
    ("oplata_pobyt", "costs", "851", "85158", "0640", "221", "760"),
    ("fundusz_alimentacyjny", "principal", "855", "85502", "0980", "221", "720"),
    ("fundusz_alimentacyjny", "interest", "855", "85502", "0920", "221", "750"),
    ("fundusz_alimentacyjny", "costs", "855", "85502", "0640", "221", "760"),
    ("nienaleznie_pobrane", "principal", "855", "85502", "0940", "221", "720"),
    ("nienaleznie_pobrane", "interest", "855", "85502", "0920", "221", "750"),
    ("nienaleznie_pobrane", "costs", "855", "85502", "0640", "221", "760"),
]

# Ustawa z 7.09.2007 o pomocy osobom uprawnionym do alimentów (t.j. Dz.U. 2026 poz. 79), art. 27
# ust. 4: of the sums the alimony debtor returns for fund benefits, the principal is in 60 % income
# of the state budget and in 40 % own income of the commune of the creditor; the interest is all
# the state budget's. Before the act of 24.07.2015 (Dz.U. 2015 poz. 1302, in force 2015-10-01) the
# commune's 40 % were 20 % for the creditor's commune and 20 % for the debtor's (40 % for a unit
# whose debtor lived in the same commune, which is what the 2008 rows assume); the interest was
# then already the state's. Sources: the act as published; Gazeta Prawna, "Ściąganie alimentów:
# państwo zmniejszy dochody gmin" (2015) and "Mniej pieniędzy dla gmin na ściąganie alimentów"
# (2017, art. 27 ust. 4: "40 proc. należności jest dochodem samorządu, a pozostałe 60 proc. oraz
# odsetki stanowią zysk budżetu państwa"). Percent.
_SRC = "ustawa z 7.09.2007 o pomocy osobom uprawnionym do alimentów art. 27 ust. 4"
_SRC_2015 = _SRC + " w brzmieniu ustawy z 24.07.2015 (Dz.U. 2015 poz. 1302)"
_SHARES = [
    ("fa_udzial_budzet_panstwa", date(2008, 10, 1), 60, "procent", _SRC),
    ("fa_udzial_gmina", date(2008, 10, 1), 40, "procent", _SRC + " (20 % + 20 %)"),
    ("fa_udzial_budzet_panstwa", date(2015, 10, 1), 60, "procent", _SRC_2015),
    ("fa_udzial_gmina", date(2015, 10, 1), 40, "procent", _SRC_2015),
    ("fa_udzial_budzet_panstwa_odsetki", date(2008, 10, 1), 100, "procent", _SRC),
    ("fa_udzial_gmina_odsetki", date(2008, 10, 1), 0, "procent", _SRC),
]
_CODES = tuple(sorted({code for code, *_ in _SHARES}))

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
        "book_entry",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("receivable_id", sa.Integer(), nullable=False),
        sa.Column("booked_on", sa.Date(), nullable=False),
        sa.Column("source", sa.String(length=16), nullable=False),
        sa.Column("amount", sa.BigInteger(), nullable=False),
        sa.Column("to_costs", sa.BigInteger(), nullable=False),
        sa.Column("to_interest", sa.BigInteger(), nullable=False),
        sa.Column("to_principal", sa.BigInteger(), nullable=False),
        sa.Column("overpayment", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["receivable_id"],
            ["receivable.id"],
            name=op.f("fk_book_entry_receivable_id_receivable"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_book_entry")),
    )
    op.create_index(op.f("ix_book_entry_booked_on"), "book_entry", ["booked_on"])
    op.create_index("ix_book_entry_receivable_on", "book_entry", ["receivable_id", "booked_on"])
    op.create_table(
        "receivable_book",
        sa.Column("receivable_id", sa.Integer(), nullable=False),
        *(
            sa.Column(
                name,
                sa.BigInteger() if name.endswith("_sum") or name == "principal" else sa.Integer(),
                nullable=False,
            )
            for name in (
                "payments_n",
                "payments_sum",
                "write_offs_n",
                "write_offs_sum",
                "costs_n",
                "costs_sum",
                "recoveries_n",
                "recoveries_sum",
                "principal",
            )
        ),
        sa.Column("state", sa.String(length=32), nullable=False),
        sa.ForeignKeyConstraint(
            ["receivable_id"],
            ["receivable.id"],
            name=op.f("fk_receivable_book_receivable_id_receivable"),
        ),
        sa.PrimaryKeyConstraint("receivable_id", name=op.f("pk_receivable_book")),
    )
    booking = op.create_table(
        "kind_booking",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind_code", sa.String(length=64), nullable=False),
        sa.Column("component", sa.String(length=16), nullable=False),
        sa.Column("dzial", sa.String(length=3), nullable=False),
        sa.Column("rozdzial", sa.String(length=5), nullable=False),
        sa.Column("paragraf", sa.String(length=4), nullable=False),
        sa.Column("account", sa.String(length=32), nullable=False),
        sa.Column("counter_account", sa.String(length=32), nullable=False),
        sa.Column("cash_account", sa.String(length=32), nullable=False),
        sa.Column("overpayment_account", sa.String(length=32), nullable=False),
        sa.ForeignKeyConstraint(
            ["kind_code"],
            ["receivable_kind.code"],
            name=op.f("fk_kind_booking_kind_code_receivable_kind"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_kind_booking")),
        sa.UniqueConstraint(
            "kind_code", "component", name=op.f("uq_kind_booking_kind_code_component")
        ),
    )
    assert booking is not None
    known = {row[0] for row in op.get_bind().execute(sa.text("SELECT code FROM receivable_kind"))}
    op.bulk_insert(
        booking,
        [
            {
                "kind_code": kind,
                "component": component,
                "dzial": dzial,
                "rozdzial": rozdzial,
                "paragraf": paragraf,
                "account": account,
                "counter_account": counter,
                "cash_account": "130",
                "overpayment_account": "240",
            }
            for kind, component, dzial, rozdzial, paragraf, account, counter in _BOOKINGS
            if kind in known
        ],
    )
    op.bulk_insert(
        _parameter,
        [
            {
                "code": code,
                "valid_from": on,
                "value": value,
                "unit": unit,
                "source": src,
                "created_by": _ACTOR,
            }
            for code, on, value, unit, src in _SHARES
        ],
    )


def downgrade() -> None:
    op.execute(_parameter.delete().where(_parameter.c.code.in_(_CODES)))
    op.drop_table("kind_booking")
    op.drop_table("receivable_book")
    op.drop_index("ix_book_entry_receivable_on", table_name="book_entry")
    op.drop_index(op.f("ix_book_entry_booked_on"), table_name="book_entry")
    op.drop_table("book_entry")
