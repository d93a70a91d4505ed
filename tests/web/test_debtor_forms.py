"""The debtor forms: field errors in Polish next to the field, values kept, nothing written; on
success a 303 to the card (post/redirect/get)."""

from __future__ import annotations

import re

from tests.web.conftest import post_form

JAN = {
    "name": "Kowalski Jan",
    "first_name": "Jan",
    "last_name": "Kowalski",
    "pesel": "44051401359",
    "street": "ul. Długa 5 m. 3",
    "postal_code": "87-800",
    "city": "Włocławek",
}


async def _debtors(api_admin, q: str) -> list[dict]:
    return (await api_admin.get("/api/v1/debtors", params={"q": q})).json()


async def test_a_wrong_pesel_is_shown_next_to_the_field_and_nothing_is_written(
    web, api_admin
) -> None:
    r = await post_form(web, "/zobowiazani/nowy", {**JAN, "pesel": "44051401358"})
    assert r.status_code == 422
    assert (
        '<p class="error" id="e-zobowiazany-pesel">Nieprawidłowy numer PESEL '
        "(błędna długość lub cyfra kontrolna)</p>"
    ) in r.text
    assert (
        'aria-describedby="h-zobowiazany-pesel e-zobowiazany-pesel" aria-invalid="true" autofocus'
        in r.text
    )
    assert 'value="44051401358"' in r.text
    assert 'value="Włocławek"' in r.text
    assert await _debtors(api_admin, "Kowalski") == []


async def test_a_partial_address_and_a_missing_name(web, api_admin) -> None:
    r = await post_form(web, "/zobowiazani/nowy", {**JAN, "name": "", "postal_code": ""})
    assert r.status_code == 422
    assert 'id="e-zobowiazany-name">To pole jest wymagane' in r.text
    r = await post_form(web, "/zobowiazani/nowy", {**JAN, "postal_code": ""})
    assert 'id="e-zobowiazany-postal_code">Podaj kod pocztowy albo zostaw puste' in r.text
    r = await post_form(web, "/zobowiazani/nowy", {**JAN, "postal_code": "87800"})
    assert 'id="e-zobowiazany-postal_code">Kod pocztowy w postaci 00-000' in r.text
    assert await _debtors(api_admin, "Kowalski") == []


async def test_no_address_needs_a_flag(web, api_admin) -> None:
    bare = {"name": "Nowak Ewa"}
    r = await post_form(web, "/zobowiazani/nowy", bare)
    assert r.status_code == 422
    # The service's message (field "address") sits at the first address field.
    assert 'id="e-zobowiazany-street">Podaj adres albo zaznacz' in r.text
    r = await post_form(web, "/zobowiazani/nowy", {**bare, "homeless": "on"})
    assert r.status_code == 303
    [ewa] = await _debtors(api_admin, "Nowak")
    assert r.headers["location"] == f"/zobowiazani/{ewa['id']}"


async def test_add_then_edit_a_debtor(web, api_admin) -> None:
    r = await post_form(web, "/zobowiazani/nowy", {**JAN, "nip": "526-025-02-74"})
    assert r.status_code == 303
    card = await web.get(r.headers["location"])
    assert "Dodano zobowiązanego: Kowalski Jan." in card.text
    assert "5260250274" in card.text
    edit = r.headers["location"] + "/edycja"
    form = await web.get(edit)
    assert 'value="ul. Długa 5 m. 3"' in form.text
    r = await post_form(
        web, edit, {**JAN, "city": "Toruń", "postal_code": "87-100", "deceased": "on"}
    )
    assert r.status_code == 303
    card = await web.get(r.headers["location"])
    assert "87-100 Toruń" in card.text
    assert "zmarły" in card.text
    # The audit trail on the card: who changed which field from what to what.
    trail = re.sub(r"\s+", " ", card.text[card.text.index("Historia zmian danych") :])
    assert "u_specjalista" in trail and "dodanie" in trail
    assert "kod pocztowy: 87-800 → 87-100" in trail
    assert "miejscowość: Włocławek → Toruń" in trail
    assert "zmarły: nie → tak" in trail
    r = await post_form(web, edit, {**JAN, "regon": "123"})
    assert r.status_code == 422
    assert "Nieprawidłowy numer REGON" in r.text
    [jan] = await _debtors(api_admin, "Kowalski")
    assert jan["city"] == "Toruń"


async def test_search_by_name_pesel_and_nip(web) -> None:
    await post_form(web, "/zobowiazani/nowy", {**JAN, "nip": "5260250274"})
    for q in ("kowal", "440514", "526025"):
        assert "Kowalski Jan" in (await web.get("/zobowiazani", params={"q": q})).text, q
    assert "Nie znaleziono" in (await web.get("/zobowiazani", params={"q": "Zzz"})).text
