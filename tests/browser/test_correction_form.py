"""Issue 20: one correction end to end in a real browser (pl-PL): a payment booked by mistake is
reversed from the card (storno, after the confirmation), the balance is back to what it was
before the payment and both entries stay on the card."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from tests.browser.conftest import LiveServer
from tests.browser.test_specialist_day import _expect, flash, log_in, shot
from tests.conftest import ADMIN_PASSWORD
from tests.factories import JAN

pytestmark = pytest.mark.browser


def test_storno_through_the_card(live_server: LiveServer, page: Any, screenshots: Path) -> None:
    expect, base, clock = _expect(), live_server.url, live_server.clock
    clock.day = date(2025, 1, 1)
    log_in(page, base, "admin", ADMIN_PASSWORD)
    token = page.request.post(
        f"{base}/api/v1/auth/token", form={"username": "admin", "password": ADMIN_PASSWORD}
    ).json()["access_token"]
    bearer = {"Authorization": f"Bearer {token}"}
    debtor = page.request.post(f"{base}/api/v1/debtors", data=JAN, headers=bearer).json()["id"]
    rid = page.request.post(
        f"{base}/api/v1/receivables",
        headers=bearer,
        data={
            "debtor_id": debtor,
            "kind": "oplata_pobyt",
            "principal": "1000.00",
            "title": "Opłata za pobyt",
            "issue_date": "2024-02-20",
        },
    ).json()["id"]
    page.request.post(
        f"{base}/api/v1/receivables/{rid}/deliveries",
        headers=bearer,
        data={"document": "wezwanie", "delivered_on": "2024-03-01"},
    )
    page.request.post(
        f"{base}/api/v1/receivables/{rid}/payments",
        headers=bearer,
        data={"paid_on": "2024-05-10", "amount": "300.00", "reference": "KP 12/2024"},
    )
    page.goto(f"{base}/naleznosci/{rid}")
    # 706.46 + 82.00 interest (tests/receivables/test_card_figures.py).
    expect(page.locator("#saldo")).to_have_text("788,46\u00a0zł")
    page.get_by_text("Korekta, spór, nadpłata").click()
    form = page.locator("#akcja-storno")
    form.get_by_label("Data storna").fill("2024-06-03")
    form.get_by_label("Powód").fill("zwrot przez bank")
    page.once("dialog", lambda dialog: dialog.accept())
    form.get_by_role("button", name="Wycofaj wpłatę").click()
    expect(flash(page)).to_contain_text("Wycofano wpłatę 300,00\u00a0zł z dnia 10.05.2024.")
    # As if never paid: 1000.00 + 116.00 (OP art. 56 §1, 292 days at 14.50 %).
    expect(page.locator("#saldo")).to_have_text(re.compile(r"^1\s116,00\szł$"))
    expect(page.locator("#korekty-lista")).to_contain_text("storno wpłaty z 10.05.2024")
    expect(page.locator("section[aria-labelledby=wplaty]")).to_contain_text("storno 03.06.2024")
    shot(page, screenshots, "40-storno")
