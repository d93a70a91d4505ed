"""The FastAPI application: routers, error handlers, and the lifespan that owns the engine."""

from __future__ import annotations

import gc
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import TYPE_CHECKING

from fastapi import FastAPI
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app import docs as api_docs
from app import health, web
from app.addresses import api as addresses_api
from app.alimony import api as alimony_api
from app.alimony import case_api as alimony_case_api
from app.api_headers import ApiHeaders
from app.audit import api as audit_api
from app.auth import api as auth_api
from app.auth.service import ensure_admin
from app.backup import api as backup_api
from app.bank import api as bank_api
from app.calculator import api as calculator_api
from app.clock import Clock, warsaw_today
from app.config import Settings, get_settings
from app.control import api as control_api
from app.corrections import api as corrections_api
from app.db import make_engine, make_sessionmaker, session_scope
from app.debtors import api as debtors_api
from app.deferrals import api as deferrals_api
from app.deliveries import api as deliveries_api
from app.documents import api as documents_api
from app.edelivery import api as edelivery_api
from app.errors import add_exception_handlers
from app.estates import api as estates_api
from app.files import api as files_api
from app.handoffs import api as handoffs_api
from app.imports import api as imports_api
from app.kinds import api as kinds_api
from app.kinds import openapi as kinds_openapi
from app.kinds import service as kinds_service
from app.limits import BodySizeLimit
from app.logs import install_filters
from app.notes import api as notes_api
from app.overpayments import api as overpayments_api
from app.parameters import api as parameters_api
from app.postbook import api as postbook_api
from app.receivables import api as receivables_api
from app.reports import allowances_api, statements_api
from app.reports import api as reports_api
from app.retention import api as retention_api
from app.secret_key import ensure_secret_key
from app.signing import api as signing_api
from app.sweeps import api as sweeps_api
from app.teryt import api as teryt_api
from app.timeliness import api as timeliness_api
from app.titles import api as titles_api
from app.unit import api as unit_api
from app.unit.setup import first_start
from app.web.pages import PAGES

if TYPE_CHECKING:
    from apscheduler.schedulers.asyncio import AsyncIOScheduler  # type: ignore[import-untyped]

log = logging.getLogger("windykacja")


def _freeze_startup_heap() -> None:
    """Put what start-up built (modules, routes, mappers, templates: ~270,000 objects) out of the
    cyclic garbage collector's reach. Otherwise every full collection walks all of it and stalls
    each request in flight for ~120 ms (issue 8 benchmark: once per ~1,000 cards)."""
    gc.collect()
    gc.freeze()


def create_app(
    settings: Settings | None = None,
    clock: Clock = warsaw_today,
    sessionmaker: async_sessionmaker[AsyncSession] | None = None,
) -> FastAPI:
    """`sessionmaker` lets tests bind every request to the test's transaction."""
    settings = ensure_secret_key(settings or get_settings())
    install_filters()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        engine = None if sessionmaker else make_engine(settings.database_url)
        app.state.sessionmaker = sessionmaker or make_sessionmaker(engine)  # type: ignore[arg-type]
        await _first_admin(app, settings)
        async with session_scope(app.state.sessionmaker) as session:
            await first_start(session, settings)  # the unit's data from the settings, once
            kinds_openapi.refresh(app, await kinds_service.codes(session))
        jobs = _start_scheduler(app, clock) if settings.scheduler_enabled else None
        app.state.scheduler = jobs
        if engine is not None:  # a server of its own, not an app inside a test
            _freeze_startup_heap()
        try:
            yield
        finally:
            if jobs is not None:
                from scheduler.runner import stop

                await stop(jobs)
            if engine is not None:
                await engine.dispose()

    app = FastAPI(
        title="Windykacja",
        version="0.1.0",
        lifespan=lifespan,
        description="Windykacja należności administracyjnych jednostek publicznych",
        docs_url=None,  # app/docs.py serves Swagger UI from vendored files
        redoc_url=None,
    )
    app.state.settings = settings
    app.state.clock = clock
    add_exception_handlers(app)
    for router in (
        auth_api.router,
        debtors_api.router,
        receivables_api.router,
        receivables_api.folders_router,
        sweeps_api.router,
        calculator_api.router,
        titles_api.router,
        documents_api.router,
        bank_api.router,
        alimony_api.router,
        alimony_case_api.router,
        parameters_api.router,
        reports_api.router,
        statements_api.router,
        deliveries_api.router,
        files_api.router,
        addresses_api.router,
        postbook_api.router,
        edelivery_api.router,
        signing_api.router,
        handoffs_api.router,
        backup_api.router,
        health.router,
        audit_api.router,
        api_docs.router,
        unit_api.router,
        teryt_api.router,
        kinds_api.router,
        corrections_api.router,
        overpayments_api.router,
        imports_api.router,
        notes_api.router,
        deferrals_api.router,  # issue 20 item 3
        estates_api.router,
        retention_api.router,
        control_api.router,
        timeliness_api.router,
        allowances_api.router,
    ):
        app.include_router(router)
    kinds_openapi.install(app)
    # HTML forms, session cookie, CSRF; after the API and its handlers
    web.install(app, settings, PAGES)
    app.add_middleware(ApiHeaders)  # no-store, nosniff on every /api answer
    app.add_middleware(BodySizeLimit)  # outermost of ours: an oversized body reaches nothing
    return app


def _start_scheduler(app: FastAPI, clock: Clock) -> AsyncIOScheduler:
    # The composition root wires the shell's jobs in; scheduler/ imports app, never the reverse.
    from scheduler.runner import start

    return start(app.state.sessionmaker, clock, app.state.settings)


async def _first_admin(app: FastAPI, settings: Settings) -> None:
    async with session_scope(app.state.sessionmaker) as session:
        generated = await ensure_admin(session, settings.admin_password)
    if generated:
        # Printed once, to the console of the person starting the service; never logged.
        print(f"Utworzono użytkownika admin z hasłem: {generated}", flush=True)  # noqa: T201
