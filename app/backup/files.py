"""The backup files in their directory: what a copy is called, which files are copies, and which
of them the nightly job keeps. Only files named as this module names them are ever listed or
deleted: whatever else an operator keeps in the directory is left alone."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

SUFFIX = {"sqlite": ".sqlite3", "postgresql": ".pgdump"}
_NAME = re.compile(r"^windykacja-(\d{8}-\d{6})(?:-(\d+))?\.(sqlite3|pgdump)$")
_STAMP = "%Y%m%d-%H%M%S"

# The first bytes of each kind of file: a SQLite database, a pg_dump custom-format archive.
SQLITE_HEADER = b"SQLite format 3\x00"
PGDUMP_HEADER = b"PGDMP"


@dataclass(frozen=True)
class Copy:
    path: Path
    made_at: datetime  # the local time in its name
    size: int  # bytes

    @property
    def name(self) -> str:
        return self.path.name


def _order(path: Path) -> tuple[str, int] | None:
    found = _NAME.match(path.name)
    return (found.group(1), int(found.group(2) or 0)) if found else None


def new_path(directory: Path, now: datetime, backend: str) -> Path:
    """windykacja-RRRRMMDD-GGMMSS.sqlite3 (or .pgdump): sorts by time, valid on every file
    system; a second copy within the same second gets -1, -2 …"""
    stem = f"windykacja-{now.strftime(_STAMP)}"
    path = directory / f"{stem}{SUFFIX[backend]}"
    n = 0
    while path.exists():
        n += 1
        path = directory / f"{stem}-{n}{SUFFIX[backend]}"
    return path


def copies(directory: Path) -> list[Copy]:
    """The copies in the directory, newest first (none when it does not exist yet)."""
    if not directory.is_dir():
        return []
    found = [(order, p) for p in directory.iterdir() if p.is_file() and (order := _order(p))]
    return [
        Copy(p, datetime.strptime(order[0], _STAMP), p.stat().st_size)
        for order, p in sorted(found, reverse=True)
    ]


def prune(directory: Path, keep: int) -> list[Path]:
    """Delete all copies but the newest `keep`; the deleted ones."""
    old = [c.path for c in copies(directory)[keep:]]
    for path in old:
        path.unlink(missing_ok=True)
    return old


def kind_of(path: Path) -> str:
    """ "sqlite" or "postgresql", from the file's first bytes; "" when it is neither."""
    with path.open("rb") as f:
        head = f.read(len(SQLITE_HEADER))
    if head == SQLITE_HEADER:
        return "sqlite"
    return "postgresql" if head.startswith(PGDUMP_HEADER) else ""
