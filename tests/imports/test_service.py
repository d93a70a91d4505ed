"""Issue 21: moving a unit's portfolio in: dry run, all or nothing, idempotent, numbering."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.config import Settings
from app.db import session_scope
from app.imports import service
from app.imports.sources import Source
from app.models import Debtor, Document, Event, ImportKey, Payment, Receivable
from app.numbering import next_number
from app.unit.setup import first_start
from tests.imports import portfolio

TODAY = date(2026, 11, 23)


@pytest.fixture
async def unit(session: AsyncSession, settings: Settings) -> AsyncSession:
    await first_start(session, settings)  # the default authority "UM"
    return session


async def _count(session: AsyncSession, model: type) -> int:
    return int(await session.scalar(select(func.count()).select_from(model)) or 0)


async def test_dry_run_reports_and_writes_nothing(unit: AsyncSession, tmp_path: Path) -> None:
    source = Source(portfolio.write(tmp_path / "p"))
    report = await service.run(unit, source, "p", TODAY, dry_run=True)
    assert report.ok, [i.text() for i in report.errors]
    assert report.created["dluznicy"] == 4
    assert report.created["naleznosci"] == 3
    assert report.created["wplaty"] == 1
    f = report.figures
    assert f is not None
    assert f.receivables == 3
    assert dict(f.states) == {"zaplacona": 1, "tytul_wykonawczy": 1, "wystawiona": 1}
    # Declared for N1 (0.00 / 0.00) and N3 (80.00 / 0.00): both agree with the figures.
    assert (f.declared_balance, f.balance_of_declared, f.mismatch_count) == (8000, 8000, 0)
    assert await _count(unit, Debtor) == 0
    assert await _count(unit, ImportKey) == 0


async def test_import_commits_marks_and_is_idempotent(unit: AsyncSession, tmp_path: Path) -> None:
    source = Source(portfolio.write(tmp_path / "p"))
    first = await service.run(unit, source, "p", TODAY, dry_run=False)
    assert first.ok
    n1 = await unit.scalar(select(Receivable).where(Receivable.reference == "S/1/2025"))
    assert n1 is not None
    # Demand delivered 2025-03-10 (Monday): 14 days → 2025-03-24, a Monday (OP art. 12 §1).
    assert n1.payment_term_ends_on == date(2025, 3, 24)
    assert (n1.state, n1.closed_on) == ("zaplacona", date(2025, 3, 20))
    event = await unit.scalar(select(Event).where(Event.receivable_id == n1.id))
    assert event is not None
    assert event.cause.endswith("plik p, wiersz 2")
    ewa = await unit.scalar(select(Debtor).where(Debtor.name == "Ewa Kos"))
    assert ewa is not None
    assert (ewa.address_unknown, ewa.deceased, ewa.deceased_on) == (True, True, date(2026, 1, 15))
    counts = {m: await _count(unit, m) for m in (Debtor, Receivable, Document, Payment)}
    again = await service.run(unit, source, "p", TODAY, dry_run=False)
    assert again.ok
    assert set(again.created.values()) == {0}
    assert again.skipped["wplaty"] == 1
    assert {m: await _count(unit, m) for m in counts} == counts


async def test_a_second_file_adds_only_its_new_rows(unit: AsyncSession, tmp_path: Path) -> None:
    await service.run(unit, Source(portfolio.write(tmp_path / "a")), "a", TODAY, dry_run=False)
    more = {
        "wplaty": [*portfolio.SHEETS["wplaty"], "W2;N3;2026-11-20;80.00;Pobyt listopad"],
    }
    report = await service.run(
        unit, Source(portfolio.write(tmp_path / "b", more)), "b", TODAY, dry_run=False
    )
    assert report.ok
    assert report.created["wplaty"] == 1
    assert report.skipped["wplaty"] == 1
    n3 = await unit.scalar(select(Receivable).where(Receivable.principal == 8000))
    assert n3 is not None
    assert n3.state == "zaplacona"


async def test_counters_continue_after_the_highest_imported_number(
    unit: AsyncSession, tmp_path: Path
) -> None:
    await service.run(unit, Source(portfolio.write(tmp_path / "p")), "p", TODAY, dry_run=False)
    assert await next_number(unit, "wezwanie", "", 2025) == 9  # WZ/8/2025 imported
    assert await next_number(unit, "wezwanie", "", 2026) == 42  # WZ/41/2026
    assert await next_number(unit, "upomnienie", "", 2025) == 4
    assert await next_number(unit, "tytul_wykonawczy", "UM", 2025) == 5  # TW/UM/4/2025


def _with(sheet: str, line: str) -> dict[str, list[str]]:
    return {**portfolio.SHEETS, sheet: [*portfolio.SHEETS[sheet], line]}


@pytest.mark.parametrize(
    ("sheet", "line", "column", "message"),
    [
        ("dluznicy", "D9;Ewa Zła;;;44051401358;;;;;;", "pesel", "Nieprawidłowy numer PESEL"),
        ("dluznicy", "D9;Firma;;;;1234567890;;;;;", "nip", "Nieprawidłowy numer NIP"),
        (
            "naleznosci",
            "N9;D1;mandat;Coś;10.00;2025-01-02;;;;;;;;",
            "rodzaj",
            "nieznany rodzaj należności",
        ),
        ("wplaty", "W9;N1;2026-12-01;10.00;", "data", "późniejsza niż dzisiejsza"),
        ("wplaty", "W9;N1;2025-03-01;10.00;", "data", "wpłata przed datą wystawienia"),
        ("wplaty", "W9;N1;2025-03-21;10.001;", "kwota", "więcej niż dwa miejsca"),
        ("tytuly", "T9;N2;TW/US/5/2025;UM;2025-06-03", "numer", "nie pasuje do serii"),
        ("dokumenty", "K9;N2;upomnienie;UP/3/2025;2025-06-05;;", "numer", "już użyty"),
    ],
)
async def test_bad_input_is_reported_by_sheet_line_column_and_nothing_is_saved(
    unit: AsyncSession, tmp_path: Path, sheet: str, line: str, column: str, message: str
) -> None:
    source = Source(portfolio.write(tmp_path / "p", _with(sheet, line)))
    report = await service.run(unit, source, "p", TODAY, dry_run=False)
    assert not report.ok
    [issue] = report.errors
    assert (issue.sheet, issue.line, issue.column) == (
        sheet,
        len(portfolio.SHEETS[sheet]) + 1,
        column,
    )
    assert message in issue.message
    assert report.figures is None
    assert await _count(unit, Debtor) == 0


async def test_duplicates_are_reported(unit: AsyncSession, tmp_path: Path) -> None:
    sheets = _with(
        "dluznicy", "D5;Jan  Kowalski;;;44051401359;;;UL. Długa 5 m. 3;87-800;Włocławek;"
    )
    report = await service.run(
        unit, Source(portfolio.write(tmp_path / "p", sheets)), "p", TODAY, dry_run=True
    )
    assert report.duplicates == [
        "zobowiązani D1 i D5: ten sam PESEL",
        "zobowiązani D1 i D5: to samo imię, nazwisko i adres",
    ]


async def test_a_write_off_in_full_closes_the_file_on_its_decision(
    unit: AsyncSession, tmp_path: Path
) -> None:
    sheets = {
        **portfolio.SHEETS,
        "umorzenia": [
            "klucz;klucz_naleznosci;data_decyzji;kwota;w_calosci;decyzja",
            "U1;N2;2025-09-15;100.00;tak;FN.3113.7.2025",
        ],
    }
    source = Source(portfolio.write(tmp_path / "p", sheets))
    report = await service.run(unit, source, "p", TODAY, dry_run=False)
    assert report.ok
    n2 = await unit.scalar(select(Receivable).where(Receivable.principal == 10000))
    assert n2 is not None
    assert (n2.state, n2.closed_on) == ("umorzona", date(2025, 9, 15))


async def test_the_report_lists_what_becomes_time_barred_before_the_year_ends(
    unit: AsyncSession, tmp_path: Path
) -> None:
    sheets = {
        **portfolio.SHEETS,
        "naleznosci": [
            *portfolio.SHEETS["naleznosci"],
            "N4;D1;oplata_pobyt;Pobyt 2023-11-13;120.00;2023-11-15;;;;;;;;",
        ],
        "dokumenty": [
            *portfolio.SHEETS["dokumenty"],
            "K5;N4;wezwanie;WZ/5/2023;2023-11-15;2023-11-17;",
        ],
    }
    report = await service.run(
        unit, Source(portfolio.write(tmp_path / "p", sheets)), "p", TODAY, dry_run=True
    )
    f = report.figures
    assert f is not None
    # Delivered Fri 2023-11-17: the 14-day term ends Fri 2023-12-01 (OP art. 12 §1); 3 years
    # from the term (seed 003 §5, KC art. 112) end 2026-12-01: time-barred from 2026-12-02,
    # after TODAY (2026-11-23) and before the year closes.
    assert f.barred_by_year_end == 1
    assert [(line, day) for line, _, day in f.barred_soon] == [(5, date(2026, 12, 2))]


async def test_a_crash_mid_import_leaves_nothing_written(
    maker: async_sessionmaker[AsyncSession], unit: AsyncSession, tmp_path: Path
) -> None:
    source = Source(portfolio.write(tmp_path / "p"))

    def crash(step: str, _done: int) -> None:
        if step.startswith("wyliczenia"):  # every row is written by now
            raise RuntimeError("awaria zasilania")

    with pytest.raises(RuntimeError, match="awaria"):
        async with session_scope(maker) as session:
            await service.run(session, source, "p", TODAY, dry_run=False, progress=crash)
    assert await _count(unit, Debtor) == 0
    assert await _count(unit, ImportKey) == 0
    report = await service.run(unit, source, "p", TODAY, dry_run=False)  # and then it goes in
    assert report.created["naleznosci"] == 3


async def test_a_fund_receivable_is_the_sum_of_its_payouts(
    unit: AsyncSession, tmp_path: Path
) -> None:
    sheets = {
        **portfolio.SHEETS,
        "naleznosci": [
            *portfolio.SHEETS["naleznosci"],
            "N5;D3;fundusz_alimentacyjny;Świadczenia 2026;1000.00;2026-02-10;;;;;;;;",
        ],
        "alimenty_wyplaty": [
            "klucz;klucz_naleznosci;data;kwota;uprawniony;roszczenie",
            "A1;N5;2026-02-10;500.00;Anna;fundusz_alimentacyjny",
            "A2;N5;2026-03-10;400.00;Anna;fundusz_alimentacyjny",
        ],
    }
    report = await service.run(
        unit, Source(portfolio.write(tmp_path / "p", sheets)), "p", TODAY, dry_run=True
    )
    # u.p.o.u.a. art. 27 ust. 1: the debtor owes what the fund paid out, 900.00, not 1000.00.
    assert [i.text() for i in report.errors] == [
        "arkusz naleznosci, wiersz 5, kolumna kwota: kwota 1000.00 różni się od sumy świadczeń "
        "w arkuszu alimenty_wyplaty (900.00)"
    ]
