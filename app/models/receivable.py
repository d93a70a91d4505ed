from __future__ import annotations

from datetime import date

from sqlalchemy import BigInteger, Boolean, Date, ForeignKey, Index, Integer, String, false, text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, CreatedAt, postgresql_only

# The receivable list's "next deadline" (app/receivables/listing.py): the payment term of a
# wezwanie, the 7 days of an upomnienie, the limitation date of another open receivable, the far
# future for a closed one. Written once, here, so that the list's ORDER BY and the index below are
# the same expression: PostgreSQL uses an expression index only for the very same expression.
# The open states are app.domain.lifecycle.OPEN_STATES (tests/web/test_receivable_list.py).
DEADLINE_KEY = (
    "COALESCE(CASE WHEN state = 'wystawiona' THEN payment_term_ends_on"
    " WHEN state = 'upomnienie' THEN reminder_term_ends_on"
    " WHEN state IN ('wystawiona', 'wymagalna', 'upomnienie', 'tytul_wykonawczy', 'raty')"
    " THEN time_barred_from END, '9999-12-31')"
)


def _partial(name: str, column: str, where: str) -> Index:
    return Index(name, column, postgresql_where=text(where), sqlite_where=text(where))


class Receivable(CreatedAt, Base):
    """Należność. Dates derived from documents (terms, limitation) are stored so that sweeps are
    set-based; the service recomputes them whenever a fact they depend on changes."""

    __tablename__ = "receivable"
    __table_args__ = (
        # The sweeps' predicates (app/sweeps/repository.py). The date that moves a receivable is
        # indexed only over the state it moves from: a composite (state, date) index lets the
        # planner, which cannot see that nearly all issued receivables have a future term while
        # nearly all others have a past one, scan every row of the state instead (1M benchmark).
        # (state, time_barred_from) also serves the folders' state filters.
        Index("ix_receivable_state_barred", "state", "time_barred_from"),
        _partial("ix_receivable_term_wystawiona", "payment_term_ends_on", "state = 'wystawiona'"),
        _partial(
            "ix_receivable_reminder_upomnienie", "reminder_term_ends_on", "state = 'upomnienie'"
        ),
        # The archive sweep: closed files not archived yet, by closing day (seed 003 §5.4).
        _partial("ix_receivable_to_archive", "closed_on", "archived_on IS NULL"),
        # The receivable list's orders by amount and by issue date, keyset-paged (issue 19).
        Index("ix_receivable_principal_id", "principal", "id"),
        Index("ix_receivable_issued_id", "issued_on", "id"),
        postgresql_only(Index("ix_receivable_deadline", text(DEADLINE_KEY), "id")),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    debtor_id: Mapped[int] = mapped_column(ForeignKey("debtor.id"), index=True)
    kind_code: Mapped[str] = mapped_column(ForeignKey("receivable_kind.code"))
    reference: Mapped[str | None] = mapped_column(String(64), unique=True)
    title: Mapped[str] = mapped_column(String(500))
    principal: Mapped[int] = mapped_column(BigInteger)  # grosze, as issued
    period_from: Mapped[date | None] = mapped_column(Date)
    period_to: Mapped[date | None] = mapped_column(Date)
    issued_on: Mapped[date] = mapped_column(Date)
    # For kinds whose limitation runs from a decision becoming final (art. 23 ust. 5 u.p.o.u.a.).
    decision_final_on: Mapped[date | None] = mapped_column(Date)
    # The decision fixing the amount (kinds with decision_required; issue 16 item 8): its number,
    # the day it was issued and the day it was delivered (KPA art. 129 §2: the appeal term).
    decision_ref: Mapped[str | None] = mapped_column(String(100))
    decision_issued_on: Mapped[date | None] = mapped_column(Date)
    decision_delivered_on: Mapped[date | None] = mapped_column(Date)
    # Issue 16 item 8: the amount the decision fixed (grosze) and the period of the payouts it
    # covers (the alimony fund: a decision on the benefits paid out in a benefit period, art. 27
    # u.p.o.u.a.). Payouts after the period need a new decision; the reminder and the title
    # demand only what a final decision covers (app/domain/fund_decision.py).
    decision_amount: Mapped[int | None] = mapped_column(BigInteger)
    decision_period_from: Mapped[date | None] = mapped_column(Date)
    decision_period_to: Mapped[date | None] = mapped_column(Date)
    state: Mapped[str] = mapped_column(String(32))
    # Where a receivable in instalments returns to when an instalment is missed.
    state_before_instalments: Mapped[str | None] = mapped_column(String(32))
    demand_delivered_on: Mapped[date | None] = mapped_column(Date)
    payment_term_ends_on: Mapped[date | None] = mapped_column(Date)
    reminder_delivered_on: Mapped[date | None] = mapped_column(Date)
    reminder_term_ends_on: Mapped[date | None] = mapped_column(Date)
    time_barred_from: Mapped[date | None] = mapped_column(Date)
    closed_on: Mapped[date | None] = mapped_column(Date)
    authority_code: Mapped[str | None] = mapped_column(String(32))
    # The enforcement authority returned the title as uncollectable (seed 003 §2.3 f).
    uncollectable: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    # Issue 20: the enforcement authority suspended the proceedings (u.p.e.a. art. 56) on this day;
    # cleared when it resumes them (art. 57).
    enforcement_suspended_on: Mapped[date | None] = mapped_column(Date)
    # Issue 20: why the automatic steps (reminders, titles in batches) are paused: an open dispute
    # (zarzuty, a court challenge of the decision). NULL: not paused. The sweeps read it in SQL.
    paused_reason: Mapped[str | None] = mapped_column(String(200))
    # Closed files go to the archive two years after closing (seed 003 §5.4).
    archived_on: Mapped[date | None] = mapped_column(Date)
    # Optimistic lock: two concurrent state changes cannot both win.
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")

    __mapper_args__ = {"version_id_col": version}
