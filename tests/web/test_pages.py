"""Every page renders for a role that may see it; the layout shows only what the role may do."""

from __future__ import annotations

import re

import pytest

from tests.factories import create_debtor, create_receivable, deliver


@pytest.fixture
async def data(api_admin) -> dict[str, int]:
    debtor = await create_debtor(api_admin)
    r = await create_receivable(api_admin, debtor)
    await deliver(api_admin, r["id"], "wezwanie", "2025-03-05")
    return {"debtor": debtor, "receivable": r["id"]}


READ_PAGES = [
    "/",
    "/zobowiazani",
    "/zobowiazani?q=Kowal",
    "/zobowiazani?q=440514",
    "/zobowiazani/{debtor}",
    "/naleznosci/{receivable}",
    "/naleznosci/{receivable}/historia",
    "/teczki/raty",
    "/teczki/zaplacone?year=2025",
    "/prace-zbiorcze",
    "/prace-zbiorcze?rok=2025",
    "/prace-zbiorcze?dzien=2025-04-01",
    "/przeglady",
    "/kalkulator",
]
COLLECT_PAGES = [
    "/zobowiazani/nowy",
    "/zobowiazani/{debtor}/edycja",
    "/zobowiazani/{debtor}/naleznosci/nowa",
]


@pytest.mark.parametrize("role", ["specjalista", "ksiegowy", "kierownik", "admin"])
async def test_every_page_renders_for_a_reader(as_role, data, role: str) -> None:
    c = await as_role(role)
    for page in READ_PAGES + (COLLECT_PAGES if role in ("specjalista", "admin") else []):
        r = await c.get(page.format(**data))
        assert r.status_code == 200, (page, r.status_code)
        assert r.headers["content-type"].startswith("text/html")
        assert re.search(r"<h1>[^<]+", r.text), page
        assert 'lang="pl"' in r.text


async def test_static_files_are_served(web) -> None:
    for name in ("app.css", "app.js", "favicon.svg"):
        assert (await web.get(f"/static/{name}")).status_code == 200


async def test_a_reader_sees_no_forms_it_may_not_use(as_role, data) -> None:
    ksiegowy = await as_role("ksiegowy")
    card = (await ksiegowy.get(f"/naleznosci/{data['receivable']}")).text
    assert "Zaksięguj wpłatę" not in card
    assert "Dodaj należność" not in (await ksiegowy.get(f"/zobowiazani/{data['debtor']}")).text
    assert "Uruchom przegląd teraz" not in (await ksiegowy.get("/przeglady")).text
    assert 'href="/uzytkownicy"' not in (await ksiegowy.get("/")).text
    admin = await as_role("admin")
    assert 'href="/uzytkownicy"' in (await admin.get("/")).text


async def test_the_card_offers_the_actions_of_its_state(web, data) -> None:
    # Issue 19 item 1. Stored: wystawiona, demand delivered 05.03.2025, payment term 19.03.2025
    # (14 days, seed 003 §3.1). On 2026-11-23, with no sweep run, the card derives the state from
    # the facts: wymagalna since 20.03.2025, and offers the reminder (u.p.e.a. art. 15 §1); the
    # title needs the reminder first, and a specialist does not sign write-offs.
    card = (await web.get(f"/naleznosci/{data['receivable']}")).text
    assert '<span class="badge st-wymagalna">' in card
    assert "upływ terminu płatności 19.03.2025" in card
    assert "<strong>Wystaw upomnienie.</strong>" in card
    assert "Zaksięguj wpłatę" in card
    assert 'action="/naleznosci/' + str(data["receivable"]) + '/upomnienie"' in card
    assert "/tytul\"" not in card
    assert "Wystaw tytuł wykonawczy" not in card
    assert "Zapisz doręczenie" not in card  # the term has passed: no delivery form
    assert "Zapisz umorzenie" not in card


async def test_the_debtor_list_masks_the_pesel_and_the_card_shows_it(web, data) -> None:
    listed = (await web.get("/zobowiazani?q=Kowalski")).text
    assert "440514•••••" in listed
    assert "44051401359" not in listed
    assert "44051401359" in (await web.get(f"/zobowiazani/{data['debtor']}")).text


async def test_dates_and_amounts_are_in_polish_notation(web, data) -> None:
    card = (await web.get(f"/naleznosci/{data['receivable']}")).text
    assert "250,00\u00a0zł" in card
    assert "03.03.2025" in card  # issue date
    assert "19.03.2025" in card  # payment term: 2025-03-05 + 14 days


async def test_every_link_to_a_printout_is_live_in_the_full_app(web_app) -> None:
    """Pages link to PDF/CSV/XML outputs only when a route answers them; in the assembled service
    every one must be live (a page never says "not available yet")."""
    from app.web import links

    assert links.available(web_app) == frozenset(links.LINKS)


async def test_the_year_end_list_links_to_its_pdf_and_csv(web) -> None:
    page = (await web.get("/prace-zbiorcze?rok=2025")).text
    assert 'href="/api/v1/reports/year-end/2025/time-barred.pdf"' in page
    assert 'href="/api/v1/reports/year-end/2025/time-barred.csv"' in page
    assert 'href="/api/v1/reports/year-end/2025/alimony.pdf"' in page
    assert "jeszcze niedostępny" not in page
    pdf = await web.get("/api/v1/reports/year-end/2025/time-barred.pdf")
    assert (pdf.status_code, pdf.content[:5]) == (200, b"%PDF-")
