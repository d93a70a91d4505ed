"""Links from the pages to outputs other packages serve over the API (PDF letters, XML handoffs,
year-end lists): live when the route exists in this app, marked as not available otherwise."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from fastapi import FastAPI, routing

DOCUMENT_PDF = "/api/v1/documents/{id}.pdf"
REMINDERS_PDF = "/api/v1/reminders/batch.pdf"
TITLE_XML = "/api/v1/titles/{id}.xml"
HANDOFF_XML = "/api/v1/handoffs/{id}.xml"
YEAR_END = "/api/v1/sweeps/year-end/{year}"
YEAR_END_PDF = "/api/v1/reports/year-end/{year}/time-barred.pdf"
YEAR_END_CSV = "/api/v1/reports/year-end/{year}/time-barred.csv"
ALIMONY_YEAR_END_PDF = "/api/v1/reports/year-end/{year}/alimony.pdf"
ALIMONY_YEAR_END_CSV = "/api/v1/reports/year-end/{year}/alimony.csv"
LINKS = (
    DOCUMENT_PDF,
    REMINDERS_PDF,
    TITLE_XML,
    HANDOFF_XML,
    YEAR_END,
    YEAR_END_PDF,
    YEAR_END_CSV,
    ALIMONY_YEAR_END_PDF,
    ALIMONY_YEAR_END_CSV,
)

_PARAM = re.compile(r"\{[^}/]+\}")


def app_routes(app: FastAPI) -> Iterator[Any]:
    """Every route with its full path and methods; FastAPI ≥ 0.16x keeps included routers as
    lazy entries in app.routes and lists their effective routes through iter_route_contexts."""
    flatten = getattr(routing, "iter_route_contexts", None)
    yield from (flatten(app.routes) if flatten else app.routes)


def available(app: FastAPI) -> frozenset[str]:
    """The link templates above that a GET route of the app answers (tried with 1 for the
    parameter). Computed once per app."""
    cached = getattr(app.state, "live_links", None)
    if cached is None:
        routes = [r for r in app_routes(app) if "GET" in (getattr(r, "methods", None) or ())]
        cached = frozenset(t for t in LINKS if any(r.path_regex.match(url(t, 1)) for r in routes))
        app.state.live_links = cached
    return cached


def url(template: str, value: object) -> str:
    return _PARAM.sub(str(value), template, count=1)
