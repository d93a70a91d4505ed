"""`python -m tests`: the whole suite against SQLite and against PostgreSQL, plus `alembic check`
on both. Exits non-zero when anything fails. Extra arguments go to pytest."""

# ruff: noqa: T201  (a test runner prints what it runs)
from __future__ import annotations

import asyncio
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PG_URL = os.environ.get(
    "WINDYKACJA_TEST_PG_URL", "postgresql+asyncpg://postgres@127.0.0.1:5432/test"
)


def _pg_up() -> bool:
    ready = shutil.which("pg_isready")
    if ready is None:
        return True  # no client tools: let the tests say what is wrong
    if subprocess.run([ready, "-q", "-h", "127.0.0.1", "-p", "5432"], check=False).returncode == 0:
        return True
    versions = sorted(os.listdir("/etc/postgresql")) if os.path.isdir("/etc/postgresql") else []
    if versions:
        print(f"PostgreSQL is down; starting cluster {versions[-1]}/main", flush=True)
        subprocess.run(
            ["pg_ctlcluster", "--skip-systemctl-redirect", versions[-1], "main", "start"],
            check=False,
        )
    return (
        subprocess.run(
            [ready, "-q", "-h", "127.0.0.1", "-p", "5432", "-t", "30"], check=False
        ).returncode
        == 0
    )


def _alembic_check(url: str) -> int:
    """Migrations apply on a fresh database and match the models (STYLE rule 8)."""
    from alembic.util.exc import CommandError

    from alembic import command
    from app.migrations import alembic_config, upgrade

    upgrade(url)
    try:
        command.check(alembic_config(url))
    except CommandError as exc:
        print(f"alembic check failed on {url.split('://')[0]}: {exc}", flush=True)
        return 1
    return 0


def _fresh_pg(url: str) -> str:
    sys.path.insert(0, str(ROOT))
    from tests.conftest import _create_pg_database

    return asyncio.run(_create_pg_database(url))


def _drop_pg(url: str) -> None:
    from tests.conftest import _drop_pg_database

    asyncio.run(_drop_pg_database(url))


def main(argv: list[str]) -> int:
    failures = 0
    with tempfile.TemporaryDirectory() as tmp:
        failures += _alembic_check(f"sqlite+aiosqlite:///{tmp}/check.db")
    if not _pg_up():
        print("PostgreSQL at 127.0.0.1:5432 is not reachable", flush=True)
        return 1
    pg = _fresh_pg(PG_URL)
    try:
        failures += _alembic_check(pg)
    finally:
        _drop_pg(pg)
    for name, backend in (("SQLite", "sqlite"), ("PostgreSQL", PG_URL)):
        print(f"\n===== test suite on {name} =====", flush=True)
        env = {**os.environ, "WINDYKACJA_TEST_DATABASE": backend}
        code = subprocess.run(
            [sys.executable, "-m", "pytest", *argv], cwd=ROOT, env=env, check=False
        ).returncode
        print(f"===== {name}: pytest exit code {code} =====", flush=True)
        failures += code != 0
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
