"""Issue 19 item 3: on the alimony card an entry is corrected or reversed with a reason kept in
the history of corrections, and the end of an enforcement is recorded; the balance follows.
Today is 2026-11-23 (tests/conftest.py). Interest: odsetki ustawowe za opóźnienie (KC art. 481
§ 2, u.p.o.u.a. art. 27 ust. 1 i 1a) 9.25 % a year since 2026-03-05, from the day after the
payout, 365-day year, rounded to the grosz (as tests/web/test_alimony_pages.py)."""

from __future__ import annotations

import re

import httpx
import pytest

from tests.alimony.support import advance_debtor
from tests.factories import create_debtor
from tests.web.conftest import post_form
from tests.web.test_alimony_pages import _card, _text


@pytest.fixture
async def did(web, api_admin) -> int:
    """A debtor with 500.00 zł a month awarded and one payout of 500.00 on 31.10.2026."""
    did = await create_debtor(api_admin)
    url = f"/alimenty/zobowiazani/{did}"
    for path, form in (
        ("zasadzone", {"monthly_amount": "500,00", "valid_from": "2026-01-01", "entitled": "Anna"}),
        ("wyplaty", {"paid_on": "2026-10-31", "amount": "500,00", "claim": "fund", "entitled": ""}),
    ):
        r = await post_form(web, f"{url}/{path}", form, page=url)
        assert r.status_code == 303, r.text
    return did


def _id(page: str, entry: str) -> int:
    return int(re.findall(rf'<tr id="{entry}-(\d+)"', page)[0])


async def _recover(web: httpx.AsyncClient, did: int) -> None:
    url = f"/alimenty/zobowiazani/{did}"
    form = {"received_on": "2026-11-20", "amount": "100,00", "source": "wplata_dobrowolna"}
    r = await post_form(web, f"{url}/wyegzekwowane", form, page=url)
    assert r.status_code == 303, r.text


async def test_a_payout_corrected_changes_the_balance_and_stays_in_the_history(web, did) -> None:
    page = await _card(web, did)
    pid = _id(page, "wyplata")
    url = f"/alimenty/zobowiazani/{did}/wpisy/wyplata/{pid}/korekta"
    form = {"on": "31.10.2026", "amount": "400,00", "reason": "omyłka w kwocie"}
    r = await post_form(web, url, form, page=f"/alimenty/zobowiazani/{did}")
    assert r.status_code == 303, r.text
    text = _text(await _card(web, did))
    assert "Poprawiono wpis: wypłata z dnia 31.10.2026: 500,00 zł" in text
    # 400.00 × 9.25 % × 23 / 365 = 2.331… → 2.33 zł (23 days: 01.11–23.11.2026).
    assert "Odsetki ustawowe za opóźnienie 2,33 zł" in text
    assert "Saldo na 23.11.2026 402,33 zł" in text
    assert "korekta: wypłata świadczenia" in text
    assert "→ 400,00" not in text  # the history shows before and after in their own columns
    assert "wypłata z dnia 31.10.2026: 400,00 zł (świadczenia z funduszu alimentacyjnego" in text
    assert "omyłka w kwocie" in text


async def test_a_recovery_reversed_restores_the_balance(web, did) -> None:
    await _recover(web, did)
    page = await _card(web, did)
    assert "Saldo na 23.11.2026 402,84 zł" in _text(page)  # as tests/web/test_alimony_pages.py
    rid = _id(page, "wyegzekwowane")
    base = f"/alimenty/zobowiazani/{did}"
    # No reason: refused next to the field, nothing changed.
    r = await post_form(web, f"{base}/wpisy/wyegzekwowane/{rid}/wycofanie", {"reason": ""}, base)
    assert r.status_code == 422
    assert f'id="e-s-wyegzekwowane-{rid}-reason"' in r.text
    assert "Saldo na 23.11.2026 402,84 zł" in _text(r.text)
    r = await post_form(
        web, f"{base}/wpisy/wyegzekwowane/{rid}/wycofanie", {"reason": "przelew zwrócony"}, base
    )
    assert r.status_code == 303, r.text
    text = _text(await _card(web, did))
    # Back to the payout alone: 500.00 + 2.91 (23 days) = 502.91.
    assert "Saldo na 23.11.2026 502,91 zł" in text
    assert "wycofanie: kwota wyegzekwowana" in text
    assert "wyegzekwowano 20.11.2026: 100,00 zł" in text
    assert "— (wycofano) przelew zwrócony" in text


async def test_the_only_payout_is_corrected_not_reversed(web, did) -> None:
    page = await _card(web, did)
    pid = _id(page, "wyplata")
    base = f"/alimenty/zobowiazani/{did}"
    r = await post_form(web, f"{base}/wpisy/wyplata/{pid}/wycofanie", {"reason": "pomyłka"}, base)
    assert r.status_code == 409
    assert "To jedyna wypłata należności funduszu" in r.text
    assert "Saldo na 23.11.2026 502,91 zł" in _text(r.text)


async def test_an_award_corrected_and_an_enforcement_ended(web, did) -> None:
    base = f"/alimenty/zobowiazani/{did}"
    form = {"authority": "Komornik Sądowy przy SR we Włocławku", "case_ref": "Km 12/26",
            "started_on": "2026-02-01"}  # fmt: skip
    assert (await post_form(web, f"{base}/egzekucje", form, base)).status_code == 303
    page = await _card(web, did)
    eid, aid = _id(page, "egzekucja"), _id(page, "zasadzone")
    assert "w toku" in _text(page)
    end = f"{base}/egzekucje/{eid}/zakonczenie"
    r = await post_form(web, end, {"ended_on": "2026-01-15", "reason": ""}, base)
    assert r.status_code == 422
    assert "Zakończenie egzekucji wcześniejsze niż jej wszczęcie" in r.text
    r = await post_form(
        web, end, {"ended_on": "20.11.2026", "reason": "umorzenie postępowania"}, base
    )
    assert r.status_code == 303, r.text
    r = await post_form(
        web,
        f"{base}/wpisy/zasadzone/{aid}/korekta",
        {"on": "2026-01-01", "amount": "450,00", "reason": "wyrok zmieniony w apelacji"},
        base,
    )
    assert r.status_code == 303, r.text
    text = _text(await _card(web, did))
    assert "Komornik Sądowy przy SR we Włocławku Km 12/26 01.02.2026 20.11.2026" in text
    assert "zakończenie: egzekucja" in text
    assert "umorzenie postępowania" in text
    assert "alimenty dla Anna od 01.01.2026: 450,00 zł miesięcznie" in text
    # The monthly history follows the corrected award: October 2026 awarded 450.00.
    assert "10.2026 450,00 zł 0,00 zł nie" in text  # months as MM.RRRR


async def test_entries_under_a_write_off_decision_are_not_corrected(web, api_admin, as_role):
    # 36 effective months on an advance of 1000.00: art. 30 ust. 1 pkt 1, 30 % = 300.00 written
    # off on 23.11.2026 (as tests/web/test_alimony_pages.py); the recoveries it rests on stay.
    did = await advance_debtor(api_admin, 36)
    url = f"/alimenty/zobowiazani/{did}"
    boss = await as_role("kierownik")
    form = {"decided_on": "2026-11-23", "decision_ref": "FA.4410.1.2026", "step": "30"}
    assert (await post_form(boss, f"{url}/umorzenie", form, url)).status_code == 303
    rid = _id(await _card(web, did), "wyegzekwowane")
    r = await post_form(web, f"{url}/wpisy/wyegzekwowane/{rid}/wycofanie", {"reason": "błąd"}, url)
    assert r.status_code == 409
    assert "Po tym wpisie wydano decyzję o umorzeniu (art. 30) z dnia 23.11.2026" in r.text
    assert "Saldo na 23.11.2026 700,00 zł" in _text(r.text)
