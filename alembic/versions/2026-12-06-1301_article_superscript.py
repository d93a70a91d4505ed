"""article numbers with a superscript: "art. 42²", not "art. 42(2)", in the kinds' legal basis

Revision ID: i16a_article_superscript
Revises: i16a_rate_history
Create Date: 2026-12-06 13:01:00

Issue 16 item 9. Articles added between two others carry a superscript number (art. 42² of the act
on upbringing in sobriety and counteracting alcoholism, ustawa z 26.10.1982); migration 0001 wrote
it as "art. 42(2)", which the card, the letters and the TW-1 XML printed as it was. Documents
already issued keep the text they were issued with.
"""

from collections.abc import Sequence

import sqlalchemy as sa

from alembic import op

revision: str = "i16a_article_superscript"
down_revision: str | None = "i16a_rate_history"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

OLD, NEW = "art. 42(2)", "art. 42\u00b2"

_kind = sa.table("receivable_kind", sa.column("legal_basis", sa.Text))


def _replace(old: str, new: str) -> None:
    op.execute(
        _kind.update()
        .where(_kind.c.legal_basis.contains(old, autoescape=True))
        .values(legal_basis=sa.func.replace(_kind.c.legal_basis, old, new))
    )


def upgrade() -> None:
    _replace(OLD, NEW)


def downgrade() -> None:
    _replace(NEW, OLD)
