"""A ceiling on request bodies: anything above it is refused with 413 problem+json before it is
read into memory or reaches a route, so nothing is written. Checked on the declared Content-Length
and again while the body streams in (a chunked upload declares no length)."""

from __future__ import annotations

from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.errors import problem

# The largest legitimate body is a bank statement (5 MB, app/bank/api.py) sent as multipart.
MAX_BODY = 10 * 1024 * 1024
# Issue 21: a unit's whole portfolio moves in as one ZIP of CSV sheets (300 000 payments are some
# 20 MB of CSV, a few MB zipped); only the import's own paths take this much.
IMPORT_BODY = 200 * 1024 * 1024
IMPORT_PATHS = ("/api/v1/imports", "/przeniesienie/proba")


class BodyTooLarge(HTTPException):
    """Raised from `receive` while a route reads its body; app.errors renders it as problem+json."""

    def __init__(self, limit: int) -> None:
        super().__init__(413, f"Treść żądania jest za duża (najwyżej {limit // (1024 * 1024)} MB)")


class BodySizeLimit:
    def __init__(self, app: ASGIApp, max_bytes: int = MAX_BODY) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = IMPORT_BODY if scope.get("path") in IMPORT_PATHS else self.max_bytes
        declared = _content_length(scope)
        if declared is not None and declared > limit:
            await self._refuse(scope, receive, send, limit)
            return
        received = 0
        started = False

        async def limited_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    raise BodyTooLarge(limit)
            return message

        async def watched_send(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, limited_receive, watched_send)
        except BodyTooLarge:
            if started:  # too late to answer differently; the server closes the connection
                raise
            await self._refuse(scope, receive, send, limit)

    async def _refuse(self, scope: Scope, receive: Receive, send: Send, limit: int) -> None:
        exc = BodyTooLarge(limit)
        response = problem(413, "Zbyt duże żądanie", str(exc.detail), "/problems/too-large")
        await response(scope, receive, send)


def _content_length(scope: Scope) -> int | None:
    for name, value in scope.get("headers", ()):
        if name == b"content-length":
            try:
                return int(value)
            except ValueError:
                return None
    return None
