"""Issue 15 item 1 and issue 14 item 5: secure out of the box. No published key signs anything;
a key is generated on the first start and kept private; production refuses short keys, the
development key and weak admin passwords; a server reachable from other machines is production
unless told otherwise; the README's first start still lets the admin in with the printed
password."""

from __future__ import annotations

import re
import stat
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import jwt
import pytest
from pydantic import ValidationError

from app import cli
from app.config import _DEV_SECRET, Settings
from app.main import create_app
from app.migrations import upgrade
from app.secret_key import KEY_FILE, KeyFileError, data_directory, ensure_secret_key
from app.serving import serving_settings

ROOT = Path(__file__).resolve().parents[2]
STRONG = "a-random-production-key-of-more-than-32-bytes"


def _forged(secret: str, unit: str) -> str:
    now = datetime.now(UTC)
    claims = {"sub": "admin", "aud": unit, "iat": now, "exp": now + timedelta(hours=1)}
    return jwt.encode(claims, secret, algorithm="HS256")


@pytest.fixture
def fresh_sqlite(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """A first start as the README's: no WINDYKACJA_* variables, a new SQLite file."""
    for name in ("WINDYKACJA_SECRET_KEY", "WINDYKACJA_ENVIRONMENT", "WINDYKACJA_ADMIN_PASSWORD"):
        monkeypatch.delenv(name, raising=False)
    url = f"sqlite+aiosqlite:///{tmp_path / 'windykacja.db'}"
    upgrade(url)
    return url


async def test_a_token_signed_with_the_published_key_opens_nothing(
    fresh_sqlite: str, capsys: pytest.CaptureFixture[str]
) -> None:
    # The attack: the development key is in the source; anyone could sign {"sub": "admin"}.
    app = create_app(Settings(database_url=fresh_sqlite))
    async with app.router.lifespan_context(app):
        printed = capsys.readouterr().out
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as c:
            unit = app.state.settings.unit
            forged = {"Authorization": f"Bearer {_forged(_DEV_SECRET, unit)}"}
            assert (await c.get("/api/v1/debtors", headers=forged)).status_code == 401
            # The first start printed the admin's password, and it logs in (README).
            password = re.search(r"Utworzono użytkownika admin z hasłem: (\S+)", printed)
            assert password, printed
            r = await c.post(
                "/api/v1/auth/token", data={"username": "admin", "password": password[1]}
            )
            assert r.status_code == 200, r.text
    assert app.state.settings.secret_key != _DEV_SECRET


def test_the_key_is_generated_once_beside_the_database_and_kept_private(
    fresh_sqlite: str,
) -> None:
    settings = Settings(database_url=fresh_sqlite)
    assert settings.secret_key is None
    key = ensure_secret_key(settings).secret_key
    path = Path(fresh_sqlite.split("///", 1)[1]).parent / KEY_FILE
    assert data_directory(settings) == path.parent
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert key is not None
    assert len(key.encode()) >= 32
    assert ensure_secret_key(settings).secret_key == key  # the same key after a restart


def test_a_key_file_others_can_read_is_refused_in_production(tmp_path: Path) -> None:
    (tmp_path / KEY_FILE).write_text("k" * 64)
    (tmp_path / KEY_FILE).chmod(0o644)
    with pytest.raises(KeyFileError, match="chmod 600"):
        ensure_secret_key(Settings(environment="production", data_dir=tmp_path))
    # In development the service tightens the mode itself.
    assert ensure_secret_key(Settings(data_dir=tmp_path)).secret_key == "k" * 64
    assert stat.S_IMODE((tmp_path / KEY_FILE).stat().st_mode) == 0o600


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"secret_key": "x"}, "too short"),
        ({"secret_key": "x" * 31}, "too short"),
        ({"secret_key": _DEV_SECRET}, "published development key"),
        ({"secret_key": STRONG, "admin_password": "a"}, "co najmniej 12 znaków"),
        ({"secret_key": STRONG, "admin_password": "administrator"}, "zbyt popularne"),
    ],
)
def test_production_refuses_weak_secrets(values: dict[str, str], message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        Settings(environment="production", **values)


def test_production_accepts_strong_secrets_and_the_published_key_is_refused_everywhere() -> None:
    Settings(environment="production", secret_key="x" * 32, admin_password="Kasztan-Rower-77")
    Settings(environment="production")  # no key: generated at start (app/secret_key.py)
    with pytest.raises(ValidationError, match="published development key"):
        Settings(environment="development", secret_key=_DEV_SECRET)


def test_a_server_on_all_interfaces_is_production_unless_told_otherwise(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("WINDYKACJA_ENVIRONMENT", raising=False)
    weak = Settings(secret_key="x")
    assert serving_settings(weak, "127.0.0.1").environment == "development"
    assert serving_settings(weak, "localhost").environment == "development"
    assert serving_settings(weak, "::1").environment == "development"
    for host in ("0.0.0.0", "::", "192.0.2.10", "windykacja.example"):
        with pytest.raises(ValidationError, match="too short"):
            serving_settings(weak, host)
    assert serving_settings(Settings(), "0.0.0.0").environment == "production"
    told = Settings(environment="development", secret_key="x")
    assert serving_settings(told, "0.0.0.0").environment == "development"


def test_serve_on_all_interfaces_with_a_weak_key_does_not_start(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], fresh_sqlite: str
) -> None:
    monkeypatch.setenv("WINDYKACJA_SECRET_KEY", "x")
    monkeypatch.setenv("DATABASE_URL", fresh_sqlite)
    cli.get_settings.cache_clear()

    def never(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("the server started")

    monkeypatch.setattr("uvicorn.run", never)
    try:
        assert cli.main(["serve", "--host", "0.0.0.0"]) == 2
    finally:
        cli.get_settings.cache_clear()
    assert "WINDYKACJA_SECRET_KEY is too short for production" in capsys.readouterr().err


def test_the_docker_image_ships_no_key_and_keeps_the_generated_one_in_its_volume() -> None:
    dockerfile = (ROOT / "Dockerfile").read_text()
    assert not re.search(r"SECRET_KEY\s*=", dockerfile)
    assert "WINDYKACJA_DATA_DIR=/data" in dockerfile
    assert 'VOLUME ["/data"]' in dockerfile
    assert "HEALTHCHECK" in dockerfile
    compose = (ROOT / "compose.yaml").read_text()
    assert "image: postgres:16" in compose
    # The key comes from the operator's environment or is generated; compose.yaml holds none.
    assert "WINDYKACJA_SECRET_KEY: ${WINDYKACJA_SECRET_KEY:-}" in compose
