"""The signing key, safe without thought (issue 15 item 1): WINDYKACJA_SECRET_KEY when it is set;
otherwise a random key generated on the first start and kept in the data directory, readable by
the service's user only (mode 0600), so that tokens and sessions survive a restart and no key is
ever published with the code. Tests that set none get a random key per process, written nowhere.

The data directory is WINDYKACJA_DATA_DIR, by default the directory of the SQLite database file
(the key lives beside the data it protects, one directory to back up), and `./var` when the
database is PostgreSQL."""

from __future__ import annotations

import os
import secrets
import stat
from pathlib import Path

from sqlalchemy.engine import make_url

from app.config import Settings

KEY_FILE = "windykacja.key"


class KeyFileError(RuntimeError):
    """The key file cannot be used; the message says what to do."""


def data_directory(settings: Settings) -> Path:
    if settings.data_dir is not None:
        return settings.data_dir
    if settings.is_sqlite:
        database = make_url(settings.database_url).database
        if database and database != ":memory:":
            return Path(database).expanduser().resolve().parent
    return Path("var").resolve()


def ensure_secret_key(settings: Settings) -> Settings:
    """The settings with their signing key: the configured one, or the data directory's."""
    if settings.secret_key:
        return settings
    if settings.environment == "test":
        key = secrets.token_urlsafe(48)
    else:
        key = _stored_key(data_directory(settings) / KEY_FILE, settings.environment)
    return settings.model_copy(update={"secret_key": key})


def _stored_key(path: Path, environment: str) -> str:
    if not path.exists():
        _create(path)
    mode = stat.S_IMODE(path.stat().st_mode)
    if mode & 0o077:
        if environment == "production":
            raise KeyFileError(
                f"Plik klucza {path} jest dostępny dla innych użytkowników (prawa {mode:o}); "
                f"ustaw: chmod 600 {path}"
            )
        path.chmod(0o600)
    key = path.read_text(encoding="ascii").strip()
    if len(key.encode()) < 32:
        raise KeyFileError(f"Plik klucza {path} jest pusty albo uszkodzony; usuń go")
    return key


def _create(path: Path) -> None:
    """Written to a private temporary file, then linked into place: two workers starting at once
    both end up with the one key that won, and no reader ever sees a half-written file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{secrets.token_hex(8)}")
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(fd, "w", encoding="ascii") as out:
            out.write(secrets.token_urlsafe(48) + "\n")
        try:
            os.link(temporary, path)
        except FileExistsError:
            pass  # another worker created it first: use theirs
    finally:
        temporary.unlink(missing_ok=True)
