"""Headers on every /api answer (issue 15 item 13): JSON, PDF, XML and CSV that carry a PESEL, a
name or an address are never stored by a browser or a proxy (Cache-Control: no-store) and are
never sniffed into another type (X-Content-Type-Options: nosniff). A pure ASGI middleware: it adds
the headers to the response start, whatever route or error handler made it."""

from __future__ import annotations

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

API_PREFIX = "/api/"
HEADERS = {
    "Cache-Control": "no-store",
    "Pragma": "no-cache",  # HTTP/1.0 caches
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}


class ApiHeaders:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not scope["path"].startswith(API_PREFIX):
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in HEADERS.items():
                    headers[name] = value
            await send(message)

        await self.app(scope, receive, with_headers)
