"""`windykacja restore FILE [--force]`: a copy made by app/backup/service.py back into the database
DATABASE_URL names, with the service stopped.

It refuses, changing nothing, a file that is not a whole copy of Windykacja's database, a copy of
the other kind of database (a SQLite copy into PostgreSQL), a copy from a newer version of the
program (a schema revision this one does not know), and a database that already holds tables
unless forced. Forced, it first saves what the database holds as a copy of its own, in the
backup directory, and then replaces all of it. It says what it did: the tables and rows restored,
the copy's schema revision and whether the next start will migrate it."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from alembic.script import ScriptDirectory
from alembic.script.revision import RevisionError
from alembic.util.exc import CommandError
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncConnection

from app.backup import files, postgres, repository, sqlite
from app.backup.errors import BackupFailed, DatabaseNotEmpty, NotABackup
from app.backup.service import BACKENDS, Plan, unreachable, write_copy
from app.db import make_engine
from app.migrations import alembic_config


@dataclass(frozen=True)
class Restored:
    source: Path
    database: str
    revision: str  # the copy's schema
    head: str  # this program's schema
    rows: dict[str, int]  # per table, as restored
    saved: Path | None  # the database's previous content, when it had any

    def report(self) -> list[str]:
        lines = [
            f"Przywrócono kopię {self.source} do bazy {self.database}: tabel {len(self.rows)}, "
            f"wierszy {sum(self.rows.values())}.",
            f"Wersja schematu kopii: {self.revision}.",
        ]
        if self.revision != self.head:
            lines.append(
                f"Program ma nowszy schemat ({self.head}): zostanie on zastosowany przy starcie "
                "usługi (windykacja serve) albo poleceniem windykacja migrate."
            )
        if self.saved is not None:
            lines.append(f"Poprzednią zawartość bazy zapisano w {self.saved}.")
        return lines


async def restore(plan: Plan, source: Path, *, force: bool, now: datetime) -> Restored:
    revision = await asyncio.to_thread(_revision_of, source, plan.backend)
    head = _known(revision, plan.database_url)
    present = await _tables(plan)
    saved = None
    if present:
        if not force:
            raise DatabaseNotEmpty(
                f"Baza {plan.database} nie jest pusta (tabel: {len(present)}): przywrócenie "
                "zastąpiłoby całą jej zawartość. Jeśli o to chodzi, powtórz polecenie z --force; "
                f"bieżąca zawartość zostanie najpierw zapisana jako kopia w {plan.directory}"
            )
        saved, _ = await asyncio.to_thread(write_copy, plan.database_url, plan.directory, now)
        if plan.backend == "postgresql":
            async with _connected(plan) as conn:
                await repository.empty_postgresql(conn)
    await asyncio.to_thread(_load, plan, source)
    async with _connected(plan) as conn:
        rows = await repository.row_counts(conn)
    return Restored(source, plan.database, revision, head, rows, saved.path if saved else None)


def _revision_of(source: Path, backend: str) -> str:
    if not source.is_file():
        raise NotABackup(f"Nie ma pliku {source}")
    kind = files.kind_of(source)
    if not kind:
        raise NotABackup(
            f"{source} nie jest kopią zapasową (ani bazą SQLite, ani archiwum pg_dump)"
        )
    if kind != backend:
        raise NotABackup(
            f"{source} jest kopią bazy {BACKENDS[kind]}, a DATABASE_URL wskazuje bazę "
            f"{BACKENDS[backend]}: kopię przywraca się do bazy tego samego rodzaju"
        )
    return sqlite.revision(source) if kind == "sqlite" else postgres.revision(source)


def _known(revision: str, url: str) -> str:
    """This program's head revision; refuses a copy whose revision it does not know."""
    script = ScriptDirectory.from_config(alembic_config(url))
    try:
        script.get_revision(revision)
    except (CommandError, RevisionError):
        known = False
    else:
        known = True
    if not known:
        raise NotABackup(
            f"Kopia ma schemat {revision}, którego ta wersja programu nie zna (pochodzi z "
            "nowszej wersji?): przywróć ją programem w tej wersji lub nowszej"
        )
    return str(script.get_current_head())


async def _tables(plan: Plan) -> list[str]:
    if plan.backend == "sqlite" and not sqlite.database_path(plan.database_url).exists():
        return []  # nothing there yet; connecting would create the file
    async with _connected(plan) as conn:
        return await repository.table_names(conn)


@asynccontextmanager
async def _connected(plan: Plan) -> AsyncIterator[AsyncConnection]:
    engine = make_engine(plan.database_url)
    try:
        try:
            conn = await engine.connect()
        except (DBAPIError, OSError) as exc:  # no server, no database, no rights
            raise unreachable(plan, exc) from exc
        try:
            async with conn.begin():
                yield conn
        finally:
            await conn.close()
    finally:
        await engine.dispose()


def _load(plan: Plan, source: Path) -> None:
    if plan.backend == "sqlite":
        target = sqlite.database_path(plan.database_url)
        if not target.parent.is_dir():
            raise BackupFailed(f"Nie ma katalogu {target.parent} bazy {target.name}")
        sqlite.copy(source, target)
    else:
        postgres.restore(plan.database_url, source)
