"""Issue 19 item 4: Polish everywhere. Dates dd.mm.rrrr and amounts 1 234,56 zł in messages, no
programmer words, plural forms, Polish 404/405 pages, form errors that name the field and keep
what was typed, no "Nie zapisano" where nothing is saved, register names with their capitals."""

from __future__ import annotations

from datetime import date

import pytest

from app.polish import NALEZNOSC, counted, first_upper, pl_amount
from tests.factories import card, create_debtor, create_receivable, deliver
from tests.web.conftest import log_in, post_form


@pytest.mark.parametrize(
    ("n", "text"),
    [
        (0, "0 należności"),
        (1, "1 należność"),
        (2, "2 należności"),
        (5, "5 należności"),
        (22, "22 należności"),
    ],
)
def test_plural_forms_follow_the_polish_rules(n, text):
    assert counted(n, NALEZNOSC) == text
    assert counted(5, ("wezwanie", "wezwania", "wezwań")) == "5 wezwań"
    assert counted(24, ("wezwanie", "wezwania", "wezwań")) == "24 wezwania"


def test_amounts_and_capitals():
    assert pl_amount(123456) == "1\u00a0234,56\u00a0zł"
    assert pl_amount(0) == "0,00\u00a0zł"
    assert first_upper("biuro informacji gospodarczej (BIG)") == (
        "Biuro informacji gospodarczej (BIG)"
    )


@pytest.fixture
async def rid(api_admin) -> int:
    r = await create_receivable(api_admin, await create_debtor(api_admin))
    await deliver(api_admin, r["id"], "wezwanie", "2025-03-05")
    return int(r["id"])


async def test_a_payments_event_reads_in_polish(web, api_admin, rid, today) -> None:
    today.day = date(2025, 12, 10)
    r = await post_form(
        web, f"/naleznosci/{rid}/wplata", {"paid_on": "10.12.2025", "amount": "150,00"}
    )
    assert r.status_code == 303
    causes = [e["cause"] for e in (await card(api_admin, rid, "2025-12-10"))["events"]]
    assert "wpłata 150,00\u00a0zł z dnia 10.12.2025" in causes


async def test_an_impossible_date_and_three_decimals_are_named_and_kept(web, rid) -> None:
    r = await post_form(
        web, f"/naleznosci/{rid}/wplata", {"paid_on": "30.02.2025", "amount": "12,345"}
    )
    assert r.status_code == 422
    # Next to the fields, and in the summary with each field's name.
    assert 'id="e-wplata-paid_on">Nie ma dnia 30.02.2025<' in r.text
    assert "najwyżej dwa miejsca po przecinku" in r.text
    assert 'href="#wplata-paid_on">Data wpłaty: Nie ma dnia 30.02.2025</a>' in r.text
    assert '<a href="#wplata-amount">Kwota: Kwota może mieć najwyżej dwa miejsca' in r.text
    # What was typed stays: the refused date is shown as text (a date field would drop it).
    assert 'type="text" value="30.02.2025"' in r.text
    assert 'value="12,345"' in r.text


async def test_a_form_address_opened_again_is_a_polish_page(web, rid) -> None:
    r = await web.get(f"/naleznosci/{rid}/wplata")  # a reload after a refused form
    assert r.status_code == 405
    assert "Method Not Allowed" not in r.text
    assert "Niedozwolona metoda" in r.text
    assert f'href="/naleznosci/{rid}"' in r.text
    r = await web.get("/nie-ma-takiej-strony")
    assert r.status_code == 404
    assert "Not Found" not in r.text
    assert "Nie ma takiej strony" in r.text


async def test_no_nie_zapisano_where_nothing_is_saved(new_client, web) -> None:
    c = await new_client()
    r = await log_in(c, "nikt", "zle-haslo-123")
    assert "Nie zapisano" not in r.text
    assert "Nie zalogowano." in r.text
    r = await web.get("/kalkulator", params={"kind": "oplata_pobyt", "principal": "abc"})
    assert "Nie zapisano" not in r.text


async def test_the_role_table_and_the_sweeps_speak_polish(as_role) -> None:
    admin = await as_role("admin")
    page = (await admin.get("/uzytkownicy")).text
    assert "collect" not in page
    assert "sweep" not in page
    assert "uruchamianie przeglądów" in page
    page = (await admin.get("/alimenty/rejestry/big")).text
    assert "Biuro informacji gospodarczej (BIG)" in page


async def test_an_unexpected_error_is_a_polish_page(web, monkeypatch) -> None:
    from app.debtors import service as debtor_service

    async def broken(*_args: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(debtor_service, "search", broken)
    r = await web.get("/zobowiazani")
    assert r.status_code == 500
    assert "Błąd wewnętrzny" in r.text
    assert "Internal Server Error" not in r.text
    assert "boom" not in r.text


async def test_an_authority_chosen_by_hand_is_named_not_coded(web, api_admin, rid) -> None:
    kowal = {
        "code": "UM-KOWAL",
        "name": "Burmistrz Miasta Kowala",
        "address": "ul. Piwna 1, 87-820 Kowal",
        "office_code": "0418",
        "communes": [],
    }
    assert (await api_admin.post("/api/v1/authorities", json=kowal)).status_code == 201
    r = await post_form(
        web,
        f"/naleznosci/{rid}/organ-wlasciwy",
        {"authority_code": "UM-KOWAL", "reason": "zajęcie rachunku w Kowalu"},
    )
    assert r.status_code == 303, r.text
    page = (await web.get(f"/naleznosci/{rid}")).text
    assert "organ właściwy → Burmistrz Miasta Kowala (zajęcie rachunku w Kowalu)" in page
    history = (await web.get(f"/naleznosci/{rid}/historia")).text
    assert "organ: organ właściwy → Burmistrz Miasta Kowala" in history
