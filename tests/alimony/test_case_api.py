"""The procedure against an alimony debtor over HTTP (issue 18; seed 001, annex 9; u.p.o.u.a.
art. 3–5, 8a; art. 209 k.k.): open the case, go through the steps to the requests after a final
decision, with the 50 % bar of art. 5 ust. 3a refusing the decision (409 naming the months).
Today is 2026-11-23 (tests/conftest.py)."""

from __future__ import annotations

from typing import Any

import httpx

from tests.alimony.support import BASE, fund_debtor, get, post
from tests.factories import create_debtor
from tests.letters.pdfcheck import text

WOLA = "1010102"  # gmina wiejska Wola Krzysztoporska (creditor's commune, pays the benefits)
PIOTRKOW = "1062011"  # gmina miejska Piotrków Trybunalski (the debtor lives there)


async def _debtor(api: httpx.AsyncClient) -> int:
    """500.00 zł a month awarded from 1.01.2026; 250.00 recovered in each of April–September
    2026, nothing in October."""
    did = await create_debtor(api)
    await post(
        api, f"/debtors/{did}/awards", {"monthly_amount": "500.00", "valid_from": "2026-01-01"}
    )
    for month in ("04", "05", "06", "07", "08", "09"):
        await post(
            api,
            f"/debtors/{did}/recoveries",
            {"received_on": f"2026-{month}-12", "amount": "250.00", "source": "egzekucja_sadowa"},
        )
    return did


async def step(api: httpx.AsyncClient, did: int, body: dict[str, Any], status: int = 201) -> Any:
    return await post(api, f"/debtors/{did}/case/steps", body, status)


async def pdf(api: httpx.AsyncClient, row: dict[str, Any]) -> str:
    r = await api.get(row["letter"])
    assert r.status_code == 200, r.text
    assert r.headers["content-type"] == "application/pdf"
    return text(r.content)


async def test_the_whole_path_from_the_trigger_to_the_licence(api: httpx.AsyncClient) -> None:
    did = await _debtor(api)
    case = await post(
        api,
        f"/debtors/{did}/case",
        {
            "trigger": "fundusz_alimentacyjny",
            "opened_on": "2026-09-01",
            "creditor_commune_terc": WOLA,
            "debtor_commune_terc": PIOTRKOW,
        },
    )
    assert case["communes_differ"] is True
    # k.p.a. art. 35 § 3 / art. 57 § 3: 1.09 + 1 month = Thursday 1.10.2026, overdue on 23.11.
    assert case["next_step"] == {
        "step": "wywiad",
        "kind": "wezwanie",
        "label": "Wezwać dłużnika na wywiad alimentacyjny",
        "due_on": "2026-10-01",
        "status": "po_terminie",
        "basis": "art. 5 ust. 1 u.p.o.u.a.; art. 35 § 3 k.p.a.",
    }
    # A second case for the same debtor is refused.
    r = await api.post(
        f"{BASE}/debtors/{did}/case",
        json={
            "trigger": "piecza_zastepcza",
            "opened_on": "2026-09-02",
            "creditor_commune_terc": WOLA,
            "debtor_commune_terc": WOLA,
        },
    )
    assert r.status_code == 409

    summons = await step(
        api,
        did,
        {
            "step": "wywiad",
            "on": "2026-09-03",
            "kind": "wezwanie",
            "scheduled_for": "2026-09-15",
            "place": "GOPS, pokój nr 2",
        },
    )
    page = await pdf(api, summons)
    assert "15.09.2026" in page
    assert "GOPS, pokój nr 2" in page
    assert "Burmistrz (Prezydent) Miasta Piotrków Trybunalski" in page

    # The decision cannot come before the proceedings are opened.
    r = await api.post(
        f"{BASE}/debtors/{did}/case/steps",
        json={"step": "decyzja_uchylanie", "on": "2026-09-16", "kind": "wydana"},
    )
    assert r.status_code == 409
    assert "wszczęcie" in r.json()["detail"]

    await step(
        api,
        did,
        {
            "step": "odmowa",
            "on": "2026-09-15",
            "kind": "a",
            "description": "Dłużnik nie wpuścił pracownika.",
        },
    )
    opening = await step(api, did, {"step": "wszczecie_uchylanie", "on": "2026-09-18"})
    page = await pdf(api, opening)
    assert "a) uniemożliwia przeprowadzenie wywiadu alimentacyjnego" in page
    assert "Dłużnik nie wpuścił pracownika." in page

    # art. 5 ust. 3a: on 20.10.2026 the last 6 months are April–September, 250.00 of 500.00 paid
    # in each: the decision is barred, and the problem names the months.
    r = await api.post(
        f"{BASE}/debtors/{did}/case/steps",
        json={"step": "decyzja_uchylanie", "on": "2026-10-20", "kind": "wydana"},
    )
    assert r.status_code == 409
    problem = r.json()
    assert problem["months"] == ["2026-04", "2026-05", "2026-06", "2026-07", "2026-08", "2026-09"]
    assert "2026-04, 2026-05" in problem["detail"]
    # On 2.11.2026 the months are May–October; nothing was paid in October: no bar.
    decision = await step(
        api, did, {"step": "decyzja_uchylanie", "on": "2026-11-02", "kind": "wydana"}
    )
    page = await pdf(api, decision)
    assert "orzekam" in page
    assert "2026-10" in page  # the month that lifts the bar
    await step(api, did, {"step": "decyzja_uchylanie", "on": "2026-11-05", "kind": "doreczona"})
    case = await get(api, f"/debtors/{did}/case")
    # k.p.a. art. 129 § 2: 5.11 + 14 = Thursday 19.11; final from Friday 20.11.2026.
    assert (case["next_step"]["kind"], case["next_step"]["due_on"]) == ("ostateczna", "2026-11-20")
    assert case["next_step"]["status"] == "oczekuje"
    await step(api, did, {"step": "decyzja_uchylanie", "on": "2026-11-20", "kind": "ostateczna"})
    case = await get(api, f"/debtors/{did}/case")
    # 20.11 + 7 = Friday 27.11.2026
    assert [(n["step"], n["due_on"]) for n in case["pending"]] == [
        ("wniosek_o_sciganie", "2026-11-27"),
        ("cepik", "2026-11-27"),
    ]
    prosecution = await step(
        api,
        did,
        {
            "step": "wniosek_o_sciganie",
            "on": "2026-11-23",
            "addressee": "Prokuratura Rejonowa w Piotrkowie Trybunalskim\nul. Słowackiego 5",
        },
    )
    page = await pdf(api, prosecution)
    assert "art. 209 § 1 Kodeksu karnego" in page
    assert "Prokuratura Rejonowa w Piotrkowie Trybunalskim" in page
    assert "20.11.2026" in page  # final from
    await step(api, did, {"step": "cepik", "on": "2026-11-23", "kind": "posiada"})
    retention = await step(
        api,
        did,
        {"step": "wniosek_prawo_jazdy", "on": "2026-11-23", "addressee": "Starosta Piotrkowski"},
    )
    page = await pdf(api, retention)
    assert "zatrzymanie prawa jazdy" in page
    assert "Starosta Piotrkowski" in page
    # The licence may not come back: October was not paid (art. 5 ust. 3a does not hold).
    r = await api.post(
        f"{BASE}/debtors/{did}/case/steps",
        json={"step": "wniosek_zwrot_prawa_jazdy", "on": "2026-11-23", "kind": "wplaty"},
    )
    assert r.status_code == 409
    assert "2026-10" in r.json()["detail"]
    # The communes differ: the letters between the organs (u.p.o.u.a. art. 3–4).
    r = await api.get(f"{BASE}/debtors/{did}/case/letters/wniosek-o-podjecie-dzialan.pdf")
    assert r.status_code == 200
    page = text(r.content)
    assert "Wójt Gminy Wola Krzysztoporska" in page  # the creditor's organ asks
    assert "Burmistrz (Prezydent) Miasta Piotrków Trybunalski" in page  # the debtor's acts
    r = await api.get(f"{BASE}/debtors/{did}/case/letters/informacja-o-dzialaniach.pdf")
    page = text(r.content)
    assert "Wniosek o ściganie (art. 209 § 1 k.k.)" in page
    assert "03.09.2026" in page
    case = await get(api, f"/debtors/{did}/case")
    assert case["licence_return_conditions"] == []
    assert case["next_step"] is None
    assert [s["step"] for s in case["steps"]] == [
        "wywiad",
        "odmowa",
        "wszczecie_uchylanie",
        "decyzja_uchylanie",
        "decyzja_uchylanie",
        "decyzja_uchylanie",
        "wniosek_o_sciganie",
        "cepik",
        "wniosek_prawo_jazdy",
    ]


async def test_bad_input_writes_nothing(api: httpx.AsyncClient) -> None:
    did = await create_debtor(api)
    r = await api.post(
        f"{BASE}/debtors/{did}/case",
        json={
            "trigger": "fundusz_alimentacyjny",
            "opened_on": "2026-09-01",
            "creditor_commune_terc": "9999999",
            "debtor_commune_terc": WOLA,
        },
    )
    assert r.status_code == 422
    assert r.json()["errors"][0]["field"] == "creditor_commune_terc"
    r = await api.get(f"{BASE}/debtors/{did}/case")
    assert r.status_code == 404
    r = await api.get(f"{BASE}/debtors/{did}/case/letters/informacja-o-dzialaniach.pdf")
    assert r.status_code == 404
    r = await api.post(
        f"{BASE}/debtors/{did}/case",
        json={
            "trigger": "fundusz_alimentacyjny",
            "opened_on": "2026-12-01",
            "creditor_commune_terc": WOLA,
            "debtor_commune_terc": WOLA,
        },
    )
    assert r.status_code == 422


async def test_the_big_pouczenie_links_the_entry_and_relief_is_decided(
    api: httpx.AsyncClient,
) -> None:
    """Seed 001 zał. 9 pkt 7, u.p.o.u.a. art. 8a ust. 1 pkt 1: the fund paid 500.00 on 10.02 and
    10.03.2026; on 23.11.2026 the arrears are older than 6 months, the debtor goes to BIG, and the
    pouczenie names the entry. Relief on request (art. 30 ust. 2) is decided within a month."""
    did = await fund_debtor(api)
    await post(
        api,
        f"/debtors/{did}/case",
        {
            "trigger": "fundusz_alimentacyjny",
            "opened_on": "2026-02-10",
            "creditor_commune_terc": WOLA,
            "debtor_commune_terc": WOLA,
        },
    )
    case = await get(api, f"/debtors/{did}/case")
    assert case["big"]["action"] == "wpisac"
    await post(api, "/big/submissions", {"as_of": "2026-11-23"}, 200)
    row = await step(api, did, {"step": "pouczenie_big", "on": "2026-11-23"})
    page = await pdf(api, row)
    assert "przekazana do biura informacji gospodarczej dnia 23.11.2026" in page
    case = await get(api, f"/debtors/{did}/case")
    assert case["big"]["entry_id"] is not None
    assert (case["big"]["entered_on"], case["big"]["action"]) == ("2026-11-23", "bez_zmian")
    # The letters between organs do not exist when both communes are the same.
    r = await api.get(f"{BASE}/debtors/{did}/case/letters/wniosek-o-podjecie-dzialan.pdf")
    assert r.status_code == 409

    await step(
        api,
        did,
        {"step": "wniosek_ulga", "on": "2026-10-30", "kind": "raty", "description": "Utrata pracy"},
    )
    case = await get(api, f"/debtors/{did}/case")
    # art. 35 § 3 k.p.a.: 30.10 + 1 month = Monday 30.11.2026.
    relief = [n for n in case["pending"] if n["step"] == "decyzja_ulga"]
    assert [(n["due_on"], n["status"]) for n in relief] == [("2026-11-30", "do_zrobienia")]
    r = await api.post(
        f"{BASE}/debtors/{did}/case/steps",
        json={"step": "decyzja_ulga", "on": "2026-11-20", "kind": "raty", "description": "x"},
    )
    assert r.status_code == 422
    assert r.json()["errors"][0]["field"] == "instalments"
    row = await step(
        api,
        did,
        {
            "step": "decyzja_ulga",
            "on": "2026-11-20",
            "kind": "umorzenie",
            "amount": "250.00",
            "case_ref": "FA.4103.1.2026",
            "description": "Trudna sytuacja zdrowotna",
        },
    )
    assert row["details"]["amount"] == "250.00"
    case = await get(api, f"/debtors/{did}/case")
    assert not [n for n in case["pending"] if n["step"] == "decyzja_ulga"]
