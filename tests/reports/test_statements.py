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

import io
from datetime import date
from decimal import Decimal

import httpx
from openpyxl import load_workbook
from pypdf import PdfReader

from app.reports import statements
from app.reports.exports import FK_HEADER
from letters import charts
from tests.factories import create_debtor, create_receivable, deliver, sweep

TOTALS = ("opening", "charges", "payments", "write_offs", "time_barred", "corrections", "closing")


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


async def test_rb_n_as_pdf_and_xlsx(api):
    await portfolio(api)
    pdf = await api.get("/api/v1/reports/rb-n.pdf", params={"as_of": "2025-06-30"})
    assert (pdf.status_code, pdf.headers["content-type"]) == (200, "application/pdf")
    text = PdfReader(io.BytesIO(pdf.content)).pages[0].extract_text()
    text = text.replace("\xa0", " ")
    for expected in ("Rb-N", "1 138,00", "1 038,00", "30 czerwca 2025", "Główny księgowy"):
        assert expected in text
    x = await api.get("/api/v1/reports/rb-n.xlsx", params={"as_of": "2025-06-30"})
    assert x.status_code == 200
    sheet = load_workbook(io.BytesIO(x.content)).active
    assert (sheet["A2"].value, sheet["G2"].value, sheet["I2"].value) == (
        "oplata_pobyt",
        Decimal("1138"),
        Decimal("1038"),
    )
    assert sheet["G2"].number_format == "#,##0.00"
    assert (sheet["A3"].value, sheet["F3"].value, sheet["H3"].value) == ("Razem", 2, 1)


async def test_aging_buckets_and_history(api):
    await portfolio(api)
    # 2025-06-30: A's term ended 2025-03-19, 103 days before → 91–180 days; B is not due.
    found = (await api.get("/api/v1/reports/aging", params={"as_of": "2025-06-30"})).json()
    got = {b["label"]: (b["count"], b["amount"]) for b in found["buckets"]}
    assert got == {
        "0–30 dni": (0, "0.00"),
        "31–90 dni": (0, "0.00"),
        "91–180 dni": (1, "1038.00"),
        "181–365 dni": (0, "0.00"),
        "1–3 lata": (0, "0.00"),
        "powyżej 3 lat": (0, "0.00"),
    }
    assert found["buckets"][2]["by_kind"] == {"oplata_pobyt": {"count": 1, "amount": "1038.00"}}
    history = (
        await api.get("/api/v1/reports/aging/history", params={"until": "2025-06-30", "months": 4})
    ).json()
    # 03-31: 12 days (0–30); 04-30: 42 days (31–90); 05-31: 73 days (31–90); 06-30: 103 days.
    moved = [
        (h["as_of"], [(b["label"], b["amount"]) for b in h["buckets"] if b["count"]])
        for h in history
    ]
    assert moved == [
        ("2025-03-31", [("0–30 dni", "2000.00")]),
        ("2025-04-30", [("31–90 dni", "2000.00")]),
        ("2025-05-31", [("31–90 dni", "2000.00")]),
        ("2025-06-30", [("91–180 dni", "1038.00")]),
    ]


async def test_near_limitation(api):
    a, _ = await portfolio(api)
    # Stay fee: 3 years, a partial payment interrupts and a new period runs (seed 003 §5): last
    # payment 2025-06-30 → 2028-06-30 is the last day (KC art. 112), time-barred from 2028-07-01.
    assert (await api.get(f"/api/v1/receivables/{a}")).json()["time_barred_from"] == "2028-07-01"
    # The list looks 6 months ahead (rozporządzenie MF z 18.11.2020 §3): 2028-01-01 + 6 months =
    # 2028-07-01, within; from 2027-12-31 the window ends 2028-06-30, outside.
    near = (await api.get("/api/v1/reports/near-limitation", params={"as_of": "2028-01-01"})).json()
    assert [(r["id"], r["time_barred_from"], r["principal"]) for r in near] == [
        (a, "2028-07-01", "1038.00")
    ]
    assert (
        await api.get("/api/v1/reports/near-limitation", params={"as_of": "2027-12-31"})
    ).json() == []
    # On the day it is time-barred it is off the list and off the books (Rb-N nominal).
    assert (
        await api.get("/api/v1/reports/near-limitation", params={"as_of": "2028-07-01"})
    ).json() == []
    rbn = (await api.get("/api/v1/reports/rb-n", params={"as_of": "2028-07-01"})).json()
    assert (rbn["nominal"], rbn["due"]) == ("100.00", "0.00")


async def test_turnover_of_two_quarters(api):
    await portfolio(api)
    q1 = (
        await api.get("/api/v1/reports/turnover", params={"from": "2025-01-01", "to": "2025-03-31"})
    ).json()
    # Charges 2,500.00 + 100.00, paid 500.00 before the term (all principal).
    assert {k: q1[k] for k in TOTALS} == {
        "opening": "0.00", "charges": "2600.00", "payments": "500.00", "write_offs": "0.00",
        "time_barred": "0.00", "corrections": "0.00", "closing": "2100.00",
    }  # fmt: skip
    q2 = (
        await api.get(
            "/api/v1/reports/turnover",
            params={"from": "2025-04-01", "to": "2025-06-30", "kind": "oplata_pobyt"},
        )
    ).json()
    # Interest is booked when it is paid: 38.00 charged and paid on 2025-06-30.
    assert {k: q2[k] for k in TOTALS} == {
        "opening": "2100.00", "charges": "38.00", "payments": "1000.00", "write_offs": "0.00",
        "time_barred": "0.00", "corrections": "0.00", "closing": "1138.00",
    }  # fmt: skip
    rows = {
        (r["key"], r["component"]): (r["charges"], r["payments"], r["closing"]) for r in q2["rows"]
    }
    assert rows == {
        ("oplata_pobyt", "interest"): ("38.00", "38.00", "0.00"),
        ("oplata_pobyt", "principal"): ("0.00", "962.00", "1138.00"),
    }
    # Per budget classification (item 3): the stay fee's principal goes to 851 85158 § 0830 and
    # its interest to § 0910 (the kind's bookings, rozporządzenie MF z 2.03.2010), same totals.
    by_class = (
        await api.get(
            "/api/v1/reports/turnover",
            params={
                "from": "2025-04-01",
                "to": "2025-06-30",
                "kind": "oplata_pobyt",
                "by": "classification",
            },
        )
    ).json()
    assert {k: by_class[k] for k in TOTALS} == {k: q2[k] for k in TOTALS}
    assert [(r["label"], r["charges"], r["payments"], r["closing"]) for r in by_class["rows"]] == [
        ("851 85158 § 0830", "0.00", "962.00", "1138.00"),
        ("851 85158 § 0910", "38.00", "38.00", "0.00"),
    ]
    by_debtor = (
        await api.get(
            "/api/v1/reports/turnover",
            params={"from": "2025-04-01", "to": "2025-06-30", "by": "debtor"},
        )
    ).json()
    assert sorted((r["label"], r["component"], r["closing"]) for r in by_debtor["rows"]) == [
        ("Anna Nowak", "principal", "100.00"),
        ("Jan Kowalski", "interest", "0.00"),
        ("Jan Kowalski", "principal", "1038.00"),
    ]
    bad = await api.get(
        "/api/v1/reports/turnover", params={"from": "2025-04-01", "to": "2025-03-01"}
    )
    assert bad.status_code == 422
    assert "Koniec okresu" in bad.json()["detail"]


async def test_turnover_as_fk_postings(api):
    await portfolio(api)
    r = await api.get(
        "/api/v1/reports/turnover.csv", params={"from": "2025-04-01", "to": "2025-06-30"}
    )
    assert r.status_code == 200
    lines = r.content.decode("utf-8").split("\r\n")
    assert lines[0] == ";".join(FK_HEADER)
    rows = [line.split(";") for line in lines[1:] if line]
    got = [(x[3], x[6], x[7], x[8], x[9], x[10]) for x in rows]
    # Accounts of the installation's kind_booking rows (migration i22_statements).
    assert got == [
        ("interest", "0910", "PRZYPIS", "221", "750", "38.00"),
        ("interest", "0910", "WPLATA", "130", "221", "38.00"),
        ("principal", "0830", "BO", "221", "", "2100.00"),
        ("principal", "0830", "WPLATA", "130", "221", "962.00"),
        ("principal", "0830", "BZ", "221", "", "1138.00"),
    ]


async def test_rb_27s_of_a_quarter_cell_by_cell(api):
    await portfolio(api)
    found = (
        await api.get("/api/v1/reports/rb-27s", params={"from": "2025-04-01", "to": "2025-06-30"})
    ).json()
    cells = {
        r["paragraf"]: (
            r["due"],
            r["collected"],
            r["remaining"],
            r["arrears_net"],
            r["overpayments"],
        )
        for r in found["rows"]
    }
    # § 0830 principal: należności = 2,100.00 at the start + 0 charged; collected 962.00;
    # remaining 1,138.00, of which overdue (A) 1,038.00; no overpayments.
    # § 0910 interest: 38.00 charged and collected on 2025-06-30.
    assert cells == {
        "0830": ("2100.00", "962.00", "1138.00", "1038.00", "0.00"),
        "0910": ("38.00", "38.00", "0.00", "0.00", "0.00"),
    }
    assert found["unclassified"] == []


async def test_chart_figures_and_their_drawings(api, session):
    await portfolio(api)
    data = await statements.chart_data(session, date(2025, 6, 30))
    months = {e.isoformat(): (c, p) for e, c, p in data.months if c or p}
    # March: 2,500.00 + 100.00 charged, 500.00 paid; June: 38.00 interest charged, 1,000.00 paid.
    assert months == {"2025-03-31": (260000, 50000), "2025-06-30": (3800, 100000)}
    assert len(data.months) == 12
    assert sum(a for _, _, a in data.by_state) == 113800
    # Collected 1,500.00 of 2,638.00 due since 1 January: 56.86 % (basis points, rounded down).
    assert [bp for _, bp in data.recovery] == [5686]
    page_svg = charts.svg(statements.drawings(data)[2][2], "Przypisy", "m")
    assert page_svg.startswith('<svg role="img" aria-label="Przypisy"')
    assert 'id="clip-m"' in page_svg
    pdf = await api.get("/api/v1/reports/rb-n.pdf", params={"as_of": "2025-06-30"})
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.content)).pages)
    assert "Przypisy i wpłaty miesięcznie" in text
    assert "Ściągalność od początku roku" in text
    assert "Tytuły u organów egzekucyjnych i co wyegzekwowały" in text  # the fifth, as on the page


async def test_a_receivable_in_instalments_is_not_due(api):
    """250.00 delivered 2025-03-05 → term 2025-03-19, due from 03-20; instalments decided
    2025-03-25 (OP art. 48 §1 via u.f.p. art. 67: the terms are the instalments'): due on 03-24,
    not due on 03-31, still in the nominal value."""
    rid = (await create_receivable(api, await create_debtor(api)))["id"]
    await deliver(api, rid, "wezwanie", "2025-03-05")
    await sweep(api, "2025-03-20")
    ok = await api.post(
        f"/api/v1/receivables/{rid}/instalments",
        json={
            "decided_on": "2025-03-25",
            "decision_ref": "FN.3111.1.2025",
            "instalments": [
                {"due_on": "2025-04-30", "amount": "125.00"},
                {"due_on": "2025-05-31", "amount": "125.00"},
            ],
        },
    )
    assert ok.status_code == 201, ok.text
    before = (await api.get("/api/v1/reports/rb-n", params={"as_of": "2025-03-24"})).json()
    assert (before["nominal"], before["due"]) == ("250.00", "250.00")
    after = (await api.get("/api/v1/reports/rb-n", params={"as_of": "2025-03-31"})).json()
    assert (after["nominal"], after["due"]) == ("250.00", "0.00")
