"""Issue 19 items 2 and 3 in a real browser (pl-PL): the receivable list found without
diacritics, a reminder for the ticked receivable only, the list as an XLSX file; on the alimony
card a payout corrected with its reason; a bulk entry refused line by line, then saved."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from tests.browser.conftest import LiveServer
from tests.browser.test_specialist_day import _expect, flash, log_in, nav, shot
from tests.conftest import ADMIN_PASSWORD
from tests.factories import JAN

pytestmark = pytest.mark.browser


def test_a_list_to_work_from_and_the_alimony_entries(
    live_server: LiveServer, page: Any, screenshots: Path
) -> None:
    expect, base, clock = _expect(), live_server.url, live_server.clock
    clock.day = date(2025, 3, 3)
    log_in(page, base, "admin", ADMIN_PASSWORD)
    token = page.request.post(
        f"{base}/api/v1/auth/token", form={"username": "admin", "password": ADMIN_PASSWORD}
    ).json()["access_token"]
    bearer = {"Authorization": f"Bearer {token}"}

    def post(path: str, data: dict[str, Any]) -> dict[str, Any]:
        r = page.request.post(f"{base}/api/v1{path}", data=data, headers=bearer)
        assert r.ok, r.text()
        return dict(r.json())

    zolk = post("/debtors", JAN | {"name": "Żółkiewski Stanisław", "first_name": "Stanisław",
                                  "last_name": "Żółkiewski"})["id"]  # fmt: skip
    other = post("/debtors", JAN | {"name": "Ćwikła Ewa", "first_name": "Ewa",
                                   "last_name": "Ćwikła", "pesel": None})["id"]  # fmt: skip
    ids = [
        post(
            "/receivables",
            {
                "debtor_id": debtor,
                "kind": "oplata_pobyt",
                "principal": "250.00",
                "title": "Opłata za pobyt",
                "issue_date": "2025-03-03",
            },
        )["id"]  # fmt: skip
        for debtor in (zolk, other)
    ]
    post(
        f"/alimony/debtors/{zolk}/awards", {"monthly_amount": "500.00", "valid_from": "2025-01-01"}
    )
    post(f"/alimony/debtors/{zolk}/payouts", {"paid_on": "2025-02-28", "amount": "500.00"})

    clock.day = date(2025, 3, 5)
    delivered = {"document": "wezwanie", "delivered_on": "2025-03-05"}
    for rid in ids:
        post(f"/receivables/{rid}/deliveries", delivered)
    # 25.03.2025: the 14 days from 05.03 ended on 19.03; no sweep has run yet.
    clock.day = date(2025, 3, 25)
    nav(page, "Należności").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Należności")
    rows = page.locator("#lista-naleznosci tbody tr")
    expect(rows).to_have_count(3)  # two fees and the fund receivable of the payout
    expect(rows.nth(0)).to_contain_text("Ćwikła Ewa")  # ć before ż in the Polish alphabet
    page.get_by_label("Szukaj").fill("zolk")
    page.get_by_role("button", name="Szukaj").click()
    expect(rows).to_have_count(2)
    expect(rows.nth(0)).to_contain_text("Żółkiewski Stanisław")
    expect(rows.nth(1)).to_contain_text("Świadczenia z funduszu alimentacyjnego")
    expect(rows.nth(0)).to_contain_text("6")  # days after the payment term
    with page.expect_download() as download:
        page.get_by_role("link", name="Pobierz listę jako arkusz Excel (XLSX)").click()
    content = Path(download.value.path()).read_bytes()
    # Read as a spreadsheet program does (the XML escapes non-ASCII letters as &#379; …).
    book = load_workbook(io.BytesIO(content), read_only=True)
    sheet = " ".join(str(v) for row in book.active.iter_rows(values_only=True) for v in row)
    assert "Żółkiewski Stanisław" in sheet
    assert "Ćwikła" not in sheet  # the file is the list as filtered
    page.get_by_label("Zaznacz: Żółkiewski Stanisław, Opłata za pobyt").check()
    page.get_by_role("button", name="Wystaw upomnienia zaznaczonym").click()
    expect(flash(page)).to_contain_text("Wystawiono upomnienia z dniem 25.03.2025: UP/")
    expect(page.locator("#lista-naleznosci tbody tr").nth(0)).to_contain_text("upomnienie")
    shot(page, screenshots, "30-lista-naleznosci")
    page.goto(f"{base}/naleznosci?q=cwik")
    # Its term ended 19.03.2025 and no sweep ran: wymagalna as of today, as its card says
    # (issue 19 item 1).
    expect(page.locator("#lista-naleznosci tbody tr").nth(0)).to_contain_text("wymagalna")

    # The alimony card: the forms first; the payout corrected with its reason.
    page.goto(f"{base}/alimenty/zobowiazani/{zolk}")
    expect(page.locator("#czynnosci")).to_be_visible()
    row = page.locator("tr.fix-row").first
    row.locator("summary").click()
    row.get_by_label("Kwota (zł)").fill("400,00")
    row.get_by_label("Powód korekty").fill("omyłka w kwocie wypłaty")
    row.get_by_role("button", name="Zapisz korektę").click()
    expect(flash(page)).to_contain_text("Poprawiono wpis: wypłata z dnia 28.02.2025: 500,00")
    expect(page.locator("#poprawki")).to_contain_text("omyłka w kwocie wypłaty")
    expect(page.locator("#historia-miesieczna")).not_to_have_attribute("open", "")
    shot(page, screenshots, "31-karta-alimentacyjna")

    # Bulk entry: a wrong line is named, nothing saved; corrected, all saved.
    page.goto(f"{base}/alimenty/wpis-zbiorczy")
    lines = page.get_by_label("Wiersze", exact=True)
    lines.fill("PESEL;data;kwota\n44051401359;10.03.2025;100,00\n44051401359;30.02.2025;50,00")
    page.get_by_role("button", name="Sprawdź wiersze").click()
    expect(page.locator("#podglad")).to_contain_text("nie ma dnia 30.02.2025")
    expect(page.get_by_role("button", name="Zapisz wszystkie wiersze")).to_have_count(0)
    fixed = "44051401359;10.03.2025;100,00\n44051401359;28.02.2025;50,00"
    page.get_by_label("Wiersze", exact=True).fill(fixed)
    page.get_by_role("button", name="Sprawdź wiersze").click()
    expect(page.locator("#podglad")).to_contain_text("150,00")
    page.get_by_role("button", name="Zapisz wszystkie wiersze").click()
    expect(flash(page)).to_contain_text("Zapisano wypłaty świadczeń: 2 (razem 150,00")
    shot(page, screenshots, "32-wpis-zbiorczy")
