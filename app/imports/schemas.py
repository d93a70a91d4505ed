"""The import report as the API returns it and as the CLI prints it (amounts "123.45")."""

from __future__ import annotations

from datetime import date

from app.domain.lifecycle import State
from app.domain.money import format_amount
from app.domain.portfolio_sheets import SHEET
from app.imports.service import Report
from app.schemas import Schema


class IssueRead(Schema):
    sheet: str
    line: int
    column: str
    message: str


class MismatchRead(Schema):
    line: int
    receivable_id: int
    declared_balance: str | None
    balance: str
    declared_interest: str | None
    interest: str


class FiguresRead(Schema):
    receivables: int
    principal: str
    balance: str
    interest: str
    costs: str
    states: dict[str, int]
    time_barred: int
    barred_by_year_end: int
    declared_balance: str
    balance_of_declared: str
    declared_interest: str
    interest_of_declared: str
    mismatch_count: int
    mismatches: list[MismatchRead]
    barred_soon: list[BarredRead]


class BarredRead(Schema):
    line: int  # the line of naleznosci.csv (0: a receivable imported before)
    receivable_id: int
    time_barred_from: date


class CounterRead(Schema):
    kind: str
    scope: str
    year: int
    value: int


class ReportRead(Schema):
    file_name: str
    dry_run: bool
    as_of: date
    ok: bool
    error_count: int
    errors: list[IssueRead]
    duplicates: list[str]
    created: dict[str, int]
    skipped: dict[str, int]
    counters: list[CounterRead]
    figures: FiguresRead | None

    @classmethod
    def of(cls, r: Report) -> ReportRead:
        f = r.figures
        return cls(
            file_name=r.file_name,
            dry_run=r.dry_run,
            as_of=r.today,
            ok=r.ok,
            error_count=r.error_count,
            errors=[
                IssueRead(sheet=i.sheet, line=i.line, column=i.column, message=i.message)
                for i in r.errors
            ],
            duplicates=r.duplicates,
            created=r.created if r.ok else {},
            skipped=r.skipped,
            counters=[CounterRead(kind=k, scope=s, year=y, value=v) for k, s, y, v in r.counters],
            figures=None
            if f is None
            else FiguresRead(
                receivables=f.receivables,
                principal=format_amount(f.principal),
                balance=format_amount(f.balance),
                interest=format_amount(f.interest),
                costs=format_amount(f.costs),
                states=dict(f.states),
                time_barred=f.time_barred,
                barred_by_year_end=f.barred_by_year_end,
                declared_balance=format_amount(f.declared_balance),
                balance_of_declared=format_amount(f.balance_of_declared),
                declared_interest=format_amount(f.declared_interest),
                interest_of_declared=format_amount(f.interest_of_declared),
                mismatch_count=f.mismatch_count,
                mismatches=[
                    MismatchRead(
                        line=m.line,
                        receivable_id=m.receivable_id,
                        declared_balance=_opt(m.declared_balance),
                        balance=format_amount(m.balance),
                        declared_interest=_opt(m.declared_interest),
                        interest=format_amount(m.interest),
                    )
                    for m in f.mismatches
                ],
                barred_soon=[
                    BarredRead(line=line, receivable_id=rid, time_barred_from=day)
                    for line, rid, day in f.barred_soon
                ],
            ),
        )


def _opt(value: int | None) -> str | None:
    return None if value is None else format_amount(value)


STATE_LABELS = {s.value: s.value.replace("_", " ") for s in State}


def report_lines(r: Report) -> list[str]:
    """The report as text lines, in Polish (the CLI)."""
    head = "Próba (nic nie zapisano)" if r.dry_run else "Import"
    if not r.ok:
        out = [f"{head}: {r.error_count} błędów, nic nie zapisano."]
        out += [i.text() for i in r.errors]
        if r.error_count > len(r.errors):
            out.append(f"… i {r.error_count - len(r.errors)} dalszych błędów")
        return out + _duplicates(r)
    out = [f"{head} pliku {r.file_name}, stan na {r.today.isoformat()}:"]
    for name, n in r.created.items():
        if n or r.skipped.get(name):
            skipped = (
                f" (pominięte, już zaimportowane: {r.skipped[name]})" if r.skipped.get(name) else ""
            )
            out.append(f"  {SHEET[name].label}: {n} do utworzenia{skipped}")
    out += _duplicates(r)
    f = r.figures
    if f is not None:
        out.append(
            f"Należności: {f.receivables}, kwota główna {format_amount(f.principal)} zł, saldo "
            f"{format_amount(f.balance)} zł, odsetki {format_amount(f.interest)} zł, koszty "
            f"{format_amount(f.costs)} zł"
        )
        out.append(
            "Stany: "
            + ", ".join(f"{STATE_LABELS.get(s, s)} {n}" for s, n in sorted(f.states.items()))
        )
        out.append(
            f"Przedawnione: {f.time_barred}; przedawnią się do 31 grudnia: {f.barred_by_year_end}"
        )
        if f.declared_balance or f.declared_interest:
            out.append(
                f"Deklarowane saldo {format_amount(f.declared_balance)} zł, wyliczone "
                f"{format_amount(f.balance_of_declared)} zł; deklarowane odsetki "
                f"{format_amount(f.declared_interest)} zł, wyliczone "
                f"{format_amount(f.interest_of_declared)} zł; różnice: {f.mismatch_count}"
            )
    for kind, scope, year, value in r.counters:
        out.append(f"Numeracja {kind} {scope + ' ' if scope else ''}{year}: dalej od {value + 1}")
    return out


def _duplicates(r: Report) -> list[str]:
    return [f"Możliwy duplikat: {d}" for d in r.duplicates]
