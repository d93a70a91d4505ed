"""Migration 0008 on a register with instalment plans: what the sweep now reads from each
instalment is filled in from the plan, and the downgrade gives the old rule back its marks."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import text

from app.db import make_engine
from app.migrations import upgrade
from tests.conftest import _create_pg_database, _drop_pg_database

D = date.fromisoformat

REGISTER = [
    "INSERT INTO debtor (id, name) VALUES (1, 'Jan Kowalski')",
    """INSERT INTO receivable (id, debtor_id, kind_code, title, principal, issued_on, state)
       VALUES (1, 1, 'oplata_pobyt', 'Opłata za pobyt', 25000, '2025-01-02', 'raty'),
              (2, 1, 'oplata_pobyt', 'Opłata za pobyt', 10000, '2025-02-03', 'raty')""",
    # Two decisions on receivable 1: payments count from the latest (2025-05-05).
    """INSERT INTO event (receivable_id, occurred_on, action, from_state, to_state, cause, actor)
       VALUES (1, '2025-03-01', 'raty', 'wymagalna', 'raty', 'decyzja', 'tester'),
              (1, '2025-05-05', 'raty', 'wymagalna', 'raty', 'decyzja', 'tester')""",
    # Receivable 1: the first instalment checked by a run on 2025-05-31, the others not yet.
    # Receivable 2 has no decision event (imported): payments count from its issue.
    """INSERT INTO instalment (receivable_id, number, due_on, amount, checked_on)
       VALUES (1, 1, '2025-05-30', 10000, '2025-05-31'),
              (1, 2, '2025-06-30', 10000, NULL),
              (1, 3, '2025-07-31', 5000, NULL),
              (2, 1, '2025-03-31', 10000, '2025-04-01')""",
    """INSERT INTO sweep_run (job, as_of, started_at, finished_at, rows_changed, details,
                             triggered_by)
       VALUES ('daily', '2025-06-10', '2025-06-10 01:00:00+00', '2025-06-10 01:00:01+00', 0, '',
               'scheduler')""",
]


@pytest.fixture
async def empty_url(database_url: str, tmp_path: Path) -> AsyncIterator[str]:
    """A database of its own, on the suite's backend, with no schema yet."""
    if database_url.startswith("postgresql"):
        url = await _create_pg_database(database_url)
        yield url
        await _drop_pg_database(url)
    else:
        yield f"sqlite+aiosqlite:///{tmp_path / 'migration.db'}"


def _day(value: object) -> date:
    return value if isinstance(value, date) else D(str(value))


async def test_0008_fills_the_plan_into_its_instalments_and_downgrades_to_marks(empty_url):
    await asyncio.to_thread(upgrade, empty_url, "0007_delivery_audit")
    engine = make_engine(empty_url)
    try:
        async with engine.begin() as conn:
            for sql in REGISTER:
                await conn.execute(text(sql))
        await asyncio.to_thread(upgrade, empty_url, "0008_instalment_window")
        async with engine.connect() as conn:
            today = _day(await conn.scalar(text("SELECT CURRENT_DATE")))
            rows = (
                await conn.execute(
                    text(
                        "SELECT receivable_id, number, decided_on, owed_through, recorded_on "
                        "FROM instalment ORDER BY receivable_id, number"
                    )
                )
            ).all()
        assert [(r, n, _day(d), owed, _day(rec)) for r, n, d, owed, rec in rows] == [
            # The latest decision; owed cumulatively (100 + 100 + 50 zł); a row a run checked
            # keeps that day, the others the day of the migration, so the next run reads them.
            (1, 1, D("2025-05-05"), 100_00, D("2025-05-31")),
            (1, 2, D("2025-05-05"), 200_00, today),
            (1, 3, D("2025-05-05"), 250_00, today),
            (2, 1, D("2025-02-03"), 100_00, D("2025-04-01")),
        ]

        def downgrade(url: str) -> None:
            from alembic import command
            from app.migrations import alembic_config

            command.downgrade(alembic_config(url), "0007_delivery_audit")

        await asyncio.to_thread(downgrade, empty_url)
        async with engine.connect() as conn:
            marks = (
                await conn.execute(
                    text("SELECT receivable_id, number, checked_on FROM instalment ORDER BY id")
                )
            ).all()
        # The last successful daily run was as of 2025-06-10: the rows due before it and entered
        # before 2025-06-09 were looked at; the rest wait for the old rule.
        assert [(r, n, _day(c) if c else None) for r, n, c in marks] == [
            (1, 1, D("2025-05-31")),
            (1, 2, None),
            (1, 3, None),
            (2, 1, D("2025-04-01")),
        ]
    finally:
        await engine.dispose()
