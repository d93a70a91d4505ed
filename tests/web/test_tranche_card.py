"""The receivable card shows the payouts of an art. 23 receivable (issue 16 item 4) and the day
its reminder costs prescribe (u.p.e.a. art. 15 §3c, issue 16 item 5)."""

from __future__ import annotations

import re

from tests.factories import create_debtor, create_receivable, deliver, sweep
from tests.web.conftest import post_form


async def test_card_lists_the_payouts_with_their_interest_start(api_admin, web) -> None:
    debtor = await create_debtor(api_admin)
    r = await create_receivable(
        api_admin,
        debtor,
        kind="nienaleznie_pobrane",
        principal="1000.00",
        title="Świadczenia nienależnie pobrane",
        issue_date="2024-03-05",
        decision_final_on="2024-03-25",
        tranches=[
            {"paid_out_on": "2024-01-10", "amount": "600.00"},
            {"paid_out_on": "2024-02-29", "amount": "400.00"},
        ],
    )
    page = (await web.get(f"/naleznosci/{r['id']}")).text
    section = page[page.index('id="transze"') :]
    rows = re.findall(
        r"<tr><td>(\d)</td><td>([\d.]+)</td><td class=\"num\">([^<]+)</td>"
        r"<td>([\d.]+)</td></tr>",
        section,
    )
    # art. 23 ust. 7: the first day of the month after each payout (29.02.2024 → 01.03.2024)
    assert [(n, paid, start) for n, paid, _, start in rows] == [
        ("1", "10.01.2024", "01.02.2024"),
        ("2", "29.02.2024", "01.03.2024"),
    ]
    assert "przedawnienie-kosztow" not in page  # no reminder, no costs


async def test_card_shows_when_reminder_costs_prescribe(api_admin, web) -> None:
    debtor = await create_debtor(api_admin)
    r = await create_receivable(api_admin, debtor, principal="1000.00", issue_date="2024-02-20")
    await deliver(api_admin, r["id"], "wezwanie", "2024-03-01")
    await sweep(api_admin, "2024-03-20")
    # Since 25.03.2024 the costs prescribe with the receivable (u.p.e.a. art. 15 §3c, Dz.U. 2023
    # poz. 556): term 2024-03-15 + 3 years (seed 003 §5) → both time-barred from 2027-03-16.
    reminder = await api_admin.post(
        f"/api/v1/receivables/{r['id']}/reminders", json={"issued_on": "2024-04-02"}
    )
    assert reminder.status_code == 201, reminder.text
    await deliver(api_admin, r["id"], "upomnienie", "2024-04-05")
    page = (await web.get(f"/naleznosci/{r['id']}")).text
    m = re.search(r'id="przedawnienie-kosztow">([\d.]+)', page)
    assert m is not None
    assert m.group(1) == "16.03.2027"


async def test_the_new_receivable_form_takes_payouts(api_admin, web) -> None:
    debtor = await create_debtor(api_admin)
    url = f"/zobowiazani/{debtor}/naleznosci/nowa"
    form = {
        "kind": "nienaleznie_pobrane",
        "principal": "1 000,00",
        "title": "Świadczenia nienależnie pobrane",
        "issue_date": "2024-03-05",
        "decision_final_on": "2024-03-25",
        "payouts": "2024-01-10 600,00\n2024-02-29 399,99",
    }
    r = await post_form(web, url, form, page=url)
    assert r.status_code == 422
    assert "Suma wypłat 999,99 zł różni się od kwoty należności 1 000,00 zł" in r.text.replace(
        "\xa0", " "
    )
    r = await post_form(web, url, form | {"payouts": "2024-01-10 600,00\n2024-02-29 400,00"}, url)
    assert r.status_code == 303, r.text
    rid = int(r.headers["location"].rsplit("/", 1)[1])
    c = (await api_admin.get(f"/api/v1/receivables/{rid}", params={"as_of": "2024-03-31"})).json()
    assert [(t["paid_out_on"], t["amount"], t["interest_from"]) for t in c["tranches"]] == [
        ("2024-01-10", "600.00", "2024-02-01"),
        ("2024-02-29", "400.00", "2024-03-01"),
    ]


async def test_kinds_show_and_take_their_limitation_events(as_role, api_admin) -> None:
    admin = await as_role("admin")
    page = (await admin.get("/rodzaje")).text
    # The seeded art. 23 kind (migration i16a_tranches_limitation; art. 23 ust. 3 and 4 u.p.o.u.a.)
    assert (
        "przerywa: odroczenie terminu płatności; rozłożenie na raty; środek egzekucyjny, "
        "o którym dłużnik został powiadomiony"
    ) in page
    assert "decyzji nie wydaje się po 10 latach od wypłaty" in page
    assert "przerywa: wpłata częściowa" in page  # the stay fee, seed 003 §5.2
    form = {
        "code": "oplata_op70",
        "label": "Opłata (OP art. 70)",
        "legal_basis": "OP art. 70",
        "interest_regime": "odsetki_za_zwloke",
        "interest_start": "day_after_due",
        "allocation_rule": "op_proportional",
        "payment_term_days": "14",
        "reminder_term_days": "7",
        "reminder_required": "on",
        "limitation_rule": "op_art_70",
        "limitation_years": "5",
        "limitation_interrupted_by": "srodek_egzekucyjny",
        "limitation_suspended_by": "raty;  odroczenie",
        "decision_bar_years": "",
        "bank_account": "",
    }
    r = await post_form(
        admin, "/rodzaje/nowy", {**form, "limitation_suspended_by": "x"}, "/rodzaje"
    )
    assert r.status_code == 422
    assert "Nieznane zdarzenie" in r.text
    r = await post_form(admin, "/rodzaje/nowy", form, page="/rodzaje")
    assert r.status_code == 303, r.text
    kind = (await api_admin.get("/api/v1/kinds/oplata_op70")).json()
    assert (kind["limitation_interrupted_by"], kind["limitation_suspended_by"]) == (
        "srodek_egzekucyjny",
        "odroczenie,raty",
    )
    page = (await admin.get("/rodzaje")).text
    assert "zawiesza: odroczenie terminu płatności; rozłożenie na raty" in page
