"""Moving a unit in (issue 21): a portfolio's sheets are checked as a whole, then written in one
transaction, or (dry run) written and rolled back, so the report's figures are the ones the
import would give. Gather (kinds, authorities, keys imported before) → check every row
(app/domain/portfolio.py) → apply (rows, source keys, derived dates and states, counters).

Rows already imported (their sheet and source key in import_key) are skipped: importing the same
file again creates nothing, a second file with more rows adds only those. Never commits: the
request, or the CLI's session_scope, commits once or rolls everything back."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from app.domain.collation import fold, sort_key
from app.domain.kinds import AllocationRule, InterestStart
from app.domain.portfolio import Checker, Issue, header_issues, parse_row
from app.domain.portfolio_sheets import SHEETS, Row, Sheet
from app.imports import derive
from app.imports.repository import BATCH, ImportRepository, parse_day
from app.imports.sources import Source
from app.models import (
    AlimonyAward,
    AlimonyPayout,
    AlimonyRecovery,
    Debtor,
    DebtorName,
    Document,
    EnforcementReport,
    Instalment,
    Payment,
    Receivable,
    ReceivableAmendment,
    ReceivableTranche,
    WriteOff,
)
from app.models.base import Base
from app.receivables.repository import kind_rules

ACTOR = "import"
MAX_LISTED = 500  # errors listed in the report; all are counted
Progress = Callable[[str, int], None]


@dataclass
class Report:
    file_name: str
    dry_run: bool
    today: date
    errors: list[Issue] = field(default_factory=list)
    error_count: int = 0
    duplicates: list[str] = field(default_factory=list)
    created: dict[str, int] = field(default_factory=dict)
    skipped: dict[str, int] = field(default_factory=dict)
    counters: list[tuple[str, str, int, int]] = field(default_factory=list)  # series, new value
    figures: derive.Totals | None = None

    @property
    def ok(self) -> bool:
        return self.error_count == 0

    def add(self, issues: list[Issue]) -> None:
        self.error_count += len(issues)
        room = MAX_LISTED - len(self.errors)
        self.errors.extend(issues[: max(room, 0)])


@dataclass
class _Known:
    """Source keys → ids, of earlier imports and of this one (ints and short strings only)."""

    ids: dict[str, dict[str, int]]
    debtor_of: dict[int, int] = field(default_factory=dict)  # receivable id → debtor id


async def run(
    session: AsyncSession,
    source: Source,
    file_name: str,
    today: date,
    *,
    dry_run: bool,
    actor: str = ACTOR,
    progress: Progress | None = None,
) -> Report:
    report = Report(file_name, dry_run, today)
    repo = ImportRepository(session)
    await repo.lock_imports()
    known = _Known({s.name: await repo.keys(s.name) for s in SHEETS})
    known.debtor_of = await repo.debtors_of("fundusz_alimentacyjny")
    checker = await _checker(repo, known, today)
    _check(source, checker, known, report, progress)
    report.duplicates = checker.duplicates
    if not report.ok:
        return report
    if dry_run:
        nested = await session.begin_nested()
        try:
            await _apply(session, source, file_name, checker, known, report, actor, progress)
        finally:
            await nested.rollback()
    else:
        await _apply(session, source, file_name, checker, known, report, actor, progress)
    return report


async def _checker(repo: ImportRepository, known: _Known, today: date) -> Checker:
    kinds = [kind_rules(k) for k in await repo.kinds()]
    checker = Checker(
        today,
        frozenset(k.code for k in kinds),
        await repo.authorities(),
        # As app/receivables/service._check_tranches: interest per payout, not the fund's ledger.
        frozenset(
            k.code
            for k in kinds
            if k.interest_start is not InterestStart.DAY_AFTER_DUE
            and k.allocation_rule is not AllocationRule.ART_28
        ),
        known_debtors=set(known.ids["dluznicy"]),
        known_receivables=await repo.receivable_facts(),
        known_titles=set(known.ids["tytuly"]),
        known_numbers=await repo.numbers(),
    )
    checker.pesels.update(await repo.pesels())
    checker.references.update(await repo.references())
    return checker


def _check(
    source: Source, checker: Checker, known: _Known, report: Report, progress: Progress | None
) -> None:
    for sheet in SHEETS:
        created = skipped = 0
        for line, header, raw in source.rows(sheet.name):
            if created + skipped == 0 and (wrong := header_issues(sheet, header)):
                report.add(wrong)
                break
            row, issues = parse_row(sheet, line, raw, checker.today)
            if str(row["klucz"] or "") in known.ids[sheet.name]:
                skipped += 1
                continue
            if not issues:
                issues = checker.check(sheet.name, row)
            report.add(issues)
            created += 1
            if progress and created % BATCH == 0:
                progress(f"sprawdzanie: {sheet.name}", created)
        report.created[sheet.name] = created
        report.skipped[sheet.name] = skipped
    report.add(checker.finish())


async def _apply(
    session: AsyncSession,
    source: Source,
    file_name: str,
    checker: Checker,
    known: _Known,
    report: Report,
    actor: str,
    progress: Progress | None,
) -> None:
    repo = ImportRepository(session)
    touched: derive.Touched = derive.Touched()
    for sheet in SHEETS:
        batch: list[Row] = []
        done = 0
        for line, _header, raw in source.rows(sheet.name):
            row, _ = parse_row(sheet, line, raw, checker.today)
            if str(row["klucz"]) in known.ids[sheet.name]:
                continue
            batch.append(row)
            if len(batch) == BATCH:
                done += await _write(repo, sheet, batch, file_name, known, touched, actor)
                batch = []
                if progress:
                    progress(f"zapis: {sheet.name}", done)
        await _write(repo, sheet, batch, file_name, known, touched, actor)
    for (kind, scope, year), seq in sorted(checker.numbers.items()):
        before = await repo.raise_counter(kind, scope, year, seq)
        report.counters.append((kind, scope, year, max(before, seq)))
    report.figures = await derive.apply(session, touched, report.today, file_name, actor, progress)


async def _write(
    repo: ImportRepository,
    sheet: Sheet,
    rows: list[Row],
    file_name: str,
    known: _Known,
    touched: derive.Touched,
    actor: str,
) -> int:
    if not rows:
        return 0
    model, values = _MAPPERS[sheet.name]
    dicts = [values(r, known, actor) for r in rows]
    ids = await repo.insert(model, dicts)
    if model is Debtor:  # the list's name search (app/models/debtor_name.py), as its hook does
        await repo.add_rows(
            DebtorName,
            [
                {"debtor_id": i, "name_key": d["name_key"], "name_folded": d["name_folded"]}
                for d, i in zip(dicts, ids, strict=True)
            ],
        )
    keys = known.ids[sheet.name]
    for r, d, i in zip(rows, dicts, ids, strict=True):
        keys[str(r["klucz"])] = i
        touched.note(sheet.name, i, d, int(str(r["_line"])), r)
        if sheet.name == "naleznosci":
            known.debtor_of[i] = d["debtor_id"]
    await repo.add_keys(
        [
            {
                "sheet": sheet.name,
                "source_key": str(r["klucz"]),
                "entity_id": i,
                "file_name": file_name[:200],
                "line": r["_line"],
            }
            for r, i in zip(rows, ids, strict=True)
        ]
    )
    return len(rows)


# --- one sheet's row → the columns of its table ---------------------------------------------


def _id(known: _Known, sheet: str, row: Row, column: str) -> int:
    return known.ids[sheet][str(row[column])]


def _debtor(r: Row, _k: _Known, _a: str) -> dict[str, Any]:
    # Written with Core (no ORM object): the list's Polish sort key and folded name, which the
    # model derives from the name (app/models/debtor.py), are derived here the same way.
    return {
        "name": r["nazwa"],
        "name_key": sort_key(r["nazwa"]),
        "name_folded": fold(r["nazwa"]),
        "first_name": r["imie"],
        "last_name": r["nazwisko"],
        "pesel": r["pesel"],
        "nip": r["nip"],
        "regon": r["regon"],
        "street": r["ulica"],
        "postal_code": r["kod_pocztowy"],
        "city": r["miejscowosc"],
        "commune_code": r["gmina_teryt"],
        "address_unknown": r["adres_nieznany"] == "tak",
        "homeless": r["bezdomny"] == "tak",
        "deceased": r["zmarly"] == "tak" or r["data_zgonu"] is not None,
        "deceased_on": r["data_zgonu"],
    }


def _receivable(r: Row, k: _Known, _a: str) -> dict[str, Any]:
    return {
        "debtor_id": _id(k, "dluznicy", r, "klucz_dluznika"),
        "kind_code": r["rodzaj"],
        "reference": r["numer"],
        "title": r["tytul"],
        "principal": r["kwota"],
        "period_from": r["okres_od"],
        "period_to": r["okres_do"],
        "issued_on": r["data_wystawienia"],
        "decision_final_on": r["data_prawomocnosci"],
        "state": r["stan"] or "wystawiona",  # derived later when the sheet gives none
        "authority_code": r["organ"],
        "decision_ref": r["decyzja_znak"],
        "decision_issued_on": r["decyzja_data_wydania"],
        "decision_delivered_on": r["decyzja_data_doreczenia"],
        "payment_term_ends_on": r["termin_platnosci"],  # a delivered demand's term replaces it
    }


def _document(
    r: Row, k: _Known, a: str, kind: str | None = None, scope: str = ""
) -> dict[str, Any]:
    issued = parse_day(r["data_wystawienia"])
    number = str(r["numer"])
    return {
        "receivable_id": _id(k, "naleznosci", r, "klucz_naleznosci"),
        "kind": kind or r["rodzaj"],
        "scope": scope,
        "year": issued.year,
        "seq": int(number.split("/")[-2]),
        "number": number,
        "issued_on": issued,
        "delivered_on": r.get("data_doreczenia"),
        "costs": r.get("koszty") or 0,
        "created_by": a,
    }


def _title(r: Row, k: _Known, a: str) -> dict[str, Any]:
    return _document(r, k, a, "tytul_wykonawczy", str(r["organ"]))


def _report(r: Row, k: _Known, a: str) -> dict[str, Any]:
    return {
        "title_document_id": _id(k, "tytuly", r, "klucz_tytulu"),
        "reported_on": r["data"],
        "kind": r["rodzaj"],
        "amount": r["kwota"],
        "description": r["opis"] or "",
        "created_by": a,
    }


def _payment(r: Row, k: _Known, a: str) -> dict[str, Any]:
    """A reversed payment (storno, issue 20) keeps its row; its title moves to
    reversed_reference as app/corrections/service.reverse_payment does."""
    reversed_on = r["data_storna"]
    return {
        "receivable_id": _id(k, "naleznosci", r, "klucz_naleznosci"),
        "paid_on": r["data"],
        "amount": r["kwota"],
        "reference": None if reversed_on else r["tytul"],
        "source": "import",
        "created_by": a,
        "reversed_on": reversed_on,
        "reversal_reason": r["przyczyna_storna"],
        "reversed_by": a if reversed_on else None,
        "reversed_reference": r["tytul"] if reversed_on else None,
    }


def _instalment(r: Row, k: _Known, _a: str) -> dict[str, Any]:
    return {
        "receivable_id": _id(k, "naleznosci", r, "klucz_naleznosci"),
        "number": r["nr_raty"],
        "due_on": r["termin"],
        "amount": r["kwota"],
        "decided_on": r["data_decyzji"],
        "owed_through": 0,  # set by derive, in the order of the plan
        "recorded_on": r["data_decyzji"],
    }


def _write_off(r: Row, k: _Known, a: str) -> dict[str, Any]:
    return {
        "receivable_id": _id(k, "naleznosci", r, "klucz_naleznosci"),
        "decided_on": r["data_decyzji"],
        "amount": r["kwota"],
        "full": r["w_calosci"] == "tak",
        "decision_ref": r["decyzja"],
        "created_by": a,
    }


def _award(r: Row, k: _Known, a: str) -> dict[str, Any]:
    return {
        "debtor_id": _id(k, "dluznicy", r, "klucz_dluznika"),
        "entitled_name": r["uprawniony"] or "",
        "valid_from": r["od_dnia"],
        "monthly_amount": r["kwota_miesieczna"],
        "created_by": a,
    }


def _payout(r: Row, k: _Known, a: str) -> dict[str, Any]:
    rid = _id(k, "naleznosci", r, "klucz_naleznosci")
    return {
        "debtor_id": k.debtor_of[rid],
        "receivable_id": rid,
        "paid_on": r["data"],
        "amount": r["kwota"],
        "entitled_name": r["uprawniony"] or "",
        "claim": r["roszczenie"],
        "created_by": a,
    }


def _recovery(r: Row, k: _Known, a: str) -> dict[str, Any]:
    day = parse_day(r["data"])
    return {
        "debtor_id": _id(k, "dluznicy", r, "klucz_dluznika"),
        "received_on": day,
        "received_month": day.year * 12 + day.month - 1,  # as AlimonyRecovery._set_month
        "amount": r["kwota"],
        "source": r["zrodlo"],
        "reference": r["referencja"],
        "created_by": a,
    }


def _tranche(r: Row, k: _Known, _a: str) -> dict[str, Any]:
    return {
        "receivable_id": _id(k, "naleznosci", r, "klucz_naleznosci"),
        "number": r["nr"],
        "paid_out_on": r["data_wyplaty"],
        "amount": r["kwota"],
    }


def _amendment(r: Row, k: _Known, a: str) -> dict[str, Any]:
    return {
        "receivable_id": _id(k, "naleznosci", r, "klucz_naleznosci"),
        "kind": r["rodzaj"],
        "effective_on": r["data"],
        "old_principal": r["kwota_przed"],
        "new_principal": r["kwota_po"],
        "reason": r["powod"],
        "created_by": a,
    }


_MAPPERS: dict[str, tuple[type[Base], Callable[[Row, _Known, str], dict[str, Any]]]] = {
    "dluznicy": (Debtor, _debtor),
    "naleznosci": (Receivable, _receivable),
    "dokumenty": (Document, _document),
    "tytuly": (Document, _title),
    "meldunki": (EnforcementReport, _report),
    "wplaty": (Payment, _payment),
    "raty": (Instalment, _instalment),
    "umorzenia": (WriteOff, _write_off),
    "alimenty_zasadzone": (AlimonyAward, _award),
    "alimenty_wyplaty": (AlimonyPayout, _payout),
    "alimenty_odzyskane": (AlimonyRecovery, _recovery),
    "wyplaty_naleznosci": (ReceivableTranche, _tranche),
    "zmiany_decyzji": (ReceivableAmendment, _amendment),
}
