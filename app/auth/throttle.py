"""Log-in throttling with growing delays (issue 15 items 2 and 3; OWASP ASVS 2.2.1).

Failures are counted per key: the pair (account, source address), the account from anywhere, and
the source address for any account. After a key's free failures, each further failure makes the
key wait before its next try is even checked: 1 s, 2 s, 4 s … up to the key's ceiling. There is
no hard lock: a stranger who types the admin's name wrongly from their own address delays only
their own pair; the account's own ceiling (after 30 failures from many addresses within the hour)
is two minutes, which keeps a distributed guesser near 30 tries an hour without locking the admin
out. The counting is atomic: a try is counted, under a row lock, BEFORE its password is checked,
so a hundred tries sent at once meet the count of the ones before them (the review saw 45 of 100
parallel guesses checked). A success clears its account's and pair's counts; an address's count
only fades after an hour without failures."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession

from app.models import LoginThrottle

WINDOW = timedelta(hours=1)  # failures older than this (with none since) are forgotten


@dataclass(frozen=True)
class Rule:
    free: int  # failures before the first delay
    ceiling: timedelta  # the longest delay

    def delay(self, failures: int) -> timedelta | None:
        if failures < self.free:
            return None
        return min(self.ceiling, timedelta(seconds=2 ** (failures - self.free)))


RULES = {
    "para": Rule(free=5, ceiling=timedelta(minutes=15)),
    "konto": Rule(free=30, ceiling=timedelta(minutes=2)),
    "adres": Rule(free=20, ceiling=timedelta(minutes=15)),
}


def keys(username: str, source: str) -> list[str]:
    """Sorted, so that concurrent tries lock the rows in one order (no deadlock)."""
    name = username.strip().lower()[:64]
    return sorted([f"para:{name}|{source}", f"konto:{name}", f"adres:{source}"])


def rule_of(key: str) -> Rule:
    return RULES[key.split(":", 1)[0]]


@dataclass(frozen=True)
class Reservation:
    wait: timedelta | None  # the try is refused unchecked when set
    started: tuple[str, ...] = ()  # keys whose delays this try set off (for the audit)


def _aware(moment: datetime | None) -> datetime | None:
    # SQLite returns naive datetimes; we store UTC.
    return moment.replace(tzinfo=UTC) if moment and moment.tzinfo is None else moment


class ThrottleRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def reserve(self, key_list: Sequence[str], now: datetime) -> Reservation:
        """Count this try as a failure now (undone by `succeeded`), unless a key must wait."""
        rows = await self._locked(key_list)
        for row in rows:
            last = _aware(row.last_failure_at)
            if last is not None and now - last > WINDOW:
                row.failures, row.blocked_until = 0, None
        waits = [b - now for row in rows if (b := _aware(row.blocked_until)) and b > now]
        if waits:
            return Reservation(max(waits))
        started = []
        for row in rows:
            row.failures += 1
            row.last_failure_at = now
            if (delay := rule_of(row.key).delay(row.failures)) is not None:
                row.blocked_until = now + delay
                started.append(row.key)
        await self.session.flush()
        return Reservation(None, tuple(started))

    async def succeeded(self, key_list: Sequence[str]) -> None:
        """The password was right: the account's and pair's counts start again; the address's
        provisional failure is taken back."""
        for key in key_list:
            values: dict[str, Any] = (
                {"failures": LoginThrottle.failures - 1}
                if key.startswith("adres:")
                else {"failures": 0, "blocked_until": None}
            )
            stmt = update(LoginThrottle).where(LoginThrottle.key == key, LoginThrottle.failures > 0)
            await self.session.execute(stmt.values(**values))

    async def clear_account(self, username: str) -> int:
        """The admin's "odblokuj": every delay on the account, from any address."""
        name = username.strip().lower()
        stmt = (
            update(LoginThrottle)
            .where(
                (LoginThrottle.key == f"konto:{name}")
                | LoginThrottle.key.startswith(f"para:{name}|", autoescape=True)
            )
            .values(failures=0, blocked_until=None)
        )
        result = await self.session.execute(stmt)
        return int(getattr(result, "rowcount", 0) or 0)

    async def blocked_until(self, username: str, now: datetime) -> datetime | None:
        """The latest delay on the account's keys (for the admin's list)."""
        name = username.strip().lower()
        found = await self.session.scalars(
            select(LoginThrottle.blocked_until).where(
                (LoginThrottle.key == f"konto:{name}")
                | LoginThrottle.key.startswith(f"para:{name}|", autoescape=True)
            )
        )
        latest = max((b for b in map(_aware, found) if b and b > now), default=None)
        return latest

    async def _locked(self, key_list: Sequence[str]) -> list[LoginThrottle]:
        dialect = self.session.get_bind().dialect.name
        insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
        await self.session.execute(
            insert(LoginThrottle)
            .values([{"key": k, "failures": 0} for k in key_list])
            .on_conflict_do_nothing(index_elements=["key"])
        )
        # A row lock on PostgreSQL; SQLite's BEGIN IMMEDIATE (app.db) already has the one writer.
        stmt = (
            select(LoginThrottle)
            .where(LoginThrottle.key.in_(key_list))
            .order_by(LoginThrottle.key)
            .with_for_update()
            .execution_options(populate_existing=True)
        )
        return list(await self.session.scalars(stmt))
