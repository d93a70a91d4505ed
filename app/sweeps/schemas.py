from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import Any

from app.schemas import AmountOut, Schema


class Job(StrEnum):
    DAILY = "daily"  # states that time alone moves; reminders ready for a title
    YEAR_END = "year_end"  # the year-end lists for the chief accountant (seed 003 §5.3)
    ARCHIVE = "archive"  # closed files two years after closing (seed 003 §5.4)


class SweepResultRead(Schema):
    job: Job
    as_of: date
    rows_changed: int
    changed: dict[str, int]
    listed: dict[str, int]
    details: str


class SweepRunRead(Schema):
    id: int
    job: str
    as_of: date
    started_at: datetime
    finished_at: datetime | None
    rows_changed: int
    details: str
    error: str | None
    triggered_by: str


class ListedRead(Schema):
    receivable_id: int
    reference: str | None
    kind: str
    title: str
    principal: AmountOut
    state: str
    debtor_id: int
    debtor_name: str
    day: date  # the date that put it on the list (term end, time-barred on, closed on)


class YearEndRead(Schema):
    year: int
    as_of: date
    przedawnione: list[ListedRead]
    # None while no alimony module provides the art. 30 write-off list (see year_end.py).
    alimenty_umorzenie: list[dict[str, Any]] | None
