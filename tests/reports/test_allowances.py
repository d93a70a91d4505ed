"""Issue 22 item 6: the proposed year-end write-down allowances (ustawa o rachunkowości art. 35b
ust. 1 pkt 3 and 5) by the seeded example rules: 100 % of the principal overdue more than 12
months, 100 % of the principal owed by a deceased debtor; rules as dated parameters."""

from __future__ import annotations

import io
from decimal import Decimal

from openpyxl import load_workbook

from tests.factories import create_debtor, create_receivable, deliver


async def test_the_rules_propose_allowances_with_their_basis(api):
    # A: 250.00, demand delivered 2025-03-05, term 2025-03-19: 12 months end on 2026-03-19,
    # before 2026-06-30 → 100 % = 250.00.
    a = (await create_receivable(api, await create_debtor(api)))["id"]
    await deliver(api, a, "wezwanie", "2025-03-05")
    # B: 400.00, term 2025-08-19 (delivered 2025-08-05): 12 months end on 2026-08-19 → none.
    b = (
        await create_receivable(
            api, await create_debtor(api), principal="400.00", issue_date="2025-08-01"
        )
    )["id"]
    await deliver(api, b, "wezwanie", "2025-08-05")
    # C: 120.50 owed by a debtor who died on 2026-02-01, demand never delivered → 100 %.
    dead = await create_debtor(api, deceased=True, deceased_on="2026-02-01")
    c = (await create_receivable(api, dead, principal="120.50"))["id"]

    r = await api.get("/api/v1/reports/write-down-allowances", params={"as_of": "2026-06-30"})
    assert r.status_code == 200, r.text
    body = r.json()
    rows = {x["receivable_id"]: x for x in body["rows"]}
    assert set(rows) == {a, c}
    assert (rows[a]["term"], rows[a]["percent"], rows[a]["amount"]) == ("2025-03-19", 100, "250.00")
    assert "ponad 12 mies." in rows[a]["basis"]
    assert (rows[c]["amount"], rows[c]["basis"]) == (
        "120.50",
        "dłużnik zmarły (art. 35b ust. 1 pkt 3)",
    )
    assert (body["principal"], body["total"]) == ("370.50", "370.50")
    assert [(x["code"], x["value"]) for x in body["rules"]] == [
        ("odpis_przeterminowane_miesiace", 12),
        ("odpis_przeterminowane_procent", 100),
        ("odpis_zmarly_procent", 100),
    ]
    # Before the death (2026-01-31) C is not proposed.
    before = await api.get("/api/v1/reports/write-down-allowances", params={"as_of": "2026-01-31"})
    assert {x["receivable_id"] for x in before.json()["rows"]} == set()

    # A new dated rule of the unit, 50 % from 2026-12-01 (parameters change from tomorrow on):
    # on 2026-12-31 A 50 % of 250.00 = 125.00; B's 12 months ended on 2026-08-19, 50 % of
    # 400.00 = 200.00; C still 100 % = 120.50.
    r = await api.post(
        "/api/v1/parameters",
        json={
            "code": "odpis_przeterminowane_procent",
            "valid_from": "2026-12-01",
            "value": "50",
            "source": "zarządzenie kierownika nr 5/2026 (polityka rachunkowości)",
        },
    )
    assert r.status_code == 201, r.text
    body = (
        await api.get("/api/v1/reports/write-down-allowances", params={"as_of": "2026-12-31"})
    ).json()
    amounts = {x["receivable_id"]: x["amount"] for x in body["rows"]}
    assert amounts == {a: "125.00", b: "200.00", c: "120.50"}
    assert body["total"] == "445.50"

    xlsx = await api.get(
        "/api/v1/reports/write-down-allowances.xlsx", params={"as_of": "2026-12-31"}
    )
    assert xlsx.status_code == 200
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    values = list(sheet.iter_rows(values_only=True))
    assert values[-1][0] == "Razem"
    assert Decimal(str(values[-1][-1])) == Decimal("445.50")
    assert len(values) == 1 + 3 + 1  # header, A, B, C, total
    pdf = await api.get("/api/v1/reports/write-down-allowances.pdf", params={"as_of": "2026-12-31"})
    assert pdf.status_code == 200
    assert pdf.content.startswith(b"%PDF")


async def test_the_page_lists_the_proposal_with_its_rules(api, client):
    from tests.conftest import ADMIN_PASSWORD
    from tests.web.conftest import log_in

    dead = await create_debtor(api, deceased=True, deceased_on="2026-02-01")
    await create_receivable(api, dead, principal="120.50")
    del client.headers["Authorization"]
    assert (await log_in(client, "admin", ADMIN_PASSWORD)).status_code == 303
    page = await client.get("/ksiegowosc/odpisy")  # today 2026-11-23: 31.12.2025 by default
    assert page.status_code == 200
    assert "Zasady jednostki nie wskazują należności do odpisu." in page.text
    page = await client.get("/ksiegowosc/odpisy", params={"as_of": "2026-12-31"})
    assert '<td class="num" id="odpisy-razem">120,50' in page.text
    assert "art. 35b ust. 1" in page.text
