"""The seeded legal parameters (alembic 0002_parameters and i16a_rate_history) are consistent with
the statutes that define them from the NBP rates, agree with the NBP archive file, and every row
carries its source."""

from __future__ import annotations

from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from app.domain.parameters import ParameterCode, ParameterTable
from app.domain.rates import NbpDecision, derive, plan_import
from app.parameters.nbp import parse_archive
from tests.domain.seed import seed_rows, table

RATES = {
    ParameterCode.ODSETKI_ZA_ZWLOKE,
    ParameterCode.ODSETKI_USTAWOWE_ZA_OPOZNIENIE,
    ParameterCode.NBP_STOPA_REFERENCYJNA,
    ParameterCode.NBP_STOPA_LOMBARDOWA,
}


SEEDED_HERE = RATES | {
    ParameterCode.PROG_ODSETEK,
    ParameterCode.KOSZTY_UPOMNIENIA,
    ParameterCode.OPLATA_MANIPULACYJNA,
    ParameterCode.KWOTA_MINIMALNA,
    ParameterCode.ZWLOKA_MNOZNIK_LOMBARDOWEJ,
    ParameterCode.ZWLOKA_DODATEK,
    ParameterCode.ZWLOKA_MINIMUM,
    ParameterCode.OPOZNIENIE_DODATEK,
}  # the alimony codes come with migration 0003_alimony
ARCHIVE = Path(__file__).resolve().parents[1] / "parameters" / "fixtures"
ARCHIVE = ARCHIVE / "nbp_stopy_procentowe_archiwum.xml"


def test_every_code_seeded_once_per_day_with_a_source() -> None:
    rows = seed_rows()
    assert {r.code for r in rows} == {c.value for c in SEEDED_HERE}
    assert max(Counter((r.code, r.valid_from) for r in rows).values()) == 1
    assert all(len(r.source) > 20 for r in rows)


def nbp_days() -> list[date]:
    return [r.valid_from for r in table(ParameterCode.NBP_STOPA_LOMBARDOWA).rows]


@pytest.mark.parametrize("day", nbp_days())
def test_interest_rates_follow_the_nbp_rates(day: date) -> None:
    lom = table(ParameterCode.NBP_STOPA_LOMBARDOWA).value_on(day)
    ref = table(ParameterCode.NBP_STOPA_REFERENCYJNA).value_on(day)
    zwloka = table(ParameterCode.ODSETKI_ZA_ZWLOKE).value_on(day)
    # OP art. 56 §1: 200 % of the lombard rate, from 2010-11-09 plus 2 points; at least 8 %
    plus = 200 if day >= date(2010, 11, 9) else 0
    assert zwloka == max(800, 2 * lom + plus)
    # KC art. 481 §2 (from 2016): the reference rate + 5.5 pp; before 2016 the old statutory
    # interest of KC art. 359 §2, set by regulation, does not follow the NBP rate
    if day >= date(2016, 1, 1):
        assert table(ParameterCode.ODSETKI_USTAWOWE_ZA_OPOZNIENIE).value_on(day) == ref + 550
    # the formula rows (in force from 2005) give the same (app.domain.rates.derive, the import's)
    if day < date(2005, 1, 1):
        return
    derived = {r.code: r.value for r in derive(NbpDecision(day, ref, lom), seed_rows())}
    assert derived[ParameterCode.ODSETKI_ZA_ZWLOKE] == zwloka


def test_the_table_agrees_with_the_nbp_archive_file() -> None:
    # Every NBP decision from 2005 in the archive (tests/parameters/fixtures, up to 2023-10-05)
    # is in the table with the same reference and lombard rates and the interest rates derived
    # from them: the import of the file finds nothing missing and nothing in conflict.
    archive = parse_archive(ARCHIVE.read_bytes())
    plan = plan_import(archive.decisions, seed_rows())
    assert (plan.added, plan.conflicts, plan.latest) == ((), (), date(2023, 10, 5))
    assert plan.decisions == 53  # 2005-03-31 … 2023-10-05


@pytest.mark.parametrize(
    ("code", "day", "value"),
    [
        # spot checks against DOMAIN.md's table and the NBP archive (law-data)
        (ParameterCode.ODSETKI_ZA_ZWLOKE, date(2022, 9, 8), 1650),
        (ParameterCode.ODSETKI_ZA_ZWLOKE, date(2024, 1, 1), 1450),
        (ParameterCode.ODSETKI_USTAWOWE_ZA_OPOZNIENIE, date(2020, 6, 1), 560),
        (ParameterCode.ODSETKI_USTAWOWE_ZA_OPOZNIENIE, date(2026, 11, 23), 925),
        (ParameterCode.PROG_ODSETEK, date(2026, 11, 23), 870),  # OP art. 54 §1 pkt 5
        (ParameterCode.KOSZTY_UPOMNIENIA, date(2021, 10, 12), 1160),
        (ParameterCode.KOSZTY_UPOMNIENIA, date(2021, 10, 13), 1600),
        # Issue 16: 8.80 zł until the regulation of 11.09.2015 (Dz.U. 2015 poz. 1526), in force
        # 2015-10-02, then 11.60 zł
        (ParameterCode.KOSZTY_UPOMNIENIA, date(2008, 5, 1), 880),
        (ParameterCode.KOSZTY_UPOMNIENIA, date(2015, 10, 1), 880),
        (ParameterCode.KOSZTY_UPOMNIENIA, date(2015, 10, 2), 1160),
        (ParameterCode.PROG_ODSETEK, date(2010, 1, 1), 660),  # 3 × 2.20 zł
        (ParameterCode.PROG_ODSETEK, date(2014, 2, 1), 870),  # 3 × 2.90 zł
        # Odsetki za zwłokę as the issue gives them (OP art. 56 §1, announced in M.P.)
        (ParameterCode.ODSETKI_ZA_ZWLOKE, date(2009, 6, 25), 1000),  # 2 × 5.00
        (ParameterCode.ODSETKI_ZA_ZWLOKE, date(2010, 11, 8), 1000),
        (ParameterCode.ODSETKI_ZA_ZWLOKE, date(2010, 11, 9), 1200),  # 2 × 5.00 + 2
        (ParameterCode.ODSETKI_ZA_ZWLOKE, date(2012, 5, 10), 1450),  # 2 × 6.25 + 2
        (ParameterCode.ODSETKI_ZA_ZWLOKE, date(2013, 7, 4), 1000),  # 2 × 4.00 + 2
        (ParameterCode.ODSETKI_ZA_ZWLOKE, date(2014, 10, 9), 800),  # 2 × 3.00 + 2
        (ParameterCode.ODSETKI_ZA_ZWLOKE, date(2015, 3, 5), 800),  # 2 × 2.50 + 2 = 7 → min. 8
        (ParameterCode.ODSETKI_ZA_ZWLOKE, date(2008, 1, 31), 1350),  # M.P. 2008 nr 13 poz. 134
        (ParameterCode.ODSETKI_ZA_ZWLOKE, date(2005, 1, 1), 1600),  # 2 × 8.00 (from 2004-08-26)
        # Odsetki ustawowe, KC art. 359 §2 old wording (regulations of the Council of Ministers)
        (ParameterCode.ODSETKI_USTAWOWE_ZA_OPOZNIENIE, date(2005, 1, 9), 1225),
        (ParameterCode.ODSETKI_USTAWOWE_ZA_OPOZNIENIE, date(2005, 1, 10), 1350),
        (ParameterCode.ODSETKI_USTAWOWE_ZA_OPOZNIENIE, date(2005, 10, 15), 1150),
        (ParameterCode.ODSETKI_USTAWOWE_ZA_OPOZNIENIE, date(2008, 12, 15), 1300),
        (ParameterCode.ODSETKI_USTAWOWE_ZA_OPOZNIENIE, date(2014, 12, 22), 1300),
        (ParameterCode.ODSETKI_USTAWOWE_ZA_OPOZNIENIE, date(2014, 12, 23), 800),
        (ParameterCode.ODSETKI_USTAWOWE_ZA_OPOZNIENIE, date(2015, 12, 31), 800),
        (ParameterCode.ODSETKI_USTAWOWE_ZA_OPOZNIENIE, date(2016, 1, 1), 700),
        (ParameterCode.OPLATA_MANIPULACYJNA, date(2026, 11, 23), 10000),
    ],
)
def test_spot_values(code: ParameterCode, day: date, value: int) -> None:
    assert table(code).value_on(day) == value


@pytest.mark.parametrize(
    "day",
    [date(2005, 1, 1), date(2014, 2, 1), date(2015, 10, 2), date(2021, 10, 13), date(2026, 11, 23)],
)
def test_minimum_amount_is_ten_reminder_costs(day: date) -> None:
    # u.p.e.a. art. 6: 10 × koszty upomnienia
    costs: ParameterTable = table(ParameterCode.KOSZTY_UPOMNIENIA)
    assert table(ParameterCode.KWOTA_MINIMALNA).value_on(day) == 10 * costs.value_on(day)
