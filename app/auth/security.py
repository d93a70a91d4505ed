"""Password hashing (argon2) and signed bearer tokens (JWT, HS256)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import jwt
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

_hasher = PasswordHasher()


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(password_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def issue_token(
    username: str, secret: str, minutes: int, unit: str, now: datetime | None = None
) -> str:
    """A token for one user of one unit (the audience): another unit's instance refuses it."""
    now = now or datetime.now(UTC)
    claims = {"sub": username, "aud": unit, "iat": now, "exp": now + timedelta(minutes=minutes)}
    return jwt.encode(claims, secret, algorithm="HS256")


def read_token(token: str, secret: str, unit: str) -> str | None:
    try:
        claims = jwt.decode(token, secret, algorithms=["HS256"], audience=unit)
    except jwt.PyJWTError:
        return None
    sub = claims.get("sub")
    return sub if isinstance(sub, str) else None
