"""The batch page (reminders in bulk, handoff), the sweeps page and the users page."""

from __future__ import annotations

from datetime import date

from tests.factories import card, create_debtor, create_receivable, deliver, sweep
from tests.web.conftest import post_form


async def _due(api_admin) -> int:
    rid = int((await create_receivable(api_admin, await create_debtor(api_admin)))["id"])
    await deliver(api_admin, rid, "wezwanie", "2025-03-05")
    await sweep(api_admin, "2025-03-20")
    return rid


async def test_dashboard_lists_todays_work(web, api_admin, today) -> None:
    rid = await _due(api_admin)
    undelivered = int(
        (
            await create_receivable(
                api_admin, await create_debtor(api_admin, name="Nowak Ewa", pesel=None)
            )
        )["id"]
    )
    today.day = date(2025, 3, 21)
    page = (await web.get("/")).text
    section = page[page.index('id="w-upomnienia"') : page.index('id="w-zpo-up"')]
    assert f'href="/naleznosci/{rid}"' in section
    section = page[page.index('id="w-zpo"') : page.index('id="w-upomnienia"')]
    assert f'href="/naleznosci/{undelivered}"' in section
    assert 'href="/teczki/upomnienia"' in page


async def test_dashboard_lists_the_reminders_due_before_the_last_six_months(
    web, api_admin, today
) -> None:
    # Term 2025-03-19, time-barred from 2028-03-20: rozporządzenie MF z 18.11.2020 §3 wants the
    # reminder before 2027-09-20 (the last six months), so by 19.09.2027; listed from 2027-08-19.
    rid = await _due(api_admin)
    today.day = date(2027, 8, 18)
    page = (await web.get("/")).text
    section = page[page.index('id="w-przed-przedawnieniem"') : page.index('id="w-zpo-up"')]
    assert f'href="/naleznosci/{rid}"' not in section
    today.day = date(2027, 8, 19)
    page = (await web.get("/")).text
    section = page[page.index('id="w-przed-przedawnieniem"') : page.index('id="w-zpo-up"')]
    assert f'href="/naleznosci/{rid}"' in section
    assert "19.09.2027" in section
    page = (await web.get("/prace-zbiorcze")).text
    assert "upomnienie najpóźniej 19.09.2027" in page


async def test_reminders_in_bulk_from_the_batch_page(web, api_admin, today) -> None:
    rid = await _due(api_admin)
    today.day = date(2025, 4, 1)
    page = (await web.get("/prace-zbiorcze")).text
    assert f'href="/naleznosci/{rid}"' in page
    r = await post_form(web, "/prace-zbiorcze/upomnienia", {"issued_on": "2025-04-02"})
    assert r.status_code == 422
    assert 'id="e-upomnienia-issued_on">Data z przyszłości' in r.text
    r = await post_form(web, "/prace-zbiorcze/upomnienia", {"issued_on": "2025-04-01"})
    assert (r.status_code, r.headers["location"]) == (303, "/prace-zbiorcze?dzien=2025-04-01")
    page = (await web.get(r.headers["location"])).text
    assert "Wystawiono upomnienia z dniem 01.04.2025: UP/1/2025." in page
    assert "/api/v1/reminders/batch.pdf?issued_on=2025-04-01" in page
    assert (await card(api_admin, rid, "2025-04-01"))["state"] == "upomnienie"


async def test_handoff_refusal_shows_on_the_form(web) -> None:
    r = await post_form(web, "/prace-zbiorcze/przekazanie", {"issued_on": "2026-11-23"})
    assert r.status_code == 409
    assert "Brak tytułów i zawiadomień do przekazania" in r.text


async def test_run_the_sweep_now(web, api_admin, as_role) -> None:
    rid = int((await create_receivable(api_admin, await create_debtor(api_admin)))["id"])
    await deliver(api_admin, rid, "wezwanie", "2025-03-05")
    r = await post_form(web, "/przeglady/uruchom", {"job": "daily", "as_of": "2027-01-01"})
    assert r.status_code == 422
    assert "Przeglądu nie można uruchomić na dzień z przyszłości" in r.text
    r = await post_form(web, "/przeglady/uruchom", {"job": "daily", "as_of": ""})
    assert (r.status_code, r.headers["location"]) == (303, "/przeglady")
    page = (await web.get("/przeglady")).text
    # Issue 19 item 4: the plural form (1 należność) and labels, not the rules' codes.
    assert "na dzień 23.11.2026: zmieniono 1 należność. po terminie płatności: 1" in page
    assert "termin_uplynal" not in page
    assert ">u_specjalista<" in page
    ksiegowy = await as_role("ksiegowy")
    assert (await post_form(ksiegowy, "/przeglady/uruchom", {"job": "daily"})).status_code == 403


async def test_admin_creates_users(as_role) -> None:
    admin = await as_role("admin")
    form = {
        "username": "ewa",
        "full_name": "Ewa Nowak",
        "role": "ksiegowy",
        "password": "haslo-ewy-2025",
    }
    r = await post_form(admin, "/uzytkownicy", {**form, "password": "krotkie", "role": "szef"})
    assert r.status_code == 422
    assert 'id="e-uzytkownik-password">Za krótkie: co najmniej 12 znaków' in r.text
    assert 'id="e-uzytkownik-role">Wybierz jedną z podanych wartości' in r.text
    assert "krotkie" not in r.text
    assert (await post_form(admin, "/uzytkownicy", form)).status_code == 303
    page = (await admin.get("/uzytkownicy")).text
    assert "Utworzono użytkownika ewa" in page
    assert "główny księgowy" in page
    r = await post_form(admin, "/uzytkownicy", form)
    assert r.status_code == 422
    assert 'id="e-uzytkownik-username">Taki użytkownik już istnieje' in r.text
    r = await post_form(admin, "/uzytkownicy", {**form, "username": "zła nazwa"})
    assert 'id="e-uzytkownik-username">Tylko litery bez polskich znaków' in r.text
