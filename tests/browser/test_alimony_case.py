"""The procedure against an alimony debtor in a real browser (issue 18; seed 001, annex 9;
u.p.o.u.a. art. 5; art. 209 k.k.): from the alimony card to the case page, the case opened, the
summons printed, the refusal, the proceedings, the decision refused while the 50 % rule of
art. 5 ust. 3a bars it (the months named), issued, delivered and final, and the requests after it;
the dashboard lists the case while something is due."""

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
WOLA = "1010102"  # gmina wiejska Wola Krzysztoporska
PIOTRKOW = "1062011"  # gmina miejska Piotrków Trybunalski


def _step(page: Any, form: str, action: str, on: str, **fields: str) -> None:
    f = page.locator(f"#akcja-{form}")
    f.get_by_label("Czynność").select_option(action)
    f.locator(f"#{form}-on").fill(on)
    for label, value in fields.items():
        f.get_by_label(label).fill(value)
    f.get_by_role("button", name="Zapisz").click()


def test_the_alimony_case_from_the_card_to_the_licence(
    live_server: LiveServer, page: Any, screenshots: Path
) -> None:
    expect, base, clock = _expect(), live_server.url, live_server.clock
    clock.day = date(2026, 11, 23)
    log_in(page, base, "admin", ADMIN_PASSWORD)
    token = page.request.post(
        f"{base}/api/v1/auth/token", form={"username": "admin", "password": ADMIN_PASSWORD}
    ).json()["access_token"]
    bearer = {"Authorization": f"Bearer {token}"}
    r = page.request.put(
        f"{base}/api/v1/unit",
        headers=bearer,
        data={
            "name": "Gminny Ośrodek Pomocy Społecznej w Woli Krzysztoporskiej",
            "address": "ul. Szkolna 2, 97-371 Wola Krzysztoporska",
            "signatory": {"name": "Anna Nowak", "position": "Kierownik"},
        },
    )
    assert r.ok, r.text()
    did = page.request.post(f"{base}/api/v1/debtors", data=JAN, headers=bearer).json()["id"]
    alimony = f"{base}/api/v1/alimony/debtors/{did}"
    page.request.post(
        f"{alimony}/awards",
        headers=bearer,
        data={"monthly_amount": "500.00", "valid_from": "2026-01-01"},
    )
    # 250.00 of 500.00 in each of April–September 2026, nothing in October.
    for month in ("04", "05", "06", "07", "08", "09"):
        r = page.request.post(
            f"{alimony}/recoveries",
            headers=bearer,
            data={
                "received_on": f"2026-{month}-12",
                "amount": "250.00",
                "source": "egzekucja_sadowa",
            },
        )
        assert r.ok, r.text()

    page.goto(f"{base}/alimenty/zobowiazani/{did}")
    page.get_by_role("link", name="Postępowanie wobec dłużnika").click()
    expect(page.locator("#brak-sprawy")).to_be_visible()
    form = page.locator("#akcja-sprawa")
    form.get_by_label("Przesłanka").select_option("fundusz_alimentacyjny")
    form.locator("#sprawa-opened_on").fill("2026-09-01")
    form.get_by_label("Gmina wierzyciela (TERC)").fill(WOLA)
    form.get_by_label("Gmina dłużnika (TERC)").fill(PIOTRKOW)
    form.get_by_role("button", name="Wszcznij sprawę").click()
    expect(flash(page)).to_contain_text("Wszczęto sprawę")
    # k.p.a. art. 57 § 3: 1.09 + 1 month = 1.10.2026; overdue on 23.11.
    terms = page.locator("#terminy")
    expect(terms).to_contain_text("Wezwać dłużnika na wywiad alimentacyjny")
    expect(terms).to_contain_text("01.10.2026")
    expect(terms).to_contain_text("po terminie")
    expect(page.locator("#sprawa")).to_contain_text("Piotrków Trybunalski")

    page.goto(base + "/")
    expect(page.locator("#lista-sprawy-alimentacyjne")).to_contain_text("po terminie")
    page.locator("#lista-sprawy-alimentacyjne").get_by_role("link").first.click()

    _step(
        page,
        "wezwanie",
        "wywiad:wezwanie",
        "2026-09-03",
        **{"Termin wywiadu": "2026-09-15", "Miejsce": "GOPS, pokój nr 2"},
    )
    expect(flash(page)).to_contain_text("Zapisano: Wywiad alimentacyjny z dnia 03.09.2026.")
    link = page.locator("#kroki").get_by_role("link", name="PDF").first
    pdf = page.request.get(base + link.get_attribute("href"))
    assert pdf.ok
    assert pdf.body().startswith(b"%PDF")

    _step(
        page,
        "odmowa",
        "odmowa:a",
        "2026-09-15",
        **{"Opis / uzasadnienie": "Dłużnik nie wpuścił pracownika."},
    )
    expect(flash(page)).to_contain_text("Odmowa lub utrudnianie")
    _step(page, "uchylanie", "wszczecie_uchylanie", "2026-09-18")
    expect(flash(page)).to_contain_text("Wszczęcie postępowania")

    # art. 5 ust. 3a: on 20.10.2026 the last 6 months (April–September) were each paid at 50 %.
    _step(page, "uchylanie", "decyzja_uchylanie:wydana", "2026-10-20")
    form = page.locator("#akcja-uchylanie")
    expect(form.locator(".form-errors")).to_contain_text("Nie zapisano")
    expect(form.locator(".form-errors")).to_contain_text("2026-04, 2026-05, 2026-06")
    shot(page, screenshots, "60-alimenty-blokada-50")

    _step(page, "uchylanie", "decyzja_uchylanie:wydana", "2026-11-02")
    expect(flash(page)).to_contain_text("Decyzja o uznaniu za uchylającego się")
    _step(page, "uchylanie", "decyzja_uchylanie:doreczona", "2026-11-05")
    # k.p.a. art. 129 § 2: final from 20.11.2026.
    expect(page.locator("#terminy")).to_contain_text("20.11.2026")
    expect(page.locator("#terminy")).to_contain_text("oczekuje")
    _step(page, "uchylanie", "decyzja_uchylanie:ostateczna", "2026-11-20")
    expect(page.locator("#terminy")).to_contain_text("Złożyć wniosek o ściganie")
    _step(
        page,
        "po_decyzji",
        "wniosek_o_sciganie",
        "2026-11-23",
        **{"Adresat (PUP, prokuratura, starosta)": "Prokuratura Rejonowa w Piotrkowie Tryb."},
    )
    _step(page, "po_decyzji", "cepik:posiada", "2026-11-23")
    _step(
        page,
        "po_decyzji",
        "wniosek_prawo_jazdy",
        "2026-11-23",
        **{"Adresat (PUP, prokuratura, starosta)": "Starosta Piotrkowski"},
    )
    expect(flash(page)).to_contain_text("zatrzymanie prawa jazdy")
    expect(page.locator("#terminy")).to_contain_text("Nic nie czeka na wykonanie.")
    expect(page.locator("#big")).to_contain_text("nie zachodzą")
    shot(page, screenshots, "61-alimenty-sprawa")
    letters = page.locator("#kroki").get_by_role("link", name="PDF")
    expect(letters).to_have_count(5)  # summons, notice, decision, prosecution, starosta
    for i in range(letters.count()):
        r = page.request.get(base + letters.nth(i).get_attribute("href"))
        assert r.ok, r.text()
