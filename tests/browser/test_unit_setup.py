"""The first morning of a unit in a real browser (issue 14): the banner of the example data, the
"Ustawienia jednostki" page with the commune picked from the TERYT suggestions ("Włoc" offers the
city and the rural commune of Włocławek), and a title refused for missing data shown as a Polish
message whose link leads to the form that mends it — never raw JSON; then the title is issued."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.browser.conftest import LiveServer
from tests.browser.test_specialist_day import _expect, flash, log_in, nav, shot
from tests.conftest import ADMIN_PASSWORD

pytestmark = pytest.mark.browser

CITY = "Włocławek (gmina miejska), powiat Włocławek, woj. kujawsko-pomorskie"
RURAL = "Włocławek (gmina wiejska), powiat włocławski, woj. kujawsko-pomorskie"


def _ready_for_title(base: str) -> int:
    """Over the API of the live server: a stay fee walked to the day its title may be issued
    (demand delivered 2025-03-05, reminder 2025-04-01 delivered 2025-04-03: title from
    2025-04-11, u.p.e.a. art. 15 § 1)."""
    with httpx.Client(base_url=base) as api:
        token = api.post(
            "/api/v1/auth/token", data={"username": "admin", "password": ADMIN_PASSWORD}
        ).json()["access_token"]
        api.headers["Authorization"] = f"Bearer {token}"
        debtor = api.post(
            "/api/v1/debtors",
            json={
                "name": "Jan Kowalski",
                "first_name": "Jan",
                "last_name": "Kowalski",
                "address": "ul. X 1, 87-800 Włocławek",
            },
        ).json()["id"]
        rid = api.post(
            "/api/v1/receivables",
            json={
                "debtor_id": debtor,
                "kind": "oplata_pobyt",
                "principal": "250.00",
                "title": "Opłata za pobyt w dniu 2025-03-01",
                "issue_date": "2025-03-03",
                "period_from": "2025-03-01",
                "period_to": "2025-03-01",
            },
        ).json()["id"]
        steps = [
            (
                f"/api/v1/receivables/{rid}/deliveries",
                {"document": "wezwanie", "delivered_on": "2025-03-05"},
            ),
            ("/api/v1/sweeps/run?as_of=2025-03-20", None),
            (f"/api/v1/receivables/{rid}/reminders", {"issued_on": "2025-04-01"}),
            (
                f"/api/v1/receivables/{rid}/deliveries",
                {"document": "upomnienie", "delivered_on": "2025-04-03"},
            ),
        ]
        for url, body in steps:
            r = api.post(url, json=body)
            assert r.status_code in (200, 201), r.text
    return int(rid)


def test_the_unit_is_described_and_a_refused_title_says_what_is_missing(
    live_server: LiveServer, page: Any, screenshots: Path
) -> None:
    expect, base = _expect(), live_server.url
    live_server.clock.day = date(2025, 4, 11)
    log_in(page, base, "admin", ADMIN_PASSWORD)
    banner = page.locator("#dane-przykladowe")
    expect(banner).to_contain_text("Dane jednostki są przykładowe")
    checklist = page.locator("#lista-konfiguracji")
    expect(checklist).to_contain_text("NIP jednostki")
    shot(page, screenshots, "jednostka-01-pulpit")

    nav(page, "Ustawienia").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Ustawienia jednostki")
    page.get_by_label("NIP").fill("774-000-14-54")
    page.get_by_label("REGON").fill("610188201")
    page.get_by_label("Rachunki bankowe — jeden w wierszu: numer; przeznaczenie").fill(
        "61 1090 1014 0000 0712 1981 2874; należności"
    )
    commune = page.get_by_label("Gmina", exact=True)
    commune.fill("")
    commune.press_sequentially("Włoc", delay=50)
    expect(page.locator(f'#jednostka-gminy option[value="{CITY}"]')).to_have_count(1)
    expect(page.locator(f'#jednostka-gminy option[value="{RURAL}"]')).to_have_count(1)
    commune.fill(CITY)  # what choosing the suggestion does
    expect(page.locator("#jednostka-commune_code")).to_have_value("0464011")
    shot(page, screenshots, "jednostka-02-ustawienia")
    page.get_by_role("button", name="Zapisz dane jednostki").click()
    expect(flash(page)).to_have_text("Zapisano dane jednostki.")
    expect(banner).to_have_count(0)

    # The default authority of the settings has no office code: the title is refused.
    rid = _ready_for_title(base)
    page.goto(f"{base}/naleznosci/{rid}")
    form = page.locator("#akcja-tytul")
    form.get_by_label("Data wystawienia").fill("2025-04-11")
    form.get_by_role("button", name="Wystaw tytuł wykonawczy").click()
    errors = page.locator("#tytul-bledy")
    expect(errors).to_contain_text("Nie można wystawić tytułu wykonawczego: brak danych")
    expect(errors).to_contain_text("Kod urzędu (4 cyfry) organu egzekucyjnego")
    assert "{" not in errors.inner_text()
    shot(page, screenshots, "jednostka-03-tytul-odmowa")
    errors.get_by_role("link", name="Organ egzekucyjny UM (Ustawienia jednostki)").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Organ egzekucyjny UM")
    page.get_by_label("Kod urzędu").fill("0461")
    page.get_by_role("button", name="Zapisz organ").click()
    expect(flash(page)).to_have_text("Zapisano organ egzekucyjny UM.")

    page.goto(f"{base}/naleznosci/{rid}")
    form = page.locator("#akcja-tytul")
    form.get_by_label("Data wystawienia").fill("2025-04-11")
    form.get_by_role("button", name="Wystaw tytuł wykonawczy").click()
    expect(flash(page)).to_have_text("Wystawiono tytuł wykonawczy nr TW/UM/1/2025.")
    shot(page, screenshots, "jednostka-04-tytul")
