"""CI's first step: README.md's first command, exactly, as a new user runs it.

In a fresh clone in a temporary directory (so a fresh `.venv`, installed without the test extras,
and a fresh `./windykacja.db`), with none of the service's settings in the environment, it runs the
README's first command (read from README.md: .ci/readme.py), waits for the login page on
http://127.0.0.1:8000, reads the admin's password from what the first start prints, logs in through
the web form (with its CSRF token) and through POST /api/v1/auth/token, and stops the server. A
product that does not install, start or let the admin in fails CI here, before any test runs.

Robust on every path: a time limit on the wait (WINDYKACJA_SMOKE_TIMEOUT seconds, default 900:
the install downloads the dependencies), the server's whole process group stopped in `finally`
(SIGTERM, then SIGKILL), its output shown when anything fails, port 8000 checked free before and
after, the temporary directory removed. Standard library only: it runs before anything is
installed. It clones the committed HEAD: uncommitted changes are not part of it."""

# ruff: noqa: T201  (a CI step prints what it does)
from __future__ import annotations

import http.cookiejar
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

from readme import command

ROOT = Path(__file__).resolve().parent.parent
HOST, PORT = "127.0.0.1", 8000
BASE = f"http://{HOST}:{PORT}"
PASSWORD_LINE = re.compile(r"Utworzono użytkownika admin z hasłem: (\S+)")
CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')
STOP_SECONDS = 30


class SmokeFailed(Exception):
    pass


class Server:
    """The README's command running in its own process group, its output collected."""

    def __init__(self, shell: str, cwd: Path) -> None:
        # A new user's shell: none of the service's own settings (they would pick another
        # database or a known admin password); PATH, HOME and pip's settings stay.
        env = {
            k: v
            for k, v in os.environ.items()
            if not k.startswith("WINDYKACJA_") and k != "DATABASE_URL"
        }
        env["PYTHONUNBUFFERED"] = "1"
        self.lines: list[str] = []
        self.process = subprocess.Popen(
            ["bash", "-c", shell],
            cwd=cwd,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group: stopped whole, pip and uvicorn alike
        )
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for raw in self.process.stdout:
            self.lines.append(raw.decode("utf-8", "replace").rstrip("\n"))

    def password(self) -> str | None:
        for line in list(self.lines):
            if found := PASSWORD_LINE.search(line):
                return found.group(1)
        return None

    def stop(self) -> None:
        """SIGTERM to the whole group (bash, pip, the server), a graceful shutdown awaited, then
        SIGKILL to whatever is left."""
        pid = self.process.pid
        _signal_group(pid, signal.SIGTERM)
        deadline = time.monotonic() + STOP_SECONDS
        while time.monotonic() < deadline:
            self.process.poll()  # reap bash, or the group never looks empty
            if not _group_alive(pid):
                break
            time.sleep(0.2)
        else:
            print(f"smoke: the server did not stop in {STOP_SECONDS} s; killing it", flush=True)
        _signal_group(pid, signal.SIGKILL)
        self.process.wait()
        self._reader.join(5)

    def output(self, last: int = 200) -> str:
        return "\n".join(self.lines[-last:])


def _signal_group(pid: int, sig: signal.Signals) -> None:
    try:
        os.killpg(pid, sig)
    except ProcessLookupError:
        pass


def _group_alive(pid: int) -> bool:
    try:
        os.killpg(pid, 0)
    except ProcessLookupError:
        return False
    return True


def port_in_use() -> bool:
    with socket.socket() as probe:
        probe.settimeout(1)
        return probe.connect_ex((HOST, PORT)) == 0


def wait_for_login_page(server: Server, deadline: float) -> float:
    started = time.monotonic()
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise SmokeFailed(f"the command exited with code {server.process.returncode}")
        try:
            with urllib.request.urlopen(f"{BASE}/logowanie", timeout=5) as page:
                if page.status == 200 and CSRF.search(page.read().decode()):
                    return time.monotonic() - started
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(1)
    raise SmokeFailed("no login page on port 8000 within the time limit")


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *_args: object, **_kwargs: object) -> None:
        return None


def web_log_in(password: str) -> None:
    """As a person does: the form with its CSRF token, then a page only a logged-in user sees."""
    jar = http.cookiejar.CookieJar()
    browser = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), _NoRedirect)
    with browser.open(f"{BASE}/logowanie", timeout=10) as page:
        token = CSRF.search(page.read().decode())
    if token is None:
        raise SmokeFailed("the login page has no CSRF token")
    form = {"username": "admin", "password": password, "csrf_token": token.group(1), "next": "/"}
    try:
        browser.open(f"{BASE}/logowanie", urllib.parse.urlencode(form).encode(), timeout=30)
        raise SmokeFailed("the login form did not redirect: wrong password or a form error")
    except urllib.error.HTTPError as answer:
        if answer.code != 303:
            raise SmokeFailed(f"the login form answered {answer.code}") from None
    with browser.open(f"{BASE}/", timeout=30) as page:
        if page.status != 200 or "Wyloguj" not in page.read().decode():
            raise SmokeFailed("after logging in, the start page does not show a logged-in user")


def api_log_in(password: str) -> None:
    body = urllib.parse.urlencode({"username": "admin", "password": password}).encode()
    try:
        with urllib.request.urlopen(f"{BASE}/api/v1/auth/token", body, timeout=30) as answer:
            token = json.loads(answer.read())["access_token"]
        # An endpoint that answers 401 without a valid token: the sweep history (empty so far).
        runs = urllib.request.Request(f"{BASE}/api/v1/sweeps")
        runs.add_header("Authorization", f"Bearer {token}")
        with urllib.request.urlopen(runs, timeout=30) as answer:
            if not isinstance(json.loads(answer.read()), list):
                raise SmokeFailed("GET /api/v1/sweeps with the token gave no list")
    except urllib.error.HTTPError as answer:
        raise SmokeFailed(f"the API log-in answered {answer.code} ({answer.url})") from None


def smoke(shell: str, workdir: Path, limit: float) -> None:
    clone = workdir / "windykacja"
    subprocess.run(["git", "clone", "-q", str(ROOT), str(clone)], check=True)
    print(f"smoke: README's first command in a fresh clone ({clone}):\n  {shell}", flush=True)
    server = Server(shell, clone)
    try:
        took = wait_for_login_page(server, time.monotonic() + limit)
        print(f"smoke: login page up after {took:.0f} s", flush=True)
        password = server.password()
        if password is None:
            raise SmokeFailed("the first start printed no admin password")
        web_log_in(password)
        api_log_in(password)
        print("smoke: logged in as admin (web form and API token)", flush=True)
    except BaseException as exc:
        why = "stopped by a signal" if isinstance(exc, SystemExit | KeyboardInterrupt) else exc
        print(f"smoke: FAILED: {why}", flush=True)
        server.stop()
        print(f"----- the command's output (last 200 lines) -----\n{server.output()}\n-----")
        raise
    server.stop()
    if port_in_use():
        raise SmokeFailed("port 8000 is still in use after the server was stopped")
    print("smoke: server stopped, port 8000 free", flush=True)


def main() -> int:
    # SIGTERM (a CI timeout, an operator) becomes an exception, so `finally` stops the server.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    limit = float(os.environ.get("WINDYKACJA_SMOKE_TIMEOUT", "900"))
    if port_in_use():
        print(f"smoke: FAILED: port {PORT} is taken by another program; free it first", flush=True)
        return 1
    workdir = Path(tempfile.mkdtemp(prefix="windykacja-smoke-"))
    try:
        smoke(command(1), workdir, limit)
    except SmokeFailed:
        return 1
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
