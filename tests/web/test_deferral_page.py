"""Issue 20 item 3: the deferral page of a receivable calls the same use cases as the API; a
refusal shows its message next to the field and writes nothing; success is a 303 back."""

from __future__ import annotations

from tests.factories import card, create_debtor, create_receivable, deliver
from tests.web.conftest import post_form


async def test_application_referral_and_decision_through_the_page(web, api_admin) -> None:
    rid = (
        await create_receivable(
            api_admin, await create_debtor(api_admin), principal="1000.00", issue_date="2024-02-20"
        )
    )["id"]
    await deliver(api_admin, rid, "wezwanie", "2024-03-01")  # term 2024-03-15
    card_url = f"/naleznosci/{rid}"
    assert 'id="odroczenie-link"' in (await web.get(card_url)).text  # the card's one include
    url = f"{card_url}/odroczenie"
    page = (await web.get(url)).text
    assert "Prezydent Miasta Włocławek" in page  # seed 003 §4, the stay fee's organ

    r = await post_form(web, f"{url}/wniosek", {"applied_on": "2024-04-10"}, page=url)
    assert r.status_code == 303, r.text
    page = (await web.get(url)).text
    app_id = page.split('id="wniosek-', 1)[1].split('"', 1)[0]
    r = await post_form(
        web, f"{url}/przekazanie", {"application_id": app_id, "referred_on": "2024-04-12"},
        page=url,
    )  # fmt: skip
    assert r.status_code == 303, r.text
    assert f"/api/v1/deferral-applications/{app_id}/referral.pdf" in (await web.get(url)).text

    refused = await post_form(
        web, f"{url}/decyzja", {"decided_on": "2024-05-06", "new_term": "2024-03-01"}, page=url
    )
    assert refused.status_code == 422
    assert 'id="e-odroczenie-new_term"' in refused.text
    assert (await card(api_admin, rid, "2024-05-06"))["state"] == "wystawiona"

    r = await post_form(
        web,
        f"{url}/decyzja",
        {"decided_on": "2024-05-06", "new_term": "2024-07-31", "decision_ref": "FN.3/2024"},
        page=url,
    )
    assert r.status_code == 303, r.text
    assert (
        "Odroczono termin płatności do 31.07.2024." in (await web.get(r.headers["location"])).text
    )
    c = await card(api_admin, rid, "2024-07-31")
    # No fee for the stay fee by default; interest only up to the application (26 days: 10 zł).
    assert (c["state"], c["interest_due"], c["balance"]) == ("raty", "10.00", "1010.00")
    shown = (await web.get(card_url)).text
    assert "odroczeniu terminu płatności do 2024-07-31" in shown
    # The card's event list names the relief steps in Polish (app/web/templating.py).
    for label in ("wniosek dłużnika o ulgę", "przekazanie wniosku do organu właściwego"):
        assert label in shown, label
    assert "odroczenie terminu płatności</span>" in shown
