"""rate history from 2005: statutory interest (KC art. 359 §2 old wording), odsetki za zwłokę,
NBP rates, reminder costs and the interest threshold before 2016

Revision ID: i16a_rate_history
Revises: 0008_instalment_window
Create Date: 2026-12-06 13:00:00

Issue 16 item 1. Migration 0002 starts every rate table on 2016-01-01, but alimony-fund payouts go
back to 2008 and each accrues statutory interest from the day after it. This adds the rows in
force from 2005 on, each with its source, and corrects the reminder costs before 2015-10-02.
Static on purpose: no app imports. tests/domain/seed.py applies ROWS and REMOVED on top of 0002's
rows, so the tests read the same table the database has.

Sources:
  [NBP] NBP archive file stopy_procentowe_archiwum.xml (copy in
        tests/parameters/fixtures/, with its origin): reference and lombard rates by
        obowiazuje_od.
  Odsetki ustawowe before 2016 (KC art. 359 §2 in its wording before 1.01.2016, still applied to
  periods up to 2015-12-31 by art. 56 of the act of 9.10.2015, Dz.U. 2015 poz. 1830), set by
  regulations of the Council of Ministers (art. 359 §3): the table of rp.pl ("Stawki odsetek
  ustawowych (cywilnych)", with Dz.U. positions), lex/infor for Dz.U. 2005 nr 201 poz. 1662 and
  Dz.U. 2014 poz. 1858 (published 22.12.2014, in force the next day).
  Odsetki za zwłokę (OP art. 56 §1): until 8.11.2010 200 % of the NBP lombard rate, from
  9.11.2010 200 % of it plus 2 points, never below 8 %; the rate changes on the day the lombard
  rate changes (art. 56 §2, later 56c) and the Minister of Finance announces it in Monitor Polski
  (art. 56 §3 then). Each row is derived from the lombard rate of [NBP] under the formula in
  force that day and checked against the announced figures that were found: M.P. 2008 nr 13
  poz. 134 (13,50 % from 31.01.2008), obwieszczenie MF z 30.03.2009 (10,50 % from 26.03.2009),
  M.P. 2009 nr 41 poz. 654 (10 % from 25.06.2009), obwieszczenia MF z 18.04.2011 (13 % from
  6.04.2011) and 18.05.2011 (13,50 % from 12.05.2011), M.P. of 21.05.2012 (14,50 % from
  10.05.2012), obwieszczenie MF z 9.07.2013 (10 % from 4.07.2013); issue 16 gives 12 % from
  9.11.2010 and 8 % from 9.10.2014. The Monitor Polski position of the other notices is still to
  be entered.
  Koszty upomnienia: rozporządzenie MF z 27.11.2001 (Dz.U. 2001 nr 137 poz. 1543) §1: four
  times the registered-letter surcharge of Poczta Polska, 4 × 2,20 zł = 8,80 zł (prawo.pl,
  "8,80 zł tyle kosztuje upomnienie…"); 11,60 zł from rozporządzenie MF z 11.09.2015 (Dz.U. 2015
  poz. 1526), in force 14 days after publication, on 2.10.2015 (its §3; the unified text
  "obowiązujący od 2 października 2015 r."). Migration 0002 had 11,60 zł already from
  2014-02-01: that row is replaced.
  Próg odsetek (OP art. 54 §1 pkt 5): three times the same surcharge, 3 × 2,20 zł = 6,60 zł
  (inforfk, "Minimalna wysokość, od której nalicza się odsetki za zwłokę", 2008–2012), until
  8,70 zł from 2014-02-01 (migration 0002).
  The 8,80 zł and 6,60 zł rows are dated 2005-01-01, the start of this table: the amounts were in
  force before it too.
"""

from collections.abc import Sequence
from datetime import date

import sqlalchemy as sa

from alembic import op

revision: str = "i16a_rate_history"
down_revision: str | None = "0008_instalment_window"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_ACTOR = "migracja i16a_rate_history"
START = date(2005, 1, 1)  # the first day the history must cover
OP_PLUS_2_FROM = date(2010, 11, 9)  # OP art. 56 §1: "200 % … i 2 %" from this day

# [NBP] (obowiązuje od, referencyjna, lombardowa) in basis points: the row in force on
# 2005-01-01 and every change up to the last one before 2016 (2010-01-01 changed neither).
_NBP: list[tuple[date, int, int]] = [
    (date(2004, 8, 26), 650, 800),
    (date(2005, 3, 31), 600, 750),
    (date(2005, 4, 28), 550, 700),
    (date(2005, 6, 30), 500, 650),
    (date(2005, 7, 28), 475, 625),
    (date(2005, 9, 1), 450, 600),
    (date(2006, 2, 1), 425, 575),
    (date(2006, 3, 1), 400, 550),
    (date(2007, 4, 26), 425, 575),
    (date(2007, 6, 28), 450, 600),
    (date(2007, 8, 30), 475, 625),
    (date(2007, 11, 29), 500, 650),
    (date(2008, 1, 31), 525, 675),
    (date(2008, 2, 28), 550, 700),
    (date(2008, 3, 27), 575, 725),
    (date(2008, 6, 26), 600, 750),
    (date(2008, 11, 27), 575, 725),
    (date(2008, 12, 24), 500, 650),
    (date(2009, 1, 28), 425, 575),
    (date(2009, 2, 26), 400, 550),
    (date(2009, 3, 26), 375, 525),
    (date(2009, 6, 25), 350, 500),
    (date(2011, 1, 20), 375, 525),
    (date(2011, 4, 6), 400, 550),
    (date(2011, 5, 12), 425, 575),
    (date(2011, 6, 9), 450, 600),
    (date(2012, 5, 10), 475, 625),
    (date(2012, 11, 8), 450, 600),
    (date(2012, 12, 6), 425, 575),
    (date(2013, 1, 10), 400, 550),
    (date(2013, 2, 7), 375, 525),
    (date(2013, 3, 7), 325, 475),
    (date(2013, 5, 9), 300, 450),
    (date(2013, 6, 6), 275, 425),
    (date(2013, 7, 4), 250, 400),
    (date(2014, 10, 9), 200, 300),
    (date(2015, 3, 5), 150, 250),
]

# Announcements found for a row of odsetki za zwłokę (see the module docstring).
_ANNOUNCED = {
    date(2008, 1, 31): "M.P. 2008 nr 13 poz. 134 (obwieszczenie MF z 7.02.2008)",
    date(2009, 3, 26): "obwieszczenie MF z 30.03.2009",
    date(2009, 6, 25): "M.P. 2009 nr 41 poz. 654",
    date(2010, 11, 9): "issue 16: 12 % od 9.11.2010",
    date(2011, 4, 6): "obwieszczenie MF z 18.04.2011",
    date(2011, 5, 12): "obwieszczenie MF z 18.05.2011",
    date(2012, 5, 10): "M.P. z 21.05.2012",
    date(2013, 7, 4): "obwieszczenie MF z 9.07.2013",
    date(2014, 10, 9): "issue 16: 8 % od 9.10.2014",
}

# Odsetki ustawowe, KC art. 359 §2 (old wording) and §3: (od, bp, rozporządzenie RM).
_USTAWOWE: list[tuple[date, int, str]] = [
    (date(2003, 9, 25), 1225, "Dz.U. 2003 nr 166 poz. 1613"),
    (date(2005, 1, 10), 1350, "Dz.U. 2005 nr 3 poz. 16"),
    (date(2005, 10, 15), 1150, "rozporządzenie RM z 13.10.2005, Dz.U. 2005 nr 201 poz. 1662"),
    (date(2008, 12, 15), 1300, "rozporządzenie RM z 4.12.2008, Dz.U. 2008 nr 220 poz. 1434"),
    (date(2014, 12, 23), 800, "rozporządzenie RM z 16.12.2014, Dz.U. 2014 poz. 1858"),
]

_KOSZTY_2001 = (
    "rozporządzenie MF z 27.11.2001 (Dz.U. 2001 nr 137 poz. 1543) §1: czterokrotność opłaty"
    " dodatkowej Poczty Polskiej za polecenie przesyłki listowej, 4 × 2,20 zł = 8,80 zł"
    " (obowiązywało do 1.10.2015; wiersz od początku tabeli 2005-01-01)"
)
_KOSZTY_2015 = (
    "rozporządzenie MF z 11.09.2015 w sprawie wysokości kosztów upomnienia (Dz.U. 2015 poz. 1526)"
    " §1: 11,60 zł; w życie po 14 dniach od ogłoszenia (§3), od 2.10.2015"
)
_MINIMUM = (
    "u.p.e.a. art. 6 (DOMAIN.md: §1; kwota, do której wierzyciel nie musi podejmować czynności:"
    " 10 × koszty upomnienia = 10 × {k}); podstawa tej reguły przed 2021 r. do sprawdzenia"
)

# Amounts in grosze: (code, od, value, source).
_AMOUNTS: list[tuple[str, date, int, str]] = [
    ("koszty_upomnienia", START, 880, _KOSZTY_2001),
    ("koszty_upomnienia", date(2015, 10, 2), 1160, _KOSZTY_2015),
    ("kwota_minimalna", START, 8800, _MINIMUM.format(k="8,80 zł")),
    ("kwota_minimalna", date(2015, 10, 2), 11600, _MINIMUM.format(k="11,60 zł")),
    (
        "prog_odsetek",
        START,
        660,
        "OP art. 54 §1 pkt 5: odsetek nie nalicza się, gdy nie przekraczają trzykrotności opłaty"
        " dodatkowej Poczty Polskiej za polecenie przesyłki listowej: 3 × 2,20 zł = 6,60 zł"
        " (inforfk, minimalna wysokość odsetek 2008–2012); do 2014-02-01 (2,90 zł, migracja"
        " 0002); wiersz od początku tabeli 2005-01-01",
    ),
]

# The formulas of app/domain/rates.py, in basis points, for `windykacja rates import`.
_OP_2005 = (
    "OP art. 56 §1 (t.j. Dz.U. 2005 nr 8 poz. 60): stawka odsetek za zwłokę wynosi 200 %"
    " podstawowej stopy oprocentowania kredytu lombardowego NBP, nie mniej niż 8 %"
)
_OP_2010 = (
    "OP art. 56 §1 w brzmieniu od 9.11.2010: suma 200 % stopy lombardowej NBP i 2 % (issue 16:"
    " 12 % od 9.11.2010 przy stopie lombardowej 5,00 %); brzmienie zachowane od 1.01.2016"
    " (t.j. Dz.U. 2019 poz. 900); pozycja Dz.U. nowelizacji z 2010 r. do uzupełnienia"
)
_KC_2016 = (
    "KC art. 481 §2 w brzmieniu od 1.01.2016 (ustawa z 9.10.2015, Dz.U. 2015 poz. 1830): odsetki"
    " ustawowe za opóźnienie = stopa referencyjna NBP + 5,5 pkt proc."
)
_FORMULAS: list[tuple[str, date, int, str]] = [
    ("zwloka_mnoznik_lombardowej", START, 20000, _OP_2005),
    ("zwloka_dodatek", START, 0, _OP_2005),
    ("zwloka_dodatek", OP_PLUS_2_FROM, 200, _OP_2010),
    ("zwloka_minimum", START, 800, _OP_2005),
    ("opoznienie_dodatek", date(2016, 1, 1), 550, _KC_2016),
]

# Migration 0002 rows this one replaces: 11,60 zł was not in force before 2.10.2015.
REMOVED: list[tuple[str, date, int, str]] = [
    (
        "koszty_upomnienia",
        date(2014, 2, 1),
        1160,
        "rozporządzenie MF z 27.11.2001 (Dz.U. 2001 nr 137 poz. 1543) §1: 4 × opłata za polecenie"
        " = 4 × 2,90 zł = 11,60 zł; od 20.02.2021 kwotowo 11,60 zł w rozporządzeniu MFFiPR z"
        " 5.01.2021 (Dz.U. 2021 poz. 67) wydanym na podstawie u.p.e.a. art. 15 §4. uchwała"
        " Zarządu Poczty Polskiej S.A. nr 4/2014 z 17.01.2014: opłata za traktowanie przesyłki"
        " listowej jako poleconej 2,90 zł od 2014-02-01 (komunikat gminy Bielice; ta sama kwota"
        " w cenniku od 1.10.2022 wg podatkowyreferat.online); do sprawdzenia z cennikiem operatora"
        " wyznaczonego na 2026 r.",
    ),
    (
        "kwota_minimalna",
        date(2014, 2, 1),
        11600,
        "u.p.e.a. art. 6 (DOMAIN.md: §1; kwota, do której wierzyciel nie musi podejmować"
        " czynności: 10 × koszty upomnienia = 10 × 11,60 zł); podstawa tej reguły przed 2021 r."
        " do sprawdzenia",
    ),
]


def _pct(bp: int) -> str:
    return f"{bp // 100},{bp % 100:02d} %"


def zwloka_of(day: date, lombard: int) -> int:
    """OP art. 56 §1 in the wording in force on `day`, in basis points."""
    plus = 200 if day >= OP_PLUS_2_FROM else 0
    return max(800, 2 * lombard + plus)


def _zwloka_source(day: date, lombard: int, nbp: str) -> str:
    if day >= OP_PLUS_2_FROM:
        rule = "OP art. 56 §1 od 9.11.2010: 200 % stopy lombardowej + 2 %, min. 8 %"
        calc = f"2 × {_pct(lombard)} + 2 %"
    else:
        rule = "OP art. 56 §1 do 8.11.2010: 200 % stopy lombardowej, min. 8 %"
        calc = f"2 × {_pct(lombard)}"
    value = _pct(zwloka_of(day, lombard))
    announced = _ANNOUNCED.get(day, "pozycja M.P. do uzupełnienia")
    return f"{rule}: {calc} → {value}; ogłoszenie MF w M.P. (art. 56 §3): {announced}; {nbp}"


def _row(code: str, day: date, value: int, unit: str, source: str) -> dict[str, object]:
    return {"code": code, "valid_from": day, "value": value, "unit": unit, "source": source}


def _rate_rows() -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    days = sorted({d for d, _, _ in _NBP} | {OP_PLUS_2_FROM})
    last: dict[str, int] = {}
    for day in days:
        _, ref, lom = max(((d, r, lo) for d, r, lo in _NBP if d <= day), key=lambda t: t[0])
        nbp = (
            f"[NBP] archiwum stóp procentowych NBP, obowiazuje_od={day.isoformat()}:"
            f" ref {_pct(ref)}, lom {_pct(lom)}"
        )
        if day == OP_PLUS_2_FROM:
            nbp = f"[NBP] stopy bez zmian od 2009-06-25: ref {_pct(ref)}, lom {_pct(lom)}"
        for code, value, source in (
            ("nbp_stopa_referencyjna", ref, nbp),
            ("nbp_stopa_lombardowa", lom, nbp),
            ("odsetki_za_zwloke", zwloka_of(day, lom), _zwloka_source(day, lom, nbp)),
        ):
            if last.get(code) != value:  # a row only on a change
                rows.append(_row(code, day, value, "bp", source))
                last[code] = value
    for day, value, regulation in _USTAWOWE:
        source = (
            f"odsetki ustawowe {_pct(value)} (KC art. 359 §2 i §3 w brzmieniu sprzed 1.01.2016,"
            f" stosowany do okresów do 31.12.2015): rozporządzenie Rady Ministrów, {regulation}"
        )
        rows.append(_row("odsetki_ustawowe_za_opoznienie", day, value, "bp", source))
    return rows


ROWS: list[dict[str, object]] = (
    _rate_rows()
    + [_row(code, day, value, "bp", source) for code, day, value, source in _FORMULAS]
    + [_row(code, day, value, "grosze", source) for code, day, value, source in _AMOUNTS]
)

_parameter = sa.table(
    "parameter",
    sa.column("code", sa.String),
    sa.column("valid_from", sa.Date),
    sa.column("value", sa.BigInteger),
    sa.column("unit", sa.String),
    sa.column("source", sa.Text),
    sa.column("created_by", sa.String),
)


def _delete(code: object, day: object) -> None:
    op.execute(_parameter.delete().where(_parameter.c.code == code, _parameter.c.valid_from == day))


def upgrade() -> None:
    for code, day, _value, _source in REMOVED:
        _delete(code, day)
    # A row an administrator added by hand for one of these days gives way to the sourced one.
    for row in ROWS:
        _delete(row["code"], row["valid_from"])
    op.bulk_insert(_parameter, [{**row, "created_by": _ACTOR} for row in ROWS])


def downgrade() -> None:
    for row in ROWS:
        _delete(row["code"], row["valid_from"])
    op.bulk_insert(
        _parameter,
        [
            {**_row(code, day, value, "grosze", source), "created_by": "migracja 0002_parameters"}
            for code, day, value, source in REMOVED
        ],
    )
