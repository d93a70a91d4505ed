"""Issue 15 item 7: personal data of a bank statement never reaches the logs, and the log_level
setting is applied.

The mt940 package logs the raw field it could not parse at ERROR ("Jan Kowalski PESEL …" appeared
four times in the review) and every field it parsed at DEBUG; app/logs.py silences it."""

from __future__ import annotations

import logging
from collections.abc import Iterator

import httpx
import pytest

from app import cli
from app.logs import configure
from tests.security.support import assert_problem

PESEL = "02270803624"
MALFORMED = f""":20:STARTUMS
:25:PL61109010140000071219812874
:28C:00001/001
:60F:C250501PLN1000,00
:61:25O5O5 Jan Kowalski PESEL {PESEL} ul. Chrzaszczowa 7
:86:020~00152~20Oplata Jan Kowalski PESEL {PESEL}~32KOWALSKI JAN
:62F:C250506PLN1125,00
"""
VALID = f""":20:STARTUMS
:25:PL61109010140000071219812874
:28C:00001/001
:60F:C250501PLN1000,00
:61:2505050505C100,00NTRFNONREF//BANKREF001
:86:020~00152~20Oplata Jan Kowalski PESEL {PESEL}~32KOWALSKI JAN
:62F:C250506PLN1100,00
"""


class Collected(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@pytest.fixture
def everything() -> Iterator[Collected]:
    """What an operator's handler on the root logger would write, with every level at DEBUG
    (the mt940 logger's too, as a logging configuration might set it)."""
    root, handler = logging.getLogger(), Collected()
    levels = {name: logging.getLogger(name).level for name in ("", "mt940", "mt940.tags")}
    root.addHandler(handler)
    for name in levels:
        logging.getLogger(name).setLevel(logging.DEBUG)
    try:
        yield handler
    finally:
        root.removeHandler(handler)
        for name, level in levels.items():
            logging.getLogger(name).setLevel(level)


async def test_a_malformed_mt940_logs_no_personal_data(
    api: httpx.AsyncClient, everything: Collected
) -> None:
    for content in (MALFORMED, VALID):
        r = await api.post(
            "/api/v1/bank-statements", files={"file": ("w.sta", content.encode(), "text/plain")}
        )
        if content is MALFORMED:
            problem = assert_problem(r, 422)
            assert PESEL not in problem["detail"]
        else:
            assert r.status_code == 201, r.text
    logging.getLogger("app.probe").debug("the handler listens")
    assert any(rec.name == "app.probe" for rec in everything.records)
    leaked = [rec for rec in everything.records if PESEL in rec.getMessage()]
    assert not leaked, [(rec.name, rec.getMessage()[:120]) for rec in leaked]


def test_the_log_level_setting_reaches_the_server(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: dict[str, object] = {}

    def fake_run(_app: object, **kwargs: object) -> None:
        seen.update(kwargs)

    monkeypatch.setenv("WINDYKACJA_LOG_LEVEL", "WARNING")
    monkeypatch.setenv("WINDYKACJA_ENVIRONMENT", "test")
    monkeypatch.setattr("uvicorn.run", fake_run)
    monkeypatch.setattr(cli, "upgrade", lambda _url: None)
    cli.get_settings.cache_clear()
    root = logging.getLogger()
    before = root.level, logging.getLogger("windykacja").level
    try:
        assert cli.main(["serve", "--no-scheduler"]) == 0
        assert seen["log_level"] == "warning"
        assert logging.getLogger("windykacja").getEffectiveLevel() == logging.WARNING
        assert logging.getLogger("mt940").getEffectiveLevel() > logging.CRITICAL
    finally:
        cli.get_settings.cache_clear()
        root.setLevel(before[0])
        logging.getLogger("windykacja").setLevel(before[1])


def test_an_unknown_log_level_is_refused() -> None:
    with pytest.raises(ValueError, match="Nieznany poziom logowania"):
        configure("GADATLIWY")
