"""A real server (uvicorn in a thread, on 127.0.0.1 and a free port) over a fresh database of the
current backend, and Debian's Chromium driven by Playwright. The server's clock is the test's
`Today` object handed to create_app: the test moves the date on in-process, and nothing in the
server reads a date from the environment or from a request."""

from __future__ import annotations

import asyncio
import os
import re
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from app.config import Settings
from app.main import create_app
from app.migrations import upgrade
from tests.conftest import ADMIN_PASSWORD, Today, _create_pg_database, _drop_pg_database

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"
START_DAY = date(2025, 3, 3)

# Issue 19 items 3-4: no page of the day may be raw JSON or English. Run in every document the
# browser opens (before the page's own scripts; CSP does not apply to it): a page that is JSON,
# names an English HTTP status, or is HTML without lang="pl" is reported as a console error,
# which fails the test (the page fixture collects them).
POLISH_PAGES = r"""
(() => {
  if (window !== window.top || !location.protocol.startsWith("http")) return;
  const where = location.pathname + location.search;
  const report = (why) => console.error(`Strona niepolska (${why}): ${where}`);
  const check = () => {
    const type = document.contentType || "";
    if (type.includes("json")) return report("JSON");
    if (!type.startsWith("text/")) return;  // a PDF or an image shown by the browser
    const text = document.body ? document.body.innerText.trim() : "";
    if (/^[\[{]/.test(text)) {
      try { JSON.parse(text); return report("JSON"); } catch (e) { /* not JSON */ }
    }
    for (const phrase of ["Method Not Allowed", "Not Found", "Internal Server Error",
        "Unprocessable Entity", "Bad Request", "Forbidden", "Unauthorized", "Not Allowed",
        "Too Many Requests", "Service Unavailable", '"detail":', "Traceback"]) {
      if (text.includes(phrase)) return report(phrase);
    }
    if (type === "text/html" && document.documentElement.lang !== "pl") report("lang");
  };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", check);
  else check();
})();
"""
# A link of the day that leads nowhere. (405 is the day's reload of a form's address: it must be
# a Polish page, which POLISH_PAGES checks.)
DEAD_ENDS = (404,)


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        "browser: drives a real Chromium through Playwright against a "
        "live server; skipped with the reason when either is missing",
    )


@dataclass
class LiveServer:
    url: str
    clock: Today


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def live_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    import uvicorn

    backend = os.environ.get("WINDYKACJA_TEST_DATABASE", "sqlite")
    if backend.startswith("postgresql"):
        url = asyncio.run(_create_pg_database(backend))
    else:
        url = f"sqlite+aiosqlite:///{tmp_path_factory.mktemp('live') / 'windykacja-browser.db'}"
    upgrade(url)
    clock = Today(START_DAY)
    settings = Settings(
        environment="test",
        database_url=url,
        admin_password=ADMIN_PASSWORD,
        secret_key="browser-test-secret-key-0123456789abcdef",
    )
    port = _free_port()
    server = uvicorn.Server(
        uvicorn.Config(
            create_app(settings, clock=clock),
            host="127.0.0.1",
            port=port,
            log_level="warning",
            lifespan="on",
        )
    )
    thread = threading.Thread(target=server.run, name="live-server", daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        assert thread.is_alive(), "the live server stopped while starting"
        assert time.monotonic() < deadline, "the live server did not start within 30 s"
        time.sleep(0.05)
    try:
        yield LiveServer(f"http://127.0.0.1:{port}", clock)
    finally:
        server.should_exit = True
        thread.join(timeout=15)
        if backend.startswith("postgresql"):
            asyncio.run(_drop_pg_database(url))


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        pytest.skip(
            f"{CHROMIUM} not found: install Debian's chromium (apt-get install -y chromium)"
        )
    sync_api = pytest.importorskip(
        "playwright.sync_api", reason="playwright is not installed (pip install playwright)"
    )
    with sync_api.sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield b
        finally:
            b.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(
        locale="pl-PL",
        timezone_id="Europe/Warsaw",
        viewport={"width": 1366, "height": 900},
        accept_downloads=True,
    )
    context.set_default_timeout(15_000)
    context.add_init_script(POLISH_PAGES)
    p = context.new_page()
    errors: list[str] = []
    p.on("pageerror", lambda exc: errors.append(str(exc)))

    def navigated(response: Any) -> None:
        request = response.request
        if request.is_navigation_request() and request.frame == p.main_frame:
            if response.status >= 500 or response.status in DEAD_ENDS:
                errors.append(f"{response.status} at {request.method} {response.url}")

    p.on("response", navigated)
    # A refused form answers 409/422 with the page, a form's address reloaded 405 (a Polish page,
    # checked by POLISH_PAGES); the browser logs that status, which is expected.
    expected = re.compile(r"Failed to load resource: .* status of (405|409|422) ")
    p.on(
        "console",
        lambda msg: (
            errors.append(msg.text)
            if msg.type == "error" and not expected.match(msg.text)
            else None
        ),
    )
    try:
        yield p
    finally:
        context.close()
    assert not errors, f"JavaScript errors or CSP violations in the browser: {errors}"


@pytest.fixture(scope="session")
def screenshots() -> Path:
    shutil.rmtree(SCREENSHOTS, ignore_errors=True)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS
