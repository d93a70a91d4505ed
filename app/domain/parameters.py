"""Dated legal parameters (rates, fees, thresholds), looked up over rows passed in.

Rows come from the `parameter` table, seeded by migrations with their legal source; the domain
never holds a legal number itself."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum


class ParameterCode(StrEnum):
    # Rates are in basis points of a percent per year: 1150 = 11.50 %.
    ODSETKI_ZA_ZWLOKE = "odsetki_za_zwloke"  # OP art. 56 §1
    ODSETKI_USTAWOWE_ZA_OPOZNIENIE = "odsetki_ustawowe_za_opoznienie"  # KC art. 481 §2
    NBP_STOPA_REFERENCYJNA = "nbp_stopa_referencyjna"
    NBP_STOPA_LOMBARDOWA = "nbp_stopa_lombardowa"
    # Amounts are in grosze.
    PROG_ODSETEK = "prog_odsetek"  # OP art. 54 §1 pkt 5: no interest up to 3 × opłata za list polecony
    KOSZTY_UPOMNIENIA = "koszty_upomnienia"  # u.p.e.a. art. 15 §4 / art. 64 §1 pkt 8
    OPLATA_MANIPULACYJNA = "oplata_manipulacyjna"  # u.p.e.a. art. 64 §1 pkt 1 (100 zł per title)
    KWOTA_MINIMALNA = "kwota_minimalna"  # u.p.e.a. art. 6 §1: 10 × koszty upomnienia


@dataclass(frozen=True, slots=True)
class ParameterRow:
    code: str
    valid_from: date
    value: int
    source: str = ""


class MissingParameter(LookupError):
    def __init__(self, code: str, day: date) -> None:
        super().__init__(f"Brak parametru „{code}” obowiązującego w dniu {day.isoformat()}")
        self.code = code
        self.day = day


@dataclass(frozen=True)
class ParameterTable:
    """All rows of one code, sorted by valid_from; value_on(day) is the row in force that day."""

    code: str
    rows: tuple[ParameterRow, ...]

    @classmethod
    def of(cls, code: str, rows: Iterable[ParameterRow]) -> ParameterTable:
        mine = sorted((r for r in rows if r.code == code), key=lambda r: r.valid_from)
        return cls(code, tuple(mine))

    def row_on(self, day: date) -> ParameterRow:
        i = bisect_right([r.valid_from for r in self.rows], day)
        if i == 0:
            raise MissingParameter(self.code, day)
        return self.rows[i - 1]

    def value_on(self, day: date) -> int:
        return self.row_on(day).value

    def changes_between(self, start: date, end: date) -> Sequence[ParameterRow]:
        """Rows in force on some day of [start, end], in order (the first one may begin before start)."""
        first = self.row_on(start)
        return [first, *(r for r in self.rows if start < r.valid_from <= end)]
