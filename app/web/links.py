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
YEAR_END_PDF = "/api/v1/sweeps/year-end/{year}.pdf"

_PARAM = re.compile(r"\{[^}/]+\}")


def app_routes(app: FastAPI) -> Iterator[Any]:
    """Every route with its full path and methods; FastAPI ≥ 0.16x keeps included routers as
    lazy entries in app.routes and lists their effective routes through iter_route_contexts."""
    flatten = getattr(routing, "iter_route_contexts", None)
    yield from (flatten(app.routes) if flatten else app.routes)


def available(app: FastAPI) -> frozenset[str]:
    """The link templates above whose GET route exists (parameter names do not matter)."""
    paths = {
        _PARAM.sub("{}", r.path) for r in app_routes(app) if r.path and "GET" in (r.methods or ())
    }
    wanted = (DOCUMENT_PDF, REMINDERS_PDF, TITLE_XML, HANDOFF_XML, YEAR_END, YEAR_END_PDF)
    return frozenset(t for t in wanted if _PARAM.sub("{}", t) in paths)


def url(template: str, value: object) -> str:
    return _PARAM.sub(str(value), template, count=1)
