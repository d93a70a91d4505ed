"""A worker process for tests/security/test_crash.py: issues a title or builds a handoff batch on a
PostgreSQL database, prints a marker at the chosen point and waits there to be killed (SIGKILL).

    python -m tests.security.crash_worker URL SETTINGS_JSON title RECEIVABLE_ID after_number
    python -m tests.security.crash_worker URL SETTINGS_JSON handoff - while_xml   (or after_number,
                                                                       before_commit)
    python -m tests.security.crash_worker URL SETTINGS_JSON handoff - none   (runs to the end)

The points are reached by wrapping the service's collaborators here, in the worker: the application
has no test hooks."""

from __future__ import annotations

import asyncio
import sys
import time
from datetime import date
from typing import Any

from app import numbering
from app.config import Settings
from app.db import make_engine, make_sessionmaker, session_scope
from app.receivables import actions
from app.receivables import service as receivable_service
from app.titles import service as title_service
from app.titles import xml
from app.unit.setup import first_start

ISSUED_ON = date(2025, 4, 11)
HANDOFF_ON = date(2025, 4, 14)
TODAY = date(2026, 11, 23)


def stop_here(point: str) -> None:
    """Say where we are and wait for the SIGKILL (never returns)."""
    sys.stdout.write(f"AT {point}\n")
    sys.stdout.flush()
    while True:
        time.sleep(1)


def _stop_after_numbering(module: Any) -> None:
    async def numbered(*args: Any, **kwargs: Any) -> int:
        value = await numbering.next_number(*args, **kwargs)
        if args[1] in ("tytul_wykonawczy", "przekazanie"):  # (session, kind, scope, year)
            stop_here("after_number")
        return value

    module.next_number = numbered


def _stop_while_building_xml() -> None:
    original = xml.build_handoff_xml

    def building(*args: Any, **kwargs: Any) -> bytes:
        original(*args, **kwargs)
        stop_here("while_xml")
        raise AssertionError("unreachable")

    xml.build_handoff_xml = building  # type: ignore[assignment]


async def main(url: str, settings_json: str, what: str, receivable: str, point: str) -> None:
    settings = Settings.model_validate_json(settings_json)
    if point == "after_number":
        _stop_after_numbering(receivable_service if what == "title" else title_service)
    elif point == "while_xml":
        _stop_while_building_xml()
    engine = make_engine(url)
    async with session_scope(make_sessionmaker(engine)) as session:
        await first_start(session, settings)  # as the service's start would (no-op when done)
        if what == "title":
            doc = await actions.issue_title(session, int(receivable), ISSUED_ON, "worker", TODAY)
            done = doc.number
        else:
            handoff = await title_service.build_handoff(session, HANDOFF_ON, None, "worker")
            done = handoff.number
        if point == "before_commit":
            stop_here("before_commit")
    await engine.dispose()
    sys.stdout.write(f"DONE {done}\n")


if __name__ == "__main__":
    asyncio.run(main(*sys.argv[1:6]))
