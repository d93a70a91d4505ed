"""SQLite copies through SQLite's online backup API (sqlite3.Connection.backup): a consistent
copy of a database in use, page by page, without stopping the service; the copy is itself a
SQLite database that opens as it is. Synchronous: call through asyncio.to_thread.

https://www.sqlite.org/backup.html, https://docs.python.org/3/library/sqlite3.html#sqlite3.Connection.backup"""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

from sqlalchemy.engine import make_url

from app.backup.errors import BackupFailed, NotABackup

BUSY_SECONDS = 30  # as the service's own connections (app/db.py): wait for a writer to finish


def database_path(url: str) -> Path:
    name = make_url(url).database
    if not name or name == ":memory:" or name.startswith("file:"):
        raise BackupFailed(f"Baza SQLite „{name or ':memory:'}” nie jest plikiem na dysku")
    return Path(name)


def _read_only(path: Path) -> sqlite3.Connection:
    # mode=ro: a copy never writes to what it copies, and never creates a missing file.
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=BUSY_SECONDS)


def copy(source: Path, target: Path) -> None:
    """The whole of `source` into `target`, which it replaces (schema and rows)."""
    if not source.is_file():
        raise BackupFailed(f"Nie ma bazy danych {source}")
    try:
        with (
            closing(_read_only(source)) as src,
            closing(sqlite3.connect(target, timeout=BUSY_SECONDS)) as dst,
        ):
            src.backup(dst)
    except sqlite3.Error as exc:
        raise BackupFailed(f"SQLite: {exc} (kopiowanie {source} → {target})") from exc


def revision(path: Path) -> str:
    """The schema revision of a SQLite copy, after checking that it is whole and is Windykacja's."""
    try:
        with closing(_read_only(path)) as db:
            check = db.execute("PRAGMA quick_check").fetchone()[0]
            if check != "ok":
                raise NotABackup(f"Kopia {path} jest uszkodzona (SQLite quick_check: {check})")
            found = db.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'"
            ).fetchone()
            if found is None:
                raise NotABackup(f"{path} nie jest kopią bazy Windykacji (brak alembic_version)")
            row = db.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.DatabaseError as exc:
        raise NotABackup(f"{path} nie jest czytelną bazą SQLite ({exc})") from exc
    if row is None:
        raise NotABackup(f"{path}: kopia bez wersji schematu (pusta tabela alembic_version)")
    return str(row[0])
