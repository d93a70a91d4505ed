"""The chief accountant's quarter (issue 22): Rb-N, Rb-27S, turnover and balances, aging.

Gather (app/reports/book.refresh keeps the allocated book current; the repository sums it) →
decide (app/domain/statements) → the API, the page and the printouts read the same dataclasses."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from app.domain.kinds import AllocationRule
from app.domain.parameters import ParameterRow, ParameterTable
from app.domain.statements import (
    FA_COMMUNE_SHARE,
    FA_COMMUNE_SHARE_INTEREST,
    FA_STATE_SHARE,
    FA_STATE_SHARE_INTEREST,
    Bucket,
    Movements,
    Rb27Cells,
    aging_buckets,
    month_ends,
    rb27_cells,
    share_periods,
    split_recovery,
    total,
)
from app.errors import Invalid
from app.reports import book
from app.reports.repository import MovementRow, NominalRow, StatementRepository

COMPONENT_LABELS = {"principal": "należność główna", "interest": "odsetki", "costs": "koszty"}


@dataclass(frozen=True)
class RbN:
    as_of: date
    nominal: int
    due: int
    count: int
    due_count: int
    by_kind: list[NominalRow]


async def rb_n(session: AsyncSession, as_of: date) -> RbN:
    """Rb-N (rozporządzenie MF z 17.12.2020 w sprawie sprawozdawczości budżetowej, załącznik
    nr 36 — instrukcja do Rb-N): należności in their nominal value (principal only, without
    interest and costs), and of them the due ones (wymagalne: past their term, neither
    time-barred nor written off), per kind with the kind's classification."""
    await book.refresh(session)
    rows = await StatementRepository(session).nominal(as_of)
    return RbN(
        as_of,
        sum(r.nominal for r in rows),
        sum(r.due for r in rows),
        sum(r.count for r in rows),
        sum(r.due_count for r in rows),
        rows,
    )


async def rb_n_receivables(
    session: AsyncSession,
    as_of: date,
    kind: str | None,
    only_due: bool,
    limit: int = 200,
    offset: int = 0,
) -> list[Any]:
    await book.refresh(session)
    rows = await StatementRepository(session).nominal_receivables(
        as_of, kind, only_due, limit, offset
    )
    return list(rows)


@dataclass(frozen=True)
class AgingBucket:
    label: str
    count: int
    amount: int
    by_kind: dict[str, tuple[int, int]] = field(default_factory=dict)


@dataclass(frozen=True)
class Aging:
    as_of: date
    buckets: list[AgingBucket]


async def aging(session: AsyncSession, as_of: date, *, refresh: bool = True) -> Aging:
    """Due receivables (principal) by days past due on `as_of`, by kind."""
    if refresh:
        await book.refresh(session)
    buckets = aging_buckets(as_of)
    found = await StatementRepository(session).aging(as_of, buckets)
    return _aging_of(as_of, buckets, found)


def _aging_of(as_of: date, buckets: Sequence[Bucket], found: list[Any]) -> Aging:
    """The buckets of (kind, bucket index, count, principal) groups; index < 0: no bucket."""
    per: dict[int, dict[str, tuple[int, int]]] = defaultdict(dict)
    for kind, index, count, amount in found:
        if index >= 0:
            c, a = per[index].get(kind, (0, 0))
            per[index][kind] = (c + count, a + amount)
    return Aging(
        as_of,
        [
            AgingBucket(
                b.label,
                sum(c for c, _ in per[i].values()),
                sum(a for _, a in per[i].values()),
                per[i],
            )
            for i, b in enumerate(buckets)
        ],
    )


async def aging_history(session: AsyncSession, until: date, months: int = 12) -> list[Aging]:
    """How the buckets moved: the aging as of each month end up to `until`."""
    await book.refresh(session)
    return [await aging(session, day, refresh=False) for day in month_ends(until, months)]


async def near_limitation(
    session: AsyncSession, as_of: date, months: int = 6, limit: int = 500
) -> list[Any]:
    """Receivables that become time-barred within `months` after `as_of`: the window in which a
    reminder or an enforcement measure must still be taken (rozporządzenie MF z 18.11.2020,
    Dz.U. 2020 poz. 2083, §3: the reminder before the last 6 months before limitation)."""
    await book.refresh(session)
    month = as_of.month - 1 + months
    year = as_of.year + month // 12
    until = _same_day(year, month % 12 + 1, as_of.day)
    rows = await StatementRepository(session).near_limitation(as_of, until, limit)
    return list(rows)


def _same_day(year: int, month: int, day: int) -> date:
    while True:
        try:
            return date(year, month, day)
        except ValueError:
            day -= 1


@dataclass(frozen=True)
class TurnoverRow:
    key: str
    label: str
    component: str
    movements: Movements


@dataclass(frozen=True)
class Turnover:
    start: date
    end: date
    kind: str | None
    total: Movements
    rows: list[TurnoverRow]
    overdue: int = 0
    next_after: int | None = None  # per debtor, paged: the key of the next page (None: last)


def _moved(r: MovementRow) -> bool:
    m = _movements(r)
    return any(getattr(m, f) for f in Movements.__slots__)


def _check_period(start: date, end: date) -> None:
    if end < start:
        raise Invalid("Koniec okresu jest wcześniejszy niż jego początek", field="to")


def _movements(r: MovementRow) -> Movements:
    return Movements(
        r.opening, r.charges, r.payments, r.write_offs, r.time_barred, r.corrections, r.closing
    )


async def turnover(
    session: AsyncSession,
    start: date,
    end: date,
    *,
    kind: str | None = None,
    by: str = "kind",
    after: int | None = None,
    limit: int | None = None,
) -> Turnover:
    """Obroty i salda of [start, end] per kind (or debtor) and component.

    Per debtor with a `limit`: one keyset page of `limit` debtors after the debtor id `after`,
    and the totals of the whole register (the same sums grouped by kind: every receivable has
    one kind and one debtor, so both groupings add up to the same totals)."""
    _check_period(start, end)
    await book.refresh(session)
    repo = StatementRepository(session)
    if by == "classification":
        return await _turnover_by_classification(repo, start, end, kind)
    paged = by == "debtor" and limit is not None
    rows = await repo.movements(start, end, by=by, kind=kind, after=after, limit=limit)
    out = [TurnoverRow(r.key, r.label, r.component, _movements(r)) for r in rows if _moved(r)]
    if not paged:
        return Turnover(
            start, end, kind, total([r.movements for r in out]), out, sum(r.overdue for r in rows)
        )
    whole = await repo.movements(start, end, by="kind", kind=kind)
    keys = sorted({int(r.key) for r in rows})
    return Turnover(
        start,
        end,
        kind,
        total([_movements(r) for r in whole]),
        out,
        sum(r.overdue for r in whole),
        keys[-1] if limit is not None and len(keys) >= limit else None,
    )


async def _turnover_by_classification(
    repo: StatementRepository, start: date, end: date, kind: str | None
) -> Turnover:
    """Obroty i salda per budget classification (issue 22 item 3): the classification belongs
    to each component of a kind (kind_booking), so the rows per kind and component are summed
    by the dział, rozdział and paragraf their booking gives; a component without a booking is
    listed as such, never dropped."""
    rows = await repo.movements(start, end, by="kind", kind=kind)
    booked = {(b.kind_code, b.component): b for b in await repo.bookings()}
    groups: dict[str, tuple[str, set[str], list[Movements]]] = {}
    for r in rows:
        if not _moved(r):
            continue
        b = booked.get((r.key, r.component))
        key, label = (
            (
                f"{b.dzial}-{b.rozdzial}-{b.paragraf}",
                str(Classification(b.dzial, b.rozdzial, b.paragraf)),
            )
            if b
            else (f"brak-{r.key}-{r.component}", f"bez klasyfikacji: {r.label}")
        )
        _label, components, moved = groups.setdefault(key, (label, set(), []))
        components.add(r.component)
        moved.append(_movements(r))
    out = [
        TurnoverRow(key, label, ",".join(sorted(components)), total(moved))
        for key, (label, components, moved) in sorted(groups.items())
    ]
    return Turnover(
        start, end, kind, total([r.movements for r in out]), out, sum(r.overdue for r in rows)
    )


@dataclass(frozen=True)
class Classification:
    dzial: str
    rozdzial: str
    paragraf: str

    def __str__(self) -> str:
        return f"{self.dzial} {self.rozdzial} § {self.paragraf}"


@dataclass(frozen=True)
class Rb27Row:
    classification: Classification
    label: str
    report: str  # Rb-27S (own income) | Rb-27ZZ (commissioned tasks, the state's share)
    cells: Rb27Cells


@dataclass(frozen=True)
class Rb27:
    start: date
    end: date
    rows: list[Rb27Row]
    unclassified: list[str]


_NONE = Classification("", "", "")


@dataclass(frozen=True)
class FundSplit:
    """How one component of alimony-fund money is divided (u.p.o.u.a. art. 27 ust. 4, as amended
    by the act of 24.07.2015, Dz.U. 2015 poz. 1302): the shares are dated parameters, the
    paragraphs those of the state budget's income on Rb-27ZZ and of the commune's on Rb-27S."""

    state_share: str
    commune_share: str
    state_paragraf: str  # Rb-27ZZ
    commune_paragraf: str  # Rb-27S


# Principal: 60 % state (§ 0980 wpływy z tytułu zwrotów wypłaconych świadczeń z funduszu
# alimentacyjnego), 40 % the commune's own income (§ 2360 dochody jednostek samorządu
# terytorialnego związane z realizacją zadań z zakresu administracji rządowej). Interest: all of it
# is the state budget's (§ 0920 pozostałe odsetki). Costs are not split (the unit's own § 0640).
FUND_SPLITS = {
    "principal": FundSplit(FA_STATE_SHARE, FA_COMMUNE_SHARE, "0980", "2360"),
    "interest": FundSplit(FA_STATE_SHARE_INTEREST, FA_COMMUNE_SHARE_INTEREST, "0920", "2360"),
}


async def rb_27s(session: AsyncSession, start: date, end: date) -> Rb27:
    """Rb-27S per budget classification: each component (principal, interest, costs) of each kind
    under its own paragraph (kind_booking). Alimony-fund principal and interest are split between
    the state budget (Rb-27ZZ) and the commune (Rb-27S) by the dated shares of art. 27 ust. 4
    u.p.o.u.a. (FUND_SPLITS)."""
    _check_period(start, end)
    await book.refresh(session)
    repo = StatementRepository(session)
    rows = [r for r in await repo.movements(start, end, by="kind") if _moved(r)]
    bookings = {(b.kind_code, b.component): b for b in await repo.bookings()}
    art28 = {k.code for k in await repo.kinds() if k.allocation_rule == AllocationRule.ART_28.value}
    cells: dict[tuple[Classification, str, str], list[tuple[Movements, int]]] = defaultdict(list)
    fund: dict[str, list[MovementRow]] = defaultdict(list)
    unclassified = []
    for r in rows:
        b = bookings.get((r.key, r.component))
        if b is None:
            unclassified.append(f"{r.key}/{r.component}")
            cls = _NONE
        else:
            cls = Classification(b.dzial, b.rozdzial, b.paragraf)
        if r.key in art28 and r.component in FUND_SPLITS:
            fund[r.component].append(r)
            continue
        cells[(cls, COMPONENT_LABELS[r.component], "Rb-27S")].append((_movements(r), r.overdue))
    out = [
        Rb27Row(cls, label, report, _cells(items))
        for (cls, label, report), items in sorted(cells.items(), key=lambda x: str(x[0][0]))
    ]
    for component, split in FUND_SPLITS.items():
        if fund[component]:
            out += await _fund_rows(
                session, start, end, component, split, fund[component], bookings
            )
    return Rb27(start, end, out, sorted(set(unclassified)))


def _cells(items: list[tuple[Movements, int]]) -> Rb27Cells:
    return rb27_cells(total([m for m, _ in items]), sum(o for _, o in items))


async def _fund_rows(
    session: AsyncSession,
    start: date,
    end: date,
    component: str,
    split: FundSplit,
    rows: list[MovementRow],
    bookings: dict[tuple[str, str], Any],
) -> list[Rb27Row]:
    """One component of the alimony-fund money, every column split into the state's and the
    commune's part: the money collected by the shares in force on the day it was collected (each
    sub-period of [start, end] summed in SQL), the balances by the shares on the period's end."""
    repo = StatementRepository(session)
    params = [
        ParameterRow(p.code, p.valid_from, p.value, p.source)
        for p in await repo.parameters((split.state_share, split.commune_share))
    ]
    state_t = ParameterTable.of(split.state_share, params)
    commune_t = ParameterTable.of(split.commune_share, params)
    whole = rb27_cells(total([_movements(r) for r in rows]), sum(r.overdue for r in rows))
    keys = {r.key for r in rows}
    collected_state = 0
    for share in share_periods(start, end, state_t, commune_t):
        part = await repo.movements(share.valid_from, share.valid_to, by="kind")
        money = sum(r.payments for r in part if r.key in keys and r.component == component)
        collected_state += split_recovery(money, share.state_percent, share.commune_percent)[0]
    pct = (state_t.value_on(end), commune_t.value_on(end))

    def state_of(amount: int) -> int:
        return split_recovery(amount, *pct)[0]

    state = Rb27Cells(
        state_of(whole.due),
        collected_state,
        state_of(whole.remaining),
        state_of(whole.arrears_net),
        state_of(whole.overpayments),
    )
    commune = Rb27Cells(*(getattr(whole, f) - getattr(state, f) for f in Rb27Cells.__slots__))
    b = next((bookings[(k, component)] for k in sorted(keys) if (k, component) in bookings), None)
    dzial, rozdzial = (b.dzial, b.rozdzial) if b else ("855", "85502")
    label = f"fundusz alimentacyjny, {COMPONENT_LABELS[component]}"
    out = [
        Rb27Row(
            Classification(dzial, rozdzial, split.state_paragraf),
            f"{label} — dochód budżetu państwa ({pct[0]} %)",
            "Rb-27ZZ",
            state,
        )
    ]
    if pct[1] or any(getattr(commune, f) for f in Rb27Cells.__slots__):
        out.append(
            Rb27Row(
                Classification(dzial, rozdzial, split.commune_paragraf),
                f"{label} — dochód własny gminy ({pct[1]} %)",
                "Rb-27S",
                commune,
            )
        )
    return out


@dataclass(frozen=True)
class ChartData:
    """What the pictures show (item 5); the drawings are made in letters/charts.py."""

    as_of: date
    aging: Aging
    by_state: list[tuple[str, int, int]]  # state, count, principal
    months: list[tuple[date, int, int]]  # month end, charges, money received
    recovery: list[tuple[str, int]]  # kind label, basis points collected of what was due


async def chart_data(session: AsyncSession, as_of: date) -> ChartData:
    await book.refresh(session)
    repo = StatementRepository(session)
    ends = month_ends(as_of, 12)
    months = [(date(e.year, e.month, 1), e) for e in ends]
    flows = await repo.monthly(months)
    year_start = date(as_of.year, 1, 1)
    per_kind: dict[str, list[Movements]] = defaultdict(list)
    for r in await repo.movements(year_start, as_of, by="kind"):
        per_kind[r.label].append(_movements(r))
    recovery = []
    for label, items in sorted(per_kind.items()):
        m = total(items)
        owed = m.opening + m.charges
        recovery.append((label, m.payments * 10_000 // owed if owed else 0))
    # The aging and the portfolio by state from one pass over the receivables (repo.portfolio),
    # not two: the same groups summed two ways.
    buckets = aging_buckets(as_of)
    groups = await repo.portfolio(as_of, buckets)
    states: dict[str, list[int]] = {}
    for state, _, _, count, amount in groups:
        c_a = states.setdefault(state, [0, 0])
        c_a[0] += count
        c_a[1] += amount
    return ChartData(
        as_of,
        _aging_of(as_of, buckets, [(k, i, c, a) for _, k, i, c, a in groups]),
        [(s, c, a) for s, (c, a) in sorted(states.items())],
        [(e, c, p) for e, (c, p) in zip(ends, flows, strict=True)],
        recovery,
    )


def drawings(data: ChartData) -> list[tuple[str, str, Any]]:
    """The charts of `data` as reportlab drawings (letters/charts.py), for the page and the PDF."""
    from app.domain.labels import STATE_LABELS
    from letters.charts import quarter_drawings

    return quarter_drawings(
        [(b.label, b.amount) for b in data.aging.buckets],
        [(STATE_LABELS.get(s, s), a) for s, _, a in data.by_state],
        [(e.year, e.month, c, p) for e, c, p in data.months],
        data.recovery,
    )


def quarter_of(day: date) -> tuple[date, date]:
    first_month = (day.month - 1) // 3 * 3 + 1
    start = date(day.year, first_month, 1)
    nxt = date(day.year + (first_month + 3 > 12), (first_month + 2) % 12 + 1, 1)
    return start, nxt - timedelta(days=1)
