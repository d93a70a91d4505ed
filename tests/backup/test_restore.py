"""`windykacja backup` and `windykacja restore` (issue 14, item 6), on the suite's backend: SQLite
through its online backup API, PostgreSQL through pg_dump / pg_restore.

A database is filled over the API of an app on it (committed, as in real use), copied with the
CLI, and restored into an empty database of the same kind; then every table of the two is compared,
row by row. The refusals change nothing, and a forced restore keeps what it replaced."""

from __future__ import annotations

import asyncio
import shutil
import sqlite3
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import column, inspect, select, table, text

from app import cli
from app.backup import files, postgres
from app.backup.errors import BackupFailed
from app.config import Settings, get_settings
from app.db import make_engine
from app.main import create_app
from app.migrations import head_revision, upgrade
from tests.conftest import ADMIN_PASSWORD, _create_pg_database, _drop_pg_database, token_for
from tests.factories import create_debtor, create_receivable, deliver, sweep

Snapshot = dict[str, list[tuple[Any, ...]]]


@pytest.fixture
def urls(database_url: str, tmp_path: Path) -> Iterator[tuple[str, str]]:
    """(a database with the schema, an empty database with nothing in it) on the suite's backend."""
    if not database_url.startswith("postgresql"):
        source, target = (f"sqlite+aiosqlite:///{tmp_path}/{n}.db" for n in ("zrodlo", "cel"))
        upgrade(source)
        yield source, target
        return
    missing = [t for t in ("pg_dump", "pg_restore") if shutil.which(t) is None]
    if missing:
        pytest.skip(f"{', '.join(missing)} not on PATH: PostgreSQL copies need the client tools")
    made = [asyncio.run(_create_pg_database(database_url)) for _ in range(2)]
    upgrade(made[0])
    yield made[0], made[1]
    for url in made:
        asyncio.run(_drop_pg_database(url))


@pytest.fixture
def run_cli(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> Iterator[Any]:
    """`windykacja …` with DATABASE_URL set as an operator would; (exit code, stdout, stderr)."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("WINDYKACJA_BACKUP_DIR", str(tmp_path / "kopie"))

    def run(url: str, *argv: str) -> tuple[int, str, str]:
        monkeypatch.setenv("DATABASE_URL", url)
        get_settings.cache_clear()
        capsys.readouterr()
        code = cli.main(list(argv))
        out, err = capsys.readouterr()
        return code, out, err

    yield run
    get_settings.cache_clear()


async def _fill(url: str) -> None:
    """A unit's working day over the API: debtors (Polish letters, PESEL), a receivable with its
    demand delivered, the daily sweep, a reminder, a payment; an alimony debtor with an award, a
    payout and a recovery split under art. 28."""
    settings = Settings(environment="test", database_url=url, admin_password=ADMIN_PASSWORD)
    app = create_app(settings, clock=lambda: date(2026, 6, 30))
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as api:
            api.headers["Authorization"] = f"Bearer {await token_for(api, 'admin', ADMIN_PASSWORD)}"
            r = await create_receivable(api, await create_debtor(api, name="Łucja Żółć-Gęślą"))
            await deliver(api, r["id"], "wezwanie", "2025-03-05")
            await sweep(api, "2025-03-20")
            for path, body in (
                (f"/api/v1/receivables/{r['id']}/reminders", {"issued_on": "2025-04-01"}),
                (
                    f"/api/v1/receivables/{r['id']}/payments",
                    {"paid_on": "2025-04-10", "amount": "50.00", "reference": "WB/2025/1"},
                ),
            ):
                assert (await api.post(path, json=body)).status_code == 201
            alimony = f"/api/v1/alimony/debtors/{await create_debtor(api, pesel=None)}"
            for path, body in (
                ("/awards", {"monthly_amount": "500.00", "valid_from": "2026-01-01"}),
                ("/payouts", {"paid_on": "2026-02-10", "amount": "500.00"}),
                (
                    "/recoveries",
                    {"received_on": "2026-04-15", "amount": "300.00", "source": "egzekucja_sadowa"},
                ),
            ):
                assert (await api.post(alimony + path, json=body)).status_code == 201, path


async def _snapshot(url: str) -> Snapshot:
    """Every table of the database, every row, in a fixed order."""
    engine = make_engine(url)
    try:
        async with engine.connect() as conn:
            out = {}
            for name in sorted(await conn.run_sync(lambda c: inspect(c).get_table_names())):
                names, key = await conn.run_sync(_columns_and_key, name)
                t = table(name, *(column(c) for c in names))
                order = [t.c[k] for k in key] or list(t.c)  # JSON has no order: the key first
                out[name] = [tuple(row) for row in await conn.execute(select(t).order_by(*order))]
            return out
    finally:
        await engine.dispose()


def _columns_and_key(conn: Any, name: str) -> tuple[list[str], list[str]]:
    found = inspect(conn)
    columns = [c["name"] for c in found.get_columns(name)]
    return columns, list(found.get_pk_constraint(name)["constrained_columns"])


def test_a_restored_copy_holds_every_row_of_every_table(urls, run_cli, tmp_path):
    source, target = urls
    asyncio.run(_fill(source))
    before = asyncio.run(_snapshot(source))

    code, out, err = run_cli(source, "backup")
    assert (code, err) == (0, "")
    [copy] = files.copies(tmp_path / "kopie")
    assert f" w {copy.path} (" in out
    assert f"schemat {head_revision()}" in out

    code, out, err = run_cli(target, "restore", str(copy.path))
    assert (code, err) == (0, "")
    after = asyncio.run(_snapshot(target))
    assert sorted(after) == sorted(before)
    for name in before:
        assert after[name] == before[name], name
    rows = sum(len(r) for r in before.values())
    assert f"tabel {len(before)}, wierszy {rows}." in out
    assert f"Wersja schematu kopii: {head_revision()}." in out
    # The contents are the working day's: the debtors, the reminder, the split recovery.
    assert {"debtor", "receivable", "document", "payment", "alimony_allocation"} <= set(before)
    assert all(before[t] for t in ("debtor", "document", "payment", "alimony_allocation"))
    assert any("Łucja Żółć-Gęślą" in row for row in before["debtor"])


def test_the_restored_database_goes_on_numbering_where_the_copy_stopped(urls, run_cli, tmp_path):
    # PostgreSQL: the sequences come back with the rows (pg_dump's SEQUENCE SET); a new debtor
    # gets the next id, not 1.
    source, target = urls
    asyncio.run(_fill(source))
    assert run_cli(source, "backup")[0] == 0
    [copy] = files.copies(tmp_path / "kopie")
    assert run_cli(target, "restore", str(copy.path))[0] == 0
    last = max(row[0] for row in asyncio.run(_snapshot(target))["debtor"])

    async def one_more() -> int:
        settings = Settings(environment="test", database_url=target, admin_password=ADMIN_PASSWORD)
        app = create_app(settings, clock=lambda: date(2026, 7, 1))
        async with app.router.lifespan_context(app):
            transport = httpx.ASGITransport(app=app)
            async with httpx.AsyncClient(transport=transport, base_url="http://test") as api:
                api.headers["Authorization"] = (
                    f"Bearer {await token_for(api, 'admin', ADMIN_PASSWORD)}"
                )
                return await create_debtor(api, name="Nowy Po Przywróceniu", pesel=None)

    assert asyncio.run(one_more()) == last + 1


def test_restore_refuses_a_database_that_is_not_empty_and_force_keeps_what_it_replaced(
    urls, run_cli, tmp_path
):
    source, _ = urls
    asyncio.run(_fill(source))
    assert run_cli(source, "backup")[0] == 0
    [copy] = files.copies(tmp_path / "kopie")
    asyncio.run(_add_a_debtor(source))  # after the copy: a restore would lose it
    now = asyncio.run(_snapshot(source))

    code, out, err = run_cli(source, "restore", str(copy.path))
    assert (code, out) == (1, "")
    assert "nie jest pusta" in err
    assert "--force" in err
    assert asyncio.run(_snapshot(source)) == now  # nothing changed

    code, out, err = run_cli(source, "restore", str(copy.path), "--force")
    assert (code, err) == (0, "")
    saved = files.copies(tmp_path / "kopie")[0]  # the newest: what the database held
    assert saved.path != copy.path
    assert f"Poprzednią zawartość bazy zapisano w {saved.path}." in out
    restored = asyncio.run(_snapshot(source))
    assert len(restored["debtor"]) == len(now["debtor"]) - 1  # the later debtor is gone …
    # … and is in the copy the forced restore made first.
    _, scratch = urls
    assert run_cli(scratch, "restore", str(saved.path))[0] == 0
    assert asyncio.run(_snapshot(scratch))["debtor"] == now["debtor"]


async def _add_a_debtor(url: str) -> None:
    engine = make_engine(url)
    async with engine.begin() as conn:
        await conn.execute(text("INSERT INTO debtor (name) VALUES ('Dopisany Po Kopii')"))
    await engine.dispose()


@pytest.mark.parametrize(
    ("content", "said"),
    [
        (None, "Nie ma pliku"),
        (b"to nie jest kopia\n", "nie jest kopią zapasową (ani bazą SQLite, ani archiwum pg_dump)"),
        (b"PGDMP\x01\x0e\x00", "jest kopią bazy PostgreSQL, a DATABASE_URL wskazuje bazę SQLite"),
        (files.SQLITE_HEADER + b"\x00" * 84, "nie jest czytelną bazą SQLite"),
    ],
)
def test_restore_refuses_what_is_not_a_copy_and_touches_nothing(run_cli, tmp_path, content, said):
    path = tmp_path / "kopia.sqlite3"
    if content is not None:
        path.write_bytes(content)
    target = tmp_path / "cel.db"
    code, out, err = run_cli(f"sqlite+aiosqlite:///{target}", "restore", str(path))
    assert (code, out) == (1, "")
    assert said in err
    assert not target.exists()


def test_restore_refuses_a_copy_from_a_newer_version_of_the_program(run_cli, tmp_path):
    path = tmp_path / "z-przyszlosci.sqlite3"
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL)")
        db.execute("INSERT INTO alembic_version VALUES ('2030_future_schema')")
    target = tmp_path / "cel.db"
    code, _, err = run_cli(f"sqlite+aiosqlite:///{target}", "restore", str(path))
    assert code == 1
    assert "Kopia ma schemat 2030_future_schema, którego ta wersja programu nie zna" in err
    assert not target.exists()


def test_a_database_that_is_not_there_is_not_copied(run_cli, tmp_path):
    code, out, err = run_cli(f"sqlite+aiosqlite:///{tmp_path}/brak.db", "backup")
    assert (code, out) == (1, "")
    assert f"Nie ma bazy danych {tmp_path}/brak.db" in err
    assert files.copies(tmp_path / "kopie") == []
    assert not (tmp_path / "brak.db").exists()


def test_without_the_postgresql_client_tools_the_error_says_what_to_install(monkeypatch, tmp_path):
    monkeypatch.setenv("PATH", str(tmp_path))  # a PATH with neither pg_dump nor pg_restore
    for name in ("pg_dump", "pg_restore"):
        with pytest.raises(BackupFailed) as refused:
            postgres.tool(name)
        assert refused.value.detail.startswith(
            f"Nie znaleziono programu {name} (w katalogach PATH)"
        )
        assert "postgresql-client" in refused.value.detail
