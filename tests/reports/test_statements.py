"""The chief accountant's statements (issue 22), worked by hand over the API.

The portfolio: the stay fee (oplata_pobyt: odsetki za zwłokę, OP art. 53–56; proportional
allocation, OP art. 55 §2; reminder costs first, OP art. 62 §1a).

A  2,500.00 issued 2025-03-03, demand delivered Wed 2025-03-05 → term 14 days → Wed 2025-03-19
   (seed 003 §3), due from 2025-03-20.
   2025-03-18: 500.00 paid before the term: no interest, all to principal → 2,000.00.
   2025-06-30: 1,000.00 paid. Interest on 2,000.00 from 2025-03-20 (OP art. 56 §1):
     2025-03-20..2025-05-07  49 days × 14.50 % = 7.105
     2025-05-08..2025-06-30  54 days × 13.50 % = 7.290      Σ 14.395 × 2,000.00 / 365 = 78.88
     → 79 zł (OP art. 63 §1). Split, OP art. 55 §2: 1,000 × 79 / 2,079 = 38.000… → 38.00 interest,
     962.00 principal → 1,038.00 left.
B    100.00 issued 2025-03-10, demand not delivered: no term, not due.
"""

from __future__ import annotations

import httpx

from tests.factories import create_debtor, create_receivable, deliver


async def _pay(api: httpx.AsyncClient, rid: int, on: str, amount: str) -> None:
    r = await api.post(
        f"/api/v1/receivables/{rid}/payments", json={"paid_on": on, "amount": amount}
    )
    assert r.status_code in (200, 201), r.text


async def portfolio(api: httpx.AsyncClient) -> tuple[int, int]:
    debtor = await create_debtor(api)
    a = (
        await create_receivable(
            api, debtor, principal="2500.00", issue_date="2025-03-03", reference="A/2025"
        )
    )["id"]
    await deliver(api, a, "wezwanie", "2025-03-05")
    await _pay(api, a, "2025-03-18", "500.00")
    await _pay(api, a, "2025-06-30", "1000.00")
    b = (
        await create_receivable(
            api,
            await create_debtor(api, name="Anna Nowak", first_name="Anna", last_name="Nowak",
                                pesel=None),
            principal="100.00",
            issue_date="2025-03-10",
            reference="B/2025",
        )
    )["id"]  # fmt: skip
    return a, b


async def test_rb_n_nominal_and_due_at_quarter_ends(api):
    a, b = await portfolio(api)
    # 2025-03-31: A 2,000.00 (due: term ended 03-19) + B 100.00 (no term).
    q1 = (await api.get("/api/v1/reports/rb-n", params={"as_of": "2025-03-31"})).json()
    assert (q1["nominal"], q1["due"], q1["count"], q1["due_count"]) == ("2100.00", "2000.00", 2, 1)
    [row] = q1["by_kind"]
    assert (row["kind"], row["nominal"], row["due"]) == ("oplata_pobyt", "2100.00", "2000.00")
    # The classification comes from the kind's principal booking (kind_booking, § 0830).
    assert (row["dzial"], row["rozdzial"], row["paragraf"]) == ("851", "85158", "0830")
    # 2025-06-30: A 1,038.00 after the split of OP art. 55 §2 (38.00 went to interest).
    q2 = (await api.get("/api/v1/reports/rb-n", params={"as_of": "2025-06-30"})).json()
    assert (q2["nominal"], q2["due"]) == ("1138.00", "1038.00")
    # The day the term ends the receivable is not due yet (due from the day after).
    d = (await api.get("/api/v1/reports/rb-n", params={"as_of": "2025-03-19"})).json()
    assert (d["nominal"], d["due"]) == ("2100.00", "0.00")
    # Before anything was issued: nothing.
    z = (await api.get("/api/v1/reports/rb-n", params={"as_of": "2025-03-02"})).json()
    assert (z["nominal"], z["due"], z["by_kind"]) == ("0.00", "0.00", [])

    # Drill-down: the receivables behind each figure.
    all_ = (
        await api.get("/api/v1/reports/rb-n/receivables", params={"as_of": "2025-06-30"})
    ).json()
    assert [(r["id"], r["principal"]) for r in all_] == [(a, "1038.00"), (b, "100.00")]
    due = (
        await api.get(
            "/api/v1/reports/rb-n/receivables",
            params={"as_of": "2025-06-30", "due": "true", "kind": "oplata_pobyt"},
        )
    ).json()
    assert [(r["reference"], r["principal"]) for r in due] == [("A/2025", "1038.00")]
    assert (await api.get("/api/v1/reports/rb-n")).status_code == 422
