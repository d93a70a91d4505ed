"""The jobs around the service: retries, failure records, once per date, start-up catch-up, the
cron triggers, and (PostgreSQL) two instances never running one job at the same time."""

from __future__ import annotations

import asyncio
import logging
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import date, datetime

import pytest
from sqlalchemy import delete, func, select, text
from sqlalchemy.exc import OperationalError
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from app.clock import WARSAW
from app.db import make_engine, make_sessionmaker
from app.main import create_app
from app.models import Debtor, Event, Receivable, SweepRun
from app.sweeps.repository import SweepRepository
from app.sweeps.schemas import Job
from app.sweeps.service import lock_key
from scheduler import jobs
from scheduler.jobs import Outcome, catch_up, run_job
from scheduler.runner import build
from tests.factories import create_debtor, create_receivable, deliver

D = date.fromisoformat


class Sleeps:
    """Records the pauses between attempts instead of sleeping."""

    def __init__(self) -> None:
        self.pauses: list[float] = []

    async def __call__(self, seconds: float) -> None:
        self.pauses.append(seconds)


async def _unpaid(api) -> int:
    # Issued 2025-03-03, demand delivered 2025-03-05: term 2025-03-19, wymagalna from 2025-03-20.
    rid = int((await create_receivable(api, await create_debtor(api)))["id"])
    await deliver(api, rid, "wezwanie", "2025-03-05")
    return rid


def _fail_first(monkeypatch, times: int) -> None:
    """The last step of the daily sweep fails `times` times, after the state rules have run:
    their changes must be rolled back with it. The error's message quotes personal data, as a
    database error quoting a row would."""
    real = SweepRepository.count_newly_ready_for_title
    calls = {"n": 0}

    async def flaky(self, *args):
        calls["n"] += 1
        if calls["n"] <= times:
            raise OperationalError("SELECT …", {"name": "Jan Kowalski"}, Exception("44051401359"))
        return await real(self, *args)

    monkeypatch.setattr(SweepRepository, "count_newly_ready_for_title", flaky)


async def _runs(session) -> list[tuple[str, date, int, str | None, str]]:
    rows = await session.scalars(select(SweepRun).order_by(SweepRun.id))
    return [(r.job, r.as_of, r.rows_changed, r.error, r.triggered_by) for r in rows]


async def _events(session, rid: int) -> list[tuple[date, str]]:
    rows = await session.execute(
        select(Event.occurred_on, Event.to_state)
        .where(Event.receivable_id == rid)
        .order_by(Event.id)
    )
    return [tuple(r) for r in rows]


async def test_a_failed_attempt_is_rolled_back_recorded_logged_and_retried(
    api, maker, session, monkeypatch, caplog
):
    rid = await _unpaid(api)
    _fail_first(monkeypatch, times=1)
    sleeps = Sleeps()
    with caplog.at_level(logging.INFO, logger="windykacja.scheduler"):
        # 2025-03-20: attempt 1 fails, attempt 2 (after 60 s) moves the receivable once.
        done = await run_job(maker, Job.DAILY, D("2025-03-20"), "scheduler", sleep=sleeps)
    assert (done.outcome, done.attempts, done.result.rows_changed) == (Outcome.DONE, 2, 1)
    assert sleeps.pauses == [60.0]
    assert await _runs(session) == [
        ("daily", D("2025-03-20"), 0, "próba 1/3: OperationalError", "scheduler"),
        ("daily", D("2025-03-20"), 1, None, "scheduler"),
    ]
    assert await _events(session, rid) == [
        (D("2025-03-03"), "wystawiona"),
        (D("2025-03-20"), "wymagalna"),
    ]
    assert "sweep daily as of 2025-03-20 failed, próba 1/3: OperationalError" in caplog.text
    assert "Jan Kowalski" not in caplog.text
    assert "44051401359" not in caplog.text


async def test_when_every_attempt_fails_each_is_reported(api, maker, session, monkeypatch, caplog):
    rid = await _unpaid(api)
    _fail_first(monkeypatch, times=3)
    sleeps = Sleeps()
    with caplog.at_level(logging.ERROR, logger="windykacja.scheduler"):
        done = await run_job(maker, Job.DAILY, D("2025-03-20"), "scheduler", sleep=sleeps)
    assert (done.outcome, done.attempts, done.result) == (Outcome.FAILED, 3, None)
    assert sleeps.pauses == [60.0, 240.0]  # backoff ×4
    assert [r[3] for r in await _runs(session)] == [
        "próba 1/3: OperationalError",
        "próba 2/3: OperationalError",
        "próba 3/3: OperationalError",
    ]
    assert len(caplog.records) == 3
    assert await _events(session, rid) == [(D("2025-03-03"), "wystawiona")]


async def test_a_scheduled_job_runs_once_per_date_but_a_failed_one_again(
    api, maker, session, monkeypatch
):
    await _unpaid(api)
    _fail_first(monkeypatch, times=1)
    # 2025-03-20: the first scheduled run fails its only attempt; the next firing runs it again.
    assert (
        await run_job(maker, Job.DAILY, D("2025-03-20"), "scheduler", once=True, attempts=1)
    ).outcome is Outcome.FAILED
    assert (
        await run_job(maker, Job.DAILY, D("2025-03-20"), "scheduler", once=True)
    ).outcome is Outcome.DONE
    assert (
        await run_job(maker, Job.DAILY, D("2025-03-20"), "scheduler", once=True)
    ).outcome is Outcome.ALREADY_DONE
    # By hand (API, CLI) it runs again, harmlessly: nothing left to change.
    again = await run_job(maker, Job.DAILY, D("2025-03-20"), "cli")
    assert (again.outcome, again.result.rows_changed) == (Outcome.DONE, 0)
    assert [(r[2], r[3] is None) for r in await _runs(session)] == [
        (0, False),
        (1, True),
        (0, True),
    ]


@pytest.mark.usefixtures("no_alimony_module")
async def test_start_up_catches_up_what_was_missed(api, maker, session):
    rid = await _unpaid(api)
    # The service was down from 2025-03-19 and starts on 2025-03-25.
    runs = await catch_up(maker, lambda: D("2025-03-25"))
    assert [(r.job, r.as_of, r.outcome) for r in runs] == [
        (Job.DAILY, D("2025-03-25"), Outcome.DONE),
        (Job.ARCHIVE, D("2025-03-25"), Outcome.DONE),
        (Job.YEAR_END, D("2024-12-31"), Outcome.DONE),
    ]
    assert await _events(session, rid) == [
        (D("2025-03-03"), "wystawiona"),
        (D("2025-03-20"), "wymagalna"),
    ]
    # A second start on the same day finds everything done.
    assert {r.outcome for r in await catch_up(maker, lambda: D("2025-03-25"))} == {
        Outcome.ALREADY_DONE
    }


@pytest.mark.parametrize(
    ("job", "now", "expected"),
    [
        # Winter (CET, UTC+1) and summer (CEST, UTC+2) time: the cron is Warsaw wall-clock time.
        (Job.DAILY, "2025-01-14T12:00", "2025-01-15T01:30+01:00"),
        (Job.DAILY, "2025-07-14T12:00", "2025-07-15T01:30+02:00"),
        (Job.ARCHIVE, "2025-07-14T12:00", "2025-07-15T02:15+02:00"),
        (Job.YEAR_END, "2025-03-01T12:00", "2025-12-31T22:00+01:00"),
    ],
)
def test_cron_triggers_fire_on_warsaw_time(job, now, expected):
    spec = next(s for s in jobs.JOBS if s.job is job)
    start = datetime.fromisoformat(now).replace(tzinfo=WARSAW)
    assert spec.trigger.get_next_fire_time(None, start) == datetime.fromisoformat(expected)


def test_the_scheduler_has_one_job_per_sweep_and_a_catch_up(maker):
    scheduler = build(maker, lambda: D("2025-03-25"))
    assert sorted(j.id for j in scheduler.get_jobs()) == [
        "sweep:archive",
        "sweep:catch-up",
        "sweep:daily",
        "sweep:year_end",
    ]


async def test_the_app_starts_the_scheduler_only_when_enabled(settings, maker, today):
    for enabled in (False, True):
        app = create_app(
            settings.model_copy(update={"scheduler_enabled": enabled}),
            clock=today,
            sessionmaker=maker,
        )
        async with app.router.lifespan_context(app):
            running = app.state.scheduler is not None and app.state.scheduler.running
            assert running is enabled
        assert app.state.scheduler is None or not app.state.scheduler.running


# --- Two instances on one PostgreSQL ---------------------------------------------------------


@dataclass
class Instances:
    """Three engines of their own on the test database, committing for real: two service
    instances and a bystander that holds locks. The per-test transaction sees none of it."""

    engines: list[AsyncEngine]
    makers: list[async_sessionmaker[AsyncSession]]
    receivables: list[int]
    marker: str


@pytest.fixture
async def instances(database_url) -> AsyncIterator[Instances]:
    engines = [make_engine(database_url) for _ in range(3)]
    marker = f"test:{uuid.uuid4().hex[:8]}"
    async with make_sessionmaker(engines[0])() as s:
        debtor = Debtor(name="Jan Kowalski")
        s.add(debtor)
        await s.flush()
        rows = [
            Receivable(
                debtor_id=debtor.id,
                kind_code="oplata_pobyt",
                title="Opłata za pobyt",
                principal=250_00,
                issued_on=D("2025-03-03"),
                state="wystawiona",
                payment_term_ends_on=D("2025-03-19"),
            )
            for _ in range(3)
        ]
        s.add_all(rows)
        await s.commit()
        ids, debtor_id = [r.id for r in rows], debtor.id
    try:
        yield Instances(engines, [make_sessionmaker(e) for e in engines], ids, marker)
    finally:
        async with make_sessionmaker(engines[0])() as s:
            await s.execute(delete(Event).where(Event.receivable_id.in_(ids)))
            await s.execute(delete(Receivable).where(Receivable.id.in_(ids)))
            await s.execute(delete(Debtor).where(Debtor.id == debtor_id))
            await s.execute(delete(SweepRun).where(SweepRun.triggered_by == marker))
            await s.commit()
        for e in engines:
            await e.dispose()


async def _moved_events(inst: Instances) -> int:
    async with inst.makers[2]() as s:
        return int(
            await s.scalar(
                select(func.count())
                .select_from(Event)
                .where(Event.receivable_id.in_(inst.receivables), Event.action == "termin_uplynal")
            )
            or 0
        )


async def _advisory_lock_taken(engine: AsyncEngine) -> None:
    async with engine.connect() as c:
        for _ in range(500):
            n = await c.scalar(
                text("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted")
            )
            if n:
                return
            await asyncio.sleep(0.01)
    raise AssertionError("the first instance never took the job's lock")


@pytest.mark.postgres_only
async def test_an_instance_skips_a_job_another_one_holds(instances):
    as_of = D("2025-03-20")
    async with instances.engines[2].connect() as holder:
        await holder.begin()
        key = lock_key(Job.DAILY)
        assert await holder.scalar(text("SELECT pg_try_advisory_xact_lock(:k)"), {"k": key})
        busy = await run_job(instances.makers[1], Job.DAILY, as_of, instances.marker, attempts=1)
        assert busy.outcome is Outcome.BUSY
        assert await _moved_events(instances) == 0
        await holder.rollback()
    done = await run_job(instances.makers[1], Job.DAILY, as_of, instances.marker, attempts=1)
    assert (done.outcome, done.result.rows_changed) == (Outcome.DONE, 3)


@pytest.mark.postgres_only
async def test_two_instances_running_the_job_at_the_same_time(instances):
    as_of = D("2025-03-20")
    async with instances.engines[2].connect() as blocker:
        # A user's transaction holds one of the receivables: instance A takes the job's lock and
        # then waits on that row, so it is surely still running when instance B fires.
        await blocker.begin()
        await blocker.execute(
            text("SELECT id FROM receivable WHERE id = :id FOR UPDATE"),
            {"id": instances.receivables[0]},
        )
        first = asyncio.create_task(
            run_job(instances.makers[0], Job.DAILY, as_of, instances.marker, attempts=1)
        )
        await _advisory_lock_taken(instances.engines[2])
        second = await run_job(instances.makers[1], Job.DAILY, as_of, instances.marker, attempts=1)
        assert second.outcome is Outcome.BUSY
        await blocker.rollback()
    done = await first
    assert (done.outcome, done.result.rows_changed) == (Outcome.DONE, 3)
    assert await _moved_events(instances) == 3


@pytest.mark.postgres_only
async def test_two_scheduled_firings_race_and_the_job_runs_once(instances):
    as_of = D("2025-03-20")
    outcomes = await asyncio.gather(
        *(
            run_job(m, Job.DAILY, as_of, instances.marker, once=True, attempts=1)
            for m in instances.makers[:2]
        )
    )
    kinds = sorted(o.outcome.value for o in outcomes)
    assert kinds in (["busy", "done"], ["already_done", "done"])
    assert await _moved_events(instances) == 3
    async with instances.makers[2]() as s:
        ok = await s.scalar(
            select(func.count())
            .select_from(SweepRun)
            .where(SweepRun.triggered_by == instances.marker, SweepRun.error.is_(None))
        )
    assert ok == 1
