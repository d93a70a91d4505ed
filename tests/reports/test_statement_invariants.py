"""The statements over random portfolios (issue 22 item 3), to the grosz.

For any portfolio and any period, per kind and component and in total:

    opening + charges − payments − write-offs − time-barred + corrections = closing

and, tying the SQL to the money engine that is its oracle (app/domain/balance.py via
app/receivables/figures.figures_of): the Rb-N nominal value on a day is the sum of every
receivable's principal_remaining that day, over the receivables not time-barred by then; the
payments of the period are what the payment table holds for it."""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date, timedelta

import httpx
from hypothesis import HealthCheck, Phase, given, note, settings
from hypothesis import strategies as st
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.domain.money import parse_amount
from app.models import Payment, Receivable
from app.receivables import figures as figures_mod
from app.receivables import service as receivable_service
from app.reports import book
from app.reports.repository import StatementRepository
from tests.factories import create_debtor, create_receivable, deliver

_EXAMPLES = int(os.environ.get("WINDYKACJA_PROPERTY_EXAMPLES", "0"))
START = date(2021, 1, 4)
LAST = date(2025, 12, 31)
FIELDS = ("opening", "charges", "payments", "write_offs", "time_barred", "corrections", "closing")


@dataclass(frozen=True)
class Step:
    days: int
    action: str  # wplata | umorzenie | upomnienie
    share: int  # percent of the principal (payments may overpay)


STEPS = st.lists(
    st.builds(
        Step,
        days=st.integers(1, 400),
        action=st.sampled_from(["wplata", "wplata", "umorzenie", "upomnienie"]),
        share=st.integers(1, 130),
    ),
    max_size=5,
)
RECEIVABLE = st.tuples(
    st.integers(0, 900), st.integers(1_000, 500_000), st.booleans(), STEPS
)  # (issue offset in days, principal, delivered, steps)


def _zl(grosze: int) -> str:
    return f"{grosze // 100}.{grosze % 100:02d}"


async def _build(api: httpx.AsyncClient, spec: tuple[int, int, bool, list[Step]]) -> None:
    offset, principal, delivered, steps = spec
    issued = START + timedelta(days=offset)
    rid = (
        await create_receivable(
            api,
            await create_debtor(api),
            principal=_zl(principal),
            issue_date=issued.isoformat(),
            period_from=issued.isoformat(),
            period_to=issued.isoformat(),
        )
    )["id"]
    if not delivered:
        return
    day = issued + timedelta(days=2)
    await deliver(api, rid, "wezwanie", day.isoformat())
    for step in steps:
        day = min(day + timedelta(days=step.days), LAST)
        amount = _zl(max(principal * step.share // 100, 1))
        base = f"/api/v1/receivables/{rid}"
        if step.action == "wplata":
            await api.post(f"{base}/payments", json={"paid_on": day.isoformat(), "amount": amount})
        elif step.action == "umorzenie":
            await api.post(
                f"{base}/write-offs",
                json={"decided_on": day.isoformat(), "decision_ref": f"FN.{rid}", "amount": amount,
                      "full": step.share > 100},
            )  # fmt: skip
        else:
            await api.post("/api/v1/sweeps/run", params={"as_of": day.isoformat()})
            r = await api.post(f"{base}/reminders", json={"issued_on": day.isoformat()})
            if r.status_code < 300:
                await api.post(
                    f"{base}/deliveries",
                    json={"document": "upomnienie", "delivered_on": day.isoformat()},
                )


async def _nominal_by_engine(session: AsyncSession, day: date) -> int:
    total = 0
    for receivable in await session.scalars(
        select(Receivable).execution_options(populate_existing=True)
    ):
        barred = receivable.time_barred_from
        if receivable.issued_on > day or (barred is not None and barred <= day):
            continue
        rules = await receivable_service.rules_of(session, receivable)
        figs = await figures_mod.figures_of(session, receivable, rules, day)
        total += figs.principal_remaining
    return total


@settings(
    max_examples=_EXAMPLES or 6,
    deadline=None,
    derandomize=not _EXAMPLES,
    database=None,
    phases=[Phase.explicit, Phase.reuse, Phase.generate],
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    portfolio=st.lists(RECEIVABLE, min_size=1, max_size=4),
    start=st.integers(0, 1800),
    length=st.integers(0, 500),
)
async def test_opening_plus_movements_is_closing(
    api: httpx.AsyncClient, session: AsyncSession, portfolio, start: int, length: int
) -> None:
    for spec in portfolio:
        await _build(api, spec)
    first = START + timedelta(days=start)
    last = first + timedelta(days=length)
    note(f"{portfolio} over {first}..{last}")
    found = (
        await api.get(
            "/api/v1/reports/turnover", params={"from": first.isoformat(), "to": last.isoformat()}
        )
    ).json()
    for row in [found, *found["rows"]]:
        m = {f: parse_amount(row[f], allow_zero=True) if not row[f].startswith("-") else
             -parse_amount(row[f][1:], allow_zero=True) for f in FIELDS}  # fmt: skip
        assert (
            m["opening"] + m["charges"] - m["payments"] - m["write_offs"] - m["time_barred"]
            + m["corrections"] == m["closing"]
        ), row  # fmt: skip
    paid = await session.scalar(
        select(func.coalesce(func.sum(Payment.amount), 0)).where(
            Payment.paid_on >= first, Payment.paid_on <= last
        )
    )
    assert parse_amount(found["payments"], allow_zero=True) == int(paid or 0)
    # The one-pass turnover agrees with the journal's definition, per kind and per debtor.
    await book.refresh(session)
    repo = StatementRepository(session)
    for by in ("kind", "debtor"):
        fast = await repo.movements(first, last, by=by)
        slow = await repo.movements_by_journal(first, last, by=by)
        moved = [r for r in fast if any(getattr(r, f) for f in (*FIELDS, "overdue"))]
        assert sorted(moved, key=str) == sorted(
            [r for r in slow if any(getattr(r, f) for f in (*FIELDS, "overdue"))], key=str
        )
    # The Rb-N nominal value is what the money engine says, receivable by receivable.
    rbn = (await api.get("/api/v1/reports/rb-n", params={"as_of": last.isoformat()})).json()
    assert parse_amount(rbn["nominal"], allow_zero=True) == await _nominal_by_engine(session, last)
