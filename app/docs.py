"""The interactive API documentation at /docs, served from vendored Swagger UI files
(app/static/swagger/, see ORIGIN.txt): it works offline and loads nothing from a CDN (issue 15
item 13).

/docs and /openapi.json need no log-in, on purpose: they describe the API, which is published with
the code (AGPL), and hold no data; machine clients and the schema fuzzer read /openapi.json
before they have a token; every endpoint they list still requires one, and "Authorize" in
Swagger UI logs in through the same throttled POST /api/v1/auth/token. ReDoc, which loaded its
script from a CDN, is not served."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import HTMLResponse

router = APIRouter(include_in_schema=False)

PAGE = """<!doctype html>
<html lang="pl">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Windykacja · API</title>
  <link rel="icon" href="/static/favicon.svg" type="image/svg+xml">
  <link rel="stylesheet" href="/static/swagger/swagger-ui.css">
</head>
<body>
  <div id="swagger-ui"></div>
  <script src="/static/swagger/swagger-ui-bundle.js"></script>
  <script src="/static/swagger/init.js"></script>
</body>
</html>
"""
HEADERS = {
    # Swagger UI sets style attributes itself; no inline script, nothing from another origin.
    "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; "
    "style-src 'self' 'unsafe-inline'; frame-ancestors 'none'; form-action 'self'; "
    "base-uri 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
}


@router.get("/docs")
async def docs() -> HTMLResponse:
    """Swagger UI for the API described at /openapi.json."""
    return HTMLResponse(PAGE, headers=HEADERS)
