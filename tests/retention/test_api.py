"""Issue 20 item 8: data retention with the state archive's consent, over the API.

Two stay fees of 250.00 paid in full on 10.06.2019 (closed that day), kind oplata_pobyt in
category B5 (the default): kept 2020-2024, due from 1.01.2025 (the period runs in full years from
1 January after the closing). Today is 23.11.2026. The personal data go only after the consent
of the state archive (ustawa o narodowym zasobie archiwalnym i archiwach art. 5 ust. 2)."""

from app.retention.service import REDACTED_NOTE
from tests.factories import card, create_debtor, create_receivable
from tests.letters.pdfcheck import text as pdf_text

OLD = {"issue_date": "2019-03-04", "period_from": "2019-03-01", "period_to": "2019-03-02"}
NEW = {"issue_date": "2026-11-20", "period_from": "2026-11-01", "period_to": "2026-11-02"}


async def _paid(api, did: int) -> int:
    rid = (await create_receivable(api, did, **OLD))["id"]
    r = await api.post(
        f"/api/v1/receivables/{rid}/payments", json={"paid_on": "2019-06-10", "amount": "250.00"}
    )
    assert r.status_code in (200, 201), r.text
    return int(rid)


async def test_due_files_follow_the_kinds_category(api):
    jan = await create_debtor(api)
    rid = await _paid(api, jan)
    due = (await api.get("/api/v1/retention/due")).json()
    assert [(f["receivable_id"], f["category"], f["closed_on"], f["due_from"]) for f in due] == [
        (rid, "B5", "2019-06-10", "2025-01-01")
    ]
    # On 31.12.2024 the B5 period has not run yet.
    assert (await api.get("/api/v1/retention/due", params={"as_of": "2024-12-31"})).json() == []
    kind = (await api.get("/api/v1/kinds/oplata_pobyt")).json()
    body = {k: v for k, v in kind.items() if k not in ("code", "in_use")}
    r = await api.put("/api/v1/kinds/oplata_pobyt", json={**body, "archival_category": "C5"})
    assert r.status_code == 422
    # B10: kept 2020-2029, due from 1.01.2030.
    r = await api.put("/api/v1/kinds/oplata_pobyt", json={**body, "archival_category": "B10"})
    assert r.status_code == 200, r.text
    assert r.json()["archival_category"] == "B10"
    assert (await api.get("/api/v1/retention/due")).json() == []
    r = await api.put("/api/v1/kinds/oplata_pobyt", json={**body, "archival_category": "A"})
    assert (await api.get("/api/v1/retention/due", params={"as_of": "2099-01-01"})).json() == []


async def test_list_consent_then_anonymisation_keeping_the_figures(api):
    jan = await create_debtor(api)
    anna = await create_debtor(api, name="Anna Nowak", first_name="Anna", pesel=None)
    jan_file = await _paid(api, jan)
    note = {"kind": "telefon", "occurred_on": "2026-11-20", "text": "dzwonił z 600 100 200"}
    assert (await api.post(f"/api/v1/debtors/{jan}/notes", json=note)).status_code == 201
    anna_file = await _paid(api, anna)
    await create_receivable(api, anna, **NEW)  # Anna still owes: her data stay
    r = await api.post("/api/v1/retention/lists", json={})
    assert r.status_code == 201, r.text
    spis = r.json()
    assert spis["number"] == "BR/1/2026"
    assert sorted(f["receivable_id"] for f in spis["files"]) == sorted([jan_file, anna_file])
    again = await api.post("/api/v1/retention/lists", json={})
    assert again.status_code == 409  # every file due is on a list already
    lid = spis["id"]
    pdf = await api.get(f"/api/v1/retention/lists/{lid}/spis.pdf")
    assert pdf.status_code == 200, pdf.text
    printed = pdf_text(pdf.content)
    assert "BR/1/2026" in printed
    assert "01.01.2025" in printed
    assert "Kowalski" not in printed  # the archive needs no names
    r = await api.post(f"/api/v1/retention/lists/{lid}/anonymisation")
    assert r.status_code == 409  # not before the archive's consent
    consent = {"consent_ref": "AP.WA.4131.12.2026", "archive": "Archiwum Państwowe w Toruniu"}
    r = await api.post(
        f"/api/v1/retention/lists/{lid}/consent", json={**consent, "consent_on": "2026-11-22"}
    )
    assert r.status_code == 422  # before the list was drawn
    r = await api.post(
        f"/api/v1/retention/lists/{lid}/consent", json={**consent, "consent_on": "2026-11-23"}
    )
    assert r.status_code == 200, r.text
    r = await api.post(f"/api/v1/retention/lists/{lid}/anonymisation")
    assert r.status_code == 200, r.text
    done = r.json()
    assert done["anonymised_debtors"] == [jan]
    assert list(done["kept_debtors"]) == [str(anna)]
    debtor = (await api.get(f"/api/v1/debtors/{jan}")).json()
    assert debtor["name"] == f"[dane usunięte – zobowiązany nr {jan}]"
    assert debtor["pesel"] is None
    assert debtor["address"] is None or not any(debtor["address"].values())
    changes = (await api.get(f"/api/v1/debtors/{jan}/changes")).json()
    assert "44051401359" not in str(changes)
    notes = (await api.get(f"/api/v1/debtors/{jan}/notes")).json()
    assert [(n["kind"], n["text"]) for n in notes] == [("telefon", REDACTED_NOTE)]
    # The figures stay for the reports.
    c = await card(api, jan_file, "2026-11-23")
    assert (c["state"], c["principal"]) == ("zaplacona", "250.00")
    assert (await api.get(f"/api/v1/debtors/{anna}")).json()["name"] == "Anna Nowak"
    audit = (await api.get("/api/v1/audit", params={"action": "anonimizacja"})).json()
    assert [(a["debtor_id"], a["subject"]) for a in audit] == [(jan, "BR/1/2026")]
    for action in ("spis_brakowania", "zgoda_archiwum"):
        assert (await api.get("/api/v1/audit", params={"action": action})).json()
    r = await api.post(f"/api/v1/retention/lists/{lid}/anonymisation")
    assert r.status_code == 409
    r = await api.post(
        "/api/v1/receivables",
        json={
            **NEW,
            "debtor_id": jan,
            "kind": "oplata_pobyt",
            "principal": "10.00",
            "title": "Opłata",
            "issue_date": "2026-11-20",
        },
    )
    assert r.status_code == 409  # no new file on a record whose data were removed
