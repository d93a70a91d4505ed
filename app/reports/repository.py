"""Every SQL statement of the chief accountant's statements (issue 22).

The statements are sums over one journal of movements, built in SQL from the receivables, the
reminder costs and the allocated book entries (app/reports/book.py keeps those current):

    charge      principal as issued (on the issue day), reminder costs (on delivery, u.p.e.a.
                art. 15 §4), interest (on the day a payment or write-off settles it: interest is
                booked when paid, the cash basis of u.f.p. art. 40 for budget units)
    wplata /    money received (payments; art. 28 recoveries for the alimony fund), per component;
    alimenty    the overpayment goes with the principal
    umorzenie   write-offs by decision, per component
    correction  overpayments (they do not reduce a receivable; they go to the overpayments account)

A receivable leaves the books on the day it is time-barred (time_barred_from): what it still
owed then is the movement "time-barred"; money received for it afterwards is an overpayment (OP
art. 59 §1 pkt 9: limitation extinguishes the liability, art. 72 §1 pkt 1), so it is counted as
a payment and as a correction, and changes no balance. With these rules, for any period:

    opening + charges − payments − write-offs − time-barred + corrections = closing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import (
    BigInteger,
    ColumnElement,
    Date,
    Select,
    String,
    and_,
    case,
    cast,
    func,
    literal,
    not_,
    or_,
    select,
    union_all,
)
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.sql.expression import Subquery

from app.domain.kinds import InterestStart
from app.domain.statements import Bucket
from app.models import (
    AlimonyPayout,
    BookEntry,
    Debtor,
    Document,
    Event,
    Instalment,
    KindBooking,
    Parameter,
    Receivable,
    ReceivableKind,
)

PAYMENT_SOURCES = ("wplata", "alimenty")


def total(expr: Any) -> ColumnElement[int]:
    """SUM in grosze as a BIGINT (PostgreSQL sums a bigint into numeric), 0 over no rows."""
    return cast(func.coalesce(func.sum(expr), 0), BigInteger)


_SETTLED_STATES = ("zaplacona", "umorzona")
COMPONENTS = ("principal", "interest", "costs")


def journal() -> Subquery:
    """(receivable_id, on, component, mtype, amount): every movement of every receivable."""
    r, d, e = Receivable, Document, BookEntry

    def part(rid: Any, on: Any, component: str, mtype: Any, amount: Any) -> Select[Any]:
        return select(
            rid.label("receivable_id"),
            on.label("on"),
            literal(component).label("component"),
            (literal(mtype) if isinstance(mtype, str) else mtype).label("mtype"),
            amount.label("amount"),
        )

    # The costs the money engine saw (app/receivables/figures.facts_of): a reminder delivered
    # after the receivable was settled in full demanded nothing, its cost never arose.
    costs = (
        part(d.receivable_id, d.delivered_on, "costs", "charge", d.costs)
        .join(r, r.id == d.receivable_id)
        .where(
            d.costs > 0,
            d.delivered_on.is_not(None),
            not_(
                and_(
                    r.state.in_(_SETTLED_STATES),
                    r.closed_on.is_not(None),
                    d.delivered_on > r.closed_on,
                )
            ),
        )
    )
    # The fund's receivable grows with each payout (app/alimony/service._fund_receivable): its
    # principal is charged payout by payout, on the day each was paid (art. 27 ust. 1 u.p.o.u.a.).
    p = AlimonyPayout
    has_payouts = select(p.id).where(p.receivable_id == r.id).exists()
    return union_all(
        part(r.id, r.issued_on, "principal", "charge", r.principal).where(~has_payouts),
        part(p.receivable_id, p.paid_on, "principal", "charge", p.amount),
        costs,
        part(e.receivable_id, e.booked_on, "interest", "charge", e.to_interest),
        part(e.receivable_id, e.booked_on, "principal", e.source, e.to_principal + e.overpayment),
        part(e.receivable_id, e.booked_on, "interest", e.source, e.to_interest),
        part(e.receivable_id, e.booked_on, "costs", e.source, e.to_costs),
        part(e.receivable_id, e.booked_on, "principal", "correction", e.overpayment),
    ).subquery("j")


@dataclass(frozen=True)
class _Cols:
    j: Subquery

    @property
    def signed(self) -> ColumnElement[int]:
        j = self.j.c
        return case((j.mtype.in_(("charge", "correction")), j.amount), else_=-j.amount)

    def effective(self) -> ColumnElement[bool]:
        tb = Receivable.time_barred_from
        return or_(tb.is_(None), self.j.c.on < tb)

    def on_books(self, day: date) -> ColumnElement[bool]:
        """On the books at the end of `day`: issued movements up to it, not time-barred yet."""
        tb = Receivable.time_barred_from
        return and_(self.j.c.on <= day, or_(tb.is_(None), tb > day))

    def balance(self, day: date) -> ColumnElement[int]:
        return total(case((self.on_books(day), self.signed), else_=0))

    def within(self, start: date, end: date) -> ColumnElement[bool]:
        return and_(self.j.c.on >= start, self.j.c.on <= end)

    def summed(self, condition: ColumnElement[bool], value: Any = None) -> ColumnElement[int]:
        return total(case((condition, self.j.c.amount if value is None else value), else_=0))


def in_instalments(day: date) -> Select[Any]:
    """Ids of receivables whose state on `day` was raty: their term is moved by the instalment
    decision, so they are not due (OP art. 48 §1, via u.f.p. art. 67)."""
    ranked = (
        select(
            Event.receivable_id,
            Event.to_state,
            func.row_number()
            .over(
                partition_by=Event.receivable_id,
                order_by=(Event.occurred_on.desc(), Event.id.desc()),
            )
            .label("n"),
        )
        .where(
            Event.occurred_on <= day,
            # Only a receivable that ever had a plan can be in instalments (instalment is small).
            Event.receivable_id.in_(select(Instalment.receivable_id)),
        )
        .subquery("last_event")
    )
    return select(ranked.c.receivable_id).where(ranked.c.n == 1, ranked.c.to_state == "raty")


def due_term() -> ColumnElement[date]:
    """The last day before a receivable is due: its payment term; for the alimony fund, owed
    from the payout (art. 27 ust. 1 u.p.o.u.a., interest from the next day, ust. 1a), the day
    of the first payout. NULL while the term is unknown (demand not delivered)."""
    r, k = Receivable, ReceivableKind
    by_payout = select(k.code).where(k.interest_start == InterestStart.DAY_AFTER_PAYOUT.value)
    return func.coalesce(
        r.payment_term_ends_on, case((r.kind_code.in_(by_payout), r.issued_on), else_=None)
    )


def due_on(day: date) -> ColumnElement[bool]:
    """Należność wymagalna on `day`: its payment term ended before that day (due from the day
    after the term), not in instalments then; time-barred ones are off the books already."""
    term = due_term()
    return and_(term.is_not(None), term < day, Receivable.id.not_in(in_instalments(day)))


@dataclass(frozen=True)
class NominalRow:
    kind_code: str
    label: str
    dzial: str | None
    rozdzial: str | None
    paragraf: str | None
    count: int
    nominal: int
    due_count: int
    due: int


FIELDS = (
    "opening",
    "charges",
    "payments",
    "write_offs",
    "time_barred",
    "corrections",
    "closing",
    "overdue",
)


@dataclass(frozen=True)
class MovementRow:
    key: str
    label: str
    component: str
    opening: int
    charges: int
    payments: int
    write_offs: int
    time_barred: int
    corrections: int
    closing: int
    overdue: int


class StatementRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def _serial(self, stmt: Any) -> Any:
        """Execute `stmt` on PostgreSQL without parallel workers, then restore the setting.

        EXPLAIN ANALYZE of the turnover at 1,000,000 receivables (issue 22 item 7): the per-
        receivable sums of the book entries are ~20 numeric sums (SUM of a BIGINT is NUMERIC);
        run in parallel, the leader's Finalize GroupAggregate deserialises and combines every
        worker's numeric states, 3.3 s of the statement's 6.1 s, where one serial
        GroupAggregate over the same rows takes 1.3 s (the whole statement 3.9 s)."""
        if self.session.get_bind().dialect.name != "postgresql":
            return await self.session.execute(stmt)
        name = "max_parallel_workers_per_gather"
        before = await self.session.scalar(select(func.current_setting(name)))
        await self.session.execute(select(func.set_config(name, "0", True)))
        try:
            return await self.session.execute(stmt)
        finally:
            await self.session.execute(select(func.set_config(name, before, True)))

    def _principal_per_receivable(self, day: date) -> Subquery:
        """(rid, principal) on the books at the end of `day`: the principal charged by then less
        what the book entries paid or wrote off of it (the journal's principal balance, read
        without the union: one pass over the receivables and the entries)."""
        r, e, p = Receivable, BookEntry, AlimonyPayout
        paid = (
            select(e.receivable_id.label("rid"), total(e.to_principal).label("s"))
            .where(e.booked_on <= day)
            .group_by(e.receivable_id)
            .subquery("paid")
        )
        payouts = (
            select(p.receivable_id.label("rid"), total(p.amount).label("s"))
            .where(p.paid_on <= day)
            .group_by(p.receivable_id)
            .subquery("payouts")
        )
        tb = r.time_barred_from
        principal = func.coalesce(payouts.c.s, r.principal) - func.coalesce(paid.c.s, 0)
        return (
            select(
                r.id.label("rid"),
                r.kind_code.label("kind_code"),
                principal.label("principal"),
                due_term().label("term"),
                case((due_on(day), 1), else_=0).label("due"),
            )
            .outerjoin(paid, paid.c.rid == r.id)
            .outerjoin(payouts, payouts.c.rid == r.id)
            .where(r.issued_on <= day, or_(tb.is_(None), tb > day))
            .subquery("per_receivable")
        )

    async def nominal(self, day: date) -> list[NominalRow]:
        """Rb-N: principal still owed on `day` (nominal value) and its due part, per kind."""
        per = self._principal_per_receivable(day)
        k, b = ReceivableKind, KindBooking
        owing = per.c.principal > 0
        due = and_(owing, per.c.due == 1)
        sums = (
            select(
                per.c.kind_code,
                func.count(case((owing, 1))).label("n"),
                total(case((owing, per.c.principal), else_=0)).label("nominal"),
                func.count(case((due, 1))).label("due_n"),
                total(case((due, per.c.principal), else_=0)).label("due"),
            )
            .group_by(per.c.kind_code)
            .subquery("sums")
        )
        stmt = (
            select(
                k.code,
                k.label,
                func.coalesce(b.dzial, k.budget_dzial),
                func.coalesce(b.rozdzial, k.budget_rozdzial),
                func.coalesce(b.paragraf, k.budget_paragraf),
                sums.c.n,
                sums.c.nominal,
                sums.c.due_n,
                sums.c.due,
            )
            .join(sums, sums.c.kind_code == k.code)
            .outerjoin(b, and_(b.kind_code == k.code, b.component == "principal"))
            .where(sums.c.n > 0)
            .order_by(k.code)
        )
        return [NominalRow(*row) for row in (await self.session.execute(stmt)).all()]

    async def allowance_candidates(self, day: date) -> list[Any]:
        """Issue 22 item 6: every receivable owing principal on `day` with what the write-down
        rules need (term, due, the debtor's death), in one statement."""
        per = self._principal_per_receivable(day)
        r, d = Receivable, Debtor
        deceased = and_(d.deceased.is_(True), or_(d.deceased_on.is_(None), d.deceased_on <= day))
        stmt = (
            select(
                r.id,
                r.reference,
                r.kind_code,
                d.name,
                per.c.term,
                per.c.principal,
                per.c.due,
                case((deceased, 1), else_=0),
            )
            .select_from(per)
            .join(r, r.id == per.c.rid)
            .join(d, d.id == r.debtor_id)
            .where(per.c.principal > 0)
            .order_by(r.id)
        )
        return list((await self.session.execute(stmt)).all())

    async def nominal_receivables(
        self, day: date, kind: str | None, only_due: bool, limit: int, offset: int
    ) -> list[Any]:
        """The receivables behind a Rb-N figure (drill-down), with their principal on `day`."""
        per = self._principal_per_receivable(day)
        r = Receivable
        stmt = (
            select(
                r.id,
                r.reference,
                r.kind_code,
                Debtor.name,
                r.issued_on,
                r.payment_term_ends_on,
                r.state,
                per.c.principal,
            )
            .select_from(per)
            .join(r, r.id == per.c.rid)
            .join(Debtor, Debtor.id == r.debtor_id)
            .where(per.c.principal > 0)
            .order_by(r.id)
            .limit(limit)
            .offset(offset)
        )
        if kind:
            stmt = stmt.where(r.kind_code == kind)
        if only_due:
            stmt = stmt.where(per.c.due == 1)
        return list((await self.session.execute(stmt)).all())

    async def aging(self, day: date, buckets: Sequence[Bucket]) -> list[Any]:
        """(kind, bucket index, count, principal) of the receivables due on `day`."""
        per = self._principal_per_receivable(day)
        term = per.c.term
        bucket = case(
            *(
                (
                    and_(term <= b.newest, term >= b.oldest) if b.oldest else term <= b.newest,
                    i,
                )
                for i, b in enumerate(buckets)
            ),
            else_=-1,
        ).label("bucket")
        stmt = (
            select(per.c.kind_code, bucket, func.count(), total(per.c.principal))
            .where(per.c.principal > 0, per.c.due == 1)
            .group_by(per.c.kind_code, bucket)
        )
        return list((await self.session.execute(stmt)).all())

    async def portfolio(self, day: date, buckets: Sequence[Bucket]) -> list[Any]:
        """(current state, kind, bucket index, count, principal) of the receivables owing on `day`,
        in one pass: the aging (due ones, bucket ≥ 0; -1 due outside every bucket; -2 not due)
        and the portfolio by state of the charts are both sums of these groups."""
        per = self._principal_per_receivable(day)
        term = per.c.term
        bucket = case(
            (per.c.due != 1, -2),
            *(
                (
                    and_(term <= b.newest, term >= b.oldest) if b.oldest else term <= b.newest,
                    i,
                )
                for i, b in enumerate(buckets)
            ),
            else_=-1,
        ).label("bucket")
        r = Receivable
        stmt = (
            select(r.state, per.c.kind_code, bucket, func.count(), total(per.c.principal))
            .select_from(per)
            .join(r, r.id == per.c.rid)
            .where(per.c.principal > 0)
            .group_by(r.state, per.c.kind_code, bucket)
        )
        return list((await self.session.execute(stmt)).all())

    async def near_limitation(self, day: date, until: date, limit: int) -> list[Any]:
        """Receivables still owing on `day` that become time-barred by `until` (inclusive)."""
        per = self._principal_per_receivable(day)
        r = Receivable
        stmt = (
            select(
                r.id,
                r.reference,
                r.kind_code,
                Debtor.name,
                r.state,
                r.time_barred_from,
                per.c.principal,
            )
            .select_from(per)
            .join(r, r.id == per.c.rid)
            .join(Debtor, Debtor.id == r.debtor_id)
            .where(
                per.c.principal > 0,
                r.time_barred_from > day,
                r.time_barred_from <= until,
            )
            .order_by(r.time_barred_from, r.id)
            .limit(limit)
        )
        return list((await self.session.execute(stmt)).all())

    async def movements_by_journal(
        self, start: date, end: date, *, by: str, kind: str | None = None
    ) -> list[MovementRow]:
        """Turnover of [start, end] per `by` (kind | debtor) and component, straight from the
        journal's definition: the oracle of `movements` (tests/reports), which computes the same
        figures without the union."""
        j = journal()
        c = _Cols(j)
        r = Receivable
        tb = r.time_barred_from
        eff = c.effective()
        period = c.within(start, end)
        money = j.c.mtype.in_(PAYMENT_SOURCES)
        settled = or_(money, j.c.mtype == "umorzenie")
        key = r.debtor_id if by == "debtor" else r.kind_code
        names = FIELDS
        sums = (
            select(
                key.label("key"),
                j.c.component.label("component"),
                *(
                    col.label(name)
                    for name, col in zip(
                        names,
                        (
                            c.balance(start - timedelta(days=1)),
                            c.summed(and_(period, j.c.mtype == "charge", eff)),
                            c.summed(and_(period, money)),
                            c.summed(and_(period, j.c.mtype == "umorzenie")),
                            c.summed(and_(tb >= start, tb <= end, j.c.on < tb), c.signed),
                            c.summed(
                                and_(
                                    period,
                                    or_(
                                        and_(j.c.mtype == "correction", eff),
                                        and_(settled, not_(eff)),
                                    ),
                                )
                            ),
                            c.balance(end),
                            c.summed(and_(c.on_books(end), due_on(end)), c.signed),
                        ),
                        strict=True,
                    )
                ),
            )
            .select_from(j)
            .join(r, r.id == j.c.receivable_id)
            .where(j.c.on <= end, *([r.kind_code == kind] if kind else []))
            .group_by(key, j.c.component)
            .subquery("sums")
        )
        # The names are joined to the sums (a few rows per kind or debtor), not to the journal.
        if by == "debtor":
            named = select(cast(sums.c.key, String(32)), Debtor.name).join(
                Debtor, Debtor.id == sums.c.key
            )
        else:
            named = select(sums.c.key, ReceivableKind.label).join(
                ReceivableKind, ReceivableKind.code == sums.c.key
            )
        stmt = named.add_columns(sums.c.component, *(sums.c[n] for n in names)).order_by(
            sums.c.key, sums.c.component
        )
        return [MovementRow(*row) for row in (await self.session.execute(stmt)).all()]

    async def movements(
        self,
        start: date,
        end: date,
        *,
        by: str,
        kind: str | None = None,
        after: int | None = None,
        limit: int | None = None,
    ) -> list[MovementRow]:
        """Turnover of [start, end] per `by` (kind | debtor) and component: the journal's figures
        (module docstring) computed receivable by receivable in one pass over the receivables,
        with the entries, payouts and costs each summed per receivable first.

        Per debtor, `limit` debtors after the debtor id `after` (keyset page, issue 22 item 7):
        only their receivables are read (ix_receivable_debtor_id), and the per-receivable sums
        of entries, payouts and costs are restricted to them too, so that a page costs its own
        rows, not the whole register (333,000 debtors at 1,000,000 receivables)."""
        r = Receivable
        scope: list[Any] = [r.kind_code == kind] if kind else []
        if by == "debtor" and limit is not None:
            page = (
                select(r.debtor_id)
                .where(r.issued_on <= end, *scope)
                .distinct()
                .order_by(r.debtor_id)
                .limit(limit)
            )
            if after is not None:
                page = page.where(r.debtor_id > after)
            scope.append(r.debtor_id.in_(page.scalar_subquery()))
        tb = r.time_barred_from
        before, last = start - timedelta(days=1), end

        def dated(on: Any, value: Any, settled: bool = False) -> dict[str, Any]:
            """Conditional sums of a dated amount for one receivable (tb is its limitation)."""
            eff = or_(tb.is_(None), on < tb)
            period = and_(on >= start, on <= end)
            cols = {
                "le_open": total(case((on <= before, value), else_=0)),
                "le_close": total(case((on <= last, value), else_=0)),
                "before_tb": total(case((and_(tb.is_not(None), on < tb), value), else_=0)),
                "eff_in": total(case((and_(period, eff), value), else_=0)),
            }
            if settled:
                cols["not_eff_in"] = total(case((and_(period, not_(eff)), value), else_=0))
            return cols

        e, p, d = BookEntry, AlimonyPayout, Document
        money = e.source.in_(PAYMENT_SOURCES)
        in_period = and_(e.booked_on >= start, e.booked_on <= end)
        eff_e = or_(tb.is_(None), e.booked_on < tb)
        entry_cols: dict[str, Any] = {}
        for comp, value in (
            ("p", e.to_principal + e.overpayment),
            ("i", e.to_interest),
            ("c", e.to_costs),
        ):
            entry_cols[f"pay_{comp}"] = total(case((and_(in_period, money), value), else_=0))
            entry_cols[f"wo_{comp}"] = total(
                case((and_(in_period, e.source == "umorzenie"), value), else_=0)
            )
            entry_cols[f"late_{comp}"] = total(case((and_(in_period, not_(eff_e)), value), else_=0))
        entry_cols["over_eff"] = total(case((and_(in_period, eff_e), e.overpayment), else_=0))
        for comp, value in (("p", e.to_principal), ("c", e.to_costs)):
            for name, col in dated(e.booked_on, value).items():
                if name != "eff_in":
                    entry_cols[f"{comp}_{name}"] = col
        entry_cols["i_eff_in"] = dated(e.booked_on, e.to_interest)["eff_in"]
        en = (
            select(e.receivable_id.label("rid"), *(c.label(n) for n, c in entry_cols.items()))
            .join(r, r.id == e.receivable_id)
            .where(e.booked_on <= end, *scope)
            .group_by(e.receivable_id)
            .subquery("en")
        )
        po = (
            select(
                p.receivable_id.label("rid"),
                *(c.label(n) for n, c in dated(p.paid_on, p.amount).items()),
            )
            .join(r, r.id == p.receivable_id)
            .where(*scope)
            .group_by(p.receivable_id)
            .subquery("po")
        )
        # The costs the money engine saw (figures.facts_of), as in journal().
        co = (
            select(
                d.receivable_id.label("rid"),
                *(c.label(n) for n, c in dated(d.delivered_on, d.costs).items()),
            )
            .join(r, r.id == d.receivable_id)
            .where(
                d.costs > 0,
                d.delivered_on.is_not(None),
                not_(
                    and_(
                        r.state.in_(_SETTLED_STATES),
                        r.closed_on.is_not(None),
                        d.delivered_on > r.closed_on,
                    )
                ),
                *scope,
            )
            .group_by(d.receivable_id)
            .subquery("co")
        )

        def z(col: Any) -> Any:
            return func.coalesce(col, 0)

        # Principal charged: payout by payout for the fund, else the principal on the issue day.
        own = {
            "le_open": case((r.issued_on <= before, r.principal), else_=0),
            "le_close": case((r.issued_on <= last, r.principal), else_=0),
            "before_tb": case((and_(tb.is_not(None), r.issued_on < tb), r.principal), else_=0),
            "eff_in": case(
                (
                    and_(
                        r.issued_on >= start,
                        r.issued_on <= end,
                        or_(tb.is_(None), r.issued_on < tb),
                    ),
                    r.principal,
                ),
                else_=0,
            ),
        }
        charged_p = {n: case((po.c.rid.is_not(None), po.c[n]), else_=v) for n, v in own.items()}
        open_ok = or_(tb.is_(None), tb > before)
        close_ok = or_(tb.is_(None), tb > last)
        barred_in = and_(tb >= start, tb <= end)
        due = due_on(end)

        def on_books(ok: Any, amount: Any) -> Any:
            return case((ok, amount), else_=0)

        p_close = on_books(close_ok, charged_p["le_close"] - z(en.c.p_le_close))
        c_close = on_books(close_ok, z(co.c.le_close) - z(en.c.c_le_close))
        per = {
            "p_opening": on_books(open_ok, charged_p["le_open"] - z(en.c.p_le_open)),
            "p_charges": charged_p["eff_in"],
            "p_payments": z(en.c.pay_p),
            "p_write_offs": z(en.c.wo_p),
            "p_time_barred": on_books(barred_in, charged_p["before_tb"] - z(en.c.p_before_tb)),
            "p_corrections": z(en.c.over_eff) + z(en.c.late_p),
            "p_closing": p_close,
            "p_overdue": case((due, p_close), else_=0),
            "i_opening": literal(0),
            "i_charges": z(en.c.i_eff_in),
            "i_payments": z(en.c.pay_i),
            "i_write_offs": z(en.c.wo_i),
            "i_time_barred": literal(0),
            "i_corrections": z(en.c.late_i),
            "i_closing": literal(0),
            "i_overdue": literal(0),
            "c_opening": on_books(open_ok, z(co.c.le_open) - z(en.c.c_le_open)),
            "c_charges": z(co.c.eff_in),
            "c_payments": z(en.c.pay_c),
            "c_write_offs": z(en.c.wo_c),
            "c_time_barred": on_books(barred_in, z(co.c.before_tb) - z(en.c.c_before_tb)),
            "c_corrections": z(en.c.late_c),
            "c_closing": c_close,
            "c_overdue": case((due, c_close), else_=0),
        }
        key = r.debtor_id if by == "debtor" else r.kind_code
        sums = (
            select(key.label("key"), *(total(v).label(n) for n, v in per.items()))
            .outerjoin(en, en.c.rid == r.id)
            .outerjoin(po, po.c.rid == r.id)
            .outerjoin(co, co.c.rid == r.id)
            .where(r.issued_on <= end, *scope)
            .group_by(key)
            .subquery("sums")
        )
        if by == "debtor":
            named = select(cast(sums.c.key, String(32)), Debtor.name).join(
                Debtor, Debtor.id == sums.c.key
            )
        else:
            named = select(sums.c.key, ReceivableKind.label).join(
                ReceivableKind, ReceivableKind.code == sums.c.key
            )
        found = (await self._serial(named.add_columns(*sums.c).order_by(sums.c.key))).all()
        out = []
        for row in found:
            values = row._mapping
            for comp, name in (("c", "costs"), ("i", "interest"), ("p", "principal")):
                out.append(
                    MovementRow(row[0], row[1], name, *(int(values[f"{comp}_{f}"]) for f in FIELDS))
                )
        return out

    async def monthly(self, months: Sequence[tuple[date, date]]) -> list[tuple[int, int]]:
        """(charges, money received) of each month. The journal's charges and money, read from
        each source with its own date and the receivable's limitation (no union with the
        receivables joined back): principal as issued or paid out, costs on delivery, interest
        when settled; money as booked."""
        r, p, d, e = Receivable, AlimonyPayout, Document, BookEntry
        first, last = months[0][0], months[-1][1]
        tb = r.time_barred_from

        def part(on: Any, amount: Any, charge: int, barred: Any) -> Select[Any]:
            return select(
                on.label("on"),
                amount.label("amount"),
                literal(charge).label("charge"),
                barred.label("tb"),
            ).where(on >= first, on <= last)

        has_payouts = select(p.id).where(p.receivable_id == r.id).exists()
        costs = (
            part(d.delivered_on, d.costs, 1, tb)
            .join(r, r.id == d.receivable_id)
            .where(
                d.costs > 0,
                not_(
                    and_(
                        r.state.in_(_SETTLED_STATES),
                        r.closed_on.is_not(None),
                        d.delivered_on > r.closed_on,
                    )
                ),
            )
        )
        u = union_all(
            part(r.issued_on, r.principal, 1, tb).where(~has_payouts),
            part(p.paid_on, p.amount, 1, tb).join(r, r.id == p.receivable_id),
            costs,
            part(e.booked_on, e.to_interest, 1, tb).join(r, r.id == e.receivable_id),
            part(e.booked_on, e.amount, 0, literal(None, Date)).where(
                e.source.in_(PAYMENT_SOURCES)
            ),
        ).subquery("u")
        eff = or_(u.c.tb.is_(None), u.c.on < u.c.tb)
        cols = []
        for a, b in months:
            within = and_(u.c.on >= a, u.c.on <= b)
            cols += [
                total(case((and_(within, u.c.charge == 1, eff), u.c.amount), else_=0)),
                total(case((and_(within, u.c.charge == 0), u.c.amount), else_=0)),
            ]
        row = (await self.session.execute(select(*cols).select_from(u))).one()
        return [(int(row[2 * i]), int(row[2 * i + 1])) for i in range(len(months))]

    async def by_state(self, day: date) -> list[Any]:
        """(current state, count, principal on `day`) of the receivables still on the books."""
        per = self._principal_per_receivable(day)
        stmt = (
            select(Receivable.state, func.count(), total(per.c.principal))
            .select_from(per)
            .join(Receivable, Receivable.id == per.c.rid)
            .where(per.c.principal > 0)
            .group_by(Receivable.state)
            .order_by(Receivable.state)
        )
        return list((await self.session.execute(stmt)).all())

    async def bookings(self) -> list[KindBooking]:
        return list(await self.session.scalars(select(KindBooking).order_by(KindBooking.id)))

    async def kinds(self) -> list[ReceivableKind]:
        return list(
            await self.session.scalars(select(ReceivableKind).order_by(ReceivableKind.code))
        )

    async def parameters(self, codes: Sequence[str]) -> list[Parameter]:
        return list(
            await self.session.scalars(
                select(Parameter).where(Parameter.code.in_(codes)).order_by(Parameter.valid_from)
            )
        )

    async def bare_sum(self) -> int:
        """The benchmark's yardstick: SUM over the same rows, nothing else."""
        return int(await self.session.scalar(select(total(Receivable.principal))) or 0)
