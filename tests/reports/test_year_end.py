"""Year-end lists for the chief accountant as PDF and CSV (seed 003 §5.3; art. 30 u.p.o.u.a.)."""

import io

from pypdf import PdfReader

from tests.alimony.support import advance_debtor, post
from tests.factories import create_debtor, create_receivable, deliver, sweep


async def test_time_barred_list_of_a_year(api):
    rid = (
        await create_receivable(
            api,
            await create_debtor(api),
            principal="120.00",
            issue_date="2021-03-01",
            reference="12/2021",
        )
    )["id"]
    # Delivered Fri 2021-03-05 + 14 = Fri 2021-03-19; 3 years → time-barred from 2024-03-20.
    await deliver(api, rid, "wezwanie", "2021-03-05")
    await sweep(api, "2025-01-02")
    assert (await api.get(f"/api/v1/receivables/{rid}")).json()["state"] == "przedawniona"

    csv = await api.get("/api/v1/reports/year-end/2024/time-barred.csv")
    assert csv.status_code == 200, csv.text
    assert csv.content.startswith("\ufeff".encode())
    text = csv.content.decode("utf-8-sig")
    assert "12/2021" in text and "20.03.2024" in text and "120,00" in text
    # Not yet time-barred at the end of 2023.
    assert "12/2021" not in (
        await api.get("/api/v1/reports/year-end/2023/time-barred.csv")
    ).content.decode("utf-8-sig")

    pdf = await api.get("/api/v1/reports/year-end/2024/time-barred.pdf")
    assert pdf.status_code == 200
    assert "12/2021" in PdfReader(io.BytesIO(pdf.content)).pages[0].extract_text()


async def test_alimony_write_off_list_of_a_year(api):
    did = await advance_debtor(api, 36)
    await post(
        api,
        f"/debtors/{did}/write-offs",
        {"decided_on": "2026-11-23", "decision_ref": "FA.4410.1.2026", "step": 30},
    )
    csv = await api.get("/api/v1/reports/year-end/2026/alimony.csv")
    assert csv.status_code == 200, csv.text
    text = csv.content.decode("utf-8-sig")
    assert "FA.4410.1.2026" in text and "300,00" in text
    pdf = await api.get("/api/v1/reports/year-end/2026/alimony.pdf")
    assert pdf.status_code == 200
    assert (await api.get("/api/v1/reports/year-end/1999/alimony.csv")).status_code == 422
