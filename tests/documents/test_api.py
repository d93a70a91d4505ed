"""Documents as PDF over the API: what the specialist prints, with the figures of the card."""

import io
from datetime import date

from pypdf import PdfReader

from tests.factories import create_debtor, create_receivable, deliver, sweep


def _text(content: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


async def _due(api, principal="250.00", **debtor) -> int:
    rid = (await create_receivable(api, await create_debtor(api, **debtor), principal=principal))[
        "id"
    ]
    await deliver(api, rid, "wezwanie", "2025-03-05")  # term ends 2025-03-19, due 2025-03-20
    return rid


async def test_reminder_pdf_carries_the_elements_of_seed_003(api):
    rid = await _due(api, name="Zażółć Gęślą", first_name="Zażółć", last_name="Gęślą")
    await sweep(api, "2025-03-20")
    rem = await api.post(f"/api/v1/receivables/{rid}/reminders", json={"issued_on": "2025-04-01"})
    r = await api.get(f"/api/v1/documents/{rem.json()['id']}.pdf")
    assert r.status_code == 200, r.text
    assert r.headers["content-type"] == "application/pdf"
    text = _text(r.content)
    for element in ["UP/1/2025", "Zażółć Gęślą", "44051401359", "250,00", "16,00", "7 dni", "100"]:
        assert element in text, element
    # The kind's legal basis with the article's superscript (issue 16 item 9)
    assert "art. 42² ust. 11" in text
    assert "42(2)" not in text


async def test_demand_pdf_has_original_and_copy(api):
    rid = await _due(api)
    card = (await api.get(f"/api/v1/receivables/{rid}")).json()
    demand = card["documents"][0]
    r = await api.get(f"/api/v1/documents/{demand['id']}.pdf")
    assert r.status_code == 200
    text = _text(r.content)
    assert "WZ/1/2025" in text
    assert "14 dni" in text


async def test_batch_issues_due_reminders_but_skips_small_amounts(api):
    big = await _due(api, principal="250.00")
    small = await _due(api, principal="150.00", name="Anna Mała", pesel="02270803624")
    await sweep(api, "2025-03-20")
    r = await api.post("/api/v1/reminders/batch", json={"issued_on": "2025-04-01"})
    assert r.status_code == 201, r.text
    # u.p.e.a. art. 6 §1: 150.00 zł does not exceed 10 × 16.00 = 160.00 zł → no reminder needed.
    assert r.json()["issued"] == ["UP/1/2025"]
    assert r.json()["skipped_below_minimum"] == [small]
    assert (await api.get(f"/api/v1/receivables/{big}")).json()["state"] == "upomnienie"
    pdf = await api.get("/api/v1/reminders/batch.pdf", params={"issued_on": "2025-04-01"})
    assert pdf.status_code == 200
    assert "UP/1/2025" in _text(pdf.content)
    none = await api.get("/api/v1/reminders/batch.pdf", params={"issued_on": "2025-04-02"})
    assert none.status_code == 404


async def test_batch_reminds_a_small_amount_before_the_last_six_months(api, today):
    # 100.00 zł, term 2025-03-19, time-barred from 2028-03-20 (seed 003 §5). Not above
    # 10 × 16.00 zł even with its interest (about 30 zł by 2027): no reminder needed now
    # (u.p.e.a. art. 6 §1), but rozporządzenie MF z 18.11.2020 §3 wants it before the last six
    # months before limitation (2027-09-20 … 2028-03-19), i.e. by 2027-09-19; the batch takes it
    # in a month before, from 2027-08-19.
    rid = await _due(api, principal="100.00")
    await sweep(api, "2025-03-20")
    card = (await api.get(f"/api/v1/receivables/{rid}")).json()
    assert card["time_barred_from"] == "2028-03-20"
    today.day = date(2027, 8, 19)
    r = await api.post("/api/v1/reminders/batch", json={"issued_on": "2027-08-18"})
    assert (r.json()["issued"], r.json()["skipped_below_minimum"]) == ([], [rid])
    r = await api.post("/api/v1/reminders/batch", json={"issued_on": "2027-08-19"})
    assert (r.json()["issued"], r.json()["skipped_below_minimum"]) == (["UP/1/2027"], [])
    assert (await api.get(f"/api/v1/receivables/{rid}")).json()["state"] == "upomnienie"
