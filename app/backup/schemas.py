from __future__ import annotations

from datetime import date, datetime

from app.schemas import Schema
from app.sweeps.schemas import SweepRunRead


class CopyRead(Schema):
    name: str
    made_at: datetime  # local time (Europe/Warsaw), as in the name
    size: int  # bytes


class BackupMadeRead(Schema):
    name: str
    size: int
    revision: str  # the schema revision the copy carries
    as_of: date


class BackupStatusRead(Schema):
    directory: str
    keep: int  # copies the nightly job keeps
    nightly: bool
    copies: list[CopyRead]  # newest first
    last_run: SweepRunRead | None  # the latest attempt, failed or not
