"""Issue 22 item 6 on the pages: the specialist proposes a write-off on the card, the chief
accountant countersigns it on "Do kontroli" (u.f.p. art. 54 ust. 1 pkt 3, ust. 3), the manager
decides (u.f.p. art. 64 ust. 1); a return needs its reason (art. 54 ust. 4)."""

from __future__ import annotations

from datetime import date

from tests.factories import card, create_debtor, create_receivable
from tests.web.conftest import post_form


async def test_a_write_off_proposed_on_the_card_takes_effect_after_control(
    web, as_role, api_admin, today
) -> None:
    today.day = date(2025, 4, 2)
    rid = int((await create_receivable(api_admin, await create_debtor(api_admin)))["id"])
    page = (await web.get(f"/naleznosci/{rid}")).text
    assert "Złóż wniosek o umorzenie" in page
    assert f'action="/naleznosci/{rid}/umorzenie"' not in page  # the direct form is gone
    form = {
        "decided_on": "01.04.2025",
        "decision_ref": "U/1/2025",
        "scope": "czesc",
        "amount": "50,00",
        "justification": "trudna sytuacja materialna",
    }
    r = await post_form(web, f"/naleznosci/{rid}/wniosek-umorzenie", form)
    assert r.status_code == 303, r.text
    page = (await web.get(f"/naleznosci/{rid}")).text
    assert "Wnioski do kontroli głównego księgowego" in page
    assert "do kontroli głównego księgowego" in page
    # 250.00 stays 250.00 until the decision.
    assert (await card(api_admin, rid, "2025-04-02"))["balance"] == "250.00"

    gk = await as_role("ksiegowy")
    listing = (await gk.get("/kontrola")).text
    assert "Kontrasygnuj" in listing
    assert "trudna sytuacja materialna" in listing
    pid = int(listing.split('id="wniosek-')[1].split('"')[0])
    r = await post_form(gk, f"/kontrola/{pid}/zwrot", {"reason": ""}, "/kontrola")
    assert r.status_code == 422
    assert "co najmniej 3 znaków" in r.text
    r = await post_form(gk, f"/kontrola/{pid}/kontrasygnata", {}, "/kontrola")
    assert r.status_code == 303, r.text
    # The accountant cannot decide for the manager; the specialist cannot countersign.
    assert (await post_form(gk, f"/kontrola/{pid}/decyzja", {"decision": "tak"})).status_code == 403

    boss = await as_role("kierownik")
    listing = (await boss.get("/kontrola")).text
    assert "Zapisz decyzję" in listing
    r = await post_form(boss, f"/kontrola/{pid}/decyzja", {"decision": "tak"}, "/kontrola")
    assert r.status_code == 303, r.text
    # 250.00 − 50.00 written off in part = 200.00.
    assert (await card(api_admin, rid, "2025-04-02"))["balance"] == "200.00"
    assert "wykonany" in (await boss.get("/kontrola")).text


async def test_a_refused_proposal_asks_for_the_managers_reason(
    web, as_role, api_admin, today
) -> None:
    today.day = date(2025, 4, 2)
    rid = int((await create_receivable(api_admin, await create_debtor(api_admin)))["id"])
    form = {"decided_on": "01.04.2025", "decision_ref": "U/2/2025", "scope": "calosc"}
    assert (await post_form(web, f"/naleznosci/{rid}/wniosek-umorzenie", form)).status_code == 303
    gk = await as_role("ksiegowy")
    pid = int((await gk.get("/kontrola")).text.split('id="wniosek-')[1].split('"')[0])
    assert (
        await post_form(gk, f"/kontrola/{pid}/kontrasygnata", {}, "/kontrola")
    ).status_code == 303
    boss = await as_role("kierownik")
    r = await post_form(boss, f"/kontrola/{pid}/decyzja", {"decision": "nie"}, "/kontrola")
    assert r.status_code == 409
    assert "Podaj powód" in r.text
    r = await post_form(
        boss,
        f"/kontrola/{pid}/decyzja",
        {"decision": "nie", "reason": "brak przesłanek"},
        "/kontrola",
    )
    assert r.status_code == 303
    assert (await card(api_admin, rid, "2025-04-02"))["state"] != "umorzona"
    assert "brak przesłanek" in (await web.get(f"/naleznosci/{rid}")).text


async def test_a_storno_proposed_on_the_card_takes_effect_on_the_countersignature(
    web, as_role, api_admin, today
) -> None:
    """A correction of the books (ustawa o rachunkowości art. 25 ust. 1 pkt 1): the chief
    accountant's countersignature is the last step."""
    today.day = date(2025, 4, 2)
    rid = int((await create_receivable(api_admin, await create_debtor(api_admin)))["id"])
    pay = await api_admin.post(
        f"/api/v1/receivables/{rid}/payments", json={"paid_on": "2025-03-20", "amount": "50.00"}
    )
    pid = pay.json()["id"]
    page = (await web.get(f"/naleznosci/{rid}")).text
    assert "Złóż wniosek o storno" in page
    assert "Złóż wniosek o zmianę" in page  # the specialist proposes; the manager decides
    url = f"/naleznosci/{rid}/wniosek-storno"
    r = await post_form(
        web, url, {"payment_id": str(pid), "reversed_on": "01.04.2025", "reason": ""}
    )
    assert r.status_code == 422
    assert 'id="e-wniosek_storno-reason"' in r.text
    form = {"payment_id": str(pid), "reversed_on": "01.04.2025", "reason": "zwrot przez bank"}
    assert (await post_form(web, url, form)).status_code == 303
    assert (await card(api_admin, rid, "2025-04-02"))["balance"] == "200.00"
    gk = await as_role("ksiegowy")
    pid_ = int((await gk.get("/kontrola")).text.split('id="wniosek-')[1].split('"')[0])
    r = await post_form(gk, f"/kontrola/{pid_}/kontrasygnata", {}, "/kontrola")
    assert r.status_code == 303, r.text
    # 250.00 again: the 50.00 counts for nothing after the storno.
    assert (await card(api_admin, rid, "2025-04-02"))["balance"] == "250.00"
