"""Issue 15 items 5 and 13 in a real browser: the admin manages a user's account (a temporary
password the user must replace at the next log-in, deactivation), and /docs works with nothing
loaded from another host."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.browser.conftest import LiveServer
from tests.browser.test_specialist_day import _expect, flash, log_in, nav, shot
from tests.conftest import ADMIN_PASSWORD

pytestmark = pytest.mark.browser


def test_the_admin_resets_a_password_and_the_user_sets_their_own(
    live_server: LiveServer, page: Any, screenshots: Path
) -> None:
    expect, base = _expect(), live_server.url
    log_in(page, base, "admin", ADMIN_PASSWORD)
    nav(page, "Użytkownicy").click()
    page.get_by_label("Login").fill("bartek")
    page.get_by_label("Imię i nazwisko").fill("Bartłomiej Wiśniewski")
    page.get_by_label("Rola").select_option("ksiegowy")
    page.get_by_label("Hasło początkowe").fill("haslo-bartka-2025")
    page.get_by_role("button", name="Utwórz użytkownika").click()
    expect(flash(page)).to_contain_text("Utworzono użytkownika bartek")
    page.get_by_role("link", name="bartek").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Użytkownik bartek")
    page.get_by_label("Nowe hasło tymczasowe").fill("tymczasowe-2025")
    page.get_by_role("button", name="Ustaw hasło tymczasowe").click()
    expect(flash(page)).to_contain_text("Ustawiono hasło tymczasowe dla bartek")
    expect(page.locator("table.facts-table")).to_contain_text(
        "tymczasowe – użytkownik ustawi własne"
    )
    expect(page.locator("#u-dziennik").locator("xpath=..")).to_contain_text(
        "reset hasła przez administratora"
    )
    shot(page, screenshots, "10-uzytkownik")
    page.get_by_role("button", name="Wyloguj").click()

    # The user logs in with the temporary password and must choose their own first.
    page.goto(f"{base}/logowanie")
    page.get_by_label("Nazwa użytkownika").fill("Bartek")  # the case does not matter
    page.get_by_label("Hasło").fill("tymczasowe-2025")
    page.get_by_role("button", name="Zaloguj").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Zmiana hasła")
    page.goto(f"{base}/zobowiazani")
    expect(page.get_by_role("heading", level=1)).to_have_text("Zmiana hasła")
    page.get_by_label("Obecne hasło").fill("tymczasowe-2025")
    page.locator("#haslo-new_password").fill("123456789012")
    page.get_by_label("Powtórz nowe hasło").fill("123456789012")
    page.get_by_role("button", name="Zmień hasło").click()
    expect(page.locator("#e-haslo-new_password")).to_contain_text("zbyt popularne")
    shot(page, screenshots, "11-zmiana-hasla")
    page.get_by_label("Obecne hasło").fill("tymczasowe-2025")
    page.locator("#haslo-new_password").fill("Jesienny-Spacer-nad-Wisla")
    page.get_by_label("Powtórz nowe hasło").fill("Jesienny-Spacer-nad-Wisla")
    page.get_by_role("button", name="Zmień hasło").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Pulpit")
    expect(flash(page)).to_contain_text("Hasło zmienione")


def test_docs_work_with_nothing_from_another_host(live_server: LiveServer, page: Any) -> None:
    expect, base = _expect(), live_server.url
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(f"{base}/docs")
    expect(page.locator(".swagger-ui .info .title")).to_contain_text("Windykacja")
    expect(page.locator(".opblock-tag").first).to_be_visible()
    foreign = [url for url in requested if not url.startswith(base)]
    assert not foreign, foreign
