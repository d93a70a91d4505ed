"""Issue 20: the correction forms of the receivable card call the same use cases as the API; a
refusal shows its message next to the field and writes nothing; success is a 303 to the card."""

from __future__ import annotations

from tests.factories import card, create_debtor, create_receivable, deliver
from tests.web.conftest import post_form


async def _paid(api_admin) -> tuple[int, int]:
    rid = (
        await create_receivable(
            api_admin, await create_debtor(api_admin), principal="1000.00", issue_date="2024-02-20"
        )
    )["id"]
    await deliver(api_admin, rid, "wezwanie", "2024-03-01")  # term 2024-03-15
    r = await api_admin.post(
        f"/api/v1/receivables/{rid}/payments",
        json={"paid_on": "2024-05-10", "amount": "300.00", "reference": "KP 12/2024"},
    )
    assert r.status_code == 201, r.text
    return int(rid), int(r.json()["id"])


async def test_storno_through_the_card(web, api_admin) -> None:
    rid, pid = await _paid(api_admin)
    url = f"/naleznosci/{rid}"
    page = (await web.get(url)).text
    assert 'id="akcja-storno"' in page
    assert f'<option value="{pid}"' in page

    refused = await post_form(
        web, f"{url}/storno", {"payment_id": str(pid), "reversed_on": "2024-06-03", "reason": ""},
        page=url,
    )  # fmt: skip
    assert refused.status_code == 422
    assert 'id="e-storno-reason"' in refused.text
    assert (await card(api_admin, rid, "2025-01-01"))["balance"] == "788.46"

    r = await post_form(
        web,
        f"{url}/storno",
        {"payment_id": str(pid), "reversed_on": "2024-06-03", "reason": "zwrot przez bank"},
        page=url,
    )
    assert r.status_code == 303, r.text
    shown = (await web.get(r.headers["location"])).text
    assert "Wycofano wpłatę 300,00\u00a0zł z dnia 10.05.2024." in shown
    assert "storno wpłaty z 10.05.2024 (KP 12/2024)" in shown
    # As if never paid (OP art. 56 §1: 1000.00 × 292 days × 14.50 % / 365 = 116.00 zł).
    assert (await card(api_admin, rid, "2025-01-01"))["balance"] == "1116.00"


async def test_the_head_amends_the_decision_through_the_card(as_role, api_admin) -> None:
    rid, _pid = await _paid(api_admin)
    head = await as_role("kierownik")
    url = f"/naleznosci/{rid}"
    assert 'id="akcja-zmiana_decyzji"' in (await head.get(url)).text
    r = await post_form(
        head,
        f"{url}/zmiana-decyzji",
        {"effective_on": "2024-06-03", "principal": "800,00", "reason": "decyzja SKO 1/2024"},
        page=url,
    )
    assert r.status_code == 303, r.text
    c = await card(api_admin, rid, "2024-06-03")
    assert (c["principal"], c["events"][-1]["action"]) == ("800.00", "zmiana_decyzji")


async def test_the_debtor_page_and_the_card_show_the_overpayment(web, api_admin) -> None:
    rid, _pid = await _paid(api_admin)
    r = await api_admin.post(
        f"/api/v1/receivables/{rid}/annulment",
        json={"effective_on": "2024-07-01", "reason": "decyzja SKO 4/2024"},
    )
    assert r.status_code == 201, r.text
    did = r.json()["debtor_id"]
    page = (await web.get(f"/zobowiazani/{did}")).text
    assert 'id="nadplaty"' in page
    assert "300,00\u00a0zł" in page
    card_page = (await web.get(f"/naleznosci/{rid}")).text
    assert 'id="nadplata-dostepna">300,00\u00a0zł' in card_page
    assert "anulowana (decyzja uchylona)" in card_page


async def test_a_zarzut_and_its_resolution_through_the_card(web, api_admin) -> None:
    from tests.titles.test_api import _titled

    rid, _tid = await _titled(api_admin)
    url = f"/naleznosci/{rid}"
    r = await post_form(
        web,
        f"{url}/spor",
        {"kind": "zarzut", "received_on": "2025-04-22", "description": "brak upomnienia"},
        page=url,
    )
    assert r.status_code == 303, r.text
    page = (await web.get(r.headers["location"])).text
    # 30 days from 2025-04-22 (u.p.e.a. art. 34, parameter zarzut_stanowisko_dni): 22.05.2025.
    assert "Postanowienie wierzyciela do 22.05.2025." in page
    assert 'id="wstrzymanie"' in page
    assert "projekt postanowienia (PDF)" in page
    assert (await card(api_admin, rid, "2025-04-22"))["events"][-1]["action"] == "spor"
    option = page.split('name="dispute_id"')[1].split('value="')[1].split('"')[0]
    r = await post_form(
        web,
        f"{url}/spor-rozstrzygniety",
        {"dispute_id": option, "resolved_on": "2025-05-20", "resolution": "nieuzasadniony"},
        page=url,
    )
    assert r.status_code == 303, r.text
    assert (await card(api_admin, rid, "2025-05-20"))["paused_reason"] is None


async def test_the_head_withdraws_the_title_through_the_card(as_role, api_admin) -> None:
    from tests.titles.test_api import _titled

    rid, _tid = await _titled(api_admin)
    head = await as_role("kierownik")
    url = f"/naleznosci/{rid}"
    r = await post_form(
        head, f"{url}/wycofanie-tytulu", {"withdrawn_on": "2025-05-02", "reason": ""}, page=url
    )
    assert r.status_code == 422
    assert 'id="e-wycofanie-reason"' in r.text
    assert (await card(api_admin, rid, "2025-05-02"))["state"] == "tytul_wykonawczy"
    r = await post_form(
        head,
        f"{url}/wycofanie-tytulu",
        {"withdrawn_on": "2025-05-02", "reason": "błędny adres"},
        page=url,
    )
    assert r.status_code == 303, r.text
    assert (await card(api_admin, rid, "2025-05-02"))["state"] == "upomnienie"
