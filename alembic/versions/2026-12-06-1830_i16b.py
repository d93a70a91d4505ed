"""i16b: the decision before enforcement (fund receivables), family benefits received without right

Revision ID: i16b_decisions
Revises: i16a_tranches_limitation
Create Date: 2026-12-06 18:30:00

Issue 16 item 8: a kind may require a final decision fixing the amount before a reminder and a
title (receivable_kind.decision_required); the decision's number, issue and delivery days are kept
on the receivable (decision_final_on exists). The alimony fund's kind requires it: the decision of
the debtor's competent authority on the reimbursement (art. 27 u.p.o.u.a.), and so does the art. 23
kind (its limitation already runs from that decision).

Issue 16 item 10: the kind `nienaleznie_swiadczenia_rodzinne` (art. 30 of the ustawa z 28.11.2003
o świadczeniach rodzinnych; seed 002: the special care allowance) and the dated limit of a
deduction from family benefits currently paid (receivable_kind.deduction_limit_code names it).

Static on purpose: the rows are written out here, not imported from app/.
"""

from collections.abc import Sequence
from datetime import date

import sqlalchemy as sa

from alembic import op

revision: str = "i16b_decisions"
down_revision: str | None = "i16a_tranches_limitation"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

USR = (
    "ustawy z dnia 28 listopada 2003 r. o świadczeniach rodzinnych (Dz.U. z 2024 r. poz. 323 "
    "ze zm.)"
)
LIMIT_CODE = "potracenie_swiadczenia_rodzinne_procent"

FAMILY_KIND = {
    "code": "nienaleznie_swiadczenia_rodzinne",
    "label": "Nienależnie pobrane świadczenia rodzinne (np. specjalny zasiłek opiekuńczy)",
    "legal_basis": (
        f"art. 30 {USR}: zwrot nienależnie pobranych świadczeń rodzinnych ustalonych ostateczną "
        "decyzją wraz z odsetkami ustawowymi za opóźnienie od pierwszego dnia miesiąca "
        "następującego po dniu wypłaty; przedawnienie 3 lata od dnia, w którym decyzja stała się "
        "ostateczna, przerywane odroczeniem terminu płatności, rozłożeniem na raty i każdą inną "
        "czynnością zmierzającą do ściągnięcia należności, o której dłużnik został zawiadomiony; "
        "potrącenie z wypłacanych świadczeń rodzinnych; egzekucja w trybie przepisów o "
        "postępowaniu egzekucyjnym w administracji"
    ),
    "interest_regime": "odsetki_ustawowe_za_opoznienie",
    "interest_start": "first_of_next_month",
    "allocation_rule": "kc_451",
    "payment_term_days": 14,
    "reminder_term_days": 7,
    "reminder_required": True,
    "limitation_rule": "years_from_decision",
    "limitation_years": 3,
    "limitation_interrupted_by_payment": False,
    "decision_required": True,
    "deduction_limit_code": LIMIT_CODE,
    # What interrupts it, as art. 30 u.ś.r. says (see legal_basis), and no decision after 10 years
    # from the payout (art. 30 u.ś.r., as art. 23 ust. 4 u.p.o.u.a.): the kind's data of
    # migration i16a_tranches_limitation.
    "limitation_interrupted_by": "odroczenie,raty,srodek_egzekucyjny",
    "decision_bar_years": 10,
}

LIMIT_ROW = {
    "code": LIMIT_CODE,
    # The act is in force since 1 May 2004 (art. 63 u.ś.r.).
    "valid_from": date(2004, 5, 1),
    "value": 100,
    "unit": "procent",
    "source": (
        f"art. 30 {USR}: kwoty nienależnie pobranych świadczeń rodzinnych ustalone ostateczną "
        "decyzją podlegają potrąceniu z wypłacanych świadczeń rodzinnych; ustawa nie ogranicza "
        "potrącenia do części świadczenia, potrąca się do pełnej kwoty świadczenia przysługującego "
        "do wypłaty w miesiącu, nie więcej niż należność (informacja o wysokości potrącenia, MOPS "
        "Puławy, https://www.mops.pulawy.pl/1448-wiadczenia-rodzinnefundusz-alimentacyjny-rodzina-"
        "500-plus/nienaleznie-pobrane-swiadczenia/); zmiana ustawy: nowy wiersz z datą"
    ),
}

UPOUA = "ustawy z dnia 7 września 2007 r. o pomocy osobom uprawnionym do alimentów"
FUND_LIMIT_CODE = "potracenie_fundusz_procent"
FUND_LIMIT_ROW = {
    "code": FUND_LIMIT_CODE,
    # The act is in force since 1 October 2008.
    "valid_from": date(2008, 10, 1),
    "value": 100,
    "unit": "procent",
    "source": (
        f"art. 23 ust. 5 {UPOUA} (tekst jedn. Dz.U. 2022 poz. 1205): kwoty nienależnie pobranych "
        "świadczeń wraz z odsetkami ustalone ostateczną decyzją podlegają potrąceniu z bieżąco "
        "wypłacanych świadczeń z funduszu; ustawa nie ogranicza potrącenia do części świadczenia "
        "(informacja o wysokości potrącenia, MOPS Puławy, jak wyżej)"
    ),
}

FUND_BASIS = (
    "art. 27 ustawy z dnia 7 września 2007 r. o pomocy osobom uprawnionym do alimentów: zwrot "
    "świadczeń wypłaconych z funduszu alimentacyjnego wraz z odsetkami ustawowymi za opóźnienie "
    "od dnia następującego po dniu wypłaty (ust. 1 i 1a), ustalony decyzją organu właściwego "
    "dłużnika w sprawie zwrotu należności; egzekucja po upływie terminu z ostatecznej decyzji, "
    "poprzedzona upomnieniem (art. 15 § 1 ustawy o postępowaniu egzekucyjnym w administracji)"
)

_kind = sa.table(
    "receivable_kind",
    *(sa.column(c) for c in FAMILY_KIND),
)
_parameter = sa.table(
    "parameter",
    sa.column("code", sa.String),
    sa.column("valid_from", sa.Date),
    sa.column("value", sa.BigInteger),
    sa.column("unit", sa.String),
    sa.column("source", sa.Text),
)


def upgrade() -> None:
    with op.batch_alter_table("receivable_kind", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("decision_required", sa.Boolean(), server_default=sa.false(), nullable=False)
        )
        batch_op.add_column(sa.Column("deduction_limit_code", sa.String(length=64), nullable=True))
    with op.batch_alter_table("receivable", schema=None) as batch_op:
        batch_op.add_column(sa.Column("decision_ref", sa.String(length=100), nullable=True))
        batch_op.add_column(sa.Column("decision_issued_on", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("decision_delivered_on", sa.Date(), nullable=True))
    kind = sa.table(
        "receivable_kind",
        sa.column("code", sa.String),
        sa.column("decision_required", sa.Boolean),
        sa.column("legal_basis", sa.Text),
        sa.column("deduction_limit_code", sa.String),
    )
    op.execute(
        kind.update()
        .where(kind.c.code == "nienaleznie_pobrane")
        .values(decision_required=True, deduction_limit_code=FUND_LIMIT_CODE)
    )
    op.execute(
        kind.update()
        .where(kind.c.code == "fundusz_alimentacyjny")
        .values(decision_required=True, legal_basis=FUND_BASIS)
    )
    op.bulk_insert(_kind, [FAMILY_KIND])
    op.bulk_insert(_parameter, [LIMIT_ROW, FUND_LIMIT_ROW])


def downgrade() -> None:
    op.execute(_parameter.delete().where(_parameter.c.code.in_([LIMIT_CODE, FUND_LIMIT_CODE])))
    op.execute(_kind.delete().where(_kind.c.code == FAMILY_KIND["code"]))
    with op.batch_alter_table("receivable", schema=None) as batch_op:
        batch_op.drop_column("decision_delivered_on")
        batch_op.drop_column("decision_issued_on")
        batch_op.drop_column("decision_ref")
    with op.batch_alter_table("receivable_kind", schema=None) as batch_op:
        batch_op.drop_column("deduction_limit_code")
        batch_op.drop_column("decision_required")
