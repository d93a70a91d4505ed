"""Keeping the rate table current (issue 16 item 2): the NBP archive file into both interest
tables, by the domain's formulas (OP art. 56 §1, KC art. 481 §2), idempotent, with each row's
source; the API, the CLI, the admin page and the scheduled fetch share the one import."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app import cli
from app.config import Settings, get_settings
from app.domain.parameters import ParameterRow
from app.domain.rates import DerivedRate, NbpDecision, RateConflict, plan_import
from app.models import Parameter, RateCheck
from app.parameters.nbp import NbpFileError, parse_archive
from scheduler import rates as rates_job
from scheduler.runner import build
from tests.domain.seed import seed_rows

FIXTURE = Path(__file__).parent / "fixtures" / "nbp_stopy_procentowe_archiwum.xml"
ARCHIVE = FIXTURE.read_bytes()


def with_decisions(*rows: tuple[str, str, str]) -> bytes:
    """The vendored archive with further decisions appended: (obowiazuje_od, ref, lom). The
    decisions of the tests are made up (the copy ends on 2023-10-05); the NBP format is kept."""
    extra = "".join(
        f'<pozycje obowiazuje_od="{day}"><pozycja id="ref" oprocentowanie="{ref}" />'
        f'<pozycja id="lom" oprocentowanie="{lom}" /></pozycje>'
        for day, ref, lom in rows
    )
    text = ARCHIVE.decode("utf-8-sig")
    return text.replace(
        "</stopy_procentowe_archiwum>", extra + "</stopy_procentowe_archiwum>"
    ).encode()


NEW = with_decisions(("2026-07-02", "3,50", "4,00"))
C = "nbp_stopa_referencyjna", "nbp_stopa_lombardowa", "odsetki_za_zwloke"
U = "odsetki_ustawowe_za_opoznienie"


def test_a_new_decision_adds_the_rows_of_both_tables() -> None:
    plan = plan_import(parse_archive(NEW).decisions, seed_rows())
    # OP art. 56 §1: 200 % × 4.00 % + 2 % = 10.00 %; KC art. 481 §2: 3.50 % + 5.5 % = 9.00 %
    assert [(r.code, r.valid_from, r.value) for r in plan.added] == [
        (C[0], date(2026, 7, 2), 350),
        (C[1], date(2026, 7, 2), 400),
        (C[2], date(2026, 7, 2), 1000),
        (U, date(2026, 7, 2), 900),
    ]
    assert plan.added[2].basis == "OP art. 56 §1: 200,00 % × 4,00 % + 2,00 % = 10,00 %"
    assert plan.added[3].basis == "KC art. 481 §2: 3,50 % + 5,50 % = 9,00 %"
    assert (plan.conflicts, plan.latest) == ((), date(2026, 7, 2))
    # Idempotent: the same decisions over the rows just added add nothing.
    added = [ParameterRow(r.code, r.valid_from, r.value) for r in plan.added]
    again = plan_import(parse_archive(NEW).decisions, [*seed_rows(), *added])
    assert (again.added, again.conflicts) == ((), ())


def test_only_the_rates_that_change_get_a_row() -> None:
    # Reference rate down, lombard unchanged (4.25 % since 2026-03-05): the reference rate and
    # the civil rate (3.50 + 5.5 = 9.00 %) change; odsetki za zwłokę stay 10.50 %.
    plan = plan_import(
        parse_archive(with_decisions(("2026-07-02", "3,50", "4,25"))).decisions, seed_rows()
    )
    assert [(r.code, r.value) for r in plan.added] == [(C[0], 350), (U, 900)]


def test_the_minimum_of_odsetki_za_zwloke() -> None:
    # OP art. 56 §1: 200 % × 2.50 % + 2 % = 7 %, not below 8 %
    decision = NbpDecision(date(2026, 9, 3), 150, 250)
    plan = plan_import([decision], seed_rows())
    zwloka = next(r for r in plan.added if r.code == C[2])
    assert zwloka == DerivedRate(
        C[2],
        date(2026, 9, 3),
        800,
        "OP art. 56 §1: 200,00 % × 2,50 % + 2,00 % = 7,00 %, nie mniej niż 8,00 %",
    )


def test_a_row_that_disagrees_is_reported_not_rewritten() -> None:
    # A file saying the lombard rate of 2023-10-05 was 6.50 % (the table has 6.25 %, and
    # 14.50 % of odsetki za zwłokę from it): both are conflicts, nothing is added for that day.
    text = ARCHIVE.decode("utf-8-sig")
    head, tail = text.rsplit('oprocentowanie="6,25"', 1)  # the last one: lom of 2023-10-05
    wrong = (head + 'oprocentowanie="6,50"' + tail).encode()
    plan = plan_import(parse_archive(wrong).decisions, seed_rows())
    assert plan.added == ()
    assert plan.conflicts == (
        RateConflict(C[1], date(2023, 10, 5), 625, 650),
        RateConflict(C[2], date(2023, 10, 5), 1450, 1500),
    )


def test_decisions_before_the_formulas_are_left_alone() -> None:
    # The archive starts in 1998; the formulas (and the table) from 2005: nothing older is added,
    # and before 2016 the civil rate is the regulation's, never ref + 5.5 (KC art. 359 §2 old).
    plan = plan_import([NbpDecision(date(1999, 1, 21), 1300, 1700)], seed_rows())
    assert (plan.added, plan.decisions) == ((), 0)
    plan = plan_import([NbpDecision(date(2012, 1, 5), 100, 4000)], seed_rows())
    assert {r.code for r in plan.added} == {C[0], C[1], C[2]}


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"to nie XML", "Plik nie jest poprawnym XML"),
        (b"<html/>", "oczekiwano elementu <stopy_procentowe_archiwum>, jest <html>"),
        (
            b'<stopy_procentowe_archiwum><pozycje obowiazuje_od="2026-13-01">'
            b'<pozycja id="ref" oprocentowanie="1,00"/></pozycje></stopy_procentowe_archiwum>',
            "Nieprawidłowa data '2026-13-01'",
        ),
        (
            b'<stopy_procentowe_archiwum><pozycje obowiazuje_od="2026-01-01">'
            b'<pozycja id="ref" oprocentowanie="1,00"/></pozycje></stopy_procentowe_archiwum>',
            "brak stopy lom",
        ),
        (
            b'<stopy_procentowe_archiwum><pozycje obowiazuje_od="2026-01-01">'
            b'<pozycja id="ref" oprocentowanie="1,00"/><pozycja id="lom" oprocentowanie="-1"/>'
            b"</pozycje></stopy_procentowe_archiwum>",
            "Nieprawidłowa stopa '-1'",
        ),
        (
            b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
            b"<stopy_procentowe_archiwum>&e;</stopy_procentowe_archiwum>",
            "nie zawiera żadnej pozycji",
        ),
    ],
)
def test_a_file_that_is_not_the_archive_is_refused_in_polish(content, message) -> None:
    with pytest.raises(NbpFileError, match=message):
        parse_archive(content)


async def _rows(session, code: str) -> list[tuple[date, int, str]]:
    stmt = select(Parameter.valid_from, Parameter.value, Parameter.source).where(
        Parameter.code == code
    )
    return [tuple(r) for r in (await session.execute(stmt.order_by(Parameter.valid_from))).all()]


async def test_import_over_the_api_twice_adds_once(api, session):
    files = {"file": ("stopy_procentowe_archiwum.xml", NEW, "application/xml")}
    r = await api.post("/api/v1/parameters/nbp-archive", files=files)
    assert r.status_code == 201, r.text
    body = r.json()
    assert [(a["code"], a["valid_from"], a["rate"]) for a in body["added"]] == [
        (C[0], "2026-07-02", "3.50"),
        (C[1], "2026-07-02", "4.00"),
        (C[2], "2026-07-02", "10.00"),
        (U, "2026-07-02", "9.00"),
    ]
    day, value, source = (await _rows(session, C[2]))[-1]
    assert (day, value) == (date(2026, 7, 2), 1000)
    assert source.startswith("[NBP] import pliku archiwum stóp procentowych NBP")
    assert "OP art. 56 §1: 200,00 % × 4,00 % + 2,00 % = 10,00 %; zaimportował admin" in source
    r = await api.post("/api/v1/parameters/nbp-archive", files=files)
    assert (r.status_code, r.json()["added"], r.json()["conflicts"]) == (201, [], [])
    # The engine uses the new rate at once: 1 000 zł due 2026-06-30, as of 2026-07-31:
    # 2 d × 10.50 % + 29 d × 10.00 % → 0.5753 + 7.9452 = 8.52 zł ≤ 8.70: not charged, 9 zł accrued
    calc = await api.post(
        "/api/v1/calculator",
        json={
            "kind": "oplata_pobyt",
            "principal": "1000.00",
            "due_date": "2026-06-30",
            "as_of": "2026-07-31",
        },
    )
    assert [p["rate"] for p in calc.json()["rate_periods"]] == ["10.50", "10.00"]
    assert (calc.json()["interest_due"], calc.json()["interest_not_charged"]) == ("0.00", "9.00")


async def test_a_bad_file_over_the_api_is_a_422_and_writes_nothing(api, session):
    before = await session.scalar(select(func.count()).select_from(Parameter))
    files = {"file": ("x.xml", b"<html/>", "application/xml")}
    r = await api.post("/api/v1/parameters/nbp-archive", files=files)
    assert r.status_code == 422
    assert r.json()["errors"][0]["field"] == "file"
    assert await session.scalar(select(func.count()).select_from(Parameter)) == before


async def test_freshness_and_the_administrators_check(api, today):
    # The newest rate row is of 2026-03-05 (migration 0002): on 2026-04-19 (45 days) fresh,
    # on 2026-04-20 stale; a check recorded on that day makes it fresh again.
    today.day = date(2026, 4, 19)
    assert (await api.get("/api/v1/parameters/freshness")).json()["stale"] is False
    today.day = date(2026, 4, 20)
    assert (await api.get("/api/v1/parameters/freshness")).json()["stale"] is True
    r = await api.post("/api/v1/parameters/checks", json={"checked_on": "2026-04-21"})
    assert r.status_code == 422  # never for a day to come
    r = await api.post(
        "/api/v1/parameters/checks", json={"checked_on": "2026-04-20", "note": "RPP bez zmian"}
    )
    assert r.status_code == 201, r.text
    assert (r.json()["latest_check"], r.json()["stale"]) == ("2026-04-20", False)
    today.day = date(2026, 4, 20) + timedelta(days=46)
    assert (await api.get("/api/v1/parameters/freshness")).json()["stale"] is True


@pytest.fixture
def database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    url = f"sqlite+aiosqlite:///{tmp_path}/stopy.db"
    monkeypatch.setenv("DATABASE_URL", url)
    get_settings.cache_clear()
    yield url
    get_settings.cache_clear()


@pytest.mark.usefixtures("database")
def test_rates_import_from_the_command_line(tmp_path, capsys):
    path = tmp_path / "stopy_procentowe_archiwum.xml"
    path.write_bytes(NEW)
    assert cli.main(["rates", "import", str(path)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Plik stopy_procentowe_archiwum.xml: 54 decyzji NBP objętych tabelą")
    assert "dodano 4 wiersze" in out
    assert "stawka odsetek za zwłokę od 02.07.2026: 10,00 %" in out
    assert cli.main(["rates", "import", str(path)]) == 0
    assert "dodano 0 wierszy." in capsys.readouterr().out
    path.write_bytes(b"<html/>")
    assert cli.main(["rates", "import", str(path)]) == 2
    assert "To nie jest archiwum stóp procentowych NBP" in capsys.readouterr().err
    assert cli.main(["rates", "import", str(tmp_path / "brak.xml")]) == 2
    assert "Nie ma pliku" in capsys.readouterr().err


async def test_the_scheduled_fetch_imports_and_records_the_check(maker, session, today):
    today.day = date(2026, 7, 3)
    result = await rates_job.update_rates(
        maker, "https://example.invalid/stopy.xml", today, lambda _: NEW
    )
    assert result is not None
    assert len(result.plan.added) == 4
    check = await session.scalar(select(RateCheck).order_by(RateCheck.id.desc()))
    assert (check.checked_on, check.created_by) == (date(2026, 7, 3), "system:stopy-nbp")


async def test_a_failed_fetch_writes_nothing(maker, session, today):
    def offline(_url: str) -> bytes:
        raise OSError("no network")

    assert (
        await rates_job.update_rates(maker, "https://example.invalid/x.xml", today, offline) is None
    )
    assert await session.scalar(select(func.count()).select_from(RateCheck)) == 0


def test_the_fetch_job_exists_only_with_a_url(maker, today):
    assert "rates:nbp" not in {j.id for j in build(maker, today).get_jobs()}
    assert "rates:nbp" in {
        j.id
        for j in build(maker, today, Settings(nbp_rates_url="https://x.invalid/a.xml")).get_jobs()
    }
