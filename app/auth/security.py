"""Password hashing (argon2id) and signed bearer tokens (JWT, HS256) that name a session."""

from __future__ import annotations

import hashlib
import secrets
from datetime import UTC, datetime, timedelta

import jwt
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

_hasher = PasswordHasher()
_dummy: tuple[PasswordHasher, str] | None = None


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(password_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def dummy_hash() -> str:
    """A hash with the current parameters that no password matches: an unknown user costs the
    same verification as a known one, so the time of the answer does not tell them apart."""
    global _dummy
    if _dummy is None or _dummy[0] is not _hasher:
        _dummy = (_hasher, _hasher.hash(secrets.token_urlsafe(32)))
    return _dummy[1]


def new_session_secret() -> str:
    return secrets.token_urlsafe(32)


def session_id(secret: str) -> str:
    """The stored key of a session: a hash of what the client holds."""
    return hashlib.sha256(secret.encode()).hexdigest()


def issue_token(
    username: str,
    secret: str,
    minutes: int,
    unit: str,
    now: datetime | None = None,
    session: str | None = None,
) -> str:
    """A token for one user of one unit (the audience): another unit's instance refuses it. `sid`
    names the session row (app/auth/sessions.py), which can be revoked before `exp`."""
    now = now or datetime.now(UTC)
    claims = {"sub": username, "aud": unit, "iat": now, "exp": now + timedelta(minutes=minutes)}
    if session is not None:
        claims["sid"] = session
    return jwt.encode(claims, secret, algorithm="HS256")


def read_token(token: str, secret: str, unit: str) -> str | None:
    claims = _claims(token, secret, unit)
    sub = claims.get("sub") if claims else None
    return sub if isinstance(sub, str) else None


def token_session(token: str, secret: str, unit: str) -> str | None:
    """The session secret a valid token carries; None for a bad, expired or foreign token."""
    claims = _claims(token, secret, unit)
    sid = claims.get("sid") if claims else None
    return sid if isinstance(sid, str) else None


def _claims(token: str, secret: str, unit: str) -> dict[str, object] | None:
    try:
        claims = jwt.decode(token, secret, algorithms=["HS256"], audience=unit)
    except jwt.PyJWTError:
        return None
    return claims if isinstance(claims, dict) else None
