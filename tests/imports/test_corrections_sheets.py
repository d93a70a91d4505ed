"""Issue 21 with issues 16 and 20: an art. 23 receivable's payouts (wyplaty_naleznosci), the
decision's number, dates and term, reversed payments and changed or annulled decisions move in,
checked against each other; a bad row is reported and nothing is saved."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.config import Settings
from app.imports import service
from app.imports.sources import Source
from app.models import Payment, Receivable, ReceivableAmendment, ReceivableTranche
from app.unit.setup import first_start
from tests.imports import portfolio

TODAY = date(2026, 11, 23)
N_HEADER = portfolio.SHEETS["naleznosci"][0]
DECIDED = N_HEADER + ";decyzja_znak;decyzja_data_wydania;decyzja_data_doreczenia;termin_platnosci"
# Art. 23 u.p.o.u.a.: 1000.00 for two payouts; the commune's decision FA.4101.3.2024, pay by
# 2024-04-15. Then a stay fee of 300.00 changed to 200.00, and one of 90.00 annulled.
RECEIVABLES = [
    DECIDED,
    "N5;D1;nienaleznie_pobrane;Świadczenia 01–02.2024;1000.00;2024-03-05;2024-01-01;"
    "2024-02-29;2024-03-23;;;;;;FA.4101.3.2024;2024-03-05;2024-03-08;2024-04-15",
    "N6;D2;oplata_pobyt;Pobyt 2025-03-02;200.00;2025-03-03;;;;;;;;;;;;",
    "N7;D2;oplata_pobyt;Pobyt 2025-03-04;0;2025-03-03;;;;;;;;;;;;",
]
TRANCHES = [
    "klucz;klucz_naleznosci;nr;data_wyplaty;kwota",
    "T1;N5;1;2024-01-10;500.00",
    "T2;N5;2;2024-02-10;500.00",
]
AMENDMENTS = [
    "klucz;klucz_naleznosci;rodzaj;data;kwota_przed;kwota_po;powod",
    "Z1;N6;zmiana;2025-04-01;300.00;200.00;decyzja FN.1.2025",
    "Z2;N7;uchylenie;2025-05-01;90.00;0.00;decyzja SKO nr 12/2025",
]
PAYMENTS = [
    "klucz;klucz_naleznosci;data;kwota;tytul;data_storna;przyczyna_storna",
    "W5;N5;2024-05-06;200.00;WB/9;2024-05-20;zwrot przez bank",
    "W6;N5;2024-06-03;100.00;WB/9;;",
]


def _sheets(**changed: list[str]) -> dict[str, list[str]]:
    return {
        "dluznicy": portfolio.SHEETS["dluznicy"],
        "naleznosci": RECEIVABLES,
        "wyplaty_naleznosci": TRANCHES,
        "zmiany_decyzji": AMENDMENTS,
        "wplaty": PAYMENTS,
        **changed,
    }


@pytest.fixture
async def unit(session: AsyncSession, settings: Settings) -> AsyncSession:
    await first_start(session, settings)
    return session


async def test_payouts_decision_storno_and_changes_move_in(
    unit: AsyncSession, tmp_path: Path
) -> None:
    source = Source(portfolio.write(tmp_path / "p", _sheets()))
    report = await service.run(unit, source, "p", TODAY, dry_run=False)
    assert report.ok, [i.text() for i in report.errors]
    assert report.figures is not None
    n5 = await unit.scalar(select(Receivable).where(Receivable.kind_code == "nienaleznie_pobrane"))
    assert n5 is not None
    assert (n5.decision_ref, n5.decision_delivered_on) == ("FA.4101.3.2024", date(2024, 3, 8))
    # No demand: the decision's own day to pay by stays the term.
    assert n5.payment_term_ends_on == date(2024, 4, 15)
    tranches = (await unit.scalars(select(ReceivableTranche.amount))).all()
    assert list(tranches) == [50000, 50000]
    pays = (
        await unit.execute(
            select(
                Payment.amount, Payment.reference, Payment.reversed_on, Payment.reversed_reference
            )
        )
    ).all()
    # The reversed payment keeps its title aside, so that the same bank line could book again.
    assert sorted(tuple(p) for p in pays) == [
        (10000, "WB/9", None, None),
        (20000, None, date(2024, 5, 20), "WB/9"),
    ]
    n7 = await unit.scalar(select(Receivable).where(Receivable.principal == 0))
    assert n7 is not None
    # Annulled (issue 20): closed on the annulment's day, nothing left to prescribe.
    assert (n7.state, n7.closed_on, n7.time_barred_from) == ("anulowana", date(2025, 5, 1), None)
    kinds = (await unit.scalars(select(ReceivableAmendment.kind))).all()
    assert sorted(kinds) == ["uchylenie", "zmiana"]
    # The amounts in force: 1000.00, 200.00 after the change, 0 after the annulment.
    assert report.figures.principal == 100000 + 20000


@pytest.mark.parametrize(
    ("changed", "errors"),
    [
        (
            {"wyplaty_naleznosci": [*TRANCHES[:2], "T2;N5;2;2024-02-10;400.00"]},
            [
                "arkusz naleznosci, wiersz 2, kolumna kwota: kwota pierwotna 1000.00 różni się "
                "od sumy wypłat w arkuszu wyplaty_naleznosci (900.00)"
            ],
        ),
        (
            {"wyplaty_naleznosci": [*TRANCHES, "T3;N6;1;2025-03-01;1.00"]},
            [
                "arkusz wyplaty_naleznosci, wiersz 4, kolumna klucz_naleznosci: rodzaj "
                "„oplata_pobyt” nie przyjmuje wypłat osobno: odsetki biegną od terminu "
                "płatności całej należności"
            ],
        ),
        (
            {"wplaty": [PAYMENTS[0], "W5;N5;2024-05-06;200.00;WB/9;2024-05-20;"]},
            ["arkusz wplaty, wiersz 2, kolumna przyczyna_storna: podaj przyczynę storna"],
        ),
        (
            {"wplaty": [PAYMENTS[0], "W5;N5;2024-05-06;200.00;WB/9;2024-05-01;bank"]},
            ["arkusz wplaty, wiersz 2, kolumna data_storna: storno przed datą wpłaty"],
        ),
        (
            {"zmiany_decyzji": [AMENDMENTS[0], "Z1;N6;zmiana;2025-04-01;300.00;250.00;decyzja"]},
            [
                "arkusz naleznosci, wiersz 3, kolumna kwota: kwota 200.00 różni się od kwoty po "
                "ostatniej zmianie decyzji (250.00): podaj kwotę obowiązującą",
                "arkusz naleznosci, wiersz 4, kolumna kwota: kwota musi być większa od zera",
            ],
        ),
        (
            {"zmiany_decyzji": [*AMENDMENTS[:2], "Z2;N7;uchylenie;2025-05-01;90.00;1.00;SKO"]},
            [
                "arkusz zmiany_decyzji, wiersz 3, kolumna kwota_po: po uchyleniu decyzji kwota "
                "wynosi 0",
                "arkusz naleznosci, wiersz 4, kolumna kwota: kwota musi być większa od zera",
            ],
        ),
    ],
)
async def test_bad_rows_are_reported_and_nothing_is_saved(
    unit: AsyncSession, tmp_path: Path, changed: dict[str, list[str]], errors: list[str]
) -> None:
    source = Source(portfolio.write(tmp_path / "p", _sheets(**changed)))
    report = await service.run(unit, source, "p", TODAY, dry_run=True)
    assert [i.text() for i in report.errors] == errors
    assert await unit.scalar(select(Receivable.id)) is None
