"""The portfolio sheets a unit moves in with (issue 21): their columns, and the check of every cell
and row, with the error by sheet, line and column in Polish. Pure: the service streams the rows in
and passes what the database knows (kinds, authorities, keys imported before) as plain values.

The sheets are CSV files named after the sheet (`dluznicy.csv` …), UTF-8, separator ";", the first
line the column names; amounts "1234.56" (a decimal comma is accepted), dates RRRR-MM-DD."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date

from app.domain.identifiers import IdentifierError, valid_nip, valid_pesel, valid_regon
from app.domain.lifecycle import State
from app.domain.money import MAX_GROSZE, Grosze, format_amount
from app.domain.portfolio_sheets import Column, Row, Sheet


@dataclass(frozen=True, slots=True)
class Issue:
    sheet: str
    line: int  # the line of the file, the header being line 1
    column: str
    message: str

    def text(self) -> str:
        where = f"arkusz {self.sheet}, wiersz {self.line}"
        return (
            f"{where}, kolumna {self.column}: {self.message}"
            if self.column
            else (f"{where}: {self.message}")
        )


class CellError(ValueError):
    pass


# --- cells ----------------------------------------------------------------------------------

_AMOUNT = re.compile(r"^(0|[1-9][0-9]{0,11})(?:[.,]([0-9]+))?$")


def parse_amount(text: str, *, allow_zero: bool) -> Grosze:
    """ "1234.56" or "1234,56" → 123456; a third decimal is an error, not a rounding."""
    m = _AMOUNT.match(text.replace(" ", "").replace("\u00a0", ""))
    if not m:
        raise CellError(f"„{text}” nie jest kwotą (np. 1234.56)")
    frac = m.group(2) or ""
    if len(frac) > 2:
        raise CellError(f"kwota „{text}” ma więcej niż dwa miejsca po przecinku")
    value = int(m.group(1)) * 100 + int((frac + "00")[:2])
    if value > MAX_GROSZE:
        raise CellError("kwota jest zbyt duża")
    if value == 0 and not allow_zero:
        raise CellError("kwota musi być większa od zera")
    return value


def parse_date(text: str, today: date) -> date:
    try:
        day = date.fromisoformat(text)
    except ValueError:
        raise CellError(f"„{text}” nie jest datą RRRR-MM-DD") from None
    if day > today:
        raise CellError(f"data {day.isoformat()} jest późniejsza niż dzisiejsza")
    return day


def _identifier(check: Callable[[str], str]) -> Callable[[str], str]:
    def parse(text: str) -> str:
        try:
            return check(text)
        except IdentifierError as exc:
            raise CellError(str(exc)) from None

    return parse


def _int(text: str) -> int:
    if not text.isdigit() or len(text) > 6:
        raise CellError(f"„{text}” nie jest liczbą całkowitą")
    return int(text)


def parse_cell(column: Column, text: str, today: date) -> object:
    kind = column.kind
    if kind == "date":
        return parse_date(text, today)
    if kind == "term":  # a payment term may still be running: a later day is no error
        return parse_date(text, date.max)
    if kind in ("amount", "amount0"):
        return parse_amount(text, allow_zero=kind == "amount0")
    if kind == "int":
        return _int(text)
    if kind == "choice" and text not in column.choices:
        raise CellError(f"„{text}” spoza listy: {', '.join(column.choices)}")
    parsers = {"pesel": valid_pesel, "nip": valid_nip, "regon": valid_regon}
    if kind in parsers:
        return _identifier(parsers[kind])(text)
    if len(text) > 300:
        raise CellError("tekst dłuższy niż 300 znaków")
    return text


def parse_row(
    sheet: Sheet, line: int, raw: Mapping[str, str | None], today: date
) -> tuple[Row, list[Issue]]:
    row: Row = {"_line": line}
    issues = []
    for col in sheet.columns:
        text = (raw.get(col.name) or "").strip()
        if "\x00" in text:
            issues.append(Issue(sheet.name, line, col.name, "niedozwolony znak NUL"))
            continue
        if not text:
            row[col.name] = None
            if col.required:
                issues.append(Issue(sheet.name, line, col.name, "pole wymagane jest puste"))
            continue
        try:
            row[col.name] = parse_cell(col, text, today)
        except CellError as exc:
            issues.append(Issue(sheet.name, line, col.name, str(exc)))
    return row, issues


def header_issues(sheet: Sheet, header: Iterable[str]) -> list[Issue]:
    """A required column missing, or a column the sheet does not have (a misspelt optional
    column would otherwise be left out silently, e.g. every PESEL)."""
    given = list(header)
    known = set(sheet.header)
    missing = [c.name for c in sheet.columns if c.required and c.name not in given]
    return [Issue(sheet.name, 1, c, "brak kolumny") for c in missing] + [
        Issue(sheet.name, 1, c, f"nieznana kolumna (dozwolone: {', '.join(sheet.header)})")
        for c in given
        if c and c not in known
    ]


# --- numbers --------------------------------------------------------------------------------

PREFIX = {"wezwanie": "WZ", "upomnienie": "UP", "tytul_wykonawczy": "TW", "zawiadomienie": "ZW"}


@dataclass(frozen=True, slots=True)
class Numbered:
    scope: str
    seq: int
    year: int


def parse_number(kind: str, number: str, issued_on: date, authority: str = "") -> Numbered:
    """The number of a document in its series: WZ/n/rok, UP/n/rok, ZW/n/rok, and TW/organ/n/rok
    for titles, numbered per authority and year (app/receivables/service.issue_document). The
    year must be the year of issue: the counters are per year."""
    prefix = PREFIX[kind]
    scope = f"{re.escape(authority)}/" if kind == "tytul_wykonawczy" else ""
    m = re.fullmatch(rf"{prefix}/{scope}([1-9][0-9]{{0,8}})/([0-9]{{4}})", number)
    example = f"{prefix}/{authority + '/' if scope else ''}15/{issued_on.year}"
    if not m:
        raise CellError(f"numer „{number}” nie pasuje do serii (np. {example})")
    if int(m.group(2)) != issued_on.year:
        raise CellError(f"rok w numerze „{number}” inny niż rok wystawienia {issued_on.year}")
    return Numbered(authority if scope else "", int(m.group(1)), issued_on.year)


# --- rows against each other -----------------------------------------------------------------


@dataclass(slots=True)
class ReceivableFacts:
    issued_on: date
    kind: str
    debtor: str
    principal: Grosze = 0
    line: int = 0  # of this file; 0: imported before
    payouts: Grosze = 0  # the fund's benefits paid, listed in this file
    tranches: Grosze = 0  # the payouts an art. 23 receivable covers, listed in this file
    # The decision's changes listed in this file: (effective on, line, amount before, after, kind).
    amendments: list[tuple[date, int, Grosze, Grosze, str]] | None = None


def identity_of(row: Row) -> tuple[str, ...]:
    """Name and address, normalised: the same person typed twice in the old system."""

    def norm(v: object) -> str:
        return " ".join(str(v or "").lower().split())

    return (
        norm(row["nazwa"]),
        norm(row["ulica"]),
        norm(row["kod_pocztowy"]),
        norm(row["miejscowosc"]),
    )


@dataclass
class Checker:
    """Cross-row checks over the streamed rows; holds only keys and a few facts per key (flat
    enough for 100 000 receivables). `known_*` are what earlier imports left (source keys)."""

    today: date
    kinds: frozenset[str]
    authorities: frozenset[str]
    # Kinds owed payout by payout (interest per payout, not from a payment term; not the fund's
    # art. 28 ledger): the only ones that take the sheet wyplaty_naleznosci (issue 16 item 4).
    tranche_kinds: frozenset[str] = frozenset()
    known_debtors: set[str] = field(default_factory=set)
    known_receivables: dict[str, ReceivableFacts] = field(default_factory=dict)
    known_titles: set[str] = field(default_factory=set)
    known_numbers: set[str] = field(default_factory=set)
    pesels: dict[str, str] = field(default_factory=dict)  # PESEL → first debtor key
    identities: dict[tuple[str, ...], str] = field(default_factory=dict)
    keys: dict[str, set[str]] = field(default_factory=dict)
    duplicates: list[str] = field(default_factory=list)
    numbers: dict[tuple[str, str, int], int] = field(default_factory=dict)  # highest seq
    references: set[str] = field(default_factory=set)  # case numbers (receivable.reference)
    # What the database keeps unique besides the keys: a payment's title per receivable, an
    # award per person and day, a recovery's reference per debtor.
    unique: set[tuple[str, ...]] = field(default_factory=set)

    def _once(self, what: tuple[str, ...], column: str, message: str) -> list[tuple[str, str]]:
        if what in self.unique:
            return [(column, message)]
        self.unique.add(what)
        return []

    def check(self, sheet: str, row: Row) -> list[Issue]:
        line = int(str(row["_line"]))
        key = str(row["klucz"])
        seen = self.keys.setdefault(sheet, set())
        if key in seen:
            return [Issue(sheet, line, "klucz", f"klucz „{key}” powtarza się w arkuszu")]
        seen.add(key)
        checks: dict[str, Callable[[Row], list[tuple[str, str]]]] = {
            "dluznicy": self._debtor,
            "naleznosci": self._receivable,
            "dokumenty": self._document,
            "tytuly": self._title,
            "meldunki": self._report,
            "wplaty": self._payment,
            "raty": self._instalment,
            "umorzenia": self._write_off,
            "alimenty_zasadzone": self._award,
            "alimenty_wyplaty": self._payout,
            "alimenty_odzyskane": self._recovery,
            "wyplaty_naleznosci": self._tranche,
            "zmiany_decyzji": self._amendment,
        }
        return [Issue(sheet, line, col, msg) for col, msg in checks[sheet](row)]

    def _debtor(self, row: Row) -> list[tuple[str, str]]:
        key = str(row["klucz"])
        self.known_debtors.add(key)
        pesel = row["pesel"]
        if pesel:
            first = self.pesels.setdefault(str(pesel), key)
            if first != key:
                self.duplicates.append(f"zobowiązani {first} i {key}: ten sam PESEL")
        if row["ulica"] or row["miejscowosc"]:
            ident = identity_of(row)
            first = self.identities.setdefault(ident, key)
            if first != key:
                self.duplicates.append(
                    f"zobowiązani {first} i {key}: to samo imię, nazwisko i adres"
                )
        return []

    def _receivable(self, row: Row) -> list[tuple[str, str]]:
        out = []
        if str(row["klucz_dluznika"]) not in self.known_debtors:
            out.append(
                ("klucz_dluznika", f"nie ma zobowiązanego o kluczu „{row['klucz_dluznika']}”")
            )
        if row["rodzaj"] not in self.kinds:
            out.append(("rodzaj", f"nieznany rodzaj należności „{row['rodzaj']}”"))
        if row["organ"] and row["organ"] not in self.authorities:
            out.append(("organ", f"nieznany organ egzekucyjny „{row['organ']}”"))
        start, end = row["okres_od"], row["okres_do"]
        if isinstance(start, date) and isinstance(end, date) and end < start:
            out.append(("okres_do", "koniec okresu przed jego początkiem"))
        issued, delivered = row["decyzja_data_wydania"], row["decyzja_data_doreczenia"]
        if isinstance(issued, date) and isinstance(delivered, date) and delivered < issued:
            out.append(("decyzja_data_doreczenia", "doręczenie decyzji przed jej wydaniem"))
        term = row["termin_platnosci"]
        if isinstance(term, date) and term < _day(row["data_wystawienia"]):
            out.append(("termin_platnosci", "termin płatności przed datą wystawienia"))
        if len(str(row["decyzja_znak"] or "")) > 100:
            out.append(("decyzja_znak", "znak decyzji dłuższy niż 100 znaków"))
        if row["numer"]:
            if str(row["numer"]) in self.references:
                out.append(("numer", f"sygnatura „{row['numer']}” jest już użyta"))
            self.references.add(str(row["numer"]))
        if not out:
            self.known_receivables[str(row["klucz"])] = ReceivableFacts(
                _day(row["data_wystawienia"]),
                str(row["rodzaj"]),
                str(row["klucz_dluznika"]),
                int(str(row["kwota"])),
                int(str(row["_line"])),
            )
        return out

    def _of(self, row: Row, column: str = "klucz_naleznosci") -> ReceivableFacts | None:
        return self.known_receivables.get(str(row[column]))

    def _dated_money(self, row: Row, day_column: str = "data") -> list[tuple[str, str]]:
        facts = self._of(row)
        if facts is None:
            return [("klucz_naleznosci", f"nie ma należności o kluczu „{row['klucz_naleznosci']}”")]
        if _day(row[day_column]) < facts.issued_on:
            what = _BEFORE.get(day_column, "dokument")
            return [(day_column, f"{what} przed datą wystawienia należności ({facts.issued_on})")]
        return []

    def _write_off(self, row: Row) -> list[tuple[str, str]]:
        out = self._dated_money(row, "data_decyzji")
        if len(str(row["decyzja"])) > 100:
            out.append(("decyzja", "znak decyzji dłuższy niż 100 znaków"))
        return out

    def _payment(self, row: Row) -> list[tuple[str, str]]:
        out = self._dated_money(row)
        reversed_on, reason = row["data_storna"], row["przyczyna_storna"]
        if reversed_on is not None and not reason:
            return [("przyczyna_storna", "podaj przyczynę storna")]
        if reason and reversed_on is None:
            return [("data_storna", "przyczyna storna bez jego daty")]
        if isinstance(reversed_on, date):
            # Issue 20: a reversed payment counts for nothing; its title may be booked again.
            if not out and reversed_on < _day(row["data"]):
                out.append(("data_storna", "storno przed datą wpłaty"))
            return out
        if not out and row["tytul"]:
            what = ("wplata", str(row["klucz_naleznosci"]), str(row["tytul"]))
            out = self._once(what, "tytul", "ten sam tytuł wpłaty już jest przy tej należności")
        return out

    def _recovery(self, row: Row) -> list[tuple[str, str]]:
        out = self._award(row)
        if not out and row["referencja"]:
            what = ("odzyskane", str(row["klucz_dluznika"]), str(row["referencja"]))
            out = self._once(what, "referencja", "ta referencja jest już u tego dłużnika")
        return out

    def _numbered(self, row: Row, kind: str, authority: str = "") -> list[tuple[str, str]]:
        number = str(row["numer"])
        try:
            n = parse_number(kind, number, _day(row["data_wystawienia"]), authority)
        except CellError as exc:
            return [("numer", str(exc))]
        if number in self.known_numbers:
            return [("numer", f"numer „{number}” jest już użyty")]
        self.known_numbers.add(number)
        series = (kind, n.scope, n.year)
        self.numbers[series] = max(self.numbers.get(series, 0), n.seq)
        return []

    def _document(self, row: Row) -> list[tuple[str, str]]:
        out = self._dated_money(row, "data_wystawienia")
        out += self._numbered(row, str(row["rodzaj"]))
        delivered = row["data_doreczenia"]
        if isinstance(delivered, date) and delivered < _day(row["data_wystawienia"]):
            out.append(("data_doreczenia", "doręczenie przed wystawieniem dokumentu"))
        return out

    def _title(self, row: Row) -> list[tuple[str, str]]:
        authority = str(row["organ"])
        if authority not in self.authorities:
            return [("organ", f"nieznany organ egzekucyjny „{authority}”")]
        out = self._dated_money(row, "data_wystawienia") + self._numbered(
            row, "tytul_wykonawczy", authority
        )
        if not out:
            self.known_titles.add(str(row["klucz"]))
        return out

    def _report(self, row: Row) -> list[tuple[str, str]]:
        if str(row["klucz_tytulu"]) not in self.known_titles:
            return [("klucz_tytulu", f"nie ma tytułu o kluczu „{row['klucz_tytulu']}”")]
        if row["rodzaj"] == "wyegzekwowano" and not row["kwota"]:
            return [("kwota", "podaj kwotę wyegzekwowaną")]
        return []

    def _instalment(self, row: Row) -> list[tuple[str, str]]:
        out = self._dated_money(row, "data_decyzji")
        if not out and _day(row["termin"]) < _day(row["data_decyzji"]):
            out.append(("termin", "termin raty przed datą decyzji"))
        return out

    def _award(self, row: Row) -> list[tuple[str, str]]:
        if str(row["klucz_dluznika"]) not in self.known_debtors:
            return [("klucz_dluznika", f"nie ma zobowiązanego o kluczu „{row['klucz_dluznika']}”")]
        if "od_dnia" not in row:
            return []
        what = ("zasadzone", str(row["klucz_dluznika"]), str(row["uprawniony"] or ""))
        return self._once(
            (*what, str(row["od_dnia"])), "od_dnia", "te alimenty od tego dnia już są w arkuszu"
        )

    def _payout(self, row: Row) -> list[tuple[str, str]]:
        facts = self._of(row)
        if facts is None:
            return [("klucz_naleznosci", f"nie ma należności o kluczu „{row['klucz_naleznosci']}”")]
        if facts.kind != "fundusz_alimentacyjny":
            return [
                (
                    "klucz_naleznosci",
                    "świadczenie może należeć tylko do należności rodzaju fundusz_alimentacyjny",
                )
            ]
        facts.payouts += int(str(row["kwota"]))
        if _day(row["data"]) < facts.issued_on:
            return [("data", f"wypłata przed datą wystawienia należności ({facts.issued_on})")]
        return []

    def _tranche(self, row: Row) -> list[tuple[str, str]]:
        facts = self._of(row)
        if facts is None:
            return [("klucz_naleznosci", f"nie ma należności o kluczu „{row['klucz_naleznosci']}”")]
        if facts.kind not in self.tranche_kinds:
            return [
                (
                    "klucz_naleznosci",
                    f"rodzaj „{facts.kind}” nie przyjmuje wypłat osobno: odsetki biegną od "
                    "terminu płatności całej należności",
                )
            ]
        if _day(row["data_wyplaty"]) > facts.issued_on:
            return [
                ("data_wyplaty", f"wypłata po dacie wystawienia należności ({facts.issued_on})")
            ]
        facts.tranches += int(str(row["kwota"]))
        what = ("transza", str(row["klucz_naleznosci"]), str(row["nr"]))
        return self._once(what, "nr", "ten numer wypłaty już jest przy tej należności")

    def _amendment(self, row: Row) -> list[tuple[str, str]]:
        """Issue 20: zmiana (a new amount, not 0, not the same) or uchylenie (to 0), effective
        on or after the receivable's issue (app/domain/corrections.check_amendment)."""
        facts = self._of(row)
        if facts is None:
            return [("klucz_naleznosci", f"nie ma należności o kluczu „{row['klucz_naleznosci']}”")]
        day = _day(row["data"])
        if day < facts.issued_on:
            return [("data", f"zmiana przed datą wystawienia należności ({facts.issued_on})")]
        before, after = int(str(row["kwota_przed"])), int(str(row["kwota_po"]))
        if row["rodzaj"] == "uchylenie" and after != 0:
            return [("kwota_po", "po uchyleniu decyzji kwota wynosi 0")]
        if row["rodzaj"] == "zmiana" and after in (0, before):
            return [("kwota_po", "nowa kwota musi być większa od zera i inna niż dotychczasowa")]
        if len(str(row["powod"])) > 500:
            return [("powod", "tekst dłuższy niż 500 znaków")]
        facts.amendments = facts.amendments or []
        facts.amendments.append((day, int(str(row["_line"])), before, after, str(row["rodzaj"])))
        return []

    def finish(self) -> list[Issue]:
        """What only all rows together show: a fund receivable is the sum of the benefits paid
        from the fund (u.p.o.u.a. art. 27 ust. 1; app/alimony/service._fund_receivable), so its
        amount must equal the payouts listed for it; an art. 23 receivable's original amount is
        the sum of the payouts it covers (app/receivables/schemas.ReceivableCreate); after changes
        of the decision the receivable's amount is the last one in force, each change starting
        from the amount the one before left (app/corrections/service._record_amendment)."""
        out = []
        for f in self.known_receivables.values():
            if not f.line:
                continue
            if f.payouts and f.payouts != f.principal:
                out.append(
                    Issue(
                        "naleznosci",
                        f.line,
                        "kwota",
                        f"kwota {format_amount(f.principal)} różni się od sumy świadczeń w "
                        f"arkuszu alimenty_wyplaty ({format_amount(f.payouts)})",
                    )
                )
            if f.principal == 0 and not f.amendments:
                out.append(Issue("naleznosci", f.line, "kwota", "kwota musi być większa od zera"))
            original = f.principal
            if f.amendments:
                out += _chain(f)
                original = min(f.amendments)[2]
            if f.tranches and f.tranches != original:
                out.append(
                    Issue(
                        "naleznosci",
                        f.line,
                        "kwota",
                        f"kwota pierwotna {format_amount(original)} różni się od sumy wypłat w "
                        f"arkuszu wyplaty_naleznosci ({format_amount(f.tranches)})",
                    )
                )
        return out


def _chain(f: ReceivableFacts) -> list[Issue]:
    assert f.amendments is not None
    ordered = sorted(f.amendments)
    out = [
        Issue(
            "zmiany_decyzji",
            line,
            "kwota_przed",
            f"kwota przed zmianą {format_amount(before)} różni się od kwoty po poprzedniej "
            f"zmianie ({format_amount(prev[3])})",
        )
        for prev, (_d, line, before, _a, _k) in zip(ordered, ordered[1:], strict=False)
        if before != prev[3]
    ]
    if ordered[-1][3] != f.principal:
        out.append(
            Issue(
                "naleznosci",
                f.line,
                "kwota",
                f"kwota {format_amount(f.principal)} różni się od kwoty po ostatniej zmianie "
                f"decyzji ({format_amount(ordered[-1][3])}): podaj kwotę obowiązującą",
            )
        )
    return out


_BEFORE = {"data": "wpłata", "data_decyzji": "decyzja"}


def _day(value: object) -> date:
    assert isinstance(value, date)
    return value


# --- the state a receivable is in -----------------------------------------------------------


@dataclass(frozen=True, slots=True)
class StateFacts:
    balance: Grosze
    payment_term_ends_on: date | None
    reminder_issued: bool
    title_issued: bool
    instalments: bool
    time_barred_from: date | None
    written_off: bool = False  # in full, by decision
    annulled: bool = False  # the decision was annulled (issue 20)


def derived_state(f: StateFacts, today: date) -> State:
    """The state a receivable moved in without one is in today, from its documents and money:
    the furthest step its documents show (DOMAIN.md, the lifecycle), unless it is written off,
    paid or barred."""
    if f.annulled:
        return State.ANULOWANA
    if f.written_off:
        return State.UMORZONA
    if f.balance == 0:
        return State.ZAPLACONA
    if f.time_barred_from is not None and f.time_barred_from <= today:
        return State.PRZEDAWNIONA
    if f.instalments:
        return State.RATY
    if f.title_issued:
        return State.TYTUL_WYKONAWCZY
    if f.reminder_issued:
        return State.UPOMNIENIE
    if f.payment_term_ends_on is not None and f.payment_term_ends_on < today:
        return State.WYMAGALNA
    return State.WYSTAWIONA
