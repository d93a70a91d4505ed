"""The admin's "Ustawienia jednostki", authority and kind forms, the setup checklist, the banner
while the unit's data are the example ones, and refusals shown as Polish messages with links —
never a raw JSON page (issue 14 items 2 and 4)."""

from __future__ import annotations

import re

from tests.factories import create_debtor, create_receivable, deliver, sweep
from tests.web.conftest import post_form

UNIT_FORM = {
    "name": "Centrum Usług Społecznych we Włocławku",
    "street": "ul. Ogniowa 8/10",
    "postal_code": "87-800",
    "city": "Włocławek",
    "commune": "",
    "nip": "774-000-14-54",
    "regon": "192598184",
    "bank_accounts": "61 1090 1014 0000 0712 1981 2874; należności\n",
    "signatory_name": "Anna Nowak",
    "signatory_position": "Dyrektor",
    "place_of_issue": "",
    "creditor_code": "",
}


def _flat(html: str) -> str:
    return re.sub(r"\s+", " ", html)


async def test_the_banner_and_the_checklist_until_the_unit_is_described(as_role) -> None:
    admin, spec = await as_role("admin"), await as_role("specjalista")
    page = _flat((await admin.get("/")).text)
    assert "Dane jednostki są przykładowe" in page
    assert 'id="lista-konfiguracji"' in page
    assert (
        '<a href="/jednostka">Dane jednostki są przykładowe: wpisz dane swojej jednostki</a>'
        in page
    )
    # The specialist is told too, on every page, but has no checklist and no settings link.
    for path in ("/", "/zobowiazani", "/prace-zbiorcze"):
        text = _flat((await spec.get(path)).text)
        assert "Poproś administratora o wpisanie danych jednostki" in text, path
    assert 'id="lista-konfiguracji"' not in (await spec.get("/")).text
    assert (await spec.get("/jednostka", follow_redirects=False)).status_code == 403

    r = await post_form(admin, "/jednostka", UNIT_FORM, page="/jednostka")
    assert r.status_code == 303, r.text
    page = _flat((await admin.get(r.headers["location"])).text)
    assert "Zapisano dane jednostki." in page
    assert 'value="7740001454"' in page  # the NIP as digits
    assert "Włocławek (gmina miejska), powiat Włocławek" in page
    assert "Dane jednostki są przykładowe" not in _flat((await spec.get("/")).text)
    # What the titles still lack is left on the checklist: here nothing of the unit.
    dashboard = _flat((await admin.get("/")).text)
    assert "NIP jednostki" not in dashboard
    assert "Aktualny rejestr gmin TERYT (TERC) (wczytany: stan na 01.01.2017)" in dashboard


async def test_a_refused_unit_form_keeps_the_values_and_names_the_field(as_role) -> None:
    admin = await as_role("admin")
    r = await post_form(admin, "/jednostka", {**UNIT_FORM, "regon": "192598185"}, page="/jednostka")
    assert r.status_code == 422
    assert 'id="e-jednostka-regon">Nieprawidłowy numer REGON' in r.text
    assert 'value="Centrum Usług Społecznych we Włocławku"' in r.text
    bad_account = {**UNIT_FORM, "bank_accounts": "61 1090 1014 0000 0712 1981 2875"}
    r = await post_form(admin, "/jednostka", bad_account, page="/jednostka")
    assert 'id="e-jednostka-bank_accounts">Nieprawidłowy numer rachunku' in r.text


async def test_an_authority_with_its_territory_typed_by_name(as_role, api_admin) -> None:
    admin = await as_role("admin")
    form = {
        "code": "UM-KOWAL",
        "name": "Burmistrz Miasta Kowala",
        "street": "ul. Piwna 1",
        "postal_code": "87-820",
        "city": "Kowal",
        "commune": "",
        "office_code": "0418",
        "communes": "Włocławek (gmina wiejska), powiat włocławski, woj. kujawsko-pomorskie\n"
        "0418092 Kowal (gmina wiejska)\n",
    }
    r = await post_form(admin, "/jednostka/organy/nowy", form, page="/jednostka")
    assert r.status_code == 303, r.text
    saved = (await api_admin.get("/api/v1/authorities/UM-KOWAL")).json()
    assert saved["communes"] == ["0418092", "0418132"]
    assert saved["address"]["commune_code"] == "0418011"  # the town of Kowal: gmina miejska
    edit = (await admin.get("/jednostka/organy/UM-KOWAL")).text
    assert "0418132 Włocławek (gmina wiejska), powiat włocławski" in edit
    ambiguous = {**form, "code": "UM-2", "communes": "Włocławek"}
    r = await post_form(admin, "/jednostka/organy/nowy", ambiguous, page="/jednostka")
    assert r.status_code == 422
    assert 'id="e-organ-communes">Włocławek: Kilka gmin o tej nazwie' in r.text
    bad_code = {**form, "code": "um kowal", "communes": ""}
    r = await post_form(admin, "/jednostka/organy/nowy", bad_code, page="/jednostka")
    assert r.status_code == 422
    assert 'id="e-organ-code">Kod organu: wielkie litery A-Z, cyfry' in r.text


async def test_a_kind_added_on_its_form(as_role, api_admin) -> None:
    admin = await as_role("admin")
    page = (await admin.get("/rodzaje/nowy")).text
    # One input per field of the schema, the rules as lists with Polish names.
    assert 'name="budget_paragraf"' in page
    assert "odsetki za zwłokę (Ordynacja podatkowa art. 53–56)" in page
    form = {
        "code": "uslugi_opiekuncze",
        "label": "Odpłatność za usługi opiekuńcze",
        "legal_basis": "art. 50 ust. 6 ustawy z dnia 12 marca 2004 r. o pomocy społecznej",
        "interest_regime": "odsetki_za_zwloke",
        "interest_start": "day_after_due",
        "allocation_rule": "op_proportional",
        "payment_term_days": "14",
        "reminder_term_days": "7",
        "reminder_required": "on",
        "limitation_rule": "years_from_term",
        "limitation_years": "",
        "bank_account": "",
        "budget_dzial": "852",
        "budget_rozdzial": "85228",
        "budget_paragraf": "0830",
    }
    r = await post_form(admin, "/rodzaje/nowy", form, page="/rodzaje")
    assert r.status_code == 422
    assert "Podaj liczbę lat do przedawnienia" in r.text
    r = await post_form(admin, "/rodzaje/nowy", {**form, "limitation_years": "3"}, page="/rodzaje")
    assert r.status_code == 303, r.text
    kind = (await api_admin.get("/api/v1/kinds/uslugi_opiekuncze")).json()
    assert (kind["limitation_years"], kind["budget_rozdzial"], kind["reminder_required"]) == (
        3,
        "85228",
        True,
    )
    assert kind["limitation_interrupted_by_payment"] is False  # the box left unticked


async def _ready_for_title(api_admin) -> int:
    rid = int((await create_receivable(api_admin, await create_debtor(api_admin)))["id"])
    await deliver(api_admin, rid, "wezwanie", "2025-03-05")
    await sweep(api_admin, "2025-03-20")
    r = await api_admin.post(
        f"/api/v1/receivables/{rid}/reminders", json={"issued_on": "2025-04-01"}
    )
    assert r.status_code == 201
    await deliver(api_admin, rid, "upomnienie", "2025-04-03")
    return rid


async def test_a_refused_title_is_a_polish_message_with_links(web, api_admin) -> None:
    rid = await _ready_for_title(api_admin)
    await api_admin.put(
        "/api/v1/authorities/UM",
        json={
            "name": "Prezydent Miasta Włocławek",
            "address": "Zielony Rynek 11/13, 87-800 Włocławek",
            "is_default": True,
        },
    )
    r = await post_form(web, f"/naleznosci/{rid}/tytul", {"issued_on": "2025-04-11"})
    assert r.status_code == 422
    assert r.headers["content-type"].startswith("text/html")
    page = _flat(r.text)
    assert "Nie można wystawić tytułu wykonawczego: brak danych" in page
    assert (
        "Kod urzędu (4 cyfry) organu egzekucyjnego Prezydent Miasta Włocławek — "
        '<a class="fix" href="/jednostka/organy/UM#organ-office_code">'
    ) in page
    assert "{" not in page[page.index("Nie zapisano") : page.index("Nie zapisano") + 400]
    assert "TW/" not in page  # no number was taken


async def test_the_handoff_page_never_shows_json(web, api_admin) -> None:
    r = await post_form(web, "/prace-zbiorcze/przekazanie", {"issued_on": "2025-04-14"})
    assert r.status_code == 409
    assert r.headers["content-type"].startswith("text/html")
    assert "Brak tytułów i zawiadomień do przekazania" in r.text
    rid = await _ready_for_title(api_admin)
    assert (
        await api_admin.post(f"/api/v1/receivables/{rid}/titles", json={"issued_on": "2025-04-11"})
    ).status_code == 201
    did = (await api_admin.get(f"/api/v1/receivables/{rid}")).json()["debtor_id"]
    await api_admin.put(f"/api/v1/debtors/{did}", json={"address": "Zazamcze 15, 87-800 Zazamcze"})
    r = await post_form(
        web, "/prace-zbiorcze/przekazanie", {"issued_on": "2025-04-14", "authority": "UM"}
    )
    assert r.status_code == 422
    assert r.headers["content-type"].startswith("text/html")
    page = _flat(r.text)
    assert "Tytuł TW/UM/1/2025: Gmina w adresie (zobowiązany)" in page
    assert f'href="/zobowiazani/{did}/edycja#zobowiazany-commune"' in page
