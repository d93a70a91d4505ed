"""A debtor's notes and contacts log (issue 19 item 5): a phone call, a visit, a letter, dated,
with who wrote it; newest first; recorded in the audit trail; bad input refused in Polish with
nothing written; the form on the debtor card keeps what was typed."""

from __future__ import annotations

from tests.factories import create_debtor


async def test_notes_are_kept_with_their_day_and_author_newest_first(api) -> None:
    did = await create_debtor(api)
    call = {"kind": "telefon", "occurred_on": "2026-11-20", "text": "Deklaruje wpłatę do 30.11."}
    visit = {"kind": "wizyta", "occurred_on": "2026-11-22", "text": "Wizyta w urzędzie."}
    for body in (call, visit):
        r = await api.post(f"/api/v1/debtors/{did}/notes", json=body)
        assert r.status_code == 201, r.text
    r = await api.get(f"/api/v1/debtors/{did}/notes")
    assert r.status_code == 200
    got = [(n["kind"], n["kind_label"], n["occurred_on"], n["created_by"]) for n in r.json()]
    assert got == [
        ("wizyta", "wizyta / rozmowa osobista", "2026-11-22", "admin"),
        ("telefon", "rozmowa telefoniczna", "2026-11-20", "admin"),
    ]
    trail = (await api.get("/api/v1/audit", params={"action": "notatka_dodana"})).json()
    assert [(a["actor"], a["debtor_id"]) for a in trail] == [("admin", did), ("admin", did)]
    assert all("Deklaruje" not in str(a) for a in trail)  # the text stays out of the trail


async def test_a_note_in_the_future_or_without_text_is_refused_and_nothing_written(api) -> None:
    did = await create_debtor(api)
    # tests/conftest.py: today is 23.11.2026
    r = await api.post(
        f"/api/v1/debtors/{did}/notes",
        json={"kind": "pismo", "occurred_on": "2026-11-24", "text": "x"},
    )
    assert r.status_code == 422
    assert "24.11.2026" in r.json()["detail"]
    r = await api.post(
        f"/api/v1/debtors/{did}/notes",
        json={"kind": "plotka", "occurred_on": "2026-11-20", "text": ""},
    )
    assert r.status_code == 422
    assert (await api.get(f"/api/v1/debtors/{did}/notes")).json() == []
    assert (await api.get("/api/v1/debtors/999999/notes")).status_code == 404
