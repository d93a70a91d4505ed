"""Logging without personal data (GUIDE: "Personal data never goes into logs"; issue 15 items 7,
12): the `log_level` setting applied, the mt940 parser silenced (it logs the raw statement field,
names and PESEL numbers included, when a file is malformed), and tracebacks reduced to the
exception's type and where it was raised (an exception's message may carry a value from the
request). SQLAlchemy's and aiosqlite's row logging is filtered in app.db."""

from __future__ import annotations

import logging
import traceback
from pathlib import Path

# Loggers that print a traceback after an answer was already given: uvicorn ("Exception in ASGI
# application", re-raised by Starlette's ServerErrorMiddleware after the 500 page was sent) and
# APScheduler (a failed job; scheduler/jobs.py records the failure in sweep_run).
TRACEBACK_LOGGERS = ("uvicorn.error", "apscheduler.executors.default", "apscheduler.scheduler")
# Third-party loggers that print the data they were given. The mt940 tags log a field that does
# not match at ERROR with the field's text; the parser's exception already tells the user why.
SILENCED = ("mt940",)


def describe(exc: BaseException) -> str:
    """The exception's type and its innermost frames (file, line, function), never its message:
    enough to find the fault, nothing of the data it was handling."""
    frames = traceback.extract_tb(exc.__traceback__)
    ours = [f for f in frames if _ours(f.filename)][-5:]
    shown = [*ours, frames[-1]] if frames and (not ours or ours[-1] is not frames[-1]) else ours
    where = " ← ".join(f"{Path(f.filename).name}:{f.lineno} {f.name}" for f in reversed(shown))
    return f"{type(exc).__name__} (w: {where})" if where else type(exc).__name__


_ROOT = str(Path(__file__).resolve().parent.parent)


def _ours(filename: str) -> bool:
    return filename.startswith(_ROOT) and "site-packages" not in filename


class TracebackWithoutValues(logging.Filter):
    """A logged traceback becomes `describe(exc)`."""

    def filter(self, record: logging.LogRecord) -> bool:
        exc = record.exc_info[1] if record.exc_info else None
        if exc is None:
            return True
        record.msg = f"{record.getMessage().strip()} {describe(exc)}"
        record.args = None
        record.exc_info = None
        record.exc_text = None
        return True


def install_filters() -> None:
    """Idempotent; called by create_app, so every way of running the app has them."""
    for name in SILENCED:
        # Not only a level (an operator's logging config may lower it): the records stop at this
        # logger, whose only handler discards them, so no handler above ever sees one.
        logger = logging.getLogger(name)
        logger.setLevel(logging.CRITICAL + 1)
        logger.propagate = False
        if not any(isinstance(h, logging.NullHandler) for h in logger.handlers):
            logger.addHandler(logging.NullHandler())
    for name in TRACEBACK_LOGGERS:
        logger = logging.getLogger(name)
        if not any(isinstance(f, TracebackWithoutValues) for f in logger.filters):
            logger.addFilter(TracebackWithoutValues())


def level_of(name: str) -> int:
    level = logging.getLevelName(name.strip().upper())
    if not isinstance(level, int):
        raise ValueError(f"Nieznany poziom logowania {name!r} (DEBUG, INFO, WARNING, ERROR)")
    return level


def configure(log_level: str) -> None:
    """`windykacja serve`: the service's own records at the configured level, to stderr."""
    level = level_of(log_level)
    logging.basicConfig(level=level, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    logging.getLogger().setLevel(level)
    for name in ("windykacja", "app", "scheduler"):
        logging.getLogger(name).setLevel(level)
    install_filters()
