"""Everything out again, in the import's own sheets (issue 21 item 6): a unit is never locked in.
Each row carries its source key when it came in by an import, else a key made from its id
("wk-…"); each receivable its state and, as the declared figures, its balance and interest as of
the day of the export, so that importing the export checks itself. Rows are streamed. As CSV files
(a directory or one ZIP) or as one XLSX workbook (a worksheet per sheet; amounts as numbers with two
decimals, dates as dates, written in write-only mode, row by row)."""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import AsyncIterator, Callable
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import IO, Any

from openpyxl import Workbook  # type: ignore[import-untyped]
from openpyxl.cell import WriteOnlyCell  # type: ignore[import-untyped]
from sqlalchemy import ColumnElement, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.domain.money import format_amount
from app.domain.portfolio_sheets import DOC_KINDS, SHEET, Column
from app.imports import derive
from app.imports.repository import BATCH, ImportRepository
from app.imports.sources import DELIMITER
from app.models import (
    AlimonyAward,
    AlimonyPayout,
    AlimonyRecovery,
    Debtor,
    Document,
    EnforcementReport,
    ImportKey,
    Instalment,
    Payment,
    Receivable,
    ReceivableAmendment,
    ReceivableTranche,
    WriteOff,
)
from app.receivables.repository import ReceivableRepository, kind_rules


def _key(sheet: str, column: Any) -> ColumnElement[Any]:
    return (
        select(ImportKey.source_key)
        .where(ImportKey.sheet == sheet, ImportKey.entity_id == column)
        .limit(1)
        .scalar_subquery()
    )


def _s(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def _k(found: str | None, prefix: str, entity_id: int) -> str:
    return found or f"wk-{prefix}{entity_id}"


def _yes(flag: bool) -> str:
    return "tak" if flag else ""


def _amount(value: int | None) -> str:
    return "" if value is None else format_amount(value)


async def _debtors(session: AsyncSession, _today: date) -> AsyncIterator[list[str]]:
    stmt = select(Debtor, _key("dluznicy", Debtor.id)).order_by(Debtor.id)
    async for d, key in ImportRepository(session).stream(stmt):
        yield [
            _k(key, "d", d.id),
            d.name,
            _s(d.first_name),
            _s(d.last_name),
            _s(d.pesel),
            _s(d.nip),
            _s(d.regon),
            _s(d.street),
            _s(d.postal_code),
            _s(d.city),
            _s(d.commune_code),
            _yes(d.address_unknown),
            _yes(d.homeless),
            _yes(d.deceased),
            _s(d.deceased_on),
        ]


async def _receivables(session: AsyncSession, today: date) -> AsyncIterator[list[str]]:
    repo = ImportRepository(session)
    rules = {k.code: kind_rules(k) for k in await repo.kinds()}
    params = await ReceivableRepository(session).parameter_rows()
    ids = list((await session.scalars(select(Receivable.id).order_by(Receivable.id))).all())
    for start in range(0, len(ids), derive.CHUNK):
        chunk = ids[start : start + derive.CHUNK]
        docs = derive.by_receivable(await repo.documents(chunk))
        pays = derive.by_receivable(await repo.payments(chunk))
        offs = derive.by_receivable(await repo.write_offs(chunk))
        extra = await derive.Extra.of(repo, chunk)
        stmt = (
            select(
                Receivable,
                _key("naleznosci", Receivable.id),
                _key("dluznicy", Receivable.debtor_id),
            )
            .where(Receivable.id.in_(chunk))
            .order_by(Receivable.id)
        )
        for r, key, debtor_key in await session.execute(stmt):
            kind = rules[r.kind_code]
            figs = await derive.figures(session, r, kind, docs, pays, offs, params, today, extra)
            yield [
                _k(key, "n", r.id),
                _k(debtor_key, "d", r.debtor_id),
                r.kind_code,
                r.title,
                format_amount(r.principal),
                _s(r.issued_on),
                _s(r.period_from),
                _s(r.period_to),
                _s(r.decision_final_on),
                _s(r.reference),
                _s(r.authority_code),
                r.state,
                format_amount(figs.balance),
                format_amount(figs.interest_due),
                _s(r.decision_ref),
                _s(r.decision_issued_on),
                _s(r.decision_delivered_on),
                # The term when no delivered demand gives it (a decision's, issue 16 item 8).
                "" if r.demand_delivered_on else _s(r.payment_term_ends_on),
            ]


async def _documents(session: AsyncSession, _today: date) -> AsyncIterator[list[str]]:
    stmt = (
        select(Document, _key("dokumenty", Document.id), _key("naleznosci", Document.receivable_id))
        .where(Document.kind.in_(DOC_KINDS))
        .order_by(Document.id)
    )
    async for d, key, rkey in ImportRepository(session).stream(stmt):
        yield [
            _k(key, "dok", d.id),
            _k(rkey, "n", d.receivable_id),
            d.kind,
            d.number,
            _s(d.issued_on),
            _s(d.delivered_on),
            _amount(d.costs) if d.costs else "",
        ]


async def _titles(session: AsyncSession, _today: date) -> AsyncIterator[list[str]]:
    stmt = (
        select(Document, _key("tytuly", Document.id), _key("naleznosci", Document.receivable_id))
        .where(Document.kind == "tytul_wykonawczy")
        .order_by(Document.id)
    )
    async for d, key, rkey in ImportRepository(session).stream(stmt):
        yield [
            _k(key, "t", d.id),
            _k(rkey, "n", d.receivable_id),
            d.number,
            d.scope,
            _s(d.issued_on),
        ]


async def _reports(session: AsyncSession, _today: date) -> AsyncIterator[list[str]]:
    stmt = select(
        EnforcementReport,
        _key("meldunki", EnforcementReport.id),
        _key("tytuly", EnforcementReport.title_document_id),
    ).order_by(EnforcementReport.id)
    async for e, key, tkey in ImportRepository(session).stream(stmt):
        yield [
            _k(key, "m", e.id),
            _k(tkey, "t", e.title_document_id),
            _s(e.reported_on),
            e.kind,
            _amount(e.amount),
            e.description,
        ]


async def _payments(session: AsyncSession, _today: date) -> AsyncIterator[list[str]]:
    stmt = select(Payment, _key("wplaty", Payment.id), _key("naleznosci", Payment.receivable_id))
    # A reversed payment (storno, issue 20) goes out with its day and reason, and its title
    # (kept in reversed_reference); who reversed it is not carried (the import's actor then).
    async for p, key, rkey in ImportRepository(session).stream(stmt.order_by(Payment.id)):
        yield [
            _k(key, "w", p.id),
            _k(rkey, "n", p.receivable_id),
            _s(p.paid_on),
            format_amount(p.amount),
            _s(p.reversed_reference if p.reversed_on else p.reference),
            _s(p.reversed_on),
            _s(p.reversal_reason),
        ]


async def _instalments(session: AsyncSession, _today: date) -> AsyncIterator[list[str]]:
    stmt = select(
        Instalment, _key("raty", Instalment.id), _key("naleznosci", Instalment.receivable_id)
    ).order_by(Instalment.id)
    async for i, key, rkey in ImportRepository(session).stream(stmt):
        yield [
            _k(key, "r", i.id),
            _k(rkey, "n", i.receivable_id),
            _s(i.decided_on),
            str(i.number),
            _s(i.due_on),
            format_amount(i.amount),
        ]


async def _write_offs(session: AsyncSession, _today: date) -> AsyncIterator[list[str]]:
    stmt = select(
        WriteOff, _key("umorzenia", WriteOff.id), _key("naleznosci", WriteOff.receivable_id)
    ).order_by(WriteOff.id)
    async for w, key, rkey in ImportRepository(session).stream(stmt):
        yield [
            _k(key, "u", w.id),
            _k(rkey, "n", w.receivable_id),
            _s(w.decided_on),
            format_amount(w.amount),
            "tak" if w.full else "nie",
            w.decision_ref,
        ]


async def _awards(session: AsyncSession, _today: date) -> AsyncIterator[list[str]]:
    stmt = select(
        AlimonyAward,
        _key("alimenty_zasadzone", AlimonyAward.id),
        _key("dluznicy", AlimonyAward.debtor_id),
    ).order_by(AlimonyAward.id)
    async for a, key, dkey in ImportRepository(session).stream(stmt):
        yield [
            _k(key, "az", a.id),
            _k(dkey, "d", a.debtor_id),
            a.entitled_name,
            _s(a.valid_from),
            format_amount(a.monthly_amount),
        ]


async def _payouts(session: AsyncSession, _today: date) -> AsyncIterator[list[str]]:
    stmt = select(
        AlimonyPayout,
        _key("alimenty_wyplaty", AlimonyPayout.id),
        _key("naleznosci", AlimonyPayout.receivable_id),
    ).order_by(AlimonyPayout.id)
    async for p, key, rkey in ImportRepository(session).stream(stmt):
        yield [
            _k(key, "aw", p.id),
            _k(rkey, "n", p.receivable_id),
            _s(p.paid_on),
            format_amount(p.amount),
            p.entitled_name,
            p.claim,
        ]


async def _recoveries(session: AsyncSession, _today: date) -> AsyncIterator[list[str]]:
    stmt = select(
        AlimonyRecovery,
        _key("alimenty_odzyskane", AlimonyRecovery.id),
        _key("dluznicy", AlimonyRecovery.debtor_id),
    ).order_by(AlimonyRecovery.id)
    async for a, key, dkey in ImportRepository(session).stream(stmt):
        yield [
            _k(key, "ao", a.id),
            _k(dkey, "d", a.debtor_id),
            _s(a.received_on),
            format_amount(a.amount),
            a.source,
            _s(a.reference),
        ]


async def _tranches(session: AsyncSession, _today: date) -> AsyncIterator[list[str]]:
    stmt = select(
        ReceivableTranche,
        _key("wyplaty_naleznosci", ReceivableTranche.id),
        _key("naleznosci", ReceivableTranche.receivable_id),
    ).order_by(ReceivableTranche.id)
    async for t, key, rkey in ImportRepository(session).stream(stmt):
        yield [
            _k(key, "wn", t.id),
            _k(rkey, "n", t.receivable_id),
            str(t.number),
            _s(t.paid_out_on),
            format_amount(t.amount),
        ]


async def _amendments(session: AsyncSession, _today: date) -> AsyncIterator[list[str]]:
    stmt = select(
        ReceivableAmendment,
        _key("zmiany_decyzji", ReceivableAmendment.id),
        _key("naleznosci", ReceivableAmendment.receivable_id),
    ).order_by(ReceivableAmendment.id)
    async for a, key, rkey in ImportRepository(session).stream(stmt):
        yield [
            _k(key, "zd", a.id),
            _k(rkey, "n", a.receivable_id),
            a.kind,
            _s(a.effective_on),
            format_amount(a.old_principal),
            format_amount(a.new_principal),
            a.reason,
        ]


WRITERS: dict[str, Callable[[AsyncSession, date], AsyncIterator[list[str]]]] = {
    "dluznicy": _debtors,
    "naleznosci": _receivables,
    "dokumenty": _documents,
    "tytuly": _titles,
    "meldunki": _reports,
    "wplaty": _payments,
    "raty": _instalments,
    "umorzenia": _write_offs,
    "alimenty_zasadzone": _awards,
    "alimenty_wyplaty": _payouts,
    "alimenty_odzyskane": _recoveries,
    "wyplaty_naleznosci": _tranches,
    "zmiany_decyzji": _amendments,
}


async def _write_sheet(session: AsyncSession, name: str, today: date, target: IO[str]) -> int:
    target.write("\ufeff")  # Excel opens UTF-8 CSV with the mark only
    _rows(target, [SHEET[name].header])
    count = 0
    buffer: list[list[str]] = []
    async for row in WRITERS[name](session, today):
        buffer.append(row)
        count += 1
        if len(buffer) == BATCH:
            _rows(target, buffer)
            buffer = []
    _rows(target, buffer)
    return count


def _rows(target: IO[str], rows: list[list[str]]) -> None:
    csv.writer(target, delimiter=DELIMITER, lineterminator="\r\n").writerows(rows)


async def to_directory(session: AsyncSession, directory: Path, today: date) -> dict[str, int]:
    directory.mkdir(parents=True, exist_ok=True)
    counts = {}
    for name in WRITERS:
        with (directory / f"{name}.csv").open("w", encoding="utf-8", newline="") as f:
            counts[name] = await _write_sheet(session, name, today, f)
    return counts


async def to_zip(session: AsyncSession, target: IO[bytes], today: date) -> dict[str, int]:
    counts = {}
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zf:
        for name in WRITERS:
            with zf.open(f"{name}.csv", "w") as raw:
                text = io.TextIOWrapper(raw, encoding="utf-8", newline="")
                counts[name] = await _write_sheet(session, name, today, text)
                text.flush()
                text.detach()
    return counts


def _typed(ws: Any, column: Column, text: str) -> object:
    """A cell of the workbook: what Excel can sum or sort as what it is."""
    if not text:
        return None
    if column.kind in ("amount", "amount0"):
        cell = WriteOnlyCell(ws, value=Decimal(text))
        cell.number_format = "0.00"
        return cell
    if column.kind in ("date", "term"):
        cell = WriteOnlyCell(ws, value=date.fromisoformat(text))
        cell.number_format = "yyyy-mm-dd"
        return cell
    if column.kind == "int":
        return int(text)
    return text


async def to_xlsx(session: AsyncSession, target: IO[bytes] | Path, today: date) -> dict[str, int]:
    wb = Workbook(write_only=True)
    counts = {}
    for name in WRITERS:
        ws = wb.create_sheet(name)
        columns = SHEET[name].columns
        ws.append(SHEET[name].header)
        count = 0
        async for row in WRITERS[name](session, today):
            ws.append([_typed(ws, c, v) for c, v in zip(columns, row, strict=True)])
            count += 1
        counts[name] = count
    wb.save(target)
    return counts
