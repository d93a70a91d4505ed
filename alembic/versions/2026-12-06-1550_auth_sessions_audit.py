"""auth sessions audit: revocable sessions, log-in throttling, the audit trail, user lifecycle

Revision ID: i15_auth_sessions_audit
Revises: 0008_instalment_window
Create Date: 2026-12-06 12:00:00

Issue 15 items 2, 3, 5, 8 and 12.
- user_session: every log-in (web cookie or API token) is a row that logging out, a password
  change, deactivation and a role change revoke; 12 h absolute lifetime (OWASP ASVS 3.3).
- login_throttle: failures counted atomically per account, per source address and per pair,
  with growing delays, replacing the hard lock-out a stranger could set off on any account
  (user_account.failed_logins / locked_until are dropped; existing locks are simply lifted).
- audit_event: log-ins, failures, throttling, user changes, reads of a debtor's personal data.
- user_account.must_change_password (a reset by the admin) and user names unique whatever their
  case. Static on purpose: no app imports, no ORM.
"""

from collections.abc import Sequence

import sqlalchemy as sa

from alembic import op

revision: str = "i15_auth_sessions_audit"
down_revision: str | None = "i17_deliveries"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

NOW = sa.text("(CURRENT_TIMESTAMP)")


def upgrade() -> None:
    op.create_table(
        "user_session",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_seen_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("revoked_reason", sa.String(length=32), nullable=True),
        sa.Column("source", sa.String(length=64), server_default="", nullable=False),
        sa.Column("user_agent", sa.String(length=200), server_default="", nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=NOW, nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"], ["user_account.id"], name=op.f("fk_user_session_user_id_user_account")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_user_session")),
    )
    op.create_index(op.f("ix_user_session_user_id"), "user_session", ["user_id"], unique=False)
    op.create_table(
        "login_throttle",
        sa.Column("key", sa.String(length=200), nullable=False),
        sa.Column("failures", sa.Integer(), server_default="0", nullable=False),
        sa.Column("last_failure_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("blocked_until", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_login_throttle")),
    )
    op.create_table(
        "audit_event",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("actor", sa.String(length=64), nullable=False),
        sa.Column("action", sa.String(length=32), nullable=False),
        sa.Column("source", sa.String(length=64), server_default="", nullable=False),
        sa.Column("subject", sa.String(length=200), server_default="", nullable=False),
        sa.Column("debtor_id", sa.Integer(), nullable=True),
        sa.Column("details", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=NOW, nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_event")),
    )
    op.create_index(op.f("ix_audit_event_action"), "audit_event", ["action"], unique=False)
    op.create_index("ix_audit_event_debtor_id_id", "audit_event", ["debtor_id", "id"])
    with op.batch_alter_table("user_account") as batch:
        batch.add_column(
            sa.Column(
                "must_change_password", sa.Boolean(), server_default=sa.false(), nullable=False
            )
        )
        batch.drop_column("failed_logins")
        batch.drop_column("locked_until")
    op.create_index(
        "uq_user_account_username_lower",
        "user_account",
        [sa.text("lower(username)")],
        unique=True,
    )


def downgrade() -> None:
    op.drop_index("uq_user_account_username_lower", table_name="user_account")
    with op.batch_alter_table("user_account") as batch:
        batch.add_column(sa.Column("locked_until", sa.DateTime(timezone=True), nullable=True))
        batch.add_column(
            sa.Column("failed_logins", sa.Integer(), server_default="0", nullable=False)
        )
        batch.drop_column("must_change_password")
    op.drop_index("ix_audit_event_debtor_id_id", table_name="audit_event")
    op.drop_index(op.f("ix_audit_event_action"), table_name="audit_event")
    op.drop_table("audit_event")
    op.drop_table("login_throttle")
    op.drop_index(op.f("ix_user_session_user_id"), table_name="user_session")
    op.drop_table("user_session")
