"""The turnover per debtor in keyset pages (issue 22 item 7: every figure set-based in under 10 s
over 1,000,000 receivables; per debtor that is 333,000 groups, so the API serves them a page at a
time). The pages together are the unpaged rows, and the totals are the whole register's.

Hand-worked: five debtors, each one receivable of i × 100.00 zł issued on 10.01.2025 (i = 1..5),
the second pays 50.00 zł on 10.02.2025. Quarter I 2025: opening 0.00; charges 1 500.00
(100 + 200 + 300 + 400 + 500); payments 50.00; closing 1 450.00 (opening + charges − payments,
the identity of app/reports/repository.py)."""

from __future__ import annotations

from datetime import date

import httpx
from sqlalchemy.ext.asyncio import AsyncSession

from app.reports import book
from app.reports.repository import StatementRepository
from tests.factories import create_debtor, create_receivable

Q1 = {"from": "2025-01-01", "to": "2025-03-31"}
FIELDS = ("opening", "charges", "payments", "write_offs", "time_barred", "corrections", "closing")


async def test_debtor_pages_add_up_to_the_whole(
    api: httpx.AsyncClient, session: AsyncSession
) -> None:
    debtors = []
    for i in range(1, 6):
        debtor = await create_debtor(api)
        debtors.append(debtor)
        rid = (
            await create_receivable(
                api,
                debtor,
                principal=f"{i}00.00",
                issue_date="2025-01-10",
                period_from="2025-01-10",
                period_to="2025-01-10",
            )
        )["id"]
        if i == 2:
            r = await api.post(
                f"/api/v1/receivables/{rid}/payments",
                json={"paid_on": "2025-02-10", "amount": "50.00"},
            )
            assert r.status_code < 300, r.text

    rows, after, pages = [], None, 0
    while True:
        params = {**Q1, "by": "debtor", "limit": "2", **({"after": str(after)} if after else {})}
        found = (await api.get("/api/v1/reports/turnover", params=params)).json()
        pages += 1
        assert {f: found[f] for f in FIELDS} == {
            "opening": "0.00",
            "charges": "1500.00",
            "payments": "50.00",
            "write_offs": "0.00",
            "time_barred": "0.00",
            "corrections": "0.00",
            "closing": "1450.00",
        }
        assert len({r["key"] for r in found["rows"]}) <= 2
        rows += found["rows"]
        after = found["next_after"]
        if after is None:
            break
    assert pages == 3  # 2 + 2 + 1 debtors
    assert [r["key"] for r in rows if r["component"] == "principal"] == [str(d) for d in debtors]
    by_debtor = {r["key"]: r for r in rows if r["component"] == "principal"}
    assert by_debtor[str(debtors[1])]["payments"] == "50.00"
    assert by_debtor[str(debtors[4])]["closing"] == "500.00"

    # The pages are the unpaged rows (with movements), one for one.
    await book.refresh(session)
    whole = await StatementRepository(session).movements(
        date(2025, 1, 1), date(2025, 3, 31), by="debtor"
    )
    moved = [
        (r.key, r.component, *(getattr(r, f) for f in FIELDS))
        for r in whole
        if any(getattr(r, f) for f in FIELDS)
    ]
    assert len(moved) == len(rows)
    assert [(k, c) for k, c, *_ in moved] == [(r["key"], r["component"]) for r in rows]
