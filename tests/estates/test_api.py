"""Issue 20 item 7 over the API: the debtor's death, the estate followed, heirs jointly liable
until the division (KC art. 1034 via OP art. 98 § 1 and u.f.p. art. 67 ust. 1), the write-off
for lack of an estate (u.f.p. art. 64 ust. 1 pkt 1 w zw. z art. 56 ust. 1 pkt 1).

The receivable: 250.00 zł issued 2026-11-20, its demand not delivered yet (no interest, no
costs), so its balance on today (2026-11-23) is exactly 250.00."""

from tests.factories import card, create_debtor, create_receivable
from tests.letters.pdfcheck import text as pdf_text

FRESH = {"issue_date": "2026-11-20", "period_from": "2026-11-01", "period_to": "2026-11-02"}


async def _deceased(api, **debtor) -> tuple[int, int]:
    did = await create_debtor(api, **debtor)
    rid = (await create_receivable(api, did, **FRESH))["id"]
    return did, rid


async def test_death_pauses_until_an_heir_then_joint_then_by_share(api):
    did, rid = await _deceased(api)
    r = await api.post(f"/api/v1/debtors/{did}/death", json={"died_on": "2026-11-27"})
    assert r.status_code == 422  # after today
    r = await api.post(f"/api/v1/debtors/{did}/death", json={"died_on": "2026-11-21"})
    assert r.status_code == 201, r.text
    estate = r.json()
    assert estate["died_on"] == "2026-11-21"
    [rec] = estate["receivables"]
    assert rec["balance"] == "250.00"
    assert rec["paused_reason"] == (
        "zobowiązany zmarł 21.11.2026: należność dochodzona od spadku, do ustalenia spadkobierców"
    )
    again = await api.post(f"/api/v1/debtors/{did}/death", json={"died_on": "2026-11-21"})
    assert again.status_code == 409  # one death, one event on each receivable
    c = await card(api, rid, "2026-11-23")
    assert c["state"] == "wystawiona"  # the state stays: the estate is followed, not closed
    assert c["events"][-1]["action"] == "zgon_zobowiazanego"
    assert c["paused_reason"] == rec["paused_reason"]

    anna = await create_debtor(api, name="Anna Kowalska", first_name="Anna", pesel=None)
    piotr = await create_debtor(api, name="Piotr Kowalski", first_name="Piotr", pesel=None)
    body = {"heir_id": anna, "share": "1/3", "basis": "postanowienie SR Włocławek I Ns 1/26"}
    r = await api.post(
        f"/api/v1/debtors/{did}/heirs", json={**body, "established_on": "2026-11-20"}
    )
    assert r.status_code == 422  # before the death
    r = await api.post(
        f"/api/v1/debtors/{did}/heirs", json={**body, "established_on": "2026-11-23"}
    )
    assert r.status_code == 201, r.text
    [rec] = r.json()["receivables"]
    assert rec["paused_reason"] is None  # an heir is known: the automatic steps resume
    # KC art. 1034 § 1: before the division the heir answers for the whole 250.00.
    assert rec["liability"] == {str(anna): "250.00"}
    body = {**body, "heir_id": piotr, "share": "2/3", "established_on": "2026-11-23"}
    r = await api.post(f"/api/v1/debtors/{did}/heirs", json=body)
    assert r.status_code == 201, r.text
    assert r.json()["receivables"][0]["liability"] == {str(anna): "250.00", str(piotr): "250.00"}
    third = await create_debtor(api, name="Ewa Nowak", pesel=None)
    r = await api.post(f"/api/v1/debtors/{did}/heirs", json={**body, "heir_id": third})
    assert r.status_code == 422  # 1/3 + 2/3 + 2/3 > 1
    r = await api.post(f"/api/v1/debtors/{did}/estate-division", json={"divided_on": "2026-11-23"})
    assert r.status_code == 200, r.text
    # KC art. 1034 § 2: 250.00 × 1/3 = 83.33; × 2/3 = 166.666… → 166.67 (the grosz left).
    assert r.json()["receivables"][0]["liability"] == {str(anna): "83.33", str(piotr): "166.67"}
    assert [h["share"] for h in r.json()["heirs"]] == ["1/3", "2/3"]


async def test_death_date_from_the_pesel_register_is_reused(api):
    did, rid = await _deceased(api, deceased=True, deceased_on="2026-11-22")
    r = await api.post(f"/api/v1/debtors/{did}/death", json={})
    assert r.status_code == 201, r.text
    assert r.json()["died_on"] == "2026-11-22"
    alive, _ = await _deceased(api, pesel=None, name="Adam Żywy")
    r = await api.post(f"/api/v1/debtors/{alive}/death", json={})
    assert r.status_code == 422  # no date anywhere


async def test_write_off_for_lack_of_an_estate_with_its_decision(api):
    did, rid = await _deceased(api)
    url = f"/api/v1/debtors/{did}/estate-write-off"
    body = {
        "decided_on": "2026-11-23",
        "decision_ref": "FN.3120.1.2026",
        "ground": "przedmioty_codziennego_uzytku",
        "household_value": "6000.00",
    }
    r = await api.post(url, json=body)
    assert r.status_code == 409  # the death is not recorded yet
    r = await api.post(f"/api/v1/debtors/{did}/death", json={"died_on": "2026-11-21"})
    assert r.status_code == 201, r.text
    # u.f.p. art. 56 ust. 1 pkt 1: household items above 6000 zł are an estate to follow.
    r = await api.post(url, json={**body, "household_value": "6000.01"})
    assert r.status_code == 422
    assert "6000" not in r.json()["detail"] or "próg" in r.json()["detail"]
    r = await api.post(url, json=body)
    assert r.status_code == 201, r.text
    [rec] = r.json()["receivables"]
    assert rec["state"] == "umorzona"
    assert rec["balance"] == "0.00"
    [wid] = r.json()["write_offs"]
    c = await card(api, rid, "2026-11-23")
    assert c["events"][-1]["action"] == "umorzenie"
    pdf = await api.get(f"/api/v1/estate-write-offs/{wid}/decision.pdf")
    assert pdf.status_code == 200, pdf.text
    printed = pdf_text(pdf.content)
    assert "art. 64 ust. 1 pkt 1" in printed
    assert "FN.3120.1.2026" in printed
    assert "250,00" in printed
    again = await api.post(url, json=body)
    assert again.status_code == 409  # nothing open is left


async def test_a_dispute_and_the_estate_pause_together(api):
    """Both pauses show; resolving the dispute leaves the estate's (no heir yet)."""
    did, rid = await _deceased(api)
    r = await api.post(f"/api/v1/debtors/{did}/death", json={"died_on": "2026-11-21"})
    assert r.status_code == 201, r.text
    estate_reason = r.json()["receivables"][0]["paused_reason"]
    r = await api.post(
        f"/api/v1/receivables/{rid}/disputes", json={"kind": "skarga", "received_on": "2026-11-22"}
    )
    assert r.status_code == 201, r.text
    both = (await card(api, rid, "2026-11-23"))["paused_reason"]
    assert both == (
        "wstrzymane: skarga na decyzję (sąd administracyjny) z dnia 22.11.2026; " + estate_reason
    )
    r = await api.post(
        f"/api/v1/disputes/{r.json()['id']}/resolution",
        json={"resolved_on": "2026-11-23", "resolution": "skarga oddalona"},
    )
    assert r.status_code == 200, r.text
    assert (await card(api, rid, "2026-11-23"))["paused_reason"] == estate_reason
