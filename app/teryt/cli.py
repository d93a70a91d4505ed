"""`windykacja teryt import FILE [--force]`: load a TERC (or SIMC) file as GUS publishes it, in
one transaction; a refusal is one Polish line on stderr and exit code 1, nothing changed."""

from __future__ import annotations

import asyncio
import sys
from datetime import UTC, datetime
from pathlib import Path

from app.db import make_engine, make_sessionmaker, session_scope
from app.errors import AppError
from app.migrations import upgrade
from app.teryt import service

MAX_FILE = 200 * 1024 * 1024  # SIMC is ~20 MB; anything far larger is not a TERYT file


async def run_import(path: Path, database_url: str, *, force: bool) -> int:
    try:
        if path.stat().st_size > MAX_FILE:
            sys.stderr.write(f"Plik {path} jest zbyt duży na plik rejestru TERYT\n")
            return 1
        data = path.read_bytes()
    except OSError as exc:
        sys.stderr.write(f"Nie można odczytać pliku {path}: {exc.strerror}\n")
        return 1
    await asyncio.to_thread(upgrade, database_url)
    engine = make_engine(database_url)
    try:
        async with session_scope(make_sessionmaker(engine)) as session:
            done = await service.import_file(
                session, data, path.name, "cli", datetime.now(UTC), force=force
            )
    except AppError as exc:
        sys.stderr.write(f"{exc.detail}\n")
        return 1
    finally:
        await engine.dispose()
    sys.stdout.write(
        f"Wczytano rejestr {done.catalog} (stan na {done.valid_on}): {done.rows} pozycji\n"
    )
    if done.orphans:
        sys.stdout.write(
            f"Uwaga: {done.orphans} kodów gmin używanych w danych (zobowiązani, jednostka, "
            "organy) nie ma w nowym rejestrze: wskaż gminy ponownie\n"
        )
    return 0
