"""Errors on the web pages: the same typed errors as the API (app.errors), shown as a page.
Requests under /api keep their RFC 9457 problem+json answers."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from urllib.parse import quote

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import RedirectResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from app.auth.deps import PasswordChangeRequired
from app.domain.parameters import MissingParameter
from app.errors import UNSTORABLE, AppError, Unauthorized, unstorable_input
from app.logs import describe
from app.titles.xsd import XmlValidationError
from app.web.forms import polish_message
from app.web.templating import render

log = logging.getLogger("windykacja")

Handler = Callable[[Request, Exception], Awaitable[Response]]
_TITLES = {
    401: "Wymagane zalogowanie",
    403: "Brak uprawnień",
    404: "Nie znaleziono",
    405: "Niedozwolona metoda",
    409: "Czynność niedozwolona",
    413: "Za duży plik lub formularz",
    422: "Nieprawidłowe dane",
    429: "Zbyt wiele prób",
    500: "Błąd wewnętrzny",
}


def is_api(request: Request) -> bool:
    return request.url.path.startswith(("/api/", "/docs", "/redoc", "/openapi.json"))


def login_url(request: Request) -> str:
    target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    return "/logowanie" + ("" if target == "/" else f"?next={quote(target, safe='/')}")


def _page(
    request: Request,
    status: int,
    title: str,
    detail: str,
    missing: object = None,
    back: str | None = None,
) -> Response:
    context = {
        "status": status,
        "title": title,
        "detail": detail,
        "missing": missing or [],
        "back": back,
    }
    return render(request, "web/error.html", context, status)


async def _html(request: Request, exc: Exception) -> Response:
    if isinstance(exc, Unauthorized):
        # The session's user is gone or inactive, or the session was revoked or expired: forget
        # it, or the log-in page would send the browser straight back here.
        if "session" in request.scope:
            request.session.pop("user", None)
            request.session.pop("sid", None)
        return RedirectResponse(login_url(request), status_code=303)
    if isinstance(exc, PasswordChangeRequired):  # a password reset by the admin
        return RedirectResponse("/haslo", status_code=303)
    if isinstance(exc, AppError):
        return _page(request, exc.status, exc.title, exc.detail, exc.extra.get("missing"))
    if isinstance(exc, XmlValidationError):  # as the API's 409, but a page, never raw JSON
        return _page(request, 409, "Dokument XML niezgodny ze schematem", str(exc))
    if isinstance(exc, StarletteHTTPException):
        return _http_page(request, exc)
    if isinstance(exc, RequestValidationError):
        detail = "; ".join(polish_message(e) for e in exc.errors())
        return _page(request, 422, "Nieprawidłowy adres strony", detail)
    if isinstance(exc, MissingParameter):
        return _page(request, 422, "Brak parametru prawnego", str(exc))
    if detail := unstorable_input(exc):  # an id or a search no column can hold (as in the API)
        return _page(request, 422, "Nieprawidłowe dane", detail)
    log.error("unexpected error on a web page: %s", describe(exc))
    return _page(request, 500, "Błąd wewnętrzny", "Wystąpił nieoczekiwany błąd. Spróbuj ponownie.")


def _http_page(request: Request, exc: StarletteHTTPException) -> Response:
    """Starlette's own answers (no route, wrong method) in Polish: their texts are English
    ("Not Found", "Method Not Allowed") and never shown (issue 19 item 4)."""
    status = exc.status_code
    title = _TITLES.get(status, "Błąd")
    if status == 404:
        return _page(request, 404, title, "Nie ma takiej strony albo takiego rekordu.")
    if status == 405:
        # Typically a form's address opened again (reload, bookmark, Enter in the address bar):
        # it only takes a form sent from its page, so point back to that page.
        back = request.url.path.rstrip("/").rpartition("/")[0] or "/"
        detail = (
            "Pod tym adresem przyjmowany jest tylko formularz wysłany ze strony. "
            "Wróć na stronę i wyślij formularz ponownie."
        )
        return _page(request, 405, title, detail, back=back)
    english = isinstance(exc.detail, str) and exc.detail.isascii()
    detail = "Nie udało się wykonać żądania." if english or not exc.detail else str(exc.detail)
    return _page(request, status, title, detail)


def _dispatch(api_handler: Handler) -> Handler:
    async def handler(request: Request, exc: Exception) -> Response:
        return await (api_handler if is_api(request) else _html)(request, exc)

    return handler


def install_error_pages(app: FastAPI) -> None:
    """Wrap the API's handlers (app.errors.add_exception_handlers must run first)."""
    for exc_class in (
        XmlValidationError,
        MissingParameter,
        AppError,
        RequestValidationError,
        StarletteHTTPException,
        *UNSTORABLE,
        Exception,
    ):
        api_handler: Handler = app.exception_handlers[exc_class]  # type: ignore[assignment]
        app.add_exception_handler(exc_class, _dispatch(api_handler))
