"""Issue 19 item 1: the receivable card tells the truth as of today and the next step.

The receivable: 250,00 zł, demand delivered 05.03.2025, payment term 19.03.2025 (14 days, seed
003 §3.1), wymagalna from 20.03.2025. No sweep is run in these tests."""

from __future__ import annotations

from datetime import date

import pytest

from tests.factories import card, create_debtor, create_receivable, deliver, sweep
from tests.web.conftest import post_form


@pytest.fixture
async def rid(api_admin) -> int:
    r = await create_receivable(api_admin, await create_debtor(api_admin))
    await deliver(api_admin, r["id"], "wezwanie", "2025-03-05")
    return int(r["id"])


async def test_a_reminder_the_day_after_the_term_needs_no_sweep(web, api_admin, rid, today):
    today.day = date(2025, 3, 20)
    c = await card(api_admin, rid, "2025-03-20")  # the API says the same as the card
    assert (c["state"], c["state_as_of"]) == ("wystawiona", "wymagalna")
    assert c["next_step"]["what"] == "Wystaw upomnienie."
    assert "upomnienie" in c["allowed_actions"]
    page = (await web.get(f"/naleznosci/{rid}")).text
    assert '<span class="badge st-wymagalna">' in page
    assert "<strong>Wystaw upomnienie.</strong>" in page
    r = await post_form(web, f"/naleznosci/{rid}/upomnienie", {"issued_on": "20.03.2025"})
    assert r.status_code == 303, r.text
    c = await card(api_admin, rid, "2025-03-20")
    assert c["state"] == "upomnienie"
    # The move time made is recorded on its own day, as the sweep would have dated it.
    moves = [(e["action"], e["occurred_on"]) for e in c["events"]]
    assert ("termin_uplynal", "2025-03-20") in moves
    assert moves[-1] == ("upomnienie", "2025-03-20")
    # The sweep for that day, run afterwards, finds nothing left to move.
    assert sum((await sweep(api_admin, "2025-03-20"))["changed"].values()) == 0


async def test_costs_follow_the_letters_and_each_payment_shows_its_split(
    web, api_admin, rid, today
):
    # Reminder issued 01.04.2025: its letter demands 16,00 zł of costs (u.p.e.a. art. 15 §4,
    # koszty upomnienia in force since 2024: 16,00 zł). Not delivered yet: the card names them.
    today.day = date(2025, 4, 2)
    assert (
        await post_form(web, f"/naleznosci/{rid}/upomnienie", {"issued_on": "01.04.2025"})
    ).status_code == 303
    page = (await web.get(f"/naleznosci/{rid}")).text
    assert '<dd id="koszty">16,00\u00a0zł</dd>' in page
    assert "należne od dnia jego doręczenia (u.p.e.a. art. 15 § 4)" in page
    assert "<strong>Zapisz doręczenie upomnienia.</strong>" in page
    # Delivered 03.04.2025; a payment of 100,00 zł on 05.05.2025. OP art. 62 §1a: the reminder
    # costs first (16,00); the interest on 250,00 zł from 20.03.2025 (4,67 zł) does not exceed
    # 8,70 zł and is not charged (OP art. 54 §1 pkt 5), so 84,00 go to the principal: balance
    # 250,00 − 84,00 = 166,00 zł.
    today.day = date(2025, 5, 5)
    await deliver(api_admin, rid, "upomnienie", "2025-04-03")
    r = await post_form(
        web, f"/naleznosci/{rid}/wplata", {"paid_on": "05.05.2025", "amount": "100,00"}
    )
    assert r.status_code == 303, r.text
    page = (await web.get(f"/naleznosci/{rid}")).text
    assert '<dd id="saldo">166,00\u00a0zł</dd>' in page
    assert '<dd class="hint small" id="koszty-zaplacone">zapłacono 16,00\u00a0zł</dd>' in page
    assert 'id="akcja-upomnienie"' not in page  # the next step is the title, not a reminder
    row = page.split('<tr class="split">')[1].split("</tr>")[0]
    cells = [c.split(">", 1)[1].split("<")[0] for c in row.split("<td")[1:8]]
    assert cells == [
        "05.05.2025",
        "wpłata",
        "100,00\u00a0zł",
        "16,00\u00a0zł",
        "0,00\u00a0zł",
        "84,00\u00a0zł",
        "0,00\u00a0zł",
    ]
    # The title's form appears only when the reminder's 7 days have run out (10.04.2025 + 1).
    assert "<strong>Wystaw tytuł wykonawczy.</strong>" in page
