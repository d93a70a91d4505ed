"""Issue 20 item 7 in a real browser (pl-PL): from the debtor card to the estate page, the death
recorded (the receivables follow the estate, paused while no heir is known), an heir added with
his share: before the division he answers for the whole 250,00 zł (KC art. 1034 § 1)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from tests.browser.conftest import LiveServer
from tests.browser.test_specialist_day import _expect, flash, log_in, shot
from tests.conftest import ADMIN_PASSWORD
from tests.factories import JAN

pytestmark = pytest.mark.browser


def test_death_and_heir_through_the_pages(
    live_server: LiveServer, page: Any, screenshots: Path
) -> None:
    expect, base, clock = _expect(), live_server.url, live_server.clock
    clock.day = date(2026, 11, 23)
    log_in(page, base, "admin", ADMIN_PASSWORD)
    token = page.request.post(
        f"{base}/api/v1/auth/token", form={"username": "admin", "password": ADMIN_PASSWORD}
    ).json()["access_token"]
    bearer = {"Authorization": f"Bearer {token}"}
    debtor = page.request.post(f"{base}/api/v1/debtors", data=JAN, headers=bearer).json()["id"]
    heir = page.request.post(
        f"{base}/api/v1/debtors",
        data={**JAN, "name": "Anna Kowalska", "first_name": "Anna", "pesel": None},
        headers=bearer,
    ).json()["id"]
    page.request.post(
        f"{base}/api/v1/receivables",
        headers=bearer,
        data={
            "debtor_id": debtor,
            "kind": "oplata_pobyt",
            "principal": "250.00",
            "title": "Opłata za pobyt",
            "issue_date": "2026-11-20",
        },
    )
    page.goto(f"{base}/zobowiazani/{debtor}")
    page.get_by_role("link", name="Zgon zobowiązanego").click()
    form = page.locator("#akcja-zgon")
    form.get_by_label("Data zgonu").fill("2026-11-21")
    form.get_by_role("button", name="Odnotuj zgon").click()
    expect(flash(page)).to_contain_text("Odnotowano zgon z dnia 21.11.2026")
    expect(page.locator("#stan-spadku")).to_contain_text("Zmarły 21.11.2026")
    expect(page.locator("main")).to_contain_text("Nie ustalono spadkobierców")
    form = page.locator("#akcja-spadkobierca")
    form.get_by_label("Nr zobowiązanego (spadkobiercy)").fill(str(heir))
    form.get_by_label("Udział w spadku").fill("1/1")
    form.get_by_label("Data stwierdzenia nabycia spadku").fill("2026-11-23")
    form.get_by_label("Podstawa").fill("postanowienie SR we Włocławku I Ns 1/26")
    form.get_by_role("button", name="Dodaj spadkobiercę").click()
    expect(flash(page)).to_contain_text("Dodano spadkobiercę z udziałem 1/1.")
    expect(page.locator("#naleznosci-spadku")).to_contain_text("Anna Kowalska: 250,00\u00a0zł")
    shot(page, screenshots, "50-spadek")
