"""The debtor's address for e-delivery (ADE, from the BAE register) and the date BAE was checked:
PUT /api/v1/debtors/{id} accepts them, the form shows them, and neither the form nor a client
that does not send them erases them (or the date of death)."""

from tests.factories import JAN, create_debtor

ADE = "AE:PL-51297-53987-VUTIV-32"


async def test_put_accepts_ade_and_a_put_without_it_keeps_it(api):
    did = await create_debtor(api)
    r = await api.put(
        f"/api/v1/debtors/{did}",
        json={**JAN, "ade": " ae:pl-51297-53987-vutiv-32 ", "ade_checked_on": "2025-03-03"},
    )
    assert r.status_code == 200, r.text
    assert (r.json()["ade"], r.json()["ade_checked_on"]) == (ADE, "2025-03-03")
    # An older client sends the debtor without the new fields: they stay.
    r = await api.put(f"/api/v1/debtors/{did}", json={**JAN, "name": "Jan Kowalski (zm. nazwy)"})
    assert (r.json()["ade"], r.json()["ade_checked_on"]) == (ADE, "2025-03-03")
    # Sent as null, it is cleared on purpose.
    r = await api.put(f"/api/v1/debtors/{did}", json={**JAN, "ade": None})
    assert r.json()["ade"] is None
    changes = (await api.get(f"/api/v1/debtors/{did}/changes")).json()
    assert {"field": "ade_checked_on", "old": None, "new": "2025-03-03"} in changes[1]["changes"]


async def test_bad_ade_and_a_future_check_date_are_refused(api):
    did = await create_debtor(api)
    r = await api.put(f"/api/v1/debtors/{did}", json={**JAN, "ade": "jan@example.com"})
    assert r.status_code == 422
    assert "AE:PL-12345-67890-ABCDE-12" in r.text
    r = await api.put(f"/api/v1/debtors/{did}", json={**JAN, "ade_checked_on": "2030-01-01"})
    assert (r.status_code, r.json()["errors"][0]["field"]) == (422, "ade_checked_on")
