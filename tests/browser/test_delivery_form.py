"""The delivery form of the receivable card in a real browser (pl-PL): the way of delivering
shows only the dates it needs, a refused entry keeps the values with the message at its field,
and an awizo with its scan sets the deemed day and the term (KPA art. 44 §4)."""

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
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def test_awizo_with_a_scan_through_the_card(
    live_server: LiveServer, page: Any, screenshots: Path
) -> None:
    expect, base, clock = _expect(), live_server.url, live_server.clock
    clock.day = date(2025, 3, 3)
    log_in(page, base, "admin", ADMIN_PASSWORD)
    # API writes take a bearer token; the browser's cookie alone may not change data (issue 15).
    token = page.request.post(
        f"{base}/api/v1/auth/token", form={"username": "admin", "password": ADMIN_PASSWORD}
    ).json()["access_token"]
    bearer = {"Authorization": f"Bearer {token}"}
    debtor = page.request.post(f"{base}/api/v1/debtors", data=JAN, headers=bearer).json()["id"]
    r = page.request.post(
        f"{base}/api/v1/receivables",
        headers=bearer,
        data={
            "debtor_id": debtor,
            "kind": "oplata_pobyt",
            "principal": "250.00",
            "title": "Opłata za pobyt w dniu 2025-03-01",
            "issue_date": "2025-03-03",
        },
    )
    card = f"{base}/naleznosci/{r.json()['id']}"

    # 2025-03-20: the post office returned the receipt: two notices, not collected.
    clock.day = date(2025, 3, 20)
    page.goto(card)
    form = page.locator("#akcja-doreczenie")
    expect(form.get_by_label("Data doręczenia")).to_be_visible()
    expect(form.get_by_label("Data pierwszego awizo")).to_be_hidden()

    # A neighbour took it, but the notice to the addressee is not confirmed (art. 43 KPA).
    form.get_by_label("Sposób doręczenia").select_option("domownik")
    expect(form.get_by_label("Komu doręczono (art. 43 KPA)")).to_be_visible()
    form.get_by_label("Data doręczenia").fill("2025-03-06")
    form.get_by_label("Komu doręczono (art. 43 KPA)").select_option("sasiad")
    form.get_by_role("button", name="Zapisz doręczenie").click()
    form = page.locator("#akcja-doreczenie")
    expect(form.locator("#e-doreczenie-addressee_notified")).to_contain_text("zawiadamia się")
    expect(form.get_by_label("Sposób doręczenia")).to_have_value("domownik")
    expect(form.get_by_label("Data doręczenia")).to_have_value("06.03.2025")  # DD.MM.RRRR
    shot(page, screenshots, "20-doreczenie-blad")

    # The right entry: awizo, first notice Tue 2025-03-04 → deemed Tue 2025-03-18; the scan.
    form.get_by_label("Sposób doręczenia").select_option("awizo")
    expect(form.get_by_label("Data doręczenia")).to_be_hidden()
    form.get_by_label("Data pierwszego awizo").fill("2025-03-04")
    form.get_by_label("Data powtórnego awizo").fill("2025-03-11")
    form.get_by_label("Skan potwierdzenia (PDF, PNG, JPEG, do 5 MB)").set_input_files(
        files=[{"name": "zpo.pdf", "mimeType": "application/pdf", "buffer": PDF}]
    )
    form.get_by_role("button", name="Zapisz doręczenie").click()
    expect(flash(page)).to_contain_text("uznane za doręczone 18.03.2025; termin upływa 01.04.2025")
    docs = page.locator("section[aria-labelledby=dokumenty]")
    expect(docs).to_contain_text("awizo – niepodjęte po dwukrotnym zawiadomieniu: 18.03.2025")
    expect(docs.get_by_role("link", name="skan")).to_be_visible()
    expect(page.locator("section[aria-labelledby=terminy]")).to_contain_text("01.04.2025")
    shot(page, screenshots, "21-doreczenie-awizo")
    scan = page.request.get(base + docs.get_by_role("link", name="skan").get_attribute("href"))
    assert scan.body() == PDF
