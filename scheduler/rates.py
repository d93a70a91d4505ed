"""The optional daily job that keeps the rate table current (issue 16 item 2): it fetches the NBP
archive file (stopy_procentowe_archiwum.xml) from the configured URL (settings.nbp_rates_url; off
when none is set), imports it as `windykacja rates import` does, and, when the file agrees with
the table, records "stopy sprawdzone na dzień <today>" so the dashboard knows the check was done.
A failure (network, a file that is not the archive) is logged without personal data and tried
again the next day; the dashboard warns once nothing is newer than settings.rates_check_days."""

from __future__ import annotations

import asyncio
import logging
import urllib.request
from collections.abc import Callable

from apscheduler.schedulers.asyncio import AsyncIOScheduler  # type: ignore[import-untyped]
from apscheduler.triggers.cron import CronTrigger  # type: ignore[import-untyped]
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.clock import WARSAW, Clock
from app.db import session_scope
from app.errors import AppError
from app.parameters import service
from app.parameters.nbp import MAX_BYTES

log = logging.getLogger("windykacja.scheduler")

ACTOR = "system:stopy-nbp"
TIMEOUT_SECONDS = 30
# NBP announces the Monetary Policy Council's decisions in the afternoon; they take effect the next
# day. The job runs each morning, after the nightly sweeps.
TRIGGER = CronTrigger(hour=6, minute=40, timezone=WARSAW)

Fetch = Callable[[str], bytes]


def fetch(url: str) -> bytes:
    """GET the file (http or https only; the setting's pattern and this check), size-limited."""
    if not url.startswith(("https://", "http://")):
        raise ValueError("only http(s) URLs")
    request = urllib.request.Request(url, headers={"User-Agent": "windykacja"})
    with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:
        return bytes(response.read(MAX_BYTES + 1))


async def update_rates(
    maker: async_sessionmaker[AsyncSession], url: str, clock: Clock, get: Fetch = fetch
) -> service.ImportResult | None:
    """Fetch, import, and confirm the check; None when the file could not be had or read."""
    today = clock()
    try:
        content = await asyncio.to_thread(get, url)
    except Exception as exc:  # the network is outside our control: log, try tomorrow
        log.error("rates: fetching the NBP file failed (%s)", type(exc).__name__)
        return None
    try:
        async with session_scope(maker) as session:
            result = await service.import_archive(
                session, content, url.rsplit("/", 1)[-1] or url, ACTOR, today
            )
            if not result.plan.conflicts:
                await service.confirm_rates(
                    session, today, f"pobrano {url}; {result.summary}", ACTOR, today
                )
    except AppError as exc:  # not the NBP archive: the message names what is wrong
        log.error("rates: the file from the configured URL was refused: %s", exc.detail)
        return None
    log.info("rates: %s", result.summary)
    return result


def add_job(
    scheduler: AsyncIOScheduler, maker: async_sessionmaker[AsyncSession], url: str, clock: Clock
) -> None:
    scheduler.add_job(
        update_rates,
        TRIGGER,
        args=[maker, url, clock],
        id="rates:nbp",
        name="stopy procentowe NBP",
    )
