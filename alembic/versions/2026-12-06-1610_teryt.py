"""teryt: the TERC register of communes, loaded from the vendored file; debtors' commune codes

Revision ID: i14a_teryt
Revises: i14a_unit_authorities
Create Date: 2026-12-06 10:10:00

Issue 14 item 3: a TW-1 address needs województwo, powiat and gmina, and titles go to the
authority of the debtor's commune. The official register of territorial division (TERYT, TERC
catalogue, GUS) is embedded: app/teryt/data/TERC-2017-01-01.xml (origin in its .src.txt) is
loaded here, 4,153 rows in one multi-row insert (fast on both databases); a current file replaces
it with `windykacja teryt import FILE`, which records its date in teryt_register as this does.
SIMC (localities) is optional and only imported by that command.

Static on purpose: the parsing and the search key are written out here, not imported from app/
(app/teryt/files.py and app/domain/teryt.py do the same for the import command).
"""

import unicodedata
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from datetime import UTC, date, datetime
from pathlib import Path

import sqlalchemy as sa

from alembic import op

revision: str = "i14a_teryt"
down_revision: str | None = "i14a_unit_authorities"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TERC_FILE = Path(__file__).resolve().parents[2] / "app" / "teryt" / "data" / "TERC-2017-01-01.xml"
_FOLD = str.maketrans({"ł": "l", "Ł": "l", "ß": "ss"})


def _key(name: str) -> str:
    decomposed = unicodedata.normalize("NFKD", name.translate(_FOLD).casefold())
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())


def _rows() -> list[dict[str, object]]:
    out = []
    for row in ET.parse(TERC_FILE).getroot().iter("row"):
        col = {c.get("name"): (c.text or "").strip() for c in row}
        woj, pow_, gmi, rodz = col["WOJ"], col["POW"], col["GMI"], col["RODZ"]
        out.append(
            {
                "code": woj + pow_ + gmi + rodz,
                "woj": woj,
                "pow": pow_ or None,
                "gmi": gmi or None,
                "rodz": rodz or None,
                "name": col["NAZWA"],
                "kind": col["NAZDOD"],
                "search_key": _key(col["NAZWA"]),
                "valid_on": date.fromisoformat(col["STAN_NA"]),
            }
        )
    return out


def upgrade() -> None:
    teryt_unit = op.create_table(
        "teryt_unit",
        sa.Column("code", sa.String(length=7), nullable=False),
        sa.Column("woj", sa.String(length=2), nullable=False),
        sa.Column("pow", sa.String(length=2), nullable=True),
        sa.Column("gmi", sa.String(length=2), nullable=True),
        sa.Column("rodz", sa.String(length=1), nullable=True),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("kind", sa.String(length=60), nullable=False),
        sa.Column("search_key", sa.String(length=100), nullable=False),
        sa.Column("valid_on", sa.Date(), nullable=False),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_teryt_unit")),
    )
    op.create_index(
        "ix_teryt_unit_search_key",
        "teryt_unit",
        ["search_key"],
        unique=False,
        postgresql_ops={"search_key": "varchar_pattern_ops"},
    )
    op.create_table(
        "teryt_locality",
        sa.Column("sym", sa.String(length=7), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("commune_code", sa.String(length=7), nullable=False),
        sa.Column("search_key", sa.String(length=100), nullable=False),
        sa.Column("valid_on", sa.Date(), nullable=False),
        sa.PrimaryKeyConstraint("sym", name=op.f("pk_teryt_locality")),
    )
    op.create_index(
        "ix_teryt_locality_search_key",
        "teryt_locality",
        ["search_key"],
        unique=False,
        postgresql_ops={"search_key": "varchar_pattern_ops"},
    )
    register = op.create_table(
        "teryt_register",
        sa.Column("catalog", sa.String(length=8), nullable=False),
        sa.Column("valid_on", sa.Date(), nullable=False),
        sa.Column("rows", sa.Integer(), nullable=False),
        sa.Column("source", sa.String(length=300), nullable=False),
        sa.Column("imported_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("imported_by", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("catalog", name=op.f("pk_teryt_register")),
    )
    with op.batch_alter_table("debtor", schema=None) as batch_op:
        batch_op.add_column(sa.Column("commune_code", sa.String(length=7), nullable=True))
    rows = _rows()
    op.bulk_insert(teryt_unit, rows, multiinsert=True)
    op.bulk_insert(
        register,
        [
            {
                "catalog": "TERC",
                "valid_on": date(2017, 1, 1),
                "rows": len(rows),
                "source": TERC_FILE.name + " (dołączony do programu)",
                "imported_at": datetime.now(UTC),
                "imported_by": "migracja",
            }
        ],
    )


def downgrade() -> None:
    with op.batch_alter_table("debtor", schema=None) as batch_op:
        batch_op.drop_column("commune_code")
    op.drop_table("teryt_register")
    op.drop_index("ix_teryt_locality_search_key", table_name="teryt_locality")
    op.drop_table("teryt_locality")
    op.drop_index("ix_teryt_unit_search_key", table_name="teryt_unit")
    op.drop_table("teryt_unit")
