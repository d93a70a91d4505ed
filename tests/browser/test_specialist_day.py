"""A specialist's day in a real browser: log in, register a debtor (a wrong PESEL first), a stay
fee, its delivery, the sweep, a reminder and its PDF, a partial payment; the balance and the new
limitation date. Each step carries its calendar date; the server's clock is moved by the test.

Issue 19 item 3: the browser is Polish (locale pl-PL) and every page the day opens is checked
(tests/browser/conftest.py POLISH_PAGES): no raw JSON, no English status page, no 404/405/5xx.
The walk goes through the receivable list, the notes, the alimony card and every page of the
main menu; dates are typed as DD.MM.RRRR, as the fields show them (issue 19 item 4)."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from tests.browser.conftest import LiveServer
from tests.conftest import ADMIN_PASSWORD

pytestmark = pytest.mark.browser

WRONG_PESEL = "44051401358"  # checksum digit off by one
PESEL = "44051401359"


def _expect() -> Any:
    from playwright.sync_api import expect

    return expect


def log_in(page: Any, base: str, username: str, password: str) -> None:
    page.goto(f"{base}/logowanie")
    page.get_by_label("Nazwa użytkownika").fill(username)
    page.get_by_label("Hasło").fill(password)
    page.get_by_role("button", name="Zaloguj").click()
    _expect()(page.get_by_role("heading", level=1)).to_have_text("Pulpit")


def nav(page: Any, name: str) -> Any:
    return page.get_by_role("navigation", name="Menu główne").get_by_role("link", name=name)


def flash(page: Any) -> Any:
    return page.locator(".flash").first


def shot(page: Any, folder: Path, name: str) -> None:
    page.screenshot(path=str(folder / f"{name}.png"), full_page=True)


def test_a_specialists_day(live_server: LiveServer, page: Any, screenshots: Path) -> None:
    expect, base, clock = _expect(), live_server.url, live_server.clock

    # 2025-03-03 (Mon). Not logged in: every page leads to the log-in form.
    page.goto(f"{base}/zobowiazani")
    expect(page).to_have_url(re.compile(r"/logowanie\?next=/zobowiazani$"))
    expect(page.get_by_label("Nazwa użytkownika")).to_be_focused()
    shot(page, screenshots, "01-logowanie")
    page.get_by_label("Nazwa użytkownika").fill("admin")
    page.get_by_label("Hasło").fill("złe hasło")
    page.get_by_role("button", name="Zaloguj").click()
    expect(page.get_by_role("alert")).to_contain_text("Nieprawidłowa nazwa użytkownika lub hasło")

    # The admin creates the specialist's account.
    log_in(page, base, "admin", ADMIN_PASSWORD)
    nav(page, "Użytkownicy").click()
    page.get_by_label("Login").fill("anna")
    page.get_by_label("Imię i nazwisko").fill("Anna Nowak")
    page.get_by_label("Rola").select_option("specjalista")
    page.get_by_label("Hasło początkowe").fill("krotkie")
    page.get_by_role("button", name="Utwórz użytkownika").click()
    expect(page.locator("#e-uzytkownik-password")).to_contain_text("co najmniej 12 znaków")
    expect(page.get_by_label("Login")).to_have_value("anna")
    page.get_by_label("Hasło początkowe").fill("anna-haslo-2025")
    page.get_by_role("button", name="Utwórz użytkownika").click()
    expect(flash(page)).to_contain_text("Utworzono użytkownika anna")
    shot(page, screenshots, "02-uzytkownicy")
    page.get_by_role("button", name="Wyloguj").click()
    expect(flash(page)).to_contain_text("Wylogowano")

    log_in(page, base, "anna", "anna-haslo-2025")
    expect(nav(page, "Użytkownicy")).to_have_count(0)

    # A debtor with a wrong PESEL: the message sits next to the field, the cursor in it.
    nav(page, "Zobowiązani").click()
    page.get_by_role("link", name="Dodaj zobowiązanego").click()
    page.get_by_label("Nazwisko i imię albo nazwa").fill("Kowalski Jan")
    page.get_by_label("Imię", exact=True).fill("Jan")
    page.get_by_label("Nazwisko", exact=True).fill("Kowalski")
    page.get_by_label("PESEL").fill(WRONG_PESEL)
    page.get_by_label("Ulica i numer").fill("ul. Długa 5 m. 3")
    page.get_by_label("Kod pocztowy").fill("87-800")
    page.get_by_label("Miejscowość").fill("Włocławek")
    page.get_by_role("button", name="Zapisz").click()
    pesel = page.get_by_label("PESEL")
    expect(page.locator("#e-zobowiazany-pesel")).to_have_text(
        "Nieprawidłowy numer PESEL (błędna długość lub cyfra kontrolna)"
    )
    expect(pesel).to_have_attribute("aria-invalid", "true")
    expect(pesel).to_be_focused()
    expect(pesel).to_have_value(WRONG_PESEL)
    expect(page.get_by_label("Miejscowość")).to_have_value("Włocławek")
    shot(page, screenshots, "03-zobowiazany-blad-pesel")
    pesel.fill(PESEL)
    page.get_by_role("button", name="Zapisz").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Kowalski Jan")
    expect(flash(page)).to_contain_text("Dodano zobowiązanego")

    # The search list shows the PESEL masked.
    nav(page, "Zobowiązani").click()
    page.get_by_label(re.compile("Szukaj po nazwisku")).fill("Kowal")
    page.get_by_role("button", name="Szukaj").click()
    expect(page.get_by_role("cell", name="440514•••••")).to_be_visible()
    shot(page, screenshots, "04-wyszukiwanie")
    page.get_by_role("link", name="Kowalski Jan").click()

    # 2025-03-03: the stay fee; its wezwanie do zapłaty is issued with it.
    page.get_by_role("link", name="Dodaj należność").click()
    expect(page.get_by_label("Data wystawienia wezwania")).to_have_value("03.03.2025")
    page.get_by_label("Kwota należności głównej (zł)").fill("250,00")
    page.get_by_label("Tytuł (za co)").fill("Opłata za pobyt w dniu 01.03.2025, karta 57/2025")
    page.get_by_role("button", name="Zarejestruj należność").click()
    expect(page.locator(".state .badge")).to_have_text("wystawiona")
    expect(page.locator("#saldo")).to_have_text("250,00\u00a0zł")
    card_url = page.url

    # 2025-03-05 (Wed) the demand is delivered: + 14 days = Wed 2025-03-19.
    clock.day = date(2025, 3, 6)
    page.reload()
    page.get_by_label("Data doręczenia", exact=True).fill("05.03.2025")
    page.get_by_role("button", name="Zapisz doręczenie").click()
    expect(flash(page)).to_contain_text("termin upływa 19.03.2025")

    # 2025-03-20: the term ran out. Before any sweep the list, the dashboard and the card show
    # it as wymagalna and offer the reminder (issue 19 item 1: the state as of today).
    clock.day = date(2025, 3, 20)
    nav(page, "Należności").click()
    page.get_by_label(re.compile("Szukaj")).first.fill("kowal")
    page.get_by_role("button", name=re.compile("Szukaj|Pokaż")).first.click()
    expect(page.locator("#lista-naleznosci .badge")).to_have_text(["wymagalna"])
    shot(page, screenshots, "05a-lista-naleznosci")
    nav(page, "Pulpit").click()
    expect(page.locator("section[aria-labelledby=w-upomnienia]")).to_contain_text("Opłata za pobyt")
    # The sweep records what the lists already showed.
    nav(page, "Przeglądy").click()
    page.get_by_role("button", name="Uruchom przegląd teraz").click()
    expect(flash(page)).to_contain_text("zmieniono 1 należność.")  # issue 19: plural form
    expect(page.locator("table.list")).not_to_contain_text("termin_uplynal")
    shot(page, screenshots, "05-przeglady")
    nav(page, "Pulpit").click()
    expect(page.locator("section[aria-labelledby=w-upomnienia]")).to_contain_text("Opłata za pobyt")
    shot(page, screenshots, "06-pulpit")

    # 2025-04-01: the upomnienie, dated today.
    clock.day = date(2025, 4, 1)
    page.goto(card_url)
    expect(page.locator(".state .badge")).to_have_text("wymagalna")
    expect(page.locator("#nastepny-krok")).to_contain_text("Wystaw upomnienie.")
    expect(page.locator("#akcja-tytul")).to_have_count(0)  # not possible yet: not shown
    page.get_by_role("button", name="Wystaw upomnienie").click()
    expect(flash(page)).to_contain_text("Wystawiono upomnienie nr UP/1/2025")
    expect(page.locator(".state .badge")).to_have_text("upomnienie wysłane")
    # The letter demands 16,00 zł of costs: the card names them before the delivery too.
    expect(page.locator("#koszty")).to_have_text("16,00\u00a0zł")
    expect(page.locator("#nastepny-krok")).to_contain_text("Zapisz doręczenie upomnienia.")
    _reminder_pdf(page, base)

    # 2025-04-03 (Thu) the reminder is delivered: + 7 days = Thu 2025-04-10.
    clock.day = date(2025, 4, 3)
    page.reload()
    page.get_by_label("Data doręczenia", exact=True).fill("03.04.2025")
    page.get_by_role("button", name="Zapisz doręczenie").click()
    expect(flash(page)).to_contain_text("termin upływa 10.04.2025")

    # 2025-05-05: 250.00 + 16.00 reminder costs; the interest (4.67 zł) does not exceed 8.70 zł
    # (OP art. 54 §1 pkt 5). A partial payment of 100.00: costs first, then the principal.
    clock.day = date(2025, 5, 5)
    page.reload()
    expect(page.locator("#saldo")).to_have_text("266,00\u00a0zł")
    barred_before = _day(page.locator("#przedawnienie").inner_text())
    page.get_by_label("Kwota (zł)").fill("abc")
    page.get_by_role("button", name="Zaksięguj wpłatę").click()
    expect(page.locator("#e-wplata-amount")).to_contain_text("Podaj kwotę w złotych")
    expect(page.get_by_label("Kwota (zł)")).to_be_focused()
    page.get_by_label("Kwota (zł)").fill("100,00")
    page.get_by_label("Tytuł przelewu / nr dowodu wpłaty").fill("WB/0505/1")
    page.get_by_role("button", name="Zaksięguj wpłatę").click()
    expect(flash(page)).to_contain_text("Zaksięgowano wpłatę 100,00")
    expect(page.locator("#saldo")).to_have_text("166,00\u00a0zł")
    # Issue 19 item 1: how the payment was split (costs first, OP art. 62 §1a), the next step.
    split = page.locator("tr.split").first
    expect(split).to_contain_text("05.05.2025")
    expect(split.locator("td").nth(3)).to_have_text("16,00\u00a0zł")
    expect(split.locator("td").nth(5)).to_have_text("84,00\u00a0zł")
    expect(page.locator("#nastepny-krok")).to_contain_text("Wystaw tytuł wykonawczy.")
    barred_after = _day(page.locator("#przedawnienie").inner_text())
    # Seed 003 §5: a partial payment interrupts the limitation; a new 3-year period runs.
    assert barred_after > barred_before
    assert barred_after.year == 2028
    shot(page, screenshots, "07-karta-naleznosci")

    page.get_by_role("link", name=re.compile("pełna historia zmian")).click()
    expect(page.locator("table.audit")).to_contain_text("anna")
    shot(page, screenshots, "08-historia")
    nav(page, "Prace zbiorcze").click()
    shot(page, screenshots, "09-prace-zbiorcze")
    page.goto(card_url)
    page.locator(".crumbs").get_by_role("link", name="Kowalski Jan").click()
    expect(page.locator("tfoot")).to_contain_text("166,00")
    # Issue 19 item 5: a phone call written down on the debtor's card.
    notes = page.locator("#akcja-notatka")
    notes.get_by_label("Rodzaj").select_option("telefon")
    notes.get_by_label("Treść").fill("Dzwonił: zapłaci resztę do końca maja.")
    notes.get_by_role("button", name="Zapisz wpis").click()
    expect(flash(page)).to_contain_text("Zapisano wpis: rozmowa telefoniczna z dnia 05.05.2025.")
    expect(page.locator("table.notes")).to_contain_text("zapłaci resztę do końca maja")
    expect(page.locator("table.notes")).to_contain_text("anna")
    shot(page, screenshots, "10-karta-zobowiazanego")

    # The same debtor owes the alimony fund: a payout typed in, its interest from the next day.
    page.get_by_role("link", name="Alimenty (fundusz)").click()
    form = page.locator("#akcja-wyplata")
    form.get_by_label("Data wypłaty").fill("30.04.2025")
    form.get_by_label("Kwota (zł)").fill("500,00")
    form.get_by_role("button", name="Zapisz wypłatę").click()
    expect(flash(page)).to_contain_text("Zapisano wypłatę z dnia 30.04.2025: 500,00\u00a0zł")
    # 2025-05-01 … 2025-05-05 (today), 5 days at 11.25 % (KC art. 481 § 2: reference rate 5.75 %
    # + 5.5 points, from 2023-10-05): 500.00 × 11.25 % × 5 / 365 = 0.770… → 0.77 zł.
    expect(page.locator("#saldo")).to_have_text("500,77\u00a0zł")
    shot(page, screenshots, "12-alimenty")

    # The calculator over the same money engine gives the same balance.
    nav(page, "Kalkulator").click()
    page.get_by_label("Należność główna (zł)").fill("250,00")
    page.get_by_label("Ostatni dzień terminu płatności").fill("2025-03-19")
    page.get_by_label("Wpłaty — data i kwota w wierszu").fill("2025-05-05 100,00")
    page.get_by_label("Koszty upomnienia — data doręczenia i kwota").fill("2025-04-03 16,00")
    page.get_by_role("button", name="Oblicz").click()
    expect(page.locator("#k-saldo")).to_have_text("166,00\u00a0zł")
    shot(page, screenshots, "11-kalkulator")

    # The rest of the day's menu, each page opened from its link (checked as every page is).
    for name in ("Pulpit", "Zobowiązani", "Należności", "Alimenty", "Prace zbiorcze",
                 "Korespondencja", "Adresy", "Przeglądy", "Księgowość"):  # fmt: skip
        nav(page, name).click()
        expect(page.get_by_role("heading", level=1)).to_be_visible()
    # A form's address opened again by hand (the reload after a refused form): a Polish page.
    response = page.goto(f"{card_url}/wplata")
    assert response is not None
    assert response.status == 405
    expect(page.locator("body")).to_contain_text("przyjmowany jest tylko formularz wysłany")


def _day(text: str) -> date:
    d, m, y = text.strip().split(".")
    return date(int(y), int(m), int(d))


def _reminder_pdf(page: Any, base: str) -> None:
    """Download the reminder's PDF from its link on the card (with the browser's session)."""
    from io import BytesIO

    from pypdf import PdfReader

    link = page.locator("a.pdf[data-doc=upomnienie]")
    _expect()(link).to_have_count(1)
    response = page.request.get(base + link.get_attribute("href"))
    assert response.status == 200
    assert response.headers["content-type"].startswith("application/pdf")
    text = "".join(p.extract_text() for p in PdfReader(BytesIO(response.body())).pages)
    assert "UP/1/2025" in text
    assert "Kowalski" in text
