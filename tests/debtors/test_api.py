"""Debtors over the API: identifiers validated with python-stdnum, nothing stored on bad input."""

import pytest
from sqlalchemy import func, select

from app.models import Debtor
from tests.factories import JAN, create_debtor


async def _count(session) -> int:
    return int(await session.scalar(select(func.count(Debtor.id))))


async def test_create_and_read_a_debtor(api):
    did = await create_debtor(api, nip="7740001454", regon="192598184")
    r = await api.get(f"/api/v1/debtors/{did}")
    assert r.status_code == 200
    body = r.json()
    assert (body["name"], body["pesel"], body["nip"], body["regon"]) == (
        "Jan Kowalski",
        "44051401359",
        "7740001454",
        "192598184",
    )
    # The city names one city commune (TERC 0464011): its code is added to the names given.
    assert body["address"] == {**JAN["address"], "commune_code": "0464011"}


async def test_address_given_as_one_line(api):
    # Issue 14: "Włocławek" names exactly one city commune in TERC (0464011, gmina miejska; the
    # rural commune 0418132 bears the name too but is no city): county and voivodeship follow.
    did = await create_debtor(api, address="ul. Zażółć 7, 87-800 Włocławek")
    body = (await api.get(f"/api/v1/debtors/{did}")).json()
    assert body["address"] == {
        "street": "ul. Zażółć 7",
        "postal_code": "87-800",
        "city": "Włocławek",
        "commune_code": "0464011",
        "voivodeship": "kujawsko-pomorskie",
        "county": "Włocławek",
        "commune": "Włocławek",
    }


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("pesel", "44051401358"),
        ("pesel", "4405140135"),
        ("nip", "7740001455"),
        ("regon", "192598185"),
    ],
)
async def test_bad_checksum_is_a_422_problem_and_stores_nothing(api, session, field, value):
    before = await _count(session)
    r = await api.post("/api/v1/debtors", json={**JAN, field: value})
    assert r.status_code == 422
    assert r.headers["content-type"] == "application/problem+json"
    problem = r.json()
    assert problem["status"] == 422
    assert problem["errors"][0]["field"] == field
    assert "Nieprawidłowy numer" in problem["errors"][0]["message"]
    assert await _count(session) == before


async def test_a_debtor_without_address_must_be_flagged(api):
    body = {"name": "Anna Nowak"}
    r = await api.post("/api/v1/debtors", json=body)
    assert r.status_code == 422
    assert r.json()["errors"][0]["field"] == "address"
    r = await api.post("/api/v1/debtors", json={**body, "homeless": True})
    assert r.status_code == 201


async def test_search_masks_pesel(api):
    await create_debtor(api)
    r = await api.get("/api/v1/debtors", params={"q": "Kowal"})
    assert r.status_code == 200
    assert r.json()[0]["pesel_masked"] == "440514•••••"
    assert "44051401359" not in r.text


async def test_missing_debtor_is_404_problem(api):
    r = await api.get("/api/v1/debtors/999999")
    assert r.status_code == 404
    assert r.headers["content-type"] == "application/problem+json"


async def test_nul_character_is_refused(api):
    r = await api.post("/api/v1/debtors", json={**JAN, "name": "Jan\x00Kowalski"})
    assert r.status_code == 422
