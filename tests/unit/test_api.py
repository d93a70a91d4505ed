"""The unit's data and its enforcement authorities live in the database (issue 14 item 2): filled
from the settings on the first start, then edited over the API and the "Ustawienia jednostki"
page; authority codes are checked (issue 15 item 10)."""

from __future__ import annotations

import httpx
import pytest

from app.config import Settings
from app.unit import service as unit_service
from app.unit.service import SeedError
from tests.factories import create_debtor

UNIT = {
    "name": "Miejski Ośrodek Pomocy Rodzinie we Włocławku",
    "address": "ul. Ogniowa 8/10, 87-800 Włocławek",
    "nip": "7740001454",
    "regon": "192598184",
    "bank_accounts": [
        {"number": "PL61 1090 1014 0000 0712 1981 2874", "kind": "należności"},
        {"number": "27114020040000300201355387"},
    ],
    "signatory": {"name": "Anna Nowak", "position": "Dyrektor"},
    "place_of_issue": "Włocławek",
}
KOWAL = {
    "code": "UM-KOWAL",
    "name": "Burmistrz Miasta Kowala",
    "address": "ul. Piwna 1, 87-820 Kowal",
    "office_code": "0418",
    "communes": ["0418132"],  # the rural commune of Włocławek
}


async def test_the_first_start_seeds_the_unit_and_its_authority_from_the_settings(api):
    # tests/conftest.py settings: NIP, REGON, account and office code set; name and street not.
    unit = (await api.get("/api/v1/unit")).json()
    assert unit["is_example"] is True  # the example name and street: every page says so
    assert (unit["nip"], unit["regon"]) == ("7740001454", "610188201")
    assert unit["bank_accounts"] == [{"number": "61109010140000071219812874", "kind": None}]
    # The seat's commune from TERYT: "Włocławek" names one city commune.
    assert unit["address"]["commune_code"] == "0464011"
    [authority] = (await api.get("/api/v1/authorities")).json()
    assert (authority["code"], authority["office_code"], authority["is_default"]) == (
        "UM",
        "0461",
        True,
    )


async def test_the_admin_saves_the_unit_and_it_is_no_longer_the_example(api):
    r = await api.put("/api/v1/unit", json=UNIT)
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["is_example"] is False
    assert body["updated_by"] == "admin"
    assert body["address"] == {
        "street": "ul. Ogniowa 8/10",
        "postal_code": "87-800",
        "city": "Włocławek",
        "commune_code": "0464011",
        "voivodeship": "kujawsko-pomorskie",
        "county": "Włocławek",
        "commune": "Włocławek",
    }
    # The IBAN as 26 digits; the first account is the one letters print.
    assert [a["number"] for a in body["bank_accounts"]] == [
        "61109010140000071219812874",
        "27114020040000300201355387",
    ]
    again = (await api.get("/api/v1/unit")).json()
    # (SQLite gives the timestamp back without its zone: compared apart.)
    assert again.pop("updated_at")[:19] == body.pop("updated_at")[:19]
    assert again == body


@pytest.mark.parametrize(
    ("field", "value", "where"),
    [
        ("nip", "7740001455", "nip"),
        ("regon", "192598185", "regon"),
        ("bank_accounts", [{"number": "61109010140000071219812875"}], "bank_accounts.0.number"),
        ("address", "ul. Ogniowa 8/10 87-800 Włocławek", "address"),
    ],
)
async def test_bad_identifiers_are_refused_and_nothing_changes(api, field, value, where):
    before = (await api.get("/api/v1/unit")).json()
    r = await api.put("/api/v1/unit", json={**UNIT, field: value})
    assert r.status_code == 422
    assert r.headers["content-type"] == "application/problem+json"
    assert r.json()["errors"][0]["field"] == where
    assert (await api.get("/api/v1/unit")).json() == before


async def test_authorities_with_territories_and_one_default(api):
    r = await api.post("/api/v1/authorities", json=KOWAL)
    assert r.status_code == 201, r.text
    assert r.json()["communes"] == ["0418132"]
    assert r.json()["is_default"] is False
    # A commune belongs to one authority at most.
    other = {**KOWAL, "code": "UM-2", "communes": ["0418132"]}
    clash = await api.post("/api/v1/authorities", json=other)
    assert clash.status_code == 409
    assert "0418132" in clash.json()["detail"]
    unknown = await api.post("/api/v1/authorities", json={**other, "communes": ["0418044"]})
    assert unknown.status_code == 422  # a town of a commune, no commune of the register
    # Naming another default moves the flag; the old default cannot just drop it.
    body = {k: v for k, v in KOWAL.items() if k != "code"}
    moved = await api.put("/api/v1/authorities/UM-KOWAL", json={**body, "is_default": True})
    assert moved.status_code == 200, moved.text
    listed = {a["code"]: a["is_default"] for a in (await api.get("/api/v1/authorities")).json()}
    assert listed == {"UM": False, "UM-KOWAL": True}
    assert (await api.put("/api/v1/authorities/UM-KOWAL", json=body)).status_code == 409
    assert (await api.get("/api/v1/authorities/XX")).status_code == 404


@pytest.mark.parametrize(
    "code",
    ["a\r\nX-Injected: 1", "um", "UM/1", "UM--A", "-UM", "ZA-DŁUGI", "A" * 21, ""],
)
async def test_an_authority_code_is_letters_digits_and_hyphens_only(api, code):
    r = await api.post("/api/v1/authorities", json={**KOWAL, "code": code})
    assert r.status_code == 422
    assert r.json()["errors"][0]["field"] == "code"


async def test_a_receivable_names_only_an_existing_authority(api):
    # Issue 15 item 10: a title got the number "TW/a\r\nX-Injected: 1/1/2025".
    did = await create_debtor(api)
    body = {
        "debtor_id": did,
        "kind": "oplata_pobyt",
        "principal": "250.00",
        "title": "Opłata za pobyt",
        "issue_date": "2025-03-03",
    }
    for code, field in (("a\r\nX-Injected: 1", "authority_code"), ("NIEMA", "authority_code")):
        r = await api.post("/api/v1/receivables", json={**body, "authority_code": code})
        assert r.status_code == 422, r.text
        assert r.json()["errors"][0]["field"] == field
    ok = await api.post("/api/v1/receivables", json={**body, "authority_code": "UM"})
    assert ok.status_code == 201, ok.text


async def test_only_the_admin_changes_the_unit(client: httpx.AsyncClient, api):
    await api.post(
        "/api/v1/users",
        json={"username": "spec", "password": "haslo-specjalisty-1", "role": "specjalista"},
    )
    token = (
        await client.post(
            "/api/v1/auth/token", data={"username": "spec", "password": "haslo-specjalisty-1"}
        )
    ).json()["access_token"]
    headers = {"Authorization": f"Bearer {token}"}
    assert (await client.get("/api/v1/unit", headers=headers)).status_code == 200
    assert (await client.put("/api/v1/unit", json=UNIT, headers=headers)).status_code == 403


async def test_a_bad_setting_stops_the_first_start_with_its_name(session, settings):
    bad = Settings(
        environment="test", database_url=settings.database_url, creditor_nip="1234567890"
    )
    with pytest.raises(SeedError, match="WINDYKACJA_CREDITOR_NIP"):
        await unit_service.seed(session, bad)
