"""Typed errors with their status and a Polish human message, rendered as RFC 9457 problem+json."""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy.exc import DBAPIError
from starlette.exceptions import HTTPException as StarletteHTTPException

from app.domain.parameters import MissingParameter
from app.logs import describe

log = logging.getLogger("windykacja")

PROBLEM = "application/problem+json"


class AppError(Exception):
    status = 400
    type = "about:blank"
    title = "Błąd"

    def __init__(self, detail: str, *, field: str | None = None, **extra: Any) -> None:
        super().__init__(detail)
        self.detail = detail
        self.field = field
        self.extra = extra


class NotFound(AppError):
    status = 404
    type = "/problems/not-found"
    title = "Nie znaleziono"


class Conflict(AppError):
    """The state or the deadlines do not allow the action (e.g. a title before the reminder's
    7 days)."""

    status = 409
    type = "/problems/conflict"
    title = "Czynność niedozwolona"


class Invalid(AppError):
    status = 422
    type = "/problems/invalid"
    title = "Nieprawidłowe dane"


class Incomplete(Invalid):
    """A document cannot be made: data are missing. `missing` lists every item, each with the
    place that fixes it: [{"item": "REGON jednostki", "fix": "Ustawienia jednostki",
    "href": "/jednostka"}]. Raised before any number is taken, so nothing changes."""

    type = "/problems/incomplete-data"
    title = "Brak danych potrzebnych do dokumentu"

    def __init__(self, detail: str, missing: list[dict[str, str]]) -> None:
        super().__init__(detail, missing=missing)
        self.missing = missing


class Unauthorized(AppError):
    status = 401
    type = "/problems/unauthorized"
    title = "Wymagane zalogowanie"


class Forbidden(AppError):
    status = 403
    type = "/problems/forbidden"
    title = "Brak uprawnień"


def problem(
    status: int, title: str, detail: str, type_: str = "about:blank", **extra: Any
) -> JSONResponse:
    body = {"type": type_, "title": title, "status": status, "detail": detail, **extra}
    headers = {"WWW-Authenticate": "Bearer"} if status == 401 else {}
    if isinstance(extra.get("retry_after"), int):  # 429: when the client may try again
        headers["Retry-After"] = str(extra["retry_after"])
    return JSONResponse(body, status_code=status, media_type=PROBLEM, headers=headers or None)


def _field_of(loc: tuple[Any, ...]) -> str:
    parts = [str(p) for p in loc if p not in ("body", "query", "path", "form")]
    return ".".join(parts) or "body"


async def _app_error(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, AppError)
    extra = dict(exc.extra)
    if exc.field:
        extra["errors"] = [{"field": exc.field, "message": exc.detail}]
    return problem(exc.status, exc.title, exc.detail, exc.type, **extra)


async def _validation_error(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    errors = [{"field": _field_of(tuple(e["loc"])), "message": _message(e)} for e in exc.errors()]
    detail = "; ".join(f"{e['field']}: {e['message']}" for e in errors)
    return problem(422, "Nieprawidłowe dane", detail, "/problems/invalid", errors=errors)


def _message(error: dict[str, Any]) -> str:
    ctx = error.get("ctx") or {}
    inner = ctx.get("error")
    if inner is not None and str(inner):
        return str(inner)
    return str(error.get("msg", "nieprawidłowa wartość")).removeprefix("Value error, ")


async def _http_error(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    titles = {
        401: "Wymagane zalogowanie",
        403: "Brak uprawnień",
        404: "Nie znaleziono",
        405: "Niedozwolona metoda",
        413: "Zbyt duże żądanie",
    }
    title = titles.get(exc.status_code, "Błąd")
    detail = exc.detail if isinstance(exc.detail, str) else title
    return problem(exc.status_code, title, detail)


UNSTORABLE: tuple[type[Exception], ...] = (DBAPIError, OverflowError)


def unstorable_input(exc: Exception) -> str | None:
    """A value from the request that the database cannot hold, so no row can match it: the input
    is wrong, not the service. An integer beyond the column (an id, an offset: SQLite's driver
    raises OverflowError, asyncpg refuses the bind argument) or a NUL character in a query or form
    field (PostgreSQL text cannot hold one, SQLSTATE 22021). Returns the message for the user."""
    if isinstance(exc, OverflowError) and "SQLite INTEGER" in str(exc):
        return "Liczba poza dopuszczalnym zakresem"
    if not isinstance(exc, DBAPIError):
        return None
    if "invalid input for query argument" in str(exc.orig) and "out of int" in str(exc.orig):
        return "Liczba poza dopuszczalnym zakresem"
    if getattr(exc.orig, "sqlstate", None) == "22021":
        return "Niedozwolony znak (NUL) w danych"
    return None


async def _unexpected(_request: Request, exc: Exception) -> JSONResponse:
    if detail := unstorable_input(exc):
        return problem(422, "Nieprawidłowe dane", detail, "/problems/invalid")
    # No stack trace, no personal data in the answer; the log gets the type and the place only.
    log.error("unexpected error: %s", describe(exc), exc_info=False)
    return problem(500, "Błąd wewnętrzny", "Wystąpił nieoczekiwany błąd. Spróbuj ponownie.")


async def _missing_parameter(_request: Request, exc: Exception) -> JSONResponse:
    # A legal number is not known for the date asked (e.g. a rate before the table starts).
    return problem(422, "Brak parametru prawnego", str(exc), "/problems/missing-parameter")


async def _invalid_xml(_request: Request, exc: Exception) -> JSONResponse:
    # The data cannot make a document valid against its XSD: name the element, write no file.
    element = getattr(exc, "path", None) or getattr(exc, "element", "")
    return problem(
        409,
        "Dokument XML niezgodny ze schematem",
        str(exc),
        "/problems/invalid-xml",
        element=element,
    )


def add_exception_handlers(app: FastAPI) -> None:
    from app.titles.xsd import XmlValidationError

    app.add_exception_handler(XmlValidationError, _invalid_xml)
    app.add_exception_handler(MissingParameter, _missing_parameter)
    app.add_exception_handler(AppError, _app_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    # A value the database cannot hold is answered (422) where it is raised; registered by class,
    # not only under Exception, so that Starlette does not re-raise it to the server, which would
    # print a traceback for an answered request (issue 15 item 12).
    for stored in UNSTORABLE:
        app.add_exception_handler(stored, _unexpected)
    app.add_exception_handler(Exception, _unexpected)
