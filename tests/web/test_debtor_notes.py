"""The notes and contacts form of the debtor card (issue 19 item 5): an impossible date is refused
next to the field with what was typed kept and nothing written; a note saved shows its day, kind
and author."""

from __future__ import annotations

from tests.factories import create_debtor
from tests.web.conftest import post_form


async def test_the_debtor_card_writes_a_note_and_shows_it(web, api_admin) -> None:
    did = await create_debtor(api_admin)
    page = f"/zobowiazani/{did}"
    r = await post_form(
        web,
        f"{page}/notatki",
        {"kind": "telefon", "occurred_on": "30.02.2026", "text": "Oddzwoni jutro"},
        page,
    )
    assert r.status_code == 422
    assert 'id="e-notatka-occurred_on"' in r.text
    assert "Oddzwoni jutro" in r.text  # what was typed stays
    assert (await api_admin.get(f"/api/v1/debtors/{did}/notes")).json() == []

    r = await post_form(
        web,
        f"{page}/notatki",
        {"kind": "telefon", "occurred_on": "20.11.2026", "text": "Oddzwoni jutro"},
        page,
    )
    assert r.status_code == 303
    assert r.headers["location"] == f"{page}#notatki"
    r = await web.get(page)
    assert "Zapisano wpis: rozmowa telefoniczna z dnia 20.11.2026." in r.text
    assert "<td>20.11.2026</td><td>rozmowa telefoniczna</td>" in r.text
    assert "Oddzwoni jutro" in r.text
    assert "u_specjalista" in r.text
