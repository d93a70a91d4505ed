"""The seeded legal parameters (alembic 0002_parameters) are consistent with the statutes that
define them from the NBP rates, and every row carries its source."""

from __future__ import annotations

from collections import Counter
from datetime import date

import pytest

from app.domain.parameters import ParameterCode, ParameterTable
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
}  # the alimony codes come with migration 0003_alimony


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
    # OP art. 56 §1: 200 % of the lombard rate + 2 pp, at least 8 %
    assert table(ParameterCode.ODSETKI_ZA_ZWLOKE).value_on(day) == max(800, 2 * lom + 200)
    # KC art. 481 §2: the reference rate + 5.5 pp
    assert table(ParameterCode.ODSETKI_USTAWOWE_ZA_OPOZNIENIE).value_on(day) == ref + 550


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
        (ParameterCode.OPLATA_MANIPULACYJNA, date(2026, 11, 23), 10000),
    ],
)
def test_spot_values(code: ParameterCode, day: date, value: int) -> None:
    assert table(code).value_on(day) == value


@pytest.mark.parametrize("day", [date(2014, 2, 1), date(2021, 10, 13), date(2026, 11, 23)])
def test_minimum_amount_is_ten_reminder_costs(day: date) -> None:
    # u.p.e.a. art. 6: 10 × koszty upomnienia
    costs: ParameterTable = table(ParameterCode.KOSZTY_UPOMNIENIA)
    assert table(ParameterCode.KWOTA_MINIMALNA).value_on(day) == 10 * costs.value_on(day)
