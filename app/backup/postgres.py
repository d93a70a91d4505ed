"""PostgreSQL copies through the PostgreSQL client tools: pg_dump in its custom format (compressed,
restorable table by table) and pg_restore. They are looked up on PATH; a pg_dump older than the
server refuses to run, so the client must be the server's version or newer (Debian:
postgresql-client). Synchronous: call through asyncio.to_thread.

https://www.postgresql.org/docs/current/app-pgdump.html,
https://www.postgresql.org/docs/current/app-pgrestore.html"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from sqlalchemy.engine import make_url

from app.backup.errors import BackupFailed, NotABackup

_SSL = {"ssl", "sslmode"}  # asyncpg's and libpq's names of the same setting


def tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        raise BackupFailed(
            f"Nie znaleziono programu {name} (w katalogach PATH). Zainstaluj narzędzia klienta "
            "PostgreSQL w wersji serwera lub nowszej (Debian/Ubuntu: pakiet postgresql-client) "
            "albo dodaj ich katalog do PATH"
        )
    return found


def _connection(url: str) -> tuple[list[str], dict[str, str]]:
    """libpq options for the URL; the password goes in the environment (PGPASSWORD), never on
    the command line, where any user of the machine could read it."""
    u = make_url(url)
    args = ["--no-password"]  # never wait for a password on a terminal: a nightly job would hang
    args += ["--host", u.host] if u.host else []
    args += ["--port", str(u.port)] if u.port else []
    args += ["--username", u.username] if u.username else []
    env = {"PGPASSWORD": u.password} if u.password else {}
    for key in _SSL & set(u.query):
        value = u.query[key]
        env["PGSSLMODE"] = value if isinstance(value, str) else value[0]
    return args, env


def _run(command: list[str], env: dict[str, str]) -> str:
    done = subprocess.run(
        command, capture_output=True, text=True, env={**os.environ, **env}, check=False
    )
    if done.returncode != 0:
        said = " ".join(done.stderr.strip().splitlines()[-3:]) or f"kod {done.returncode}"
        raise BackupFailed(f"{Path(command[0]).name}: {said}")
    return done.stdout


def dump(url: str, target: Path) -> None:
    args, env = _connection(url)
    database = make_url(url).database or ""
    _run([tool("pg_dump"), *args, "--format=custom", f"--file={target}", database], env)


def restore(url: str, source: Path) -> None:
    """Into an empty database, in one transaction: all of it or nothing. Objects are owned by the
    user restoring, whoever owned them where the copy was made."""
    args, env = _connection(url)
    database = make_url(url).database or ""
    command = [tool("pg_restore"), *args, "--no-owner", "--no-privileges", "--exit-on-error"]
    _run([*command, "--single-transaction", f"--dbname={database}", str(source)], env)


def revision(source: Path) -> str:
    """The schema revision in a pg_dump archive (its alembic_version row), read without a
    database; a file pg_restore cannot read, or one without that table, is not our copy."""
    command = [tool("pg_restore"), "--data-only", "--table=alembic_version", "--file=-"]
    try:
        script = _run([*command, str(source)], {})
    except BackupFailed as exc:
        raise NotABackup(f"{source} nie jest czytelną kopią pg_dump ({exc.detail})") from exc
    lines = script.splitlines()
    for line, following in zip(lines, [*lines[1:], "\\."], strict=True):
        if line.startswith("COPY ") and "alembic_version" in line and following != "\\.":
            return following.strip()
    raise NotABackup(f"{source} nie jest kopią bazy Windykacji (brak wersji schematu)")
