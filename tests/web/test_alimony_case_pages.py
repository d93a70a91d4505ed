"""The page of the procedure against an alimony debtor (issue 18): opened from the alimony card,
the case opened and steps recorded through its forms (the API's use cases), a refused step shown on
its form with nothing written, and the dashboard's "Praca na dziś" listing the case with its
deadline. Today is 2026-11-23 (tests/conftest.py)."""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable

import httpx

from tests.alimony.support import fund_debtor, post
from tests.factories import create_debtor
from tests.web.conftest import post_form

WOLA = "1010102"


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).replace("\u00a0", " ")


async def test_the_case_through_its_forms_and_on_the_dashboard(
    web: httpx.AsyncClient, api_admin: httpx.AsyncClient
) -> None:
    did = await create_debtor(api_admin)
    card = await web.get(f"/alimenty/zobowiazani/{did}")
    assert f'href="/alimenty/zobowiazani/{did}/sprawa"' in card.text
    url = f"/alimenty/zobowiazani/{did}/sprawa"
    page = await web.get(url)
    assert page.status_code == 200
    assert "Sprawa nie jest wszczęta" in _text(page.text)

    # A commune code that is not in TERYT: refused on the form, nothing written.
    r = await post_form(
        web,
        url,
        {
            "trigger": "fundusz_alimentacyjny",
            "opened_on": "2026-11-02",
            "creditor_commune_terc": "9999999",
            "debtor_commune_terc": WOLA,
        },
        page=url,
    )
    assert r.status_code == 422
    assert "Nie ma gminy o kodzie TERC" in _text(r.text)

    r = await post_form(
        web,
        url,
        {
            "trigger": "fundusz_alimentacyjny",
            "opened_on": "2026-11-02",
            "creditor_commune_terc": WOLA,
            "debtor_commune_terc": WOLA,
        },
        page=url,
    )
    assert (r.status_code, r.headers["location"]) == (303, url)
    page = _text((await web.get(url)).text)
    assert "Wszczęto sprawę wobec dłużnika alimentacyjnego z dnia 02.11.2026" in page
    # k.p.a. art. 35 § 3, art. 57 § 3: 2.11 + 1 month = Wednesday 2.12.2026, not yet due.
    assert "Wezwać dłużnika na wywiad alimentacyjny 02.12.2026 do zrobienia" in page

    # The decision before its proceedings: refused on the "uchylanie" form.
    r = await post_form(
        web,
        f"{url}/kroki/uchylanie",
        {"action": "decyzja_uchylanie:wydana", "on": "2026-11-20"},
        page=url,
    )
    assert r.status_code == 409
    assert "Nie zapisano" in _text(r.text)

    r = await post_form(
        web,
        f"{url}/kroki/wezwanie",
        {
            "action": "wywiad:wezwanie",
            "on": "2026-11-03",
            "scheduled_for": "2026-11-30",
            "place": "GOPS, pokój nr 2",
        },
        page=url,
    )
    assert r.status_code == 303, r.text
    page = (await web.get(url)).text
    assert "Zapisano: Wywiad alimentacyjny z dnia 03.11.2026." in _text(page)
    assert re.search(rf"/api/v1/alimony/debtors/{did}/case/steps/\d+\.pdf", page)
    assert "Przeprowadzić wywiad" in _text(page)

    dashboard = _text((await web.get("/")).text)
    assert "Sprawy dłużników alimentacyjnych" in dashboard
    assert "Przeprowadzić wywiad (albo zapisać, że dłużnik go uniemożliwił) 30.11.2026" in dashboard


async def test_the_interview_needs_its_findings_and_relief_shows_the_fund_receivables(
    web: httpx.AsyncClient, api_admin: httpx.AsyncClient
) -> None:
    """Seed 001 zał. 9 pkt 2 a–c: the interview establishes the family, income and work, health
    and the reasons; a missing one is refused at its field. Relief (art. 30 ust. 2) shows with
    the fund's receivable where instalments and deferral are recorded."""
    did = await fund_debtor(api_admin)
    await post(
        api_admin,
        f"/debtors/{did}/case",
        {
            "trigger": "fundusz_alimentacyjny",
            "opened_on": "2026-02-10",
            "creditor_commune_terc": WOLA,
            "debtor_commune_terc": WOLA,
        },
    )
    url = f"/alimenty/zobowiazani/{did}/sprawa"
    r = await post_form(
        web,
        f"{url}/kroki/wywiad",
        {
            "action": "wywiad:przeprowadzony",
            "on": "2026-03-02",
            "family": "Samotny, dwoje dzieci z poprzedniego związku",
            "income": "Bez pracy od 2025 r.",
            "reasons": "Brak dochodu",
        },
        page=url,
    )
    assert r.status_code == 422
    assert "Wywiad alimentacyjny ustala także: stan zdrowia" in _text(r.text)
    assert "Samotny, dwoje dzieci" in r.text  # the values typed are kept
    await post(
        api_admin,
        f"/debtors/{did}/case/steps",
        {
            "step": "wniosek_ulga",
            "on": "2026-11-02",
            "kind": "umorzenie",
            "description": "Choroba",
        },
    )
    await post(
        api_admin,
        f"/debtors/{did}/case/steps",
        {
            "step": "decyzja_ulga",
            "on": "2026-11-20",
            "kind": "umorzenie",
            "amount": "250.00",
            "case_ref": "FA.4103.1.2026",
            "description": "Długotrwała choroba",
        },
    )
    page = _text((await web.get(url)).text)
    assert "Ulga na wniosek dłużnika (art. 30 ust. 2)" in page
    assert "kwota 250,00 zł" in page
    assert "decyzja o umorzeniu — umorzenie należności z odsetkami z numerem decyzji" in page


async def test_a_deferral_decision_through_the_form_defers_the_fund_receivable(
    as_role: Callable[[str], Awaitable[httpx.AsyncClient]], api_admin: httpx.AsyncClient
) -> None:
    """Issue 18 item 7: the relief form's "decyzja: odroczenie terminu" (art. 30 ust. 2
    u.p.o.u.a.) defers the fund's receivable through the lifecycle's deferral; the page shows it
    on the receivable: raty under one instalment of the balance on the decision's day, 1012.74
    (tests/alimony/test_relief.py: 1000.00 paid out and 12.74 interest on 15.04.2026), due on the
    deferred term 30.09.2026, with no prolongation fee."""
    # The decision is recorded by who may sign it and work the case (the administrator here).
    web = await as_role("admin")
    did = await fund_debtor(api_admin)
    await post(
        api_admin,
        f"/debtors/{did}/case",
        {
            "trigger": "fundusz_alimentacyjny",
            "opened_on": "2026-02-10",
            "creditor_commune_terc": WOLA,
            "debtor_commune_terc": WOLA,
        },
    )
    url = f"/alimenty/zobowiazani/{did}/sprawa"
    r = await post_form(
        web,
        f"{url}/kroki/ulga",
        {"action": "wniosek_ulga:odroczenie", "on": "2026-04-01", "description": "Utrata pracy"},
        page=url,
    )
    assert r.status_code == 303, r.text
    r = await post_form(
        web,
        f"{url}/kroki/ulga",
        {
            "action": "decyzja_ulga:odroczenie",
            "on": "2026-04-15",
            "case_ref": "FA.4103.2.2026",
            "deferred_to": "2026-09-30",
            "description": "Dochód rodziny poniżej kryterium",
        },
        page=url,
    )
    assert r.status_code == 303, r.text
    page = _text((await web.get(url)).text)
    assert "Termin płatności odroczony do 30.09.2026" in page
    assert (
        "— raty : termin płatności odroczony z 10.02.2026 do 30.09.2026"
        " (decyzja FA.4103.2.2026 z 15.04.2026), do zapłaty 1 012,74 zł"
    ) in page
    assert "bez opłaty prolongacyjnej" in page
