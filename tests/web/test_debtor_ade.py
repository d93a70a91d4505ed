"""The debtor form edits the ADE and the BAE check date and erases nothing it does not show."""

from tests.factories import JAN, create_debtor
from tests.web.conftest import post_form

ADE = "AE:PL-51297-53987-VUTIV-32"


async def test_the_form_edits_ade_and_keeps_what_it_does_not_show(web, api_admin):
    did = await create_debtor(
        api_admin, deceased=True, deceased_on="2025-02-11", address=JAN["address"]
    )
    page = (await web.get(f"/zobowiazani/{did}/edycja")).text
    assert "Adres do doręczeń elektronicznych (ADE)" in page
    form = {
        "name": "Kowalski Jan",
        "street": "ul. Długa 5 m. 3",
        "postal_code": "87-800",
        "city": "Włocławek",
        "pesel": "44051401359",
        "deceased": "on",
        "ade": ADE,
        "ade_checked_on": "2025-03-03",
    }
    r = await post_form(web, f"/zobowiazani/{did}/edycja", form)
    assert r.status_code == 303, r.text
    d = (await api_admin.get(f"/api/v1/debtors/{did}")).json()
    assert (d["ade"], d["ade_checked_on"], d["deceased_on"]) == (ADE, "2025-03-03", "2025-02-11")
    # The form shows no voivodeship, county or commune: the same locality keeps them.
    assert d["address"]["commune"] == "Włocławek"
    card = (await web.get(f"/zobowiazani/{did}")).text
    assert ADE in card
    assert "zmarły 11.02.2025" in card
