"""'Today' in Poland's calendar, injectable: the app holds a clock; tests replace it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from zoneinfo import ZoneInfo

WARSAW = ZoneInfo("Europe/Warsaw")

Clock = Callable[[], date]


def warsaw_today() -> date:
    return datetime.now(WARSAW).date()
