"""Server-rendered web forms on the same FastAPI app: session cookie, CSRF, pages per concept."""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from starlette.middleware.sessions import SessionMiddleware

from app.config import Settings

STATIC = Path(__file__).resolve().parent.parent / "static"
SESSION_COOKIE = "windykacja_sesja"


def install(app: FastAPI, settings: Settings) -> None:
    """Call after the API routers and app.errors.add_exception_handlers."""
    from app.alimony import web as alimony_web
    from app.auth import web as users_web
    from app.calculator import web as calculator_web
    from app.debtors import web as debtors_web
    from app.receivables import web as receivables_web
    from app.receivables import web_actions as receivable_actions_web
    from app.sweeps import web as sweeps_web
    from app.web import auth as auth_web
    from app.web import batch as batch_web
    from app.web import dashboard as dashboard_web
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
    for router in (
        auth_web.router,
        dashboard_web.router,
        debtors_web.router,
        receivables_web.router,
        receivable_actions_web.router,
        batch_web.router,
        sweeps_web.router,
        calculator_web.router,
        alimony_web.router,
        users_web.router,
    ):
        app.include_router(router)
    install_error_pages(app)
