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

    app.add_middleware(
        SessionMiddleware,
        secret_key=settings.secret_key,
        session_cookie=SESSION_COOKIE,
        max_age=settings.token_minutes * 60,
        same_site="lax",
        https_only=settings.environment == "production",
    )
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    for router in pages:
        app.include_router(router)
    install_error_pages(app)
