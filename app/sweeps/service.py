"""The daily state sweep: the same code for the API, the CLI and the scheduler."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.models import SweepRun
from app.sweeps.repository import SweepRepository, rules

DAILY = "daily_state"
SWEEP_ACTOR = "system:przeglad"


@dataclass
class SweepResult:
    job: str
    as_of: date
    changed: dict[str, int] = field(default_factory=dict)

    @property
    def rows_changed(self) -> int:
        return sum(self.changed.values())


async def run_daily(session: AsyncSession, as_of: date, triggered_by: str) -> SweepResult:
    """Move every receivable that time alone moves, as of a date; a second run changes nothing."""
    started = datetime.now(UTC)
    repo = SweepRepository(session)
    result = SweepResult(DAILY, as_of)
    for rule in rules(repo.dialect):
        result.changed[rule.action] = await repo.apply(rule, as_of, SWEEP_ACTOR)
    session.add(SweepRun(job=DAILY, as_of=as_of, started_at=started, finished_at=datetime.now(UTC),
                         rows_changed=result.rows_changed, triggered_by=triggered_by,
                         details=", ".join(f"{k}: {v}" for k, v in result.changed.items())))
    await session.flush()
    return result


async def history(session: AsyncSession, limit: int = 100) -> list[SweepRun]:
    stmt = select(SweepRun).order_by(SweepRun.id.desc()).limit(limit)
    return list(await session.scalars(stmt))
