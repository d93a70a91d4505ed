"""parameters seed: rate history, interest threshold, reminder costs, enforcement fee

Revision ID: 0002_parameters
Revises: 0001_initial
Create Date: 2026-11-23 09:30:00

Every legal number the domain uses, as dated rows with their source. Static on purpose: no app
imports, no ORM. Tests read ROWS from this module, so it is the one source of truth.

Rates are basis points of a percent per year (1150 = 11.50 %); amounts are grosze.
Sources cited below:
  [NBP]  NBP, "Podstawowe stopy procentowe NBP w latach 1998-…", archive file
         https://static.nbp.pl/dane/stopy/stopy_procentowe_archiwum.xml (a copy up to 2023-10-05 is
         in /work/shared/law-data/nbp_stopy_procentowe_archiwum.xml, with its provenance).
  [KALK] civil-interest table of the public calculator library janekdrw/odsetki, config.neon
         (/work/shared/law-data/janekdrw_odsetki_config.neon), 2014-12-23 … 2023-10-05.
  [PRESS] DOMAIN.md rate table, from press reports of the RPP decisions (wprost.pl and
         samorzad.infor.pl 2025-12-03 for May–Dec 2025; nowiny.press for 5.03.2026), not yet in the
         NBP archive copy: to be checked against the NBP komunikat and the Monitor Polski notices.
"""

from collections.abc import Sequence
from datetime import date

import sqlalchemy as sa

from alembic import op

revision: str = "0002_parameters"
down_revision: str | None = "0001_initial"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_NBP = "[NBP] archiwum stóp procentowych NBP, obowiazuje_od={d}: ref {ref}, lom {lom}"
_PRESS = "[PRESS] uchwała RPP wchodząca w życie {d}: ref {ref}, lom {lom} (DOMAIN.md; do"
_PRESS += " sprawdzenia z komunikatem NBP i M.P.)"
_FIRST = (
    "stopy NBP obowiązujące od 2015-03-05 [NBP] (ref {ref}, lom {lom}); wiersz od 2016-01-01:"
    " wejście w życie KC art. 481 §2 w brzmieniu ustawy z 9.10.2015 (Dz.U. 2015 poz. 1830) i"
    " OP art. 56 §1 (200 % stopy lombardowej + 2 pkt proc., nie mniej niż 8 %)"
)

# (obowiązuje od, NBP referencyjna, NBP lombardowa, odsetki za zwłokę, odsetki ustawowe za
#  opóźnienie, source). Interest rates: OP art. 56 §1 = max(2 × lombard + 2 pp, 8 %), changing on
# the day the lombard rate changes; KC art. 481 §2 = reference + 5.5 pp. Civil rates up to
# 2023-10-05 agree with [KALK].
_RATES: list[tuple[date, int, int, int, int, str]] = [
    (date(2016, 1, 1), 150, 250, 800, 700, _FIRST),
    (date(2020, 3, 18), 100, 150, 800, 650, _NBP),
    (date(2020, 4, 9), 50, 100, 800, 600, _NBP),
    (date(2020, 5, 29), 10, 50, 800, 560, _NBP),
    (date(2021, 10, 7), 50, 100, 800, 600, _NBP),
    (date(2021, 11, 4), 125, 175, 800, 675, _NBP),
    (date(2021, 12, 9), 175, 225, 800, 725, _NBP),
    (date(2022, 1, 5), 225, 275, 800, 775, _NBP),
    (date(2022, 2, 9), 275, 325, 850, 825, _NBP),
    (date(2022, 3, 9), 350, 400, 1000, 900, _NBP),
    (date(2022, 4, 7), 450, 500, 1200, 1000, _NBP),
    (date(2022, 5, 6), 525, 575, 1350, 1075, _NBP),
    (date(2022, 6, 9), 600, 650, 1500, 1150, _NBP),
    (date(2022, 7, 8), 650, 700, 1600, 1200, _NBP),
    (date(2022, 9, 8), 675, 725, 1650, 1225, _NBP),
    (date(2023, 9, 7), 600, 650, 1500, 1150, _NBP),
    (date(2023, 10, 5), 575, 625, 1450, 1125, _NBP),
    (date(2025, 5, 8), 525, 575, 1350, 1075, _PRESS),
    (date(2025, 7, 3), 500, 550, 1300, 1050, _PRESS),
    (date(2025, 9, 4), 475, 525, 1250, 1025, _PRESS),
    (date(2025, 10, 9), 450, 500, 1200, 1000, _PRESS),
    (date(2025, 11, 6), 425, 475, 1150, 975, _PRESS),
    (date(2025, 12, 4), 400, 450, 1100, 950, _PRESS),
    (date(2026, 3, 5), 375, 425, 1050, 925, _PRESS),
]

_POCZTA_2014 = (
    "uchwała Zarządu Poczty Polskiej S.A. nr 4/2014 z 17.01.2014: opłata za traktowanie przesyłki"
    " listowej jako poleconej 2,90 zł od 2014-02-01 (komunikat gminy Bielice; ta sama kwota"
    " w cenniku od 1.10.2022 wg podatkowyreferat.online); do sprawdzenia z cennikiem operatora"
    " wyznaczonego na 2026 r."
)

# Amounts in grosze.
_AMOUNTS: list[tuple[str, date, int, str]] = [
    (
        "prog_odsetek",
        date(2014, 2, 1),
        870,
        "OP art. 54 §1 pkt 5: odsetek nie nalicza się, gdy nie przekraczają trzykrotności opłaty"
        " za przesyłkę poleconą: 3 × 2,90 zł = 8,70 zł. " + _POCZTA_2014,
    ),
    (
        "koszty_upomnienia",
        date(2014, 2, 1),
        1160,
        "rozporządzenie MF z 27.11.2001 (Dz.U. 2001 nr 137 poz. 1543) §1: 4 × opłata za polecenie"
        " = 4 × 2,90 zł = 11,60 zł; od 20.02.2021 kwotowo 11,60 zł w rozporządzeniu MFFiPR z"
        " 5.01.2021 (Dz.U. 2021 poz. 67) wydanym na podstawie u.p.e.a. art. 15 §4. " + _POCZTA_2014,
    ),
    (
        "koszty_upomnienia",
        date(2021, 10, 13),
        1600,
        "rozporządzenie MFFiPR z 5.01.2021 w sprawie wysokości kosztów upomnienia (Dz.U. 2021"
        " poz. 67) w brzmieniu od 13.10.2021: 16,00 zł (BIP Płock, informacja o kosztach"
        " upomnienia; DOMAIN.md); pozycja Dz.U. rozporządzenia zmieniającego do sprawdzenia",
    ),
    (
        "oplata_manipulacyjna",
        date(2021, 2, 20),
        10000,
        "u.p.e.a. art. 64 §1 w brzmieniu od 20.02.2021 (ustawa z 11.09.2019, Dz.U. 2019 poz. 2070):"
        " opłata manipulacyjna 40 zł za wszczęcie postępowania, podwyższana do 100 zł po wszczęciu"
        " egzekucji (BIP Płock na podstawie t.j. Dz.U. 2022 poz. 479; DOMAIN.md: 100 zł od tytułu);"
        " data wejścia w życie i numer paragrafu do sprawdzenia",
    ),
    (
        "kwota_minimalna",
        date(2014, 2, 1),
        11600,
        "u.p.e.a. art. 6 (DOMAIN.md: §1; kwota, do której wierzyciel nie musi podejmować"
        " czynności: 10 × koszty upomnienia = 10 × 11,60 zł); podstawa tej reguły przed 2021 r."
        " do sprawdzenia",
    ),
    (
        "kwota_minimalna",
        date(2021, 10, 13),
        16000,
        "u.p.e.a. art. 6 (DOMAIN.md: §1): 10 × koszty upomnienia = 10 × 16,00 zł = 160 zł",
    ),
]


def _rate_rows() -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    last_zwloka = None
    for day, ref, lom, zwloka, opoznienie, template in _RATES:
        src = template.format(d=day.isoformat(), ref=_pct(ref), lom=_pct(lom))
        rows.append(_row("nbp_stopa_referencyjna", day, ref, "bp", src))
        rows.append(_row("nbp_stopa_lombardowa", day, lom, "bp", src))
        rows.append(
            _row(
                "odsetki_ustawowe_za_opoznienie",
                day,
                opoznienie,
                "bp",
                "KC art. 481 §2 (referencyjna + 5,5 pkt proc.); " + src,
            )
        )
        if zwloka != last_zwloka:  # a row only on a change: below 8 % the floor holds
            rows.append(
                _row(
                    "odsetki_za_zwloke",
                    day,
                    zwloka,
                    "bp",
                    "OP art. 56 §1 (200 % lombardowej + 2 pkt proc., min. 8 %); " + src,
                )
            )
            last_zwloka = zwloka
    return rows


def _pct(bp: int) -> str:
    return f"{bp // 100},{bp % 100:02d} %"


def _row(code: str, day: date, value: int, unit: str, source: str) -> dict[str, object]:
    return {"code": code, "valid_from": day, "value": value, "unit": unit, "source": source}


ROWS: list[dict[str, object]] = _rate_rows() + [
    _row(code, day, value, "grosze", source) for code, day, value, source in _AMOUNTS
]

_parameter = sa.table(
    "parameter",
    sa.column("code", sa.String),
    sa.column("valid_from", sa.Date),
    sa.column("value", sa.BigInteger),
    sa.column("unit", sa.String),
    sa.column("source", sa.Text),
    sa.column("created_by", sa.String),
)


def upgrade() -> None:
    op.bulk_insert(_parameter, [{**row, "created_by": "migracja 0002_parameters"} for row in ROWS])


def downgrade() -> None:
    for row in ROWS:
        op.execute(
            _parameter.delete().where(
                _parameter.c.code == row["code"], _parameter.c.valid_from == row["valid_from"]
            )
        )
