"""Server-rendered web forms on the same FastAPI app: session cookie, CSRF, pages per concept."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from fastapi import APIRouter, FastAPI
from fastapi.staticfiles import StaticFiles
from starlette.middleware.sessions import SessionMiddleware

from app.config import Settings

STATIC = Path(__file__).resolve().parent.parent / "static"
SESSION_COOKIE = "windykacja_sesja"


def install(app: FastAPI, settings: Settings, pages: Iterable[APIRouter]) -> None:
    """Call after the API routers and app.errors.add_exception_handlers; `pages`: the concepts'
    routers (app/web/pages.py)."""
    from app.web.errors import install_error_pages

    production = settings.environment == "production"
    app.add_middleware(
        SessionMiddleware,
        secret_key=settings.secret_key,
        # OWASP ASVS 3.4.4: in production the __Host- prefix makes the browser refuse the cookie
        # unless it is Secure, for this host only and the whole path.
        session_cookie=("__Host-" if production else "") + SESSION_COOKIE,
        max_age=settings.session_hours * 3600,  # app/auth/sessions.py may end it sooner
        same_site="lax",
        https_only=production,
    )
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    for router in pages:
        app.include_router(router)
    install_error_pages(app)
