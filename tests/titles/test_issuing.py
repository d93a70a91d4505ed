"""A title never fails after it is numbered (issue 14 item 4): it is built and its TW-1 XML
validated before the number is taken; missing data refuse it with a 422 that lists every item and
the page that mends it, and nothing changes. Titles go to the authority of the debtor's commune,
numbered gap-free per authority and year (seed 003: "zgodnie z podziałem terytorialnym")."""

from __future__ import annotations

import httpx
import pytest
from lxml import etree
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.config import Settings
from app.models import Counter, Document, ReceivableChange
from app.titles import xsd
from app.titles.forms import FORMS
from app.titles.tw1_5 import COM, TW1
from tests.conftest import ADMIN_PASSWORD
from tests.factories import create_debtor, create_receivable, deliver, sweep

TW1_5 = FORMS["TW-1(5)"].schemas
NS = {"tw1": TW1, "com": COM}
JAN_ONE_LINE = {
    "name": "Jan Kowalski",
    "first_name": "Jan",
    "last_name": "Kowalski",
    "address": "ul. X 1, 87-800 Włocławek",
    "pesel": "44051401359",
}
UNIT = {
    "name": "Centrum Usług Społecznych we Włocławku",
    "address": "ul. Ogniowa 8/10, 87-800 Włocławek",
    "nip": "7740001454",
    "regon": "192598184",
    "bank_accounts": [{"number": "61109010140000071219812874"}],
    "signatory": {"name": "Anna Nowak", "position": "Dyrektor"},
}
UM = {
    "name": "Prezydent Miasta Włocławek",
    "address": "Zielony Rynek 11/13, 87-800 Włocławek",
    "office_code": "0461",
    "is_default": True,
}
KOWAL = {
    "code": "UM-KOWAL",
    "name": "Burmistrz Miasta Kowala",
    "address": "ul. Piwna 1, 87-820 Kowal",
    "office_code": "0418",
    "communes": ["0418132"],  # TERC: the rural commune of Włocławek
}


@pytest.fixture
def settings(database_url: str) -> Settings:
    """A fresh installation as the README starts it: only the example unit of the settings."""
    return Settings(
        environment="test",
        database_url=database_url,
        admin_password=ADMIN_PASSWORD,
        secret_key="test-secret-key-0123456789abcdef0123456789",
    )


async def _ready(api: httpx.AsyncClient, **debtor: object) -> int:
    """A stay fee of 250.00 walked to the day a title may be issued: demand delivered
    2025-03-05 (term ends 2025-03-19), reminder 2025-04-01 delivered 2025-04-03 (title from
    2025-04-11, u.p.e.a. art. 15 § 1: 7 days)."""
    did = await create_debtor(api, **{**JAN_ONE_LINE, **debtor})
    rid = int((await create_receivable(api, did))["id"])
    await deliver(api, rid, "wezwanie", "2025-03-05")
    await sweep(api, "2025-03-20")
    r = await api.post(f"/api/v1/receivables/{rid}/reminders", json={"issued_on": "2025-04-01"})
    assert r.status_code == 201, r.text
    await deliver(api, rid, "upomnienie", "2025-04-03")
    return rid


async def _title(api: httpx.AsyncClient, rid: int) -> httpx.Response:
    return await api.post(f"/api/v1/receivables/{rid}/titles", json={"issued_on": "2025-04-11"})


async def _set_up_the_unit(api: httpx.AsyncClient) -> None:
    assert (await api.put("/api/v1/unit", json=UNIT)).status_code == 200
    assert (await api.put("/api/v1/authorities/UM", json=UM)).status_code == 200


async def _titles_numbered(session: AsyncSession) -> int:
    stmt = select(func.count()).select_from(Counter).where(Counter.kind == "tytul_wykonawczy")
    return int(await session.scalar(stmt) or 0)


def valid_tw1(xml: bytes) -> etree._Element:
    root = etree.fromstring(xml)
    assert xsd.lxml_for(TW1_5).validate(root), xsd.lxml_for(TW1_5).error_log
    assert xsd.xmlschema_for(TW1_5).is_valid(root)
    return root


async def test_a_fresh_database_issues_a_valid_title_once_the_unit_is_described(api, session):
    rid = await _ready(api)
    # The example unit has no NIP, no REGON, and its authority no office code: refused, with
    # every item and the place that mends it; no number taken, nothing changed.
    r = await _title(api, rid)
    assert r.status_code == 422, r.text
    assert r.headers["content-type"] == "application/problem+json"
    problem = r.json()
    assert problem["type"] == "/problems/incomplete-data"
    assert [(m["item"], m["href"]) for m in problem["missing"]] == [
        ("NIP jednostki", "/jednostka#jednostka-nip"),
        ("REGON jednostki", "/jednostka#jednostka-regon"),
        (
            "Kod urzędu (4 cyfry) organu egzekucyjnego "
            "Prezydent Miasta Włocławek – Wydział Windykacji i Egzekucji",
            "/jednostka/organy/UM#organ-office_code",
        ),
    ]
    assert await _titles_numbered(session) == 0
    card = (await api.get(f"/api/v1/receivables/{rid}")).json()
    assert card["state"] == "upomnienie"
    assert [d["kind"] for d in card["documents"]] == ["wezwanie", "upomnienie"]

    await _set_up_the_unit(api)
    r = await _title(api, rid)
    assert r.status_code == 201, r.text
    assert r.json()["number"] == "TW/UM/1/2025"
    xml = await api.get(f"/api/v1/titles/{r.json()['id']}.xml")
    assert xml.status_code == 200, xml.text
    root = valid_tw1(xml.content)
    # The debtor's "ul. X 1, 87-800 Włocławek": the city commune through TERYT.
    debtor = "tw1:TrescDokumentu//tw1:Zobowiazany//com:AdresPolski"
    assert [
        root.findtext(f"{debtor}//com:{e}", namespaces=NS)
        for e in (
            "Wojewodztwo",
            "Powiat",
            "Gmina",
            "Miejscowosc",
            "NazwaUlicy",
            "NrDomu",
            "KodPocztowy",
        )
    ] == [
        "kujawsko-pomorskie",
        "Włocławek",
        "Włocławek",
        "Włocławek",
        "X",
        "1",
        "87800",
    ]
    assert root.findtext(".//com:KodUrzedu", namespaces=NS) == "0461"
    assert root.findtext(".//tw1:Wierzyciel/com:AdmId/com:REGON", namespaces=NS) == "192598184"


async def test_a_refused_title_takes_no_number_and_the_next_gets_the_next(api, session):
    await _set_up_the_unit(api)
    without_period = await _ready(api)
    # A second receivable of the same debtor, entered without its period through the API.
    did = (await api.get(f"/api/v1/receivables/{without_period}")).json()["debtor_id"]
    rid2 = int((await create_receivable(api, did, period_from=None, period_to=None))["id"])
    await deliver(api, rid2, "wezwanie", "2025-03-05")
    await sweep(api, "2025-03-20")
    r = await api.post(f"/api/v1/receivables/{rid2}/reminders", json={"issued_on": "2025-04-01"})
    assert r.status_code == 201, r.text
    await deliver(api, rid2, "upomnienie", "2025-04-03")

    refused = await _title(api, rid2)
    assert refused.status_code == 422
    assert refused.json()["missing"] == [
        {
            "item": "Okres, za który powstała należność (u.p.e.a. art. 27 § 1 pkt 3)",
            "fix": "Karta należności",
            "href": f"/naleznosci/{rid2}#dane",
        }
    ]
    assert (await _title(api, without_period)).json()["number"] == "TW/UM/1/2025"
    # Mended on the card's form (PUT …/period), the refused one gets the next number: no gap.
    mended = await api.put(
        f"/api/v1/receivables/{rid2}/period",
        json={"period_from": "2025-03-01", "period_to": "2025-03-02", "reason": "karta pobytu"},
    )
    assert mended.status_code == 200, mended.text
    second = await _title(api, rid2)
    assert second.status_code == 201, second.text
    assert second.json()["number"] == "TW/UM/2/2025"
    seqs = await session.scalars(
        select(Document.seq).where(Document.kind == "tytul_wykonawczy").order_by(Document.seq)
    )
    assert list(seqs) == [1, 2]
    # After its title the period no longer changes.
    again = await api.put(
        f"/api/v1/receivables/{rid2}/period",
        json={"period_from": "2025-03-01", "period_to": "2025-03-03"},
    )
    assert again.status_code == 409


async def test_titles_go_to_the_authority_of_the_debtors_commune_each_numbered_apart(api):
    await _set_up_the_unit(api)
    assert (await api.post("/api/v1/authorities", json=KOWAL)).status_code == 201
    rural = {
        "address": {
            "street": "Zazamcze 15",
            "postal_code": "87-800",
            "city": "Zazamcze",
            "commune_code": "0418132",
        }
    }
    city_one = await _ready(api)
    rural_one = await _ready(api, **rural)
    rural_two = await _ready(api, **rural)
    card = (await api.get(f"/api/v1/receivables/{rural_one}")).json()
    assert card["authority"] == {
        "code": "UM-KOWAL",
        "name": "Burmistrz Miasta Kowala",
        "why": "właściwy dla gminy zobowiązanego",
    }
    numbers = [
        (await _title(api, rid)).json()["number"] for rid in (rural_one, city_one, rural_two)
    ]
    # Gap-free per authority and year (seed 003 §3.6; a counter per authority).
    assert numbers == ["TW/UM-KOWAL/1/2025", "TW/UM/1/2025", "TW/UM-KOWAL/2/2025"]
    # The XML carries the authority's own office code.
    docs = {
        d["number"]: d["id"]
        for rid in (rural_one,)
        for d in (await api.get(f"/api/v1/receivables/{rid}")).json()["documents"]
    }
    root = valid_tw1((await api.get(f"/api/v1/titles/{docs['TW/UM-KOWAL/1/2025']}.xml")).content)
    assert root.findtext(".//com:KodUrzedu", namespaces=NS) == "0418"
    # Each authority gets its own handoff with its own titles.
    h = await api.post(
        "/api/v1/handoffs", json={"issued_on": "2025-04-14", "authority": "UM-KOWAL"}
    )
    assert (h.status_code, h.json()["number"], h.json()["title_count"]) == (
        201,
        "P/UM-KOWAL/1/2025",
        2,
    )
    h = await api.post("/api/v1/handoffs", json={"issued_on": "2025-04-14"})  # the default
    assert (h.json()["number"], h.json()["title_count"]) == ("P/UM/1/2025", 1)


async def test_a_specialist_may_choose_another_authority_with_a_reason(api, session):
    await _set_up_the_unit(api)
    assert (await api.post("/api/v1/authorities", json=KOWAL)).status_code == 201
    rid = await _ready(api)  # the city: the default authority UM
    assert (await api.get(f"/api/v1/receivables/{rid}")).json()["authority"]["code"] == "UM"
    chosen = await api.post(
        f"/api/v1/receivables/{rid}/authority",
        json={"authority_code": "UM-KOWAL", "reason": "majątek dłużnika w gminie wiejskiej"},
    )
    assert chosen.status_code == 200, chosen.text
    assert chosen.json()["authority"] == {
        "code": "UM-KOWAL",
        "name": "Burmistrz Miasta Kowala",
        "why": "wskazany dla tej należności",
    }
    refused = await api.post(
        f"/api/v1/receivables/{rid}/authority", json={"authority_code": "NIEMA", "reason": "x y z"}
    )
    assert refused.status_code == 422
    assert (await _title(api, rid)).json()["number"] == "TW/UM-KOWAL/1/2025"
    history = list(
        await session.scalars(select(ReceivableChange).where(ReceivableChange.receivable_id == rid))
    )
    assert [(c.field, c.old, c.new, c.reason, c.actor) for c in history] == [
        ("organ", None, "UM-KOWAL", "majątek dłużnika w gminie wiejskiej", "admin")
    ]
    late = await api.post(
        f"/api/v1/receivables/{rid}/authority", json={"authority_code": "UM", "reason": "zmiana"}
    )
    assert late.status_code == 409  # the title went to UM-KOWAL


async def test_a_handoff_with_a_title_whose_data_went_missing_is_refused_before_its_number(
    api, session
):
    await _set_up_the_unit(api)
    rid = await _ready(api)
    assert (await _title(api, rid)).status_code == 201
    # After the title, the debtor's address is changed to a village no register resolves.
    did = (await api.get(f"/api/v1/receivables/{rid}")).json()["debtor_id"]
    r = await api.put(f"/api/v1/debtors/{did}", json={"address": "Zazamcze 15, 87-800 Zazamcze"})
    assert r.status_code == 200, r.text
    h = await api.post("/api/v1/handoffs", json={"issued_on": "2025-04-14"})
    assert h.status_code == 422
    assert h.json()["missing"] == [
        {
            "item": "Tytuł TW/UM/1/2025: Gmina w adresie (zobowiązany): województwo i powiat "
            "wynikają z gminy",
            "fix": "Dane zobowiązanego",
            "href": f"/zobowiazani/{did}/edycja#zobowiazany-commune",
        }
    ]
    counters = await session.scalars(select(Counter.kind).where(Counter.kind == "przekazanie"))
    assert list(counters) == []
