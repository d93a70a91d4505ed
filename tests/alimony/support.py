"""Helpers for the alimony API tests: plain calls with realistic data (STYLE rule 9)."""

from __future__ import annotations

from datetime import date
from typing import Any

import httpx

from app.domain.alimony import Month
from tests.factories import create_debtor

BASE = "/api/v1/alimony"


async def post(api: httpx.AsyncClient, path: str, body: dict[str, Any], status: int = 201) -> Any:
    r = await api.post(BASE + path, json=body)
    assert r.status_code == status, r.text
    return r.json()


async def get(api: httpx.AsyncClient, path: str, **params: Any) -> Any:
    r = await api.get(BASE + path, params=params)
    assert r.status_code == 200, r.text
    return r.json()


async def fund_debtor(api: httpx.AsyncClient) -> int:
    """Award 500.00 a month to Anna from 2026-01-01; the fund paid 500.00 on 10 February and on
    10 March 2026."""
    did = await create_debtor(api)
    await post(
        api,
        f"/debtors/{did}/awards",
        {"monthly_amount": "500.00", "valid_from": "2026-01-01", "entitled": "Anna"},
    )
    for day in ("2026-02-10", "2026-03-10"):
        await post(
            api, f"/debtors/{did}/payouts", {"paid_on": day, "amount": "500.00", "entitled": "Anna"}
        )
    return did


LAST = Month(2026, 10)


async def advance_debtor(api: httpx.AsyncClient, months: int, *, last: Month = LAST) -> int:
    """An alimony advance of 1000.00 zł paid out on 2008-05-10 (no interest), 500.00 a month
    awarded from 2008-01-01, and `months` effective months ending with `last` (500.00 recovered
    on the 10th of each)."""
    did = await create_debtor(api)
    await post(
        api, f"/debtors/{did}/awards", {"monthly_amount": "500.00", "valid_from": "2008-01-01"}
    )
    await post(
        api,
        f"/debtors/{did}/payouts",
        {"paid_on": "2008-05-10", "amount": "1000.00", "claim": "advance"},
    )
    for i in range(months):
        m = last.plus(i + 1 - months)  # oldest first: each recovery is the latest fact
        await post(
            api,
            f"/debtors/{did}/recoveries",
            {
                "received_on": date(m.year, m.month, 10).isoformat(),
                "amount": "500.00",
                "source": "egzekucja_sadowa",
            },
        )
    return did
