"""The receivable list (issue 19 item 2): search without diacritics and by case, document or
transfer number; filters by kind, state, amount and days overdue; Polish alphabetical order;
keyset pages; tick-boxes to issue reminders for the selected receivables; the same list as CSV
or XLSX. Mounted before the card's router: "/naleznosci/upomnienia" is not a receivable id."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response
from pydantic import Field
from sqlalchemy.ext.asyncio import AsyncSession

from app import spreadsheet
from app.audit import service as audit_service
from app.auth.deps import SessionDep, who
from app.deps import TodayDep
from app.domain.labels import STATE_LABELS
from app.domain.lifecycle import State
from app.receivables import bulk, listing, service
from app.receivables import figures as figures_mod
from app.web.forms import Day, WebForm, read_form, see_other, web_amount
from app.web.session import Collector, Reader, flash, verify_csrf
from app.web.templating import pl_date, render

router = APIRouter(dependencies=[Depends(verify_csrf)], include_in_schema=False)
HEADER = (
    "Zobowiązany",
    "Należność",
    "Rodzaj",
    "Znak sprawy",
    "Stan",
    "Wystawiono",
    "Najbliższy termin",
    "Dni po terminie płatności",
    "Kwota główna (zł)",
    "Saldo na dziś (zł)",
)
_PARAMS = ("q", "rodzaj", "stan", "od", "do", "dni", "sort", "kier")


@dataclass
class Filters:
    """What the list's GET form sent, as typed, and the query it makes (with the messages of the
    fields that could not be read: the list is shown without them)."""

    raw: dict[str, str]
    query: listing.ListQuery
    errors: dict[str, str]

    def url(self, **extra: str) -> str:
        values = {k: v for k, v in (self.raw | extra).items() if v}
        return "/naleznosci" + ("?" + urlencode(values) if values else "")

    def sort_url(self, code: str) -> str:
        """A column heading's link: sort by it, ascending; again: descending."""
        again = self.query.sort == code and not self.query.descending
        return self.url(sort=code, kier="malejaco" if again else "")

    def aria_sort(self, code: str) -> str:
        if self.query.sort != code:
            return "none"
        return "descending" if self.query.descending else "ascending"


def _amount(raw: str, name: str, errors: dict[str, str]) -> int | None:
    if not raw:
        return None
    try:
        return int(web_amount(raw))
    except ValueError as exc:
        errors[name] = f"Kwota „{raw}”: {exc}"
        return None


def read_filters(request: Request, kinds: set[str]) -> Filters:
    # NUL never reaches the database (PostgreSQL refuses it in text): dropped like whitespace.
    raw = {k: request.query_params.get(k, "").replace("\x00", "").strip()[:200] for k in _PARAMS}
    errors: dict[str, str] = {}
    days = None
    if raw["dni"]:
        if raw["dni"].isdigit() and int(raw["dni"]) <= 100_000:
            days = int(raw["dni"])
        else:
            errors["dni"] = f"Liczba dni „{raw['dni']}”: podaj liczbę całkowitą dni, np. 30"
    sort = raw["sort"] if raw["sort"] in listing.SORTS else "nazwisko"
    query = listing.ListQuery(
        q=raw["q"],
        kind=raw["rodzaj"] if raw["rodzaj"] in kinds else None,
        state=raw["stan"] if raw["stan"] in STATE_LABELS else None,
        min_amount=_amount(raw["od"], "od", errors),
        max_amount=_amount(raw["do"], "do", errors),
        overdue_days=days,
        sort=sort,
        descending=raw["kier"] == "malejaco",
        after=request.query_params.get("po", "").replace("\x00", "")[:200] or None,
    )
    return Filters(raw, query, errors)


async def _balances(
    session: AsyncSession, rows: list[listing.ListRow], today: date
) -> dict[int, int]:
    """The balance as of today of each row shown (the card's figures: interest and costs)."""
    rules = {k.code: k for k in await service.kinds(session)}
    money = await listing.rows_of_many(session, [row.receivable.id for row in rows])
    out = {}
    for row in rows:
        r = row.receivable
        figures = await figures_mod.figures_of(session, r, rules[r.kind_code], today, money[r.id])
        out[r.id] = figures.balance
    return out


async def _rows(
    session: AsyncSession, filters: Filters, today: date, limit: int
) -> list[listing.ListRow]:
    try:
        return await listing.page(session, filters.query, today, limit)
    except listing.BadCursor:
        filters.errors["po"] = "Nieprawidłowy adres strony listy: pokazano pierwszą stronę."
        filters.query = listing.ListQuery(**{**filters.query.__dict__, "after": None})
        return await listing.page(session, filters.query, today, limit)


def _cells(row: listing.ListRow, balance: int, today: date) -> list[spreadsheet.Cell]:
    r = row.receivable
    return [
        row.debtor_name,
        r.title,
        row.kind_label,
        r.reference,
        STATE_LABELS.get(row.state, row.state),
        r.issued_on,
        row.deadline,
        row.overdue_days(today),
        Decimal(r.principal) / 100,
        Decimal(balance) / 100,
    ]


async def _export(session: AsyncSession, filters: Filters, today: date, kind: str) -> Response:
    rows = await _rows(session, filters, today, listing.EXPORT_LIMIT)
    balances = await _balances(session, rows, today)
    table = [_cells(row, balances[row.receivable.id], today) for row in rows]
    name = f"naleznosci-{today.isoformat()}"
    if kind == "xlsx":
        content = spreadsheet.to_xlsx("Należności", HEADER, table)
        media = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    else:
        content, media = spreadsheet.to_csv(HEADER, table), "text/csv; charset=utf-8"
    disposition = f'attachment; filename="{name}.{kind}"'
    return Response(content, media_type=media, headers={"Content-Disposition": disposition})


@router.get("/naleznosci")
async def receivable_list(
    request: Request, session: SessionDep, user: Reader, today: TodayDep
) -> Response:
    """Every receivable, searched, filtered and sorted; a page of 50 at a time, or a file."""
    kinds = await service.kinds(session)
    filters = read_filters(request, {k.code for k in kinds})
    export = request.query_params.get("eksport", "")
    if export in ("csv", "xlsx"):
        # An export of many debtors' data: who took it, and with which filters (issue 15 item 12).
        what = f"eksport listy należności ({export.upper()})"
        subject = filters.url()
        await audit_service.record(
            session, who(request, user), audit_service.DATA_READ, subject, co=what
        )
        return await _export(session, filters, today, export)
    rows = await _rows(session, filters, today, listing.PAGE + 1)
    shown = rows[: listing.PAGE]
    more = len(rows) > listing.PAGE
    after = listing.cursor_of(shown[-1], filters.query.sort) if more else ""
    return render(
        request,
        "receivables/list.html",
        {
            "filters": filters,
            "f": filters.raw,
            "rows": shown,
            "balances": await _balances(session, shown, today),
            "next_url": filters.url(po=after) if more else None,
            "first_url": filters.url() if filters.query.after else None,
            "csv_url": filters.url(eksport="csv"),
            "xlsx_url": filters.url(eksport="xlsx"),
            "kinds": [(k.code, k.label) for k in kinds],
            "states": list(STATE_LABELS.items()),
            "sorts": [(code, s.label) for code, s in listing.SORTS.items()],
            "export_limit": listing.EXPORT_LIMIT,
            "reminder_state": State.WYMAGALNA.value,
            "back": request.url.path + (f"?{request.url.query}" if request.url.query else ""),
        },
        422 if filters.errors else 200,
    )


class SelectedRemindersForm(WebForm):
    issued_on: Day
    back: str = Field(default="/naleznosci", max_length=2000)


@router.post("/naleznosci/upomnienia")
async def remind_selected(
    request: Request, session: SessionDep, user: Collector, today: TodayDep
) -> Response:
    """Issue an upomnienie for each ticked receivable; one that cannot have one (its term has
    not passed, a reminder runs) is named with the reason and the others are issued."""
    raw = await request.form()
    ids = sorted({int(v) for v in raw.getlist("ids") if isinstance(v, str) and v.isdigit()})
    form, data = await read_form(request, SelectedRemindersForm, "wybrane")
    back = data.back if data and data.back.startswith("/naleznosci") else "/naleznosci"
    if data is None:
        flash(request, "Nie wystawiono upomnień: " + "; ".join(form.errors.values()), "error")
        return see_other(back)
    if not ids:
        flash(request, "Zaznacz należności, dla których wystawić upomnienia.", "error")
        return see_other(back)
    if data.issued_on > today:
        flash(request, f"Data wystawienia {pl_date(data.issued_on)} jest z przyszłości.", "error")
        return see_other(back)
    done = await bulk.remind(session, ids, data.issued_on, user.username, today)
    if done.issued:
        numbers = ", ".join(d.number for d in done.issued)
        flash(request, f"Wystawiono upomnienia z dniem {pl_date(data.issued_on)}: {numbers}.")
    if done.refused:
        reasons = "; ".join(f"należność nr {rid}: {why}" for rid, why in done.refused)
        flash(request, f"Nie wystawiono: {reasons}.", "error")
    return see_other(back)
