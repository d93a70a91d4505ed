"""The receivable list a specialist works from (issue 19 item 2): search, filters, sorting in
Polish alphabetical order and keyset pagination. A view (a query), like the folders.

Keyset pagination: each page asks for the rows after the last one shown, `(sort value, id) >
(last value, last id)`, so page 20,000 costs what page 1 costs; OFFSET would read and throw
away every earlier row. The name order is the stored Polish sort key (app/domain/collation.py),
indexed with the id (ix_debtor_name_key)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Date,
    Select,
    and_,
    case,
    literal_column,
    or_,
    select,
    tuple_,
    union,
)
from sqlalchemy.ext.asyncio import AsyncSession

from app.domain.collation import fold
from app.domain.lifecycle import OPEN_STATES, State
from app.models import (
    Debtor,
    DebtorName,
    Deferral,
    Document,
    Payment,
    Receivable,
    ReceivableAmendment,
    ReceivableKind,
    ReceivableTranche,
    WriteOff,
)
from app.models.receivable import DEADLINE_KEY
from app.receivables.figures import Rows
from app.receivables.state_today import in_state, not_barred, open_today, state_today

PAGE = 50
EXPORT_LIMIT = 5000  # rows in one export file; a larger list is narrowed by its filters
FAR = date(9999, 12, 31)  # a missing deadline sorts last
_OPEN = [s.value for s in OPEN_STATES]


def deadline(today: date) -> ColumnElement[date]:
    """The next date the file turns on as of today (its state as of today, as the card shows
    it): the payment term of a wezwanie, the 7 days of an upomnienie, otherwise the limitation
    date (the last day to act); none once time-barred or closed."""
    r = Receivable
    term_runs = r.payment_term_ends_on >= today
    return case(
        (~open_today(today), None),
        (and_(r.state == State.WYSTAWIONA, term_runs), r.payment_term_ends_on),
        # Wystawiona, its term ended: wymagalna, the last day is limitation's; no term yet
        # (no delivery recorded): none.
        (
            r.state == State.WYSTAWIONA,
            case((r.payment_term_ends_on.is_(None), None), else_=r.time_barred_from),
        ),
        (r.state == State.UPOMNIENIE, r.reminder_term_ends_on),
        else_=r.time_barred_from,
    )


@dataclass(frozen=True)
class SortSpec:
    label: str
    column: Callable[[date], Any]  # a column or an expression, as of today
    parse: Callable[[str], Any]


SORTS: dict[str, SortSpec] = {
    "nazwisko": SortSpec("zobowiązany (alfabetycznie)", lambda _today: Debtor.name_key, str),
    "kwota": SortSpec("kwota główna", lambda _today: Receivable.principal, int),
    "termin": SortSpec(
        "najbliższy termin",
        # The stored state's deadline with the far future for none, as SQL text: the index's
        # very expression (an index cannot hold "as of today"). It differs from the deadline
        # shown only for files the night's sweep has not moved yet (a payment term that ended
        # since): they sort by that term, among the first, as the overdue ones they are.
        lambda _today: literal_column(DEADLINE_KEY, Date),
        date.fromisoformat,
    ),
    "wystawiono": SortSpec(
        "data wystawienia", lambda _today: Receivable.issued_on, date.fromisoformat
    ),
    "stan": SortSpec("stan", state_today, str),  # as of today, as shown
}


@dataclass(frozen=True)
class ListQuery:
    q: str = ""
    kind: str | None = None
    state: str | None = None
    min_amount: int | None = None  # grosze, principal
    max_amount: int | None = None
    overdue_days: int | None = None  # at least this many days after the payment term
    sort: str = "nazwisko"
    descending: bool = False
    after: str | None = None  # the cursor: "<sort value>~<id>" of the last row shown


@dataclass(frozen=True)
class ListRow:
    receivable: Receivable
    debtor_id: int
    debtor_name: str
    kind_label: str
    deadline: date | None  # as of today (shown)
    state: str  # as of today (state_today): what the card shows
    sort_deadline: date | None = None  # the stored one the "termin" order and its cursor use

    def overdue_days(self, today: date) -> int | None:
        term = self.receivable.payment_term_ends_on
        if term is None or term >= today or self.state not in _OPEN:
            return None
        return (today - term).days


def cursor_of(row: ListRow, sort: str) -> str:
    r = row.receivable
    value: Any = {
        "nazwisko": "",  # the key is read back by the id (it is no text for a URL)
        "kwota": r.principal,
        "termin": row.sort_deadline or FAR,
        "wystawiono": r.issued_on,
        "stan": row.state,
    }[sort]
    return f"{value.isoformat() if isinstance(value, date) else value}~{r.id}"


class BadCursor(ValueError):
    pass


def _parse_cursor(spec: SortSpec, cursor: str) -> tuple[Any, int]:
    value, sep, rid = cursor.rpartition("~")
    try:
        if not sep:
            raise ValueError(cursor)
        parsed, number = spec.parse(value), int(rid)
    except ValueError:
        raise BadCursor(cursor) from None
    # Within the columns' ranges (an id is INTEGER, an amount BIGINT): else no such row.
    if not 0 < number < 2**31 or (isinstance(parsed, int) and not -(2**63) < parsed < 2**63):
        raise BadCursor(cursor)
    return parsed, number


async def identified(session: AsyncSession, q: str) -> list[int]:
    """Receivables named exactly by the query: their case reference, the number of one of their
    documents (UP/1/2025, TW/UM/1/2025) or a bank transfer's reference (each indexed)."""
    text = q.strip()
    if not text or len(text) > 140:
        return []
    found = union(
        select(Receivable.id).where(Receivable.reference == text),
        select(Document.receivable_id).where(Document.number == text.upper()),
        select(Payment.receivable_id).where(Payment.reference == text),
    ).limit(1000)
    return sorted({int(i) for i in await session.scalars(found)})


def _filters(query: ListQuery, today: date, ids: list[int]) -> list[ColumnElement[bool]]:
    r, d = Receivable, Debtor
    where: list[ColumnElement[bool]] = []
    q = query.q.strip()
    if ids:
        where.append(r.id.in_(ids))
    elif q.isdigit():
        where.append(or_(d.pesel.like(f"{q}%"), d.nip.like(f"{q}%")))
    if query.kind:
        where.append(r.kind_code == query.kind)
    if query.state:
        where.append(in_state(query.state, today))
    if query.min_amount is not None:
        where.append(r.principal >= query.min_amount)
    if query.max_amount is not None:
        where.append(r.principal <= query.max_amount)
    if query.overdue_days is not None:
        where.append(
            and_(
                r.state.in_(_OPEN),
                not_barred(today),
                r.payment_term_ends_on <= today - timedelta(days=query.overdue_days),
            )
        )
    return where


def _name_filter(query: ListQuery, ids: list[int]) -> ColumnElement[bool] | None:
    """A name fragment without diacritics, when the query is not a number nor an identifier."""
    q = query.q.strip()
    if ids or not q or q.isdigit():
        return None
    return DebtorName.name_folded.like(f"%{_escape(fold(q))}%", escape="\\")


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def statement(
    query: ListQuery, today: date, ids: list[int], limit: int, name_key: str | None = None
) -> Select[Receivable, int, str, str, date, str, date]:
    """One page. `name_key`: the sort key of the last row shown, for a page after it in name
    order (page() reads it by the row's id: a cursor in the URL carries no key)."""
    spec = SORTS.get(query.sort, SORTS["nazwisko"])
    key = spec.column(today)
    stmt = (
        select(
            Receivable,
            Debtor.id,
            Debtor.name,
            ReceivableKind.label,
            deadline(today),
            state_today(today),
            literal_column(DEADLINE_KEY, Date),
        )
        .join(Debtor, Debtor.id == Receivable.debtor_id)
        .join(ReceivableKind, ReceivableKind.code == Receivable.kind_code)
        .where(*_filters(query, today, ids))
    )
    if (name := _name_filter(query, ids)) is not None:
        # Every match through the trigram index first, then the first ones by name: left to
        # itself PostgreSQL walks the name index in order and filters, which for a name late in
        # the alphabet reads nearly all of it (as app/debtors/repository.py, 1M benchmark).
        # The matches and their sort keys come from the narrow debtor_name table (filled in
        # name order): ~180 pages for "zolk", not ~7,500 of debtor (app/models/debtor_name.py).
        found = (
            select(DebtorName.debtor_id.label("id"), DebtorName.name_key.label("name_key"))
            .where(name)
            .cte("found")
            .prefix_with("MATERIALIZED", dialect="postgresql")
        )
        if query.sort in ("nazwisko", ""):
            # In name order, the matched debtors are sorted first (their keys only: 18,500 for
            # "zolk" of 1M receivables) and their receivables read one debtor after another
            # until the page is full: the page's order is the debtors' order (an incremental
            # sort by id within one name), so a page reads the receivables of ~20 debtors, not
            # of all 18,500 (EXPLAIN ANALYZE in benchmarks/receivable_list.py).
            direction = (found.c.name_key.desc(), found.c.id.desc())
            ordered = select(found.c.id, found.c.name_key).order_by(
                *(direction if query.descending else (found.c.name_key, found.c.id))
            )
            in_order = ordered.subquery("in_order")
            stmt = stmt.join(in_order, in_order.c.id == Debtor.id)
            key = in_order.c.name_key
        else:
            stmt = stmt.join(found, found.c.id == Debtor.id)
    if query.after:
        value, rid = _parse_cursor(spec, query.after)
        if query.sort == "nazwisko":
            value = name_key or ""
        last = tuple_(key, Receivable.id)
        stmt = stmt.where(
            # The plain bound lets the planner start the name (or amount …) index at the
            # cursor; the row comparison then skips the rows of the same key already shown.
            key <= value if query.descending else key >= value,
            last < tuple_(value, rid) if query.descending else last > tuple_(value, rid),
        )
    order = (key.desc(), Receivable.id.desc()) if query.descending else (key, Receivable.id)
    return stmt.order_by(*order).limit(limit)


async def page(
    session: AsyncSession, query: ListQuery, today: date, limit: int = PAGE
) -> list[ListRow]:
    ids = await identified(session, query.q) if query.q.strip() else []
    name_key = None
    if query.after and query.sort in ("nazwisko", ""):
        _value, rid = _parse_cursor(SORTS["nazwisko"], query.after)
        name_key = await session.scalar(
            select(Debtor.name_key).join(Receivable).where(Receivable.id == rid)
        )
    rows = await session.execute(statement(query, today, ids, limit, name_key))
    return [
        ListRow(r, did, name, label, day, state, _day(key))
        for r, did, name, label, day, state, key in rows.all()
    ]


def _day(value: date | str | None) -> date | None:
    """The stored deadline key (SQLite gives the text of its COALESCE back)."""
    return date.fromisoformat(value) if isinstance(value, str) else value


async def rows_of_many(session: AsyncSession, ids: list[int]) -> dict[int, Rows]:
    """The money rows of every receivable on a page in six statements, in the order
    ReceivableRepository reads them for one (the balance column: 6 queries, not 300). The
    limitation facts are left out: the balance does not depend on them."""
    out = {i: Rows([], [], [], [], [], [], []) for i in ids}
    if not ids:
        return out
    payments = select(Payment).where(Payment.receivable_id.in_(ids))
    for p in await session.scalars(payments.order_by(Payment.paid_on, Payment.id)):
        out[p.receivable_id].payments.append(p)
    for d in await session.scalars(
        select(Document).where(Document.receivable_id.in_(ids)).order_by(Document.id)
    ):
        out[d.receivable_id].documents.append(d)
    write_offs = select(WriteOff).where(WriteOff.receivable_id.in_(ids))
    for w in await session.scalars(write_offs.order_by(WriteOff.decided_on, WriteOff.id)):
        out[w.receivable_id].write_offs.append(w)
    tranches = select(ReceivableTranche).where(ReceivableTranche.receivable_id.in_(ids))
    for t in await session.scalars(tranches.order_by(ReceivableTranche.number)):
        out[t.receivable_id].tranches.append(t)  # several payouts (issue 16 item 4)
    amendments = select(ReceivableAmendment).where(ReceivableAmendment.receivable_id.in_(ids))
    for a in await session.scalars(
        amendments.order_by(ReceivableAmendment.effective_on, ReceivableAmendment.id)
    ):
        out[a.receivable_id].amendments.append(a)  # amended decisions (issue 20)
    deferrals = select(Deferral).where(
        Deferral.receivable_id.in_(ids), Deferral.outcome == "odroczenie"
    )
    for d in await session.scalars(deferrals.order_by(Deferral.decided_on, Deferral.id)):
        out[d.receivable_id].deferrals.append(d)  # deferred terms (issue 20 item 3)
    return out
