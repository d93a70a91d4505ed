"""Working days in Poland and the statutory shift of a term's last day."""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache

import holidays


@lru_cache(maxsize=64)
def _polish_holidays(year: int) -> frozenset[date]:
    # holidays.PL knows the statutory days off (ustawa z 18.01.1951 o dniach wolnych od pracy),
    # including Wigilia (24 XII) from 2025 on.
    return frozenset(holidays.country_holidays("PL", years=year).keys())


def is_public_holiday(day: date) -> bool:
    return day in _polish_holidays(day.year)


def is_working_day(day: date) -> bool:
    return day.weekday() < 5 and not is_public_holiday(day)


def shift_to_working_day(day: date) -> date:
    """OP art. 12 §5: a term whose last day is a Saturday or a statutory day off (Sunday or a
    public holiday) ends on the next day that is neither."""
    while not is_working_day(day):
        day += timedelta(days=1)
    return day
