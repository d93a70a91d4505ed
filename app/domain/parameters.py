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
    # The formulas that derive the two interest rates from the NBP rates (app/domain/rates.py),
    # in basis points; dated, because the statutes changed them. Seeded by i16a_rate_history.
    ZWLOKA_MNOZNIK_LOMBARDOWEJ = "zwloka_mnoznik_lombardowej"  # OP art. 56 §1: 200 % (20000)
    ZWLOKA_DODATEK = "zwloka_dodatek"  # OP art. 56 §1: + 2 pkt proc. from 2010-11-09
    ZWLOKA_MINIMUM = "zwloka_minimum"  # OP art. 56 §1: not below 8 %
    OPOZNIENIE_DODATEK = "opoznienie_dodatek"  # KC art. 481 §2: reference + 5.5 pp from 2016
    # Amounts are in grosze.
    PROG_ODSETEK = (
        "prog_odsetek"  # OP art. 54 §1 pkt 5: no interest up to 3 × opłata za list polecony
    )
    KOSZTY_UPOMNIENIA = "koszty_upomnienia"  # u.p.e.a. art. 15 §4 / art. 64 §1 pkt 8
    OPLATA_MANIPULACYJNA = "oplata_manipulacyjna"  # u.p.e.a. art. 64 §1 pkt 1 (100 zł per title)
    KWOTA_MINIMALNA = "kwota_minimalna"  # u.p.e.a. art. 6 §1: 10 × koszty upomnienia
    # Alimony debtors (u.p.o.u.a. = ustawa z 7.09.2007 o pomocy osobom uprawnionym do alimentów):
    # periods in months, shares in percent. Seeded by migration 0003_alimony with their sources.
    # art. 30 ust. 1 pkt 1–3: write-off after 3/5/7 years (36/60/84 months) of 30/50/100 %.
    ALIMENTY_UMORZENIE_PKT1_MIESIACE = "alimenty_umorzenie_pkt1_miesiace"
    ALIMENTY_UMORZENIE_PKT1_PROCENT = "alimenty_umorzenie_pkt1_procent"
    ALIMENTY_UMORZENIE_PKT2_MIESIACE = "alimenty_umorzenie_pkt2_miesiace"
    ALIMENTY_UMORZENIE_PKT2_PROCENT = "alimenty_umorzenie_pkt2_procent"
    ALIMENTY_UMORZENIE_PKT3_MIESIACE = "alimenty_umorzenie_pkt3_miesiace"
    ALIMENTY_UMORZENIE_PKT3_PROCENT = "alimenty_umorzenie_pkt3_procent"
    ALIMENTY_BIG_MIESIACE = "alimenty_big_miesiace"  # art. 8a ust. 1 pkt 1: zaległość > 6 mies.
    ALIMENTY_UCHYLANIE_MIESIACE = "alimenty_uchylanie_miesiace"  # art. 5 ust. 3a: ostatnie 6 mies.
    ALIMENTY_UCHYLANIE_PROCENT = "alimenty_uchylanie_procent"  # art. 5 ust. 3a: ≥ 50 % alimentów
    ALIMENTY_KRZ_MIESIACE = "alimenty_krz_miesiace"  # art. 8a ust. 1 pkt 2; DOMAIN.md: > 3 mies.
    # Deliveries (issue 17; migration 2026-12-06-1500 with the sources): periods in days; the
    # e-delivery flag: 0 before public entities deliver to ADE, 1 from then (u.d.e. art. 155),
    # 2 once the organisational exemption of art. 147 ust. 5 has ended.
    DORECZENIE_AWIZO_DNI = "doreczenie_awizo_dni"  # KPA art. 44 §1
    E_DORECZENIE_FIKCJA_DNI = "e_doreczenie_fikcja_dni"  # u.d.e. art. 41 ust. 1 pkt 3, 42 ust. 2
    E_DORECZENIA_STOSOWANIE = "e_doreczenia_stosowanie"  # u.d.e. art. 155, art. 147 ust. 5
    # Issue 16 item 10 (migration i16b_decisions, with its source): the most that may be deducted
    # from one payment of family benefits (art. 30 u.ś.r.), in percent of that payment.
    POTRACENIE_SWIADCZENIA_RODZINNE_PROCENT = "potracenie_swiadczenia_rodzinne_procent"
    # … and from benefits of the alimony fund (art. 23 ust. 5 u.p.o.u.a.), in percent.
    POTRACENIE_FUNDUSZ_PROCENT = "potracenie_fundusz_procent"
    # The procedure against an alimony debtor (issue 18; migration i18_alimony_case with sources).
    ALIMENTY_SPRAWA_MIESIACE = "alimenty_sprawa_miesiace"  # k.p.a. art. 35 § 3: 1 miesiąc
    ALIMENTY_ODWOLANIE_DNI = "alimenty_odwolanie_dni"  # k.p.a. art. 129 § 2: 14 dni
    ALIMENTY_PISMO_DNI = "alimenty_pismo_dni"  # termin wewnętrzny jednostki: 7 dni
    ALIMENTY_REJESTRACJA_PUP_DNI = "alimenty_rejestracja_pup_dni"  # termin organu: 14 dni
    # Issue 20 (migration i20_corrections): the creditor's days for its postanowienie on a zarzut.
    ZARZUT_STANOWISKO_DNI = "zarzut_stanowisko_dni"  # u.p.e.a. art. 34
    # Issue 20 item 3 (migration i20b_deferral): the prolongation fee's share of the default-
    # interest rate, in basis points (5000 = 50 %): OP art. 57 §2 with art. 56a §1.
    OPLATA_PROLONGACYJNA_UDZIAL = "oplata_prolongacyjna_udzial"
    # Issue 20 item 7 (migration i20c_estate_retention): u.f.p. art. 56 ust. 1 pkt 1, grosze.
    SPADEK_PRZEDMIOTY_CODZIENNEGO_UZYTKU = "spadek_przedmioty_codziennego_uzytku"
    # Issue 22 item 6 (migration i22b_control, with the source): the unit's rules for year-end
    # write-down allowances (ustawa o rachunkowości art. 35b ust. 1 pkt 3 and 5).
    ODPIS_PRZETERMINOWANE_MIESIACE = "odpis_przeterminowane_miesiace"  # overdue > N months
    ODPIS_PRZETERMINOWANE_PROCENT = "odpis_przeterminowane_procent"  # … allowance in percent
    ODPIS_ZMARLY_PROCENT = "odpis_zmarly_procent"  # debtor deceased: allowance in percent


@dataclass(frozen=True, slots=True)
class ParameterRow:
    code: str
    valid_from: date
    value: int
    source: str = ""


# Polish names of the parameters, for messages (the code stays in them for the administrator).
LABELS: dict[str, str] = {
    ParameterCode.ODSETKI_ZA_ZWLOKE: "stawka odsetek za zwłokę",
    ParameterCode.ODSETKI_USTAWOWE_ZA_OPOZNIENIE: "stawka odsetek ustawowych za opóźnienie",
    ParameterCode.NBP_STOPA_REFERENCYJNA: "stopa referencyjna NBP",
    ParameterCode.NBP_STOPA_LOMBARDOWA: "stopa lombardowa NBP",
    ParameterCode.PROG_ODSETEK: "próg odsetek (OP art. 54 § 1 pkt 5)",
    ParameterCode.KOSZTY_UPOMNIENIA: "koszty upomnienia",
    ParameterCode.OPLATA_MANIPULACYJNA: "opłata manipulacyjna",
    ParameterCode.KWOTA_MINIMALNA: "kwota minimalna (u.p.e.a. art. 6)",
    ParameterCode.POTRACENIE_SWIADCZENIA_RODZINNE_PROCENT: (
        "limit potrącenia ze świadczeń rodzinnych (u.ś.r. art. 30)"
    ),
    ParameterCode.POTRACENIE_FUNDUSZ_PROCENT: (
        "limit potrącenia ze świadczeń z funduszu alimentacyjnego (u.p.o.u.a. art. 23 ust. 5)"
    ),
    ParameterCode.ALIMENTY_SPRAWA_MIESIACE: "termin załatwienia sprawy (k.p.a. art. 35 § 3)",
    ParameterCode.ALIMENTY_ODWOLANIE_DNI: "termin odwołania (k.p.a. art. 129 § 2)",
    ParameterCode.ALIMENTY_PISMO_DNI: "termin wysłania pisma w sprawie alimentacyjnej",
    ParameterCode.ALIMENTY_REJESTRACJA_PUP_DNI: "termin rejestracji dłużnika w PUP",
    ParameterCode.ZARZUT_STANOWISKO_DNI: "termin wierzyciela na postanowienie w sprawie zarzutu",
    ParameterCode.OPLATA_PROLONGACYJNA_UDZIAL: (
        "stawka opłaty prolongacyjnej: udział w stawce odsetek za zwłokę (OP art. 57 § 2)"
    ),
    ParameterCode.SPADEK_PRZEDMIOTY_CODZIENNEGO_UZYTKU: (
        "próg wartości przedmiotów codziennego użytku zmarłego (u.f.p. art. 56 ust. 1 pkt 1)"
    ),
    ParameterCode.ODPIS_PRZETERMINOWANE_MIESIACE: (
        "odpis aktualizujący: przeterminowanie (miesiące)"
    ),
    ParameterCode.ODPIS_PRZETERMINOWANE_PROCENT: "odpis aktualizujący należności przeterminowanych",
    ParameterCode.ODPIS_ZMARLY_PROCENT: "odpis aktualizujący należności od zmarłych dłużników",
}


class MissingParameter(LookupError):
    """No row of a legal parameter is in force on a day: never a crash, always this message,
    naming the parameter and the day (rendered as 422 in the API and the forms, one line in the
    command line, the error of a sweep run)."""

    def __init__(self, code: str, day: date) -> None:
        label = LABELS.get(code, code)
        super().__init__(
            f"Brak parametru „{label}” ({code}) obowiązującego w dniu {day:%d.%m.%Y}:"
            " uzupełnij tabelę parametrów (strona „Stopy i parametry”)"
        )
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
        """Rows in force on some day of [start, end], in order (the first may start earlier)."""
        first = self.row_on(start)
        return [first, *(r for r in self.rows if start < r.valid_from <= end)]
