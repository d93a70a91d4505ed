"""OpenAPI names the kinds a receivable may take (issue 14 item 2). Kinds are rows, so the list is
the database's: read at start-up and again whenever a kind is added; before that (an app built
without its lifespan) the kinds the migrations seed."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from fastapi import FastAPI

SEEDED = (
    "fundusz_alimentacyjny",
    "nienaleznie_pobrane",
    "nienaleznie_swiadczenia_rodzinne",
    "oplata_pobyt",
)
_TARGETS = (("ReceivableCreate", "kind"),)


def install(app: FastAPI) -> None:
    build = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            schema = build()
            codes = list(getattr(app.state, "kind_codes", None) or SEEDED)
            components = schema.get("components", {}).get("schemas", {})
            for model, field in _TARGETS:
                prop = components.get(model, {}).get("properties", {}).get(field)
                if prop is not None:
                    prop["enum"] = codes
                    prop["description"] = "rodzaj należności (GET /api/v1/kinds): " + ", ".join(
                        codes
                    )
            app.openapi_schema = schema
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]


def refresh(app: FastAPI, codes: Sequence[str]) -> None:
    """The kinds changed: the next /openapi.json lists them."""
    app.state.kind_codes = list(codes)
    app.openapi_schema = None
