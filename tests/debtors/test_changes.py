"""The debtor's audit trail (issue 8 item 10: who did what and when, for every change): adding a
debtor records the fields given; an edit records each changed field with its old and new value;
saving unchanged data records nothing; a refused edit records nothing."""

from __future__ import annotations

from tests.factories import JAN, create_debtor


async def test_adding_and_editing_a_debtor_are_recorded_field_by_field(api) -> None:
    did = await create_debtor(api)
    moved = {**JAN, "address": {**JAN["address"], "street": "ul. Krótka 1"}, "deceased": True}
    r = await api.put(f"/api/v1/debtors/{did}", json=moved)
    assert r.status_code == 200, r.text
    assert (await api.put(f"/api/v1/debtors/{did}", json=moved)).status_code == 200  # unchanged

    r = await api.get(f"/api/v1/debtors/{did}/changes")
    assert r.status_code == 200
    created, edited = r.json()  # the unchanged save added no row
    assert (created["action"], created["actor"]) == ("utworzenie", "admin")
    given = {c["field"]: c["new"] for c in created["changes"]}
    assert given == {
        "name": "Jan Kowalski",
        "first_name": "Jan",
        "last_name": "Kowalski",
        "pesel": "44051401359",
        "street": "ul. Długa 5 m. 3",
        "postal_code": "87-800",
        "city": "Włocławek",
        "voivodeship": "kujawsko-pomorskie",
        "county": "Włocławek",
        "commune": "Włocławek",
    }
    assert (edited["action"], edited["actor"]) == ("zmiana", "admin")
    assert edited["changes"] == [
        {"field": "street", "old": "ul. Długa 5 m. 3", "new": "ul. Krótka 1"},
        {"field": "deceased", "old": False, "new": True},
    ]


async def test_a_refused_edit_records_nothing(api) -> None:
    did = await create_debtor(api)
    r = await api.put(f"/api/v1/debtors/{did}", json={**JAN, "pesel": "44051401358"})
    assert r.status_code == 422
    assert len((await api.get(f"/api/v1/debtors/{did}/changes")).json()) == 1
    assert (await api.get("/api/v1/debtors/999999/changes")).status_code == 404
