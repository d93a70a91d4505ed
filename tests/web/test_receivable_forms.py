"""The receivable card's forms: each calls the same use case as the API; a refusal shows the
message next to the field (or above the form) and writes nothing; success is a 303 to the card."""

from __future__ import annotations

import re
from datetime import date

import pytest

from tests.factories import card, create_debtor, create_receivable, deliver, sweep
from tests.web.conftest import post_form


@pytest.fixture
async def debtor(api_admin) -> int:
    return await create_debtor(api_admin)


@pytest.fixture
async def rid(api_admin, debtor) -> int:
    return int((await create_receivable(api_admin, debtor))["id"])


async def test_register_a_receivable_with_a_comma_amount(web, api_admin, debtor) -> None:
    url = f"/zobowiazani/{debtor}/naleznosci/nowa"
    form = {
        "kind": "oplata_pobyt",
        "principal": "1 250,50",
        "title": "Opłata za pobyt",
        "issue_date": "2025-03-03",
        "period_from": "",
        "period_to": "",
        "reference": "",
        "decision_final_on": "",
    }
    r = await post_form(web, url, form, page=url)
    assert r.status_code == 303
    rid = int(r.headers["location"].rsplit("/", 1)[1])
    page = (await web.get(r.headers["location"])).text
    assert "Zarejestrowano należność" in page
    assert "1\u00a0250,50\u00a0zł" in page
    c = await card(api_admin, rid, "2025-03-03")
    assert (c["principal"], c["state"], c["documents"][0]["number"]) == (
        "1250.50",
        "wystawiona",
        "WZ/1/2025",
    )


async def test_registering_refuses_bad_fields_and_writes_nothing(web, debtor) -> None:
    url = f"/zobowiazani/{debtor}/naleznosci/nowa"
    r = await post_form(
        web,
        url,
        {
            "kind": "oplata_pobyt",
            "principal": "12,3,4",
            "title": "",
            "issue_date": "2025-03-03",
            "period_from": "2025-03-02",
            "period_to": "2025-03-01",
        },
        page=url,
    )
    assert r.status_code == 422
    assert 'id="e-naleznosc-principal">Podaj kwotę w złotych, np. 1 234,56' in r.text
    assert 'id="e-naleznosc-title">To pole jest wymagane' in r.text
    assert 'id="e-naleznosc-period_to">Koniec okresu wcześniejszy niż jego początek' in r.text
    assert 'value="12,3,4"' in r.text
    # A service refusal (a date after today, 2026-11-23) comes back next to its field too.
    r = await post_form(
        web,
        url,
        {"kind": "oplata_pobyt", "principal": "10", "title": "x", "issue_date": "2027-01-01"},
        page=url,
    )
    assert r.status_code == 422
    assert 'id="e-naleznosc-issue_date">Data 01.01.2027 jest późniejsza niż dzisiejsza' in r.text
    r = await post_form(
        web,
        url,
        {"kind": "nie_ma", "principal": "10", "title": "x", "issue_date": "2025-01-01"},
        page=url,
    )
    assert 'id="e-naleznosc-kind">Nieznany rodzaj należności' in r.text
    assert (await web.get(f"/zobowiazani/{debtor}")).text.count('href="/naleznosci/') == 0


async def test_delivery_then_payment_through_the_forms(web, api_admin, rid) -> None:
    r = await post_form(
        web, f"/naleznosci/{rid}/doreczenie", {"document": "wezwanie", "delivered_on": "2025-03-05"}
    )
    assert (r.status_code, r.headers["location"]) == (303, f"/naleznosci/{rid}")
    assert "termin upływa 19.03.2025" in (await web.get(r.headers["location"])).text
    r = await post_form(
        web,
        f"/naleznosci/{rid}/wplata",
        {"paid_on": "2025-03-10", "amount": "100,00", "reference": "WB/1"},
    )
    assert r.status_code == 303
    page = (await web.get(f"/naleznosci/{rid}")).text
    assert "Zaksięgowano wpłatę 100,00\u00a0zł z dnia 10.03.2025" in page
    # The same reference again is booked once.
    r = await post_form(
        web,
        f"/naleznosci/{rid}/wplata",
        {"paid_on": "2025-03-10", "amount": "100,00", "reference": "WB/1"},
    )
    assert "była już zaksięgowana" in (await web.get(r.headers["location"])).text
    c = await card(api_admin, rid, "2025-03-10")
    assert c["balance"] == "150.00"


async def test_payment_errors_stay_next_to_their_fields(web, api_admin, rid) -> None:
    r = await post_form(web, f"/naleznosci/{rid}/wplata", {"paid_on": "", "amount": "abc"})
    assert r.status_code == 422
    assert 'id="e-wplata-paid_on">To pole jest wymagane' in r.text
    assert 'id="e-wplata-amount">Podaj kwotę w złotych' in r.text
    assert 'class="card action failed" id="akcja-wplata"' in r.text
    r = await post_form(web, f"/naleznosci/{rid}/wplata", {"paid_on": "2025-01-01", "amount": "10"})
    assert r.status_code == 422
    assert 'id="e-wplata-paid_on">Wpłata przed datą wystawienia należności' in r.text
    assert (await card(api_admin, rid, "2025-03-10"))["balance"] == "250.00"


async def test_a_refused_reminder_writes_nothing_and_uses_no_number(web, api_admin, rid) -> None:
    # 2025-03-10: wystawiona, the term has not run out: refused (409), the message above the form.
    await deliver(api_admin, rid, "wezwanie", "2025-03-05")
    r = await post_form(web, f"/naleznosci/{rid}/upomnienie", {"issued_on": "2025-03-10"})
    assert r.status_code == 409
    assert "Upomnienie można wystawić dopiero po upływie terminu płatności (19.03.2025)" in r.text
    assert 'id="upomnienie-bledy"' in r.text
    c = await card(api_admin, rid, "2025-03-10")
    assert [d["kind"] for d in c["documents"]] == ["wezwanie"]
    # 2025-03-20 due; 2025-04-01 the reminder gets number 1: the refusal used none (gap-free).
    await sweep(api_admin, "2025-03-20")
    r = await post_form(web, f"/naleznosci/{rid}/upomnienie", {"issued_on": "2025-04-01"})
    assert r.status_code == 303
    assert "Wystawiono upomnienie nr UP/1/2025" in (await web.get(f"/naleznosci/{rid}")).text


async def _reminded(web, api_admin, rid: int) -> None:
    """Demand delivered 2025-03-05 (due 2025-03-20); reminder issued 2025-04-01 through the form,
    delivered 2025-04-03: a title is possible from 2025-04-11 (7 days, u.p.e.a. art. 15 § 1)."""
    await deliver(api_admin, rid, "wezwanie", "2025-03-05")
    await sweep(api_admin, "2025-03-20")
    await post_form(web, f"/naleznosci/{rid}/upomnienie", {"issued_on": "2025-04-01"})
    await post_form(
        web,
        f"/naleznosci/{rid}/doreczenie",
        {"document": "upomnienie", "delivered_on": "2025-04-03"},
    )


async def test_title_after_the_reminders_seven_days(web, api_admin, rid) -> None:
    await _reminded(web, api_admin, rid)
    r = await post_form(web, f"/naleznosci/{rid}/tytul", {"issued_on": "2025-04-10"})
    assert r.status_code == 409
    assert "najwcześniej 11.04.2025" in r.text
    r = await post_form(web, f"/naleznosci/{rid}/tytul", {"issued_on": "2025-04-11"})
    assert r.status_code == 303
    page = (await web.get(f"/naleznosci/{rid}")).text
    assert "Wystawiono tytuł wykonawczy nr TW/UM/1/2025" in page
    assert "/api/v1/titles/" in page  # the TW-1 XML link


async def test_instalments_form_reads_one_per_line(web, api_admin, rid) -> None:
    await deliver(api_admin, rid, "wezwanie", "2025-03-05")
    await sweep(api_admin, "2025-03-20")
    url = f"/naleznosci/{rid}/raty"
    r = await post_form(
        web,
        url,
        {
            "decided_on": "2025-03-25",
            "decision_ref": "D/1/2025",
            "instalments": "2025-04-15 100,00\n15.05.2025 sto",
        },
    )
    assert r.status_code == 422
    assert 'id="e-raty-instalments">Wiersz 2: Podaj kwotę w złotych' in r.text
    r = await post_form(
        web,
        url,
        {
            "decided_on": "2025-03-25",
            "decision_ref": "D/1/2025",
            "instalments": "2025-04-15 100,00\n2025-05-15 100,00",
        },
    )
    assert r.status_code == 422
    assert 'id="e-raty-instalments">Suma rat (200,00\u00a0zł) musi równać się saldu' in r.text
    r = await post_form(
        web,
        url,
        {
            "decided_on": "2025-03-25",
            "decision_ref": "D/1/2025",
            "instalments": "2025-04-15 100,00\n15.05.2025 150,00\n",
        },
    )
    assert r.status_code == 303
    page = (await web.get(f"/naleznosci/{rid}")).text
    assert "Harmonogram rat" in page
    assert "15.05.2025" in page
    assert (await card(api_admin, rid, "2025-03-25"))["state"] == "raty"


async def test_write_off_needs_the_signing_role(web, as_role, api_admin, rid) -> None:
    form = {"decided_on": "2025-04-01", "decision_ref": "U/1/2025", "scope": "calosc", "amount": ""}
    r = await post_form(web, f"/naleznosci/{rid}/umorzenie", form)
    assert r.status_code == 403
    assert "nie ma uprawnienia" in r.text
    kierownik = await as_role("kierownik")
    page = (await kierownik.get(f"/naleznosci/{rid}")).text
    # Issue 22 item 6: the card proposes write-offs to the accountant's control (app/control);
    # the direct route stays for the signer (tests/web/test_control_pages.py for the default).
    assert "Zapisz umorzenie" not in page
    assert "Zaksięguj wpłatę" not in page
    r = await post_form(kierownik, f"/naleznosci/{rid}/umorzenie", {**form, "scope": "czesc"})
    assert r.status_code == 422
    assert 'id="e-umorzenie-amount">Przy umorzeniu części podaj kwotę' in r.text
    r = await post_form(kierownik, f"/naleznosci/{rid}/umorzenie", form)
    assert r.status_code == 303
    assert (await card(api_admin, rid, "2025-04-01"))["state"] == "umorzona"


async def test_the_audit_trail_names_who_did_what(web, rid, today) -> None:
    today.day = date(2025, 3, 10)
    await post_form(
        web, f"/naleznosci/{rid}/doreczenie", {"document": "wezwanie", "delivered_on": "2025-03-05"}
    )
    await post_form(web, f"/naleznosci/{rid}/wplata", {"paid_on": "2025-03-10", "amount": "50"})
    page = (await web.get(f"/naleznosci/{rid}/historia")).text
    assert "wezwanie do zapłaty nr WZ/1/2025" in page
    assert "50,00\u00a0zł" in page
    assert ">u_specjalista<" in page
    assert ">admin<" in page
    # The delivery is an entry of its own, with who entered it from the return receipt.
    row = re.search(r"<tr[^>]*>(?:(?!</tr>).)*doręczono 05.03.2025(?:(?!</tr>).)*</tr>", page, re.S)
    assert row, page
    assert "doręczenie" in row[0]
    assert ">u_specjalista<" in row[0]


async def test_the_authoritys_report_on_the_title(web, api_admin, rid) -> None:
    """Seed 003 §3.8: the authority's answers are recorded against the title; a title returned as
    uncollectable puts the receivable in the folder of seed 003 §2.3 f)."""
    await _reminded(web, api_admin, rid)
    assert (
        await post_form(web, f"/naleznosci/{rid}/tytul", {"issued_on": "2025-04-11"})
    ).status_code == 303
    url = f"/naleznosci/{rid}/organ"
    r = await post_form(web, url, {"reported_on": "2025-06-02", "kind": "wyegzekwowano"})
    assert r.status_code == 422
    assert 'id="e-organ-amount"' in r.text
    assert "Podaj wyegzekwowaną kwotę" in r.text
    r = await post_form(web, url, {"reported_on": "2025-04-10", "kind": "srodek"})
    assert r.status_code == 409  # before the title's date
    assert "nie może być wcześniejsza niż tytuł" in r.text
    folder = await api_admin.get("/api/v1/folders/niesciagalne")
    assert rid not in [x["receivable_id"] for x in folder.json()]

    form = {
        "reported_on": "2025-06-02",
        "kind": "zwrot_nieegzekwowalny",
        "description": "brak majątku",
    }
    r = await post_form(web, url, form)
    assert r.status_code == 303
    page = (await web.get(f"/naleznosci/{rid}")).text
    assert "Zapisano informację organu do tytułu TW/UM/1/2025: zwrot tytułu" in page
    folder = await api_admin.get("/api/v1/folders/niesciagalne")
    assert rid in [x["receivable_id"] for x in folder.json()]
