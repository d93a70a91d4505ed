"""i19b: the receivable list a specialist works from (issue 19 item 2)

Revision ID: i19b_list
Revises: i22_statements
Create Date: 2026-12-06 18:00:00

- debtor.name_key: the Polish sort key (app/domain/collation.py), COLLATE "C" on PostgreSQL so it
  compares byte by byte as on SQLite; indexed with the id for keyset pagination.
- debtor.name_folded: the name without diacritics, for a search fragment ("zolk" → Żółkiewski);
  a trigram index on PostgreSQL like ix_debtor_name_trgm (migration 0004).
- alimony_correction: corrections and reversals of alimony entries with their reasons, and the
  ends of enforcements (issue 19 item 3).
- receivable (principal, id) and (issued_on, id): the list's orders by amount and issue date;
  on PostgreSQL (next deadline, id), the expression of app/models/receivable.py DEADLINE_KEY.
- document.number and payment.reference indexed: the list finds a receivable by the number of
  one of its documents (UP/1/2025, TW/UM/1/2025) or by a bank transfer's reference.

Static on purpose: the key functions are written out here (as in i14a_teryt), so later edits of
app/ cannot change what this migration did. Existing names are keyed in batches.
"""

import unicodedata
from collections.abc import Sequence

import sqlalchemy as sa

from alembic import op

revision: str = "i19b_list"
down_revision: str | None = "i22_statements"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

ALPHABET = "aąbcćdeęfghijklłmnńoópqrsśtuvwxyzźż"
DEADLINE_KEY = (
    "COALESCE(CASE WHEN state = 'wystawiona' THEN payment_term_ends_on"
    " WHEN state = 'upomnienie' THEN reminder_term_ends_on"
    " WHEN state IN ('wystawiona', 'wymagalna', 'upomnienie', 'tytul_wykonawczy', 'raty')"
    " THEN time_barred_from END, '9999-12-31')"
)
_KEY = {letter: chr(0x41 + i) for i, letter in enumerate(ALPHABET)}
_FOLD = str.maketrans({"ł": "l", "Ł": "l", "ß": "ss"})


def _strip(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def _fold(text: str) -> str:
    return " ".join(_strip(text.translate(_FOLD).casefold()).split())


def _letter(c: str) -> str:
    if c in _KEY:
        return _KEY[c]
    if c.isdigit():
        return c if c.isascii() else ""
    return "".join(_KEY.get(b, "") for b in _strip(c))


def _sort_key(text: str) -> str:
    normal = unicodedata.normalize("NFC", text.casefold())
    spaced = "".join(c if c.isalnum() else " " for c in normal)
    words = ["".join(_letter(c) for c in w) for w in spaced.split()]
    return " ".join(w for w in words if w)[:300]


def upgrade() -> None:
    bind = op.get_bind()
    postgres = bind.dialect.name == "postgresql"
    key_type = sa.String(300, collation="C") if postgres else sa.String(300)
    with op.batch_alter_table("debtor") as batch:
        batch.add_column(sa.Column("name_key", key_type, server_default="", nullable=False))
        batch.add_column(
            sa.Column("name_folded", sa.String(300), server_default="", nullable=False)
        )
    debtor = sa.table(
        "debtor",
        sa.column("id", sa.Integer),
        sa.column("name", sa.String),
        sa.column("name_key", sa.String),
        sa.column("name_folded", sa.String),
    )
    last = 0
    while True:
        rows = bind.execute(
            sa.select(debtor.c.id, debtor.c.name)
            .where(debtor.c.id > last)
            .order_by(debtor.c.id)
            .limit(5000)
        ).all()
        if not rows:
            break
        bind.execute(
            debtor.update()
            .where(debtor.c.id == sa.bindparam("b_id"))
            .values(name_key=sa.bindparam("b_key"), name_folded=sa.bindparam("b_folded")),
            [{"b_id": i, "b_key": _sort_key(n), "b_folded": _fold(n)} for i, n in rows],
        )
        last = rows[-1][0]
    op.create_index("ix_debtor_name_key", "debtor", ["name_key", "id"])
    if postgres:
        op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        op.create_index(
            "ix_debtor_name_folded_trgm",
            "debtor",
            ["name_folded"],
            postgresql_using="gin",
            postgresql_ops={"name_folded": "gin_trgm_ops"},
        )
    op.create_table(
        "alimony_correction",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("debtor_id", sa.Integer(), nullable=False),
        sa.Column("entry", sa.String(16), nullable=False),
        sa.Column("entry_id", sa.Integer(), nullable=False),
        sa.Column("action", sa.String(16), nullable=False),
        sa.Column("recorded_on", sa.Date(), nullable=False),
        sa.Column("reason", sa.String(500), nullable=False),
        sa.Column("before", sa.String(500), nullable=False),
        sa.Column("after", sa.String(500), nullable=True),
        sa.Column("created_by", sa.String(64), nullable=True),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["debtor_id"], ["debtor.id"], name="fk_alimony_correction_debtor_id_debtor"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_alimony_correction"),
    )
    op.create_index("ix_alimony_correction_debtor_id", "alimony_correction", ["debtor_id"])
    op.create_index("ix_document_number", "document", ["number"])
    op.create_index("ix_receivable_principal_id", "receivable", ["principal", "id"])
    op.create_index("ix_receivable_issued_id", "receivable", ["issued_on", "id"])
    if postgres:  # the list's order by the next deadline: app/models/receivable.py DEADLINE_KEY
        op.create_index("ix_receivable_deadline", "receivable", [sa.text(DEADLINE_KEY), "id"])
    op.create_index("ix_payment_reference", "payment", ["reference"])


def downgrade() -> None:
    op.drop_index("ix_payment_reference", table_name="payment")
    if op.get_bind().dialect.name == "postgresql":
        op.drop_index("ix_receivable_deadline", table_name="receivable")
    op.drop_index("ix_receivable_issued_id", table_name="receivable")
    op.drop_index("ix_receivable_principal_id", table_name="receivable")
    op.drop_index("ix_document_number", table_name="document")
    op.drop_index("ix_alimony_correction_debtor_id", table_name="alimony_correction")
    op.drop_table("alimony_correction")
    if op.get_bind().dialect.name == "postgresql":
        op.drop_index("ix_debtor_name_folded_trgm", table_name="debtor")
    op.drop_index("ix_debtor_name_key", table_name="debtor")
    with op.batch_alter_table("debtor") as batch:
        batch.drop_column("name_folded")
        batch.drop_column("name_key")
