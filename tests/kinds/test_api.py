"""Kinds of receivables as data (issue 14 item 2): a unit adds "opłata za pobyt w DPS" without
code, with its bank account and budget classification; OpenAPI lists the kinds a receivable may
take and says amounts are strings "123.45"."""

from __future__ import annotations

import pytest

from tests.factories import create_debtor
from tests.letters.pdfcheck import text

DPS = {
    "code": "oplata_dps",
    "label": "Opłata za pobyt w domu pomocy społecznej",
    "legal_basis": "art. 60–61 ustawy z dnia 12 marca 2004 r. o pomocy społecznej",
    "interest_regime": "odsetki_za_zwloke",
    "allocation_rule": "op_proportional",
    "limitation_rule": "years_from_term",
    "limitation_years": 3,
    "limitation_interrupted_by_payment": True,
    "bank_account": "PL 27 1140 2004 0000 3002 0135 5387",
    # Klasyfikacja budżetowa: dział 852 Pomoc społeczna, rozdział 85202 Domy pomocy społecznej,
    # paragraf 0830 Wpływy z usług.
    "budget_dzial": "852",
    "budget_rozdzial": "85202",
    "budget_paragraf": "0830",
}


async def test_the_admin_adds_a_kind_and_a_receivable_takes_it(api):
    r = await api.post("/api/v1/kinds", json=DPS)
    assert r.status_code == 201, r.text
    body = r.json()
    assert body["bank_account"] == "27114020040000300201355387"
    assert (body["payment_term_days"], body["reminder_term_days"], body["in_use"]) == (14, 7, False)
    assert (body["budget_dzial"], body["budget_rozdzial"], body["budget_paragraf"]) == (
        "852",
        "85202",
        "0830",
    )
    codes = [k["code"] for k in (await api.get("/api/v1/kinds")).json()]
    assert "oplata_dps" in codes
    # OpenAPI now lists it among the kinds a receivable may take.
    schema = (await api.get("/openapi.json")).json()
    kind = schema["components"]["schemas"]["ReceivableCreate"]["properties"]["kind"]
    assert kind["enum"] == sorted([*codes])
    did = await create_debtor(api)
    receivable = await api.post(
        "/api/v1/receivables",
        json={
            "debtor_id": did,
            "kind": "oplata_dps",
            "principal": "3120.50",
            "title": "Opłata za pobyt w DPS za marzec 2025",
            "issue_date": "2025-04-01",
            "period_from": "2025-03-01",
            "period_to": "2025-03-31",
        },
    )
    assert receivable.status_code == 201, receivable.text
    assert (await api.get("/api/v1/kinds/oplata_dps")).json()["in_use"] is True


async def test_a_kind_in_use_keeps_its_rules_but_not_its_label(api):
    did = await create_debtor(api)
    r = await api.post(
        "/api/v1/receivables",
        json={
            "debtor_id": did,
            "kind": "oplata_pobyt",
            "principal": "250.00",
            "title": "Pobyt",
            "issue_date": "2025-03-03",
        },
    )
    assert r.status_code == 201
    current = (await api.get("/api/v1/kinds/oplata_pobyt")).json()
    body = {k: v for k, v in current.items() if k not in ("code", "in_use")}
    refused = await api.put("/api/v1/kinds/oplata_pobyt", json={**body, "limitation_years": 5})
    assert refused.status_code == 409
    assert "Lata do przedawnienia" in refused.json()["detail"]
    ok = await api.put(
        "/api/v1/kinds/oplata_pobyt",
        json={**body, "budget_dzial": "851", "budget_rozdzial": "85158", "budget_paragraf": "0830"},
    )
    assert ok.status_code == 200, ok.text
    assert ok.json()["budget_rozdzial"] == "85158"


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"code": "DPS"}, "code"),
        ({"budget_dzial": "85"}, "budget_dzial"),
        ({"budget_rozdzial": "85101"}, "body"),  # not a chapter of division 852
        ({"limitation_years": None}, "body"),  # the rule counts years
        ({"bank_account": "27114020040000300201355388"}, "bank_account"),
        ({"interest_regime": "procent_skladany"}, "interest_regime"),
    ],
)
async def test_a_bad_kind_is_refused_and_nothing_is_added(api, change, field):
    r = await api.post("/api/v1/kinds", json={**DPS, **change})
    assert r.status_code == 422, r.text
    assert r.json()["errors"][0]["field"] == field
    assert (await api.get("/api/v1/kinds/oplata_dps")).status_code == 404
    assert (
        await api.post("/api/v1/kinds", json={**DPS, "code": "oplata_pobyt"})
    ).status_code == 409


async def test_openapi_says_amounts_are_strings(api):
    schema = (await api.get("/openapi.json")).json()["components"]["schemas"]
    principal = schema["ReceivableCreate"]["properties"]["principal"]
    assert (principal["type"], principal["examples"]) == ("string", ["123.45"])
    assert schema["ReceivableRead"]["properties"]["balance"]["type"] == "string"
    assert "integer" not in str(schema["PaymentCreate"]["properties"]["amount"])


async def test_parameters_show_values_in_their_units(api):
    rows = (await api.get("/api/v1/parameters")).json()
    by_code = {r["code"]: r for r in rows}
    # art. 8a ust. 1 pkt 1 u.p.o.u.a.: arrears over 6 months (not "0.06").
    big = by_code["alimenty_big_miesiace"]
    assert (big["value"], big["unit"], big["display"]) == ("6", "miesiace", "6 miesięcy")
    krz = by_code["alimenty_krz_miesiace"]
    assert krz["display"] == "3 miesiące"
    assert by_code["alimenty_uchylanie_procent"]["display"] == "50 %"
    fees = [r for r in rows if r["code"] == "koszty_upomnienia"]
    assert (fees[-1]["value"], fees[-1]["display"]) == ("16.00", "16,00 zł")
    rates = [r for r in rows if r["code"] == "odsetki_za_zwloke"]
    assert rates[0]["display"].endswith(" %")
    # A new value in months is a whole number of months.
    r = await api.post(
        "/api/v1/parameters",
        json={
            "code": "alimenty_krz_miesiace",
            "valid_from": "2027-01-01",
            "value": "4",
            "source": "zmiana ustawy (test)",
        },
    )
    assert r.status_code == 201, r.text
    assert (r.json()["value"], r.json()["unit"]) == ("4", "miesiace")


async def test_letters_print_the_kinds_account_and_the_units_place_of_issue(api):
    assert (await api.post("/api/v1/kinds", json=DPS)).status_code == 201
    unit = (await api.get("/api/v1/unit")).json()
    unit["place_of_issue"] = "Kowal"
    unit["address"] = {k: unit["address"][k] for k in ("street", "postal_code", "city")}
    for field in ("is_example", "updated_at", "updated_by"):
        unit.pop(field)
    assert (await api.put("/api/v1/unit", json=unit)).status_code == 200
    did = await create_debtor(api)
    r = await api.post(
        "/api/v1/receivables",
        json={
            "debtor_id": did,
            "kind": "oplata_dps",
            "principal": "3120.50",
            "title": "Opłata za pobyt w DPS za marzec 2025",
            "issue_date": "2025-04-01",
        },
    )
    demand = r.json()["documents"][0]["id"]
    pdf = await api.get(f"/api/v1/documents/{demand}.pdf")
    assert pdf.status_code == 200
    body = text(pdf.content)
    assert "27 1140 2004 0000 3002 0135 5387" in body  # the kind's account, not the unit's
    assert "61 1090 1014 0000 0712 1981 2874" not in body
    assert "Kowal, 1 kwietnia 2025" in body
