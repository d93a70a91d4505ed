"""The debtor's commune (issue 14 item 3): picked on the form from the TERYT register, county and
voivodeship following from it; candidates on the card when the city did not tell; and an edit
never erases what the form does not show."""

from __future__ import annotations

import re

from tests.web.conftest import post_form

FORM = {
    "name": "Kowalski Jan",
    "first_name": "Jan",
    "last_name": "Kowalski",
    "street": "ul. Długa 5",
    "postal_code": "87-800",
    "city": "Włocławek",
}
RURAL = "Włocławek (gmina wiejska), powiat włocławski, woj. kujawsko-pomorskie"


async def _debtor(api_admin, did: int) -> dict:
    return (await api_admin.get(f"/api/v1/debtors/{did}")).json()


def _id(location: str) -> int:
    return int(location.rsplit("/", 1)[1])


async def test_the_city_gives_the_commune_and_the_card_shows_it(web, api_admin) -> None:
    r = await post_form(web, "/zobowiazani/nowy", FORM)
    assert r.status_code == 303, r.text
    address = (await _debtor(api_admin, _id(r.headers["location"])))["address"]
    assert (address["commune_code"], address["county"], address["voivodeship"]) == (
        "0464011",
        "Włocławek",
        "kujawsko-pomorskie",
    )
    card = re.sub(r"\s+", " ", (await web.get(r.headers["location"])).text)
    assert "Włocławek (gmina miejska), powiat Włocławek, woj. kujawsko-pomorskie" in card
    assert "TERC 0464011" in card


async def test_the_commune_typed_without_javascript(web, api_admin) -> None:
    # "Włocławek" names two communes: the form says which and keeps what was typed.
    r = await post_form(web, "/zobowiazani/nowy", {**FORM, "commune": "Włocławek"})
    assert r.status_code == 422
    error = re.search(r'id="e-zobowiazany-commune">([^<]*)<', r.text)
    assert error is not None
    assert "Kilka gmin o tej nazwie" in error[1]
    assert RURAL in error[1]
    # The label from the suggestions names one; the code the autocomplete fills in, too.
    r = await post_form(web, "/zobowiazani/nowy", {**FORM, "commune": RURAL})
    assert r.status_code == 303, r.text
    assert (await _debtor(api_admin, _id(r.headers["location"])))["address"]["commune"] == (
        "Włocławek"
    )
    assert (await _debtor(api_admin, _id(r.headers["location"])))["address"]["county"] == (
        "włocławski"
    )
    r = await post_form(
        web, "/zobowiazani/nowy", {**FORM, "commune": "cokolwiek", "commune_code": "1463011"}
    )
    assert (await _debtor(api_admin, _id(r.headers["location"])))["address"]["county"] == "Radom"
    r = await post_form(web, "/zobowiazani/nowy", {**FORM, "commune": "Nieistniejąca"})
    assert "Nie ma gminy „Nieistniejąca” w rejestrze TERYT" in r.text


async def test_an_edit_keeps_what_the_form_does_not_show(web, api_admin) -> None:
    # A village no register resolves, its division entered over the API by hand (no TERC code).
    r = await api_admin.post(
        "/api/v1/debtors",
        json={
            "name": "Nowak Ewa",
            "address": {
                "street": "Zazamcze 15",
                "postal_code": "87-800",
                "city": "Zazamcze",
                "voivodeship": "kujawsko-pomorskie",
                "county": "włocławski",
                "commune": "Włocławek",
            },
        },
    )
    assert r.status_code == 201, r.text
    did = r.json()["id"]
    edit = f"/zobowiazani/{did}/edycja"
    form = (await web.get(edit)).text
    values = dict(re.findall(r'name="(\w+)"[^>]*value="([^"]*)"', form))
    assert values["commune"] == "Włocławek"
    # The specialist corrects the house number only: the form sends what it shows.
    sent = {k: v for k, v in values.items() if k != "csrf_token"} | {"street": "Zazamcze 16"}
    r = await post_form(web, edit, sent)
    assert r.status_code == 303, r.text
    address = (await _debtor(api_admin, did))["address"]
    assert address == {
        "street": "Zazamcze 16",
        "postal_code": "87-800",
        "city": "Zazamcze",
        "commune_code": None,
        "voivodeship": "kujawsko-pomorskie",
        "county": "włocławski",
        "commune": "Włocławek",
    }
    # Over the API, a field left out keeps its value too.
    r = await api_admin.put(f"/api/v1/debtors/{did}", json={"first_name": "Ewa"})
    assert r.status_code == 200, r.text
    after = await _debtor(api_admin, did)
    assert (after["name"], after["first_name"], after["address"]) == ("Nowak Ewa", "Ewa", address)
    # An explicit null clears.
    r = await api_admin.put(f"/api/v1/debtors/{did}", json={"first_name": None})
    assert (await _debtor(api_admin, did))["first_name"] is None
    assert (await api_admin.put(f"/api/v1/debtors/{did}", json={"name": None})).status_code == 422


async def test_the_card_shows_the_candidates_when_the_city_does_not_tell(web, api_admin) -> None:
    r = await api_admin.post(
        "/api/v1/debtors", json={"name": "Zieliński Adam", "address": "Polna 3, 27-400 Baranów"}
    )
    assert r.status_code == 201, r.text
    assert r.json()["address"]["commune_code"] is None
    card = re.sub(r"\s+", " ", (await web.get(f"/zobowiazani/{r.json()['id']}")).text)
    assert "gmina nieustalona" in card
    assert "Miejscowość „Baranów” może leżeć w gminie:" in card
    assert card.count("Baranów (gmina wiejska)") >= 2
    assert "Wskaż gminę" in card
