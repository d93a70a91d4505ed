"""The nightly backup job (scheduler/backup.py): one copy a day across instances, the newest
`keep` copies kept, every run (and every failure, with its reason) in sweep_run, and the cron
trigger at 03:00 Warsaw time next to the job."""

from __future__ import annotations

import logging
from datetime import date, datetime
from pathlib import Path

import pytest
from sqlalchemy import select, text

from app.backup import files
from app.backup.service import BACKUP_JOB, Plan
from app.clock import WARSAW
from app.db import make_engine, make_sessionmaker
from app.migrations import head_revision
from app.models import SweepRun
from app.sweeps.service import lock_key
from scheduler import backup
from scheduler.jobs import Outcome
from scheduler.runner import build
from tests.conftest import Today

D = date.fromisoformat


def _at(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=WARSAW)


async def _runs(session) -> list[tuple[date, str, str | None, str]]:
    rows = await session.scalars(
        select(SweepRun).where(SweepRun.job == BACKUP_JOB).order_by(SweepRun.id)
    )
    return [(r.as_of, r.details, r.error, r.triggered_by) for r in rows]


def _plan(settings, directory: Path, keep: int = 2) -> Plan:
    return Plan(settings.database_url, directory, keep, nightly=True)


async def test_one_copy_a_night_and_only_the_newest_are_kept(maker, session, settings, tmp_path):
    plan = _plan(settings, tmp_path / "kopie", keep=2)
    suffix = files.SUFFIX[plan.backend]
    nights = ("2026-12-01T03:00:00", "2026-12-02T03:00:00", "2026-12-03T03:00:00")
    for night in nights:
        outcome = await backup.nightly(maker, plan, Today(D(night[:10])), lambda n=night: _at(n))
        assert outcome is Outcome.DONE
    # 3 December, a second firing (another instance, the start-up catch-up): nothing new.
    again = await backup.nightly(maker, plan, Today(D("2026-12-03")), lambda: _at(nights[2]))
    assert again is Outcome.ALREADY_DONE

    kept = files.copies(plan.directory)
    assert [c.name for c in kept] == [
        f"windykacja-20261203-030000{suffix}",
        f"windykacja-20261202-030000{suffix}",
    ]
    runs = await _runs(session)
    assert [(r[0], r[2], r[3]) for r in runs] == [
        (D("2026-12-01"), None, "scheduler"),
        (D("2026-12-02"), None, "scheduler"),
        (D("2026-12-03"), None, "scheduler"),
    ]
    assert runs[0][1].startswith(f"windykacja-20261201-030000{suffix} (")
    assert f"schemat {head_revision()}" in runs[0][1]
    assert "usunięto starsze kopie" not in runs[1][1]
    assert runs[2][1].endswith("; usunięto starsze kopie: 1")  # the copy of 1 December


async def test_files_that_are_not_copies_are_never_deleted(maker, settings, tmp_path):
    plan = _plan(settings, tmp_path, keep=1)
    mine = tmp_path / "notatki.txt"
    mine.write_text("moje", encoding="utf-8")
    for night in ("2026-12-01T03:00:00", "2026-12-02T03:00:00"):
        await backup.nightly(maker, plan, Today(D(night[:10])), lambda n=night: _at(n))
    assert mine.read_text(encoding="utf-8") == "moje"
    assert len(files.copies(tmp_path)) == 1


async def test_a_failed_copy_is_recorded_with_its_reason_and_leaves_no_file(
    maker, session, tmp_path, caplog
):
    missing = tmp_path / "nie-ma.db"
    plan = Plan(f"sqlite+aiosqlite:///{missing}", tmp_path / "kopie", 7, nightly=True)
    with caplog.at_level(logging.ERROR, logger="windykacja.scheduler"):
        outcome = await backup.nightly(
            maker, plan, Today(D("2026-12-01")), lambda: _at("2026-12-01T03:00:00")
        )
    assert outcome is Outcome.FAILED
    reason = f"Nie ma bazy danych {missing}"
    assert await _runs(session) == [(D("2026-12-01"), "", reason, "scheduler")]
    assert f"backup as of 2026-12-01 failed: {reason}" in caplog.text
    assert list((tmp_path / "kopie").iterdir()) == []  # not even a .part file


def test_the_nightly_copy_is_scheduled_at_three_and_caught_up_at_start(maker, settings):
    jobs = {j.id: j for j in build(maker, Today(D("2026-12-01")), settings).get_jobs()}
    assert {"backup", "backup:catch-up"} <= set(jobs)
    fields = {f.name: str(f) for f in jobs["backup"].trigger.fields}
    assert (fields["hour"], fields["minute"]) == ("3", "0")
    assert str(jobs["backup"].trigger.timezone) == "Europe/Warsaw"

    off = settings.model_copy(update={"backup_nightly": False})
    assert not {"backup", "backup:catch-up"} & {
        j.id for j in build(maker, Today(D("2026-12-01")), off).get_jobs()
    }
    assert "backup" not in {j.id for j in build(maker, Today(D("2026-12-01"))).get_jobs()}


@pytest.mark.postgres_only
async def test_an_instance_skips_the_copy_another_one_is_making(scratch_database_url, tmp_path):
    engine = make_engine(scratch_database_url)
    plan = Plan(scratch_database_url, tmp_path, 7, nightly=True)
    night = Today(D("2026-12-01"))
    try:
        async with engine.connect() as holder:  # another instance, in the middle of its copy
            await holder.begin()
            key = lock_key(BACKUP_JOB)
            assert await holder.scalar(text("SELECT pg_try_advisory_xact_lock(:k)"), {"k": key})
            busy = await backup.nightly(make_sessionmaker(engine), plan, night)
            assert busy is Outcome.BUSY
            assert files.copies(tmp_path) == []
            await holder.rollback()
        assert await backup.nightly(make_sessionmaker(engine), plan, night) is Outcome.DONE
        assert len(files.copies(tmp_path)) == 1
    finally:
        await engine.dispose()
