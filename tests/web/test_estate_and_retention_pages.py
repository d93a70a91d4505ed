"""Issue 20 items 7 and 8 through the pages: the estate page of a deceased debtor (death, heir,
write-off for lack of an estate: u.f.p. art. 64 ust. 1 pkt 1 w zw. z art. 56 ust. 1 pkt 1) and
the retention page (list, consent of the state archive under u.n.z.a. art. 5 ust. 2, removal).
Bad input: the Polish message next to the field, nothing written."""

from __future__ import annotations

import re

from tests.factories import create_debtor, create_receivable
from tests.web.conftest import post_form

FRESH = {"issue_date": "2026-11-20", "period_from": "2026-11-01", "period_to": "2026-11-02"}
OLD = {"issue_date": "2019-03-04", "period_from": "2019-03-01", "period_to": "2019-03-02"}


async def test_estate_page_death_heir_and_write_off(web, as_role, api_admin) -> None:
    did = await create_debtor(api_admin)
    await create_receivable(api_admin, did, **FRESH)
    heir = await create_debtor(api_admin, name="Anna Kowalska", pesel=None)
    card = await web.get(f"/zobowiazani/{did}")
    assert f'href="/zobowiazani/{did}/spadek"' in card.text
    page = f"/zobowiazani/{did}/spadek"
    bad = await post_form(web, f"{page}/zgon", {"died_on": "2026-11-30"}, page)
    assert bad.status_code == 422
    assert "późniejsza niż dzisiejsza" in bad.text
    assert (await api_admin.get(f"/api/v1/debtors/{did}")).json()["deceased"] is False
    ok = await post_form(web, f"{page}/zgon", {"died_on": "21.11.2026"}, page)
    assert ok.status_code == 303, ok.text
    html = (await web.get(page)).text
    assert "Nie ustalono spadkobierców" in html
    data = {"heir_id": str(heir), "basis": "akt poświadczenia dziedziczenia Rep. A 1/2026"}
    bad = await post_form(
        web, f"{page}/spadkobierca", {**data, "share": "3/2", "established_on": "2026-11-23"}, page
    )
    assert bad.status_code == 422
    assert "nie może przekraczać całości" in bad.text
    ok = await post_form(
        web, f"{page}/spadkobierca", {**data, "share": "1/1", "established_on": "2026-11-23"}, page
    )
    assert ok.status_code == 303, ok.text
    html = (await web.get(page)).text
    assert "Anna Kowalska: 250,00" in html.replace("\xa0", " ")
    boss = await as_role("kierownik")
    body = {"decided_on": "2026-11-23", "decision_ref": "FN.1.2026", "ground": "brak_majatku"}
    ok = await post_form(boss, f"{page}/umorzenie", body, page)
    assert ok.status_code == 303, ok.text
    html = (await boss.get(page)).text
    assert "/decision.pdf" in html


async def test_retention_page_list_consent_and_removal(web, as_role, api_admin) -> None:
    did = await create_debtor(api_admin)
    rid = (await create_receivable(api_admin, did, **OLD))["id"]
    r = await api_admin.post(
        f"/api/v1/receivables/{rid}/payments", json={"paid_on": "2019-06-10", "amount": "250.00"}
    )
    assert r.status_code in (200, 201), r.text
    html = (await web.get("/retencja")).text
    assert "01.01.2025" in html
    ok = await post_form(web, "/retencja/spis", {}, "/retencja")
    assert ok.status_code == 303, ok.text
    html = (await web.get("/retencja")).text
    lid = int(re.search(r"/api/v1/retention/lists/(\d+)/spis.pdf", html)[1])
    boss = await as_role("kierownik")
    bad = await post_form(
        boss,
        f"/retencja/{lid}/zgoda",
        {"consent_on": "2026-11-24", "consent_ref": "AP.1", "archive": "AP Toruń"},
        "/retencja",
    )
    assert bad.status_code == 422
    assert "późniejsza niż dzisiejsza" in bad.text
    ok = await post_form(
        boss,
        f"/retencja/{lid}/zgoda",
        {"consent_on": "2026-11-23", "consent_ref": "AP.1", "archive": "AP Toruń"},
        "/retencja",
    )
    assert ok.status_code == 303, ok.text
    admin = await as_role("admin")
    ok = await post_form(admin, f"/retencja/{lid}/anonimizacja", {}, "/retencja")
    assert ok.status_code == 303, ok.text
    assert (await api_admin.get(f"/api/v1/debtors/{did}")).json()["pesel"] is None
    assert "dane osobowe usunięte" in (await admin.get("/retencja")).text


async def test_the_archival_category_is_on_the_kind_form(as_role) -> None:
    admin = await as_role("admin")
    page = (await admin.get("/rodzaje/oplata_pobyt")).text
    assert 'name="archival_category"' in page
    assert 'value="B5"' in page
    assert "Kategoria archiwalna akt wg JRWA" in page
